//! 4.2 GetDrivers: a tow operator's drivers.

use serde::{Deserialize, Serialize};

use crate::models::common::RecordStatus;
use crate::wire::yes_no;

/// A tow driver (4.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Driver {
    /// Name.
    #[serde(rename = "Name")]
    pub name: String,
    /// Team leader (`"YES"`/`"NO"`).
    #[serde(rename = "IsLeader", with = "yes_no", default)]
    pub is_leader: bool,
    /// User code (what 3.18 calls `UserCode`).
    #[serde(rename = "UserCode", default)]
    pub user_code: Option<String>,
    /// Phone number as CarFix stores it.
    #[serde(rename = "PhoneNo", default)]
    pub phone_no: Option<String>,
    /// Whether the account is in use.
    #[serde(rename = "Status", default)]
    pub status: Option<RecordStatus>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drivers_parse() {
        let d: Driver = serde_json::from_str(r#"{ "Name": "Ali", "IsLeader": "NO", "UserCode": "123456", "PhoneNo": "0123456789", "Status": "ACTIVE" }"#).unwrap();
        assert!(!d.is_leader);
    }
}
