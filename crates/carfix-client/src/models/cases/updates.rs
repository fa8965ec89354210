//! Changing a case: resolved (3.5), rating (3.6), arrival time (3.7), cancel (3.19), status (3.20).

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::models::common::CaseStatus;
use crate::wire::money::decimal;
use crate::wire::{bool_string, yes_no};

/// A body holding only a case id (3.4, 3.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseIdRequest {
    /// The case id from 3.2/3.3.
    #[serde(rename = "CaseID")]
    pub case_id: String,
}

/// The highest rating 3.6 accepts ("0,1,2,3,4,5").
pub const MAX_RATING: u8 = 5;

/// 3.6 Update Caller Satisfaction Rating.
///
/// ```
/// use carfix_client::RatingRequest;
/// let r = RatingRequest::new("case-id", 3, "Service Is Good");
/// assert_eq!(r.customer_satisfaction_id, 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RatingRequest {
    /// The case id.
    #[serde(rename = "CaseID")]
    pub case_id: String,
    /// Rating from 0 to 5.
    #[serde(rename = "CustomerSatisfactionID")]
    pub customer_satisfaction_id: u8,
    /// The caller's feedback, at most 200 characters.
    #[serde(rename = "CustomerRemarks")]
    pub customer_remarks: String,
}

impl RatingRequest {
    /// A rating with remarks (may be empty).
    pub fn new(case_id: impl Into<String>, rating: u8, remarks: impl Into<String>) -> Self {
        RatingRequest {
            case_id: case_id.into(),
            customer_satisfaction_id: rating,
            customer_remarks: remarks.into(),
        }
    }
}

/// 3.7 Update Arrival Time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArrivalTimeRequest {
    /// The case id.
    #[serde(rename = "CaseID")]
    pub case_id: String,
    /// When the provider arrived, sent as `2012-07-23T18:25:43.511Z`.
    #[serde(rename = "ArrivalDateTime", with = "crate::wire::datetime::utc_millis")]
    pub arrival_date_time: DateTime<Utc>,
}

/// 3.19 Cancel Case, both as a quote (`IsCheckOnly: "true"`) and for real.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelCaseRequest {
    /// The case key (the case id).
    #[serde(rename = "Key")]
    pub key: String,
    /// True to only ask what cancelling would cost.
    #[serde(rename = "IsCheckOnly", with = "bool_string")]
    pub is_check_only: bool,
}

/// The answer to 3.19.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cancellation {
    /// `"Yes"`: the case can be (or was) cancelled.
    #[serde(rename = "Result", with = "yes_no")]
    pub result: bool,
    /// The case status after the call.
    #[serde(rename = "CaseStatus", default)]
    pub case_status: Option<CaseStatus>,
    /// What cancelling costs (or cost), exact.
    #[serde(rename = "CancellationCharges", default, with = "decimal::option")]
    pub cancellation_charges: Option<Decimal>,
    /// Why it cannot be cancelled (empty when it can).
    #[serde(rename = "ErrorMessage", default)]
    pub error_message: Option<String>,
}

/// A body holding only a case key (3.20).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseKeyRequest {
    /// The case key (the case id).
    #[serde(rename = "Key")]
    pub key: String,
}

/// The answer to 3.20.
///
/// The document's example answers `CaseStatus` with a list of all five statuses (`["Open",
/// "WorkInProgress", "CaseResolved", "Closed", "Cancelled"]`). A list says which statuses
/// CarFix names, not which one the case is in: no entry is the current one by position, so
/// [`CaseStatusReport::current`] gives a status only when exactly one was sent, and
/// [`CaseStatusReport::reported`] says which shape arrived. The case's current status is
/// 3.4's `CaseStatus` ([`crate::Cases::get`], [`crate::CaseDetails::case_status`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CaseStatusReport {
    /// `"Yes"` when the case was found.
    #[serde(rename = "Result", with = "yes_no")]
    pub result: bool,
    /// The status or statuses CarFix sent, in its order (a single one as a list of one;
    /// `null` or a missing key as none).
    #[serde(rename = "CaseStatus", default, deserialize_with = "one_or_many")]
    pub case_status: Vec<CaseStatus>,
    /// CarFix's explanation when `result` is false (not documented; read when sent).
    #[serde(
        rename = "ErrorMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<String>,
}

/// What a 3.20 answer says about the case's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReportedStatus<'a> {
    /// Exactly one status: the case's current one.
    Current(&'a CaseStatus),
    /// Several statuses, as in the document's example: which one is current is not said.
    /// Read it from 3.4 ([`crate::Cases::get`]).
    Ambiguous(&'a [CaseStatus]),
    /// No status at all.
    Missing,
}

impl CaseStatusReport {
    /// The case's status when CarFix sent exactly one; `None` when it sent several (which is
    /// current is unknown: read 3.4) or none.
    pub fn current(&self) -> Option<&CaseStatus> {
        match self.reported() {
            ReportedStatus::Current(s) => Some(s),
            _ => None,
        }
    }

    /// Which shape the answer had: one status, several, or none.
    ///
    /// ```
    /// use carfix_client::{CaseStatus, CaseStatusReport, ReportedStatus};
    /// let documented: CaseStatusReport = serde_json::from_str(
    ///     r#"{"Result": "Yes", "CaseStatus": ["Open", "WorkInProgress", "CaseResolved", "Closed", "Cancelled"]}"#,
    /// ).unwrap();
    /// assert!(matches!(documented.reported(), ReportedStatus::Ambiguous(all) if all.len() == 5));
    /// assert_eq!(documented.current(), None);
    /// let one: CaseStatusReport = serde_json::from_str(r#"{"Result": "Yes", "CaseStatus": "Open"}"#).unwrap();
    /// assert_eq!(one.reported(), ReportedStatus::Current(&CaseStatus::Open));
    /// ```
    pub fn reported(&self) -> ReportedStatus<'_> {
        match self.case_status.as_slice() {
            [] => ReportedStatus::Missing,
            [one] => ReportedStatus::Current(one),
            several => ReportedStatus::Ambiguous(several),
        }
    }
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<CaseStatus>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        One(CaseStatus),
        Many(Vec<CaseStatus>),
    }
    Ok(match Option::<Raw>::deserialize(d)? {
        None => Vec::new(),
        Some(Raw::One(s)) => vec![s],
        Some(Raw::Many(v)) => v,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrival_time_wire_format() {
        let t = crate::wire::datetime::utc_millis::parse("2012-07-23T18:25:43.511Z").unwrap();
        let r = ArrivalTimeRequest {
            case_id: "c".into(),
            arrival_date_time: t,
        };
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            serde_json::json!({"CaseID": "c", "ArrivalDateTime": "2012-07-23T18:25:43.511Z"})
        );
    }

    #[test]
    fn cancellation_and_status_bodies() {
        let c: Cancellation = serde_json::from_str(
            r#"{ "Result": "Yes", "CaseStatus": "Cancelled", "CancellationCharges": 0.00, "ErrorMessage": "" }"#,
        )
        .unwrap();
        assert!(c.result);
        assert_eq!(c.case_status, Some(CaseStatus::Cancelled));
        assert_eq!(c.cancellation_charges, Some(Decimal::ZERO));
        let s: CaseStatusReport =
            serde_json::from_str(r#"{"Result": "Yes", "CaseStatus": "WorkInProgress"}"#).unwrap();
        assert_eq!(s.current(), Some(&CaseStatus::WorkInProgress));
        let s: CaseStatusReport =
            serde_json::from_str(r#"{"Result": "Yes", "CaseStatus": ["Open", "Cancelled"]}"#)
                .unwrap();
        assert_eq!(s.case_status.len(), 2);
        assert_eq!(s.current(), None, "an Open case must not read as Cancelled");
        assert_eq!(
            s.reported(),
            ReportedStatus::Ambiguous(&[CaseStatus::Open, CaseStatus::Cancelled])
        );
        let s: CaseStatusReport =
            serde_json::from_str(r#"{"Result": "No", "CaseStatus": null}"#).unwrap();
        assert_eq!(s.reported(), ReportedStatus::Missing);
        let req = CancelCaseRequest {
            key: "k".into(),
            is_check_only: true,
        };
        assert_eq!(
            serde_json::to_value(&req).unwrap(),
            serde_json::json!({"Key": "k", "IsCheckOnly": "true"})
        );
    }
}
