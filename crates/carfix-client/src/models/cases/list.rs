//! 3.21 Get List of Cases: cases by vehicle number and creation time.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::wire::datetime::{dotnet, filter};

/// The 3.21 filters. Each is optional; an unset one is sent as `""` (the document's example
/// sends all three keys).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[non_exhaustive]
pub struct CaseListFilter {
    /// Vehicle number, at most 30 characters.
    #[serde(rename = "VehicleNumber", default, with = "crate::wire::blank_if_none")]
    pub vehicle_number: Option<String>,
    /// Created at or after (local time, sent as `yyyy-MM-dd HH:mm:ss`).
    #[serde(rename = "CreatedFromDate", default, with = "filter::blank_if_none")]
    pub created_from: Option<NaiveDateTime>,
    /// Created at or before (local time).
    #[serde(rename = "CreatedToDate", default, with = "filter::blank_if_none")]
    pub created_to: Option<NaiveDateTime>,
}

/// One case of 3.21.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CaseSummary {
    /// CarFix's reference number (`xxxxxx-xxx-xxxxx`).
    #[serde(rename = "ReferenceNo", default)]
    pub reference_no: Option<String>,
    /// The case id.
    #[serde(rename = "CaseID")]
    pub case_id: String,
    /// When the case was created (local time).
    #[serde(rename = "CreatedDate", default, with = "dotnet::option")]
    pub created_date: Option<NaiveDateTime>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{Rules, Strictness};
    use partner_core::validation::Validate;

    #[test]
    fn filter_wire_format_and_rules() {
        let f = CaseListFilter {
            vehicle_number: Some("ABC1234".into()),
            created_from: filter::parse("2023-10-01 00:00:00"),
            created_to: filter::parse("2023-10-31 23:59:59"),
        };
        assert!(f.validate().is_ok());
        assert_eq!(
            serde_json::to_value(&f).unwrap(),
            serde_json::json!({"VehicleNumber": "ABC1234", "CreatedFromDate": "2023-10-01 00:00:00", "CreatedToDate": "2023-10-31 23:59:59"})
        );
        let none = CaseListFilter::default();
        assert_eq!(
            serde_json::to_value(&none).unwrap(),
            serde_json::json!({"VehicleNumber": "", "CreatedFromDate": "", "CreatedToDate": ""}),
            "every documented key, blank when unset"
        );
        let back: CaseListFilter =
            serde_json::from_value(serde_json::to_value(&none).unwrap()).unwrap();
        assert_eq!(back, none);
        let bad = CaseListFilter {
            vehicle_number: Some("x".repeat(31)),
            created_from: f.created_to,
            created_to: f.created_from,
        };
        let err = bad.validate().unwrap_err();
        assert!(err.has("VehicleNumber", &partner_core::Rule::MaxLength { max: 30 }));
        assert_eq!(err.violations().len(), 1, "a backwards range only strictly");
        assert_eq!(
            bad.check(Strictness::Strict)
                .unwrap_err()
                .violations()
                .len(),
            2
        );
        assert!(
            CaseListFilter {
                vehicle_number: Some("x".repeat(30)),
                ..Default::default()
            }
            .validate()
            .is_ok()
        );
    }
}
