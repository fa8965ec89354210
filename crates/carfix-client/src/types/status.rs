//! Value sets the document names, as enums that keep values CarFix may add later.
//!
//! Each enum reads its documented values case-insensitively and keeps anything else in
//! `Unknown(String)` (partner-core's `open_enum!`), so a new status never breaks decoding; writing gives back the documented
//! spelling (or the unknown text unchanged).

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

// Serde for the `"Yes"`/`"No"` flags (3.19, 3.20 `Result`, 4.2 `IsLeader`) and for a `bool`
// sent as `"true"`/`"false"` (3.19 `IsCheckOnly`); both read yes/no/true/false in any case,
// JSON booleans and `null` (as no). Shared with other vendors in partner-core.
pub use partner_core::wire::{bool_string, yes_no};

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn yes_no_and_bool_strings() {
        #[derive(serde::Deserialize, serde::Serialize)]
        struct T {
            #[serde(with = "yes_no")]
            a: bool,
            #[serde(with = "bool_string")]
            b: bool,
        }
        let t: T = serde_json::from_str(r#"{"a": "NO", "b": "true"}"#).unwrap();
        assert!(!t.a && t.b);
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"a":"No","b":"true"}"#
        );
        let t: T = serde_json::from_str(r#"{"a": "Yes", "b": false}"#).unwrap();
        assert!(t.a && !t.b);
        assert!(serde_json::from_str::<T>(r#"{"a": "maybe", "b": "true"}"#).is_err());
        let t: T = serde_json::from_str(r#"{"a": null, "b": "false"}"#).unwrap();
        assert!(!t.a && !t.b);
    }
}
