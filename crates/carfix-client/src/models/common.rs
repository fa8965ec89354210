//! Shapes shared by many calls: the `{ "Result": true }` acknowledgement, the `items`
//! envelope, rejections, and the value sets (statuses) the document names, as enums that keep
//! values CarFix may add later.
//!
//! Each enum reads its documented values case-insensitively and keeps anything else in
//! `Unknown(String)` (partner-core's `open_enum!`), so a new status never breaks decoding;
//! writing gives back the documented spelling (or the unknown text unchanged).

use partner_core::Error;
use serde::{Deserialize, Serialize};

/// CarFix's acknowledgement body (3.5, 3.6, 3.7; assumed for 3.8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[non_exhaustive]
pub struct Acknowledgement {
    /// True when CarFix accepted the call.
    #[serde(rename = "Result", default)]
    pub result: Option<bool>,
    /// CarFix's message, when it sends one.
    #[serde(rename = "Message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl Acknowledgement {
    /// `Err(Rejected)` when the body says `"Result": false`. A missing `Result` is taken as
    /// success: the HTTP status already said 2xx.
    pub(crate) fn check(self, operation: &'static str) -> Result<(), Error> {
        match self.result {
            Some(false) => Err(rejected(operation, self.message, "Result: false")),
            _ => Ok(()),
        }
    }
}

/// [`Error::Rejected`] for a 2xx whose body says the call failed, with CarFix's message, or
/// `fallback` when it sent none (or a blank one).
pub(crate) fn rejected(operation: &'static str, message: Option<String>, fallback: &str) -> Error {
    Error::Rejected {
        operation,
        code: None,
        message: message
            .filter(|m| !m.trim().is_empty())
            .unwrap_or_else(|| fallback.to_owned()),
    }
}

/// The `{ "items": [...] }` envelope of 3.18, 4.1, 4.2 and 4.4.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Items<T> {
    /// The list; `null` or a missing key reads as empty (.NET writes empty collections
    /// either way; the document only shows `[]`).
    #[serde(
        default = "Vec::new",
        deserialize_with = "partner_core::wire::null_as_empty"
    )]
    pub items: Vec<T>,
}

/// Reads an acknowledgement from a body that may be empty or not JSON (3.8 documents no
/// response): only an explicit `"Result": false` is a failure.
pub(crate) fn check_ack(operation: &'static str, body: &[u8]) -> Result<(), Error> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    match serde_json::from_slice::<Acknowledgement>(body) {
        Ok(ack) => ack.check(operation),
        // A 2xx whose body is not an object (`true`, plain text) is taken as success.
        Err(_) => Ok(()),
    }
}

partner_core::open_enum! {
    /// Where a case stands (3.4, 3.19, 3.20).
    pub enum CaseStatus {
        /// Created, not yet being worked on.
        Open = "Open",
        /// A provider is on it.
        WorkInProgress = "WorkInProgress",
        /// The service was delivered.
        CaseResolved = "CaseResolved",
        /// Closed.
        Closed = "Closed",
        /// Cancelled (3.19).
        Cancelled = "Cancelled",
    }
}

partner_core::open_enum! {
    /// Where a workshop claim stands (4.4). The document shows only `Unsubmitted`.
    pub enum ClaimStatus {
        /// Not yet submitted to the insurer.
        Unsubmitted = "Unsubmitted",
    }
}

partner_core::open_enum! {
    /// Whether a truck or driver account is in use (4.1, 4.2, 4.3).
    pub enum RecordStatus {
        /// In use.
        Active = "ACTIVE",
        /// Not in use.
        Inactive = "INACTIVE",
    }
}

partner_core::open_enum! {
    /// Whether a truck's tracker is reporting (4.1, 4.3).
    pub enum Connectivity {
        /// Reporting now.
        Online = "Online",
        /// Not reporting.
        Offline = "Offline",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acknowledgements() {
        assert!(check_ack("X", br#"{"Result": true}"#).is_ok());
        assert!(check_ack("X", b"").is_ok());
        assert!(check_ack("X", b"\"ok\"").is_ok());
        let err = check_ack("X", br#"{"Result": false, "Message": "Case not found"}"#).unwrap_err();
        assert!(
            matches!(err, Error::Rejected { operation: "X", ref message, .. } if message == "Case not found")
        );
        let err = check_ack("X", br#"{"Result": false, "Message": " "}"#).unwrap_err();
        assert!(
            matches!(err, Error::Rejected { ref message, .. } if message == "Result: false"),
            "a blank message falls back to saying what failed"
        );
    }

    #[test]
    fn lists_read_null_as_empty() {
        let i: Items<u8> = serde_json::from_str(r#"{"items": null}"#).unwrap();
        assert!(i.items.is_empty());
        let i: Items<u8> = serde_json::from_str(r#"{}"#).unwrap();
        assert!(i.items.is_empty());
        let i: Items<u8> = serde_json::from_str(r#"{"items": [1, 2]}"#).unwrap();
        assert_eq!(i.items, [1, 2]);
        let p: Vec<crate::CasePhotos> =
            serde_json::from_str(r#"[{"CaseID": "c", "Images": null}]"#).unwrap();
        assert!(p[0].images.is_empty());
        let e: crate::Estimate = serde_json::from_str(
            r#"{"EstimateParts": null, "EstimateMiscellaneous": null, "EstimateLabours": null}"#,
        )
        .unwrap();
        assert!(e.parts_lines.is_empty() && e.labour_lines.is_empty());
    }

    #[test]
    fn enums_read_documented_values_and_keep_unknown_ones() {
        let all: Vec<CaseStatus> = serde_json::from_str(
            r#"["Open","WorkInProgress","CaseResolved","Closed","Cancelled","open","OnHold"]"#,
        )
        .unwrap();
        assert_eq!(
            all,
            vec![
                CaseStatus::Open,
                CaseStatus::WorkInProgress,
                CaseStatus::CaseResolved,
                CaseStatus::Closed,
                CaseStatus::Cancelled,
                CaseStatus::Open,
                CaseStatus::Unknown("OnHold".into())
            ]
        );
        assert_eq!(serde_json::to_string(&all[6]).unwrap(), "\"OnHold\"");
        assert_eq!(
            serde_json::to_string(&all[1]).unwrap(),
            "\"WorkInProgress\""
        );
        assert_eq!(
            ClaimStatus::from_wire("Unsubmitted"),
            ClaimStatus::Unsubmitted
        );
        assert_eq!(ClaimStatus::from_wire("Approved").to_string(), "Approved");
        assert_eq!(RecordStatus::from_wire("ACTIVE"), RecordStatus::Active);
        assert_eq!(Connectivity::from_wire("Offline"), Connectivity::Offline);
    }
}
