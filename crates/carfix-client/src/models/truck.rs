//! Tow trucks and drivers: truck positions (3.18, 4.1, 4.3) and the driver roster (4.2).

use chrono::NaiveDateTime;
use partner_core::validation::{Validate, Validator};
use serde::{Deserialize, Serialize};

use super::common::flexible_f64;
use crate::types::datetime::clock12;
use crate::types::status::yes_no;
use crate::types::{Connectivity, Coordinate, RecordStatus};

/// A truck and its last known position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Truck {
    /// The tracker's IMEI (only in 4.3's answer).
    #[serde(rename = "IMEI", default, skip_serializing_if = "Option::is_none")]
    pub imei: Option<String>,
    /// Registration number.
    #[serde(rename = "TruckNo")]
    pub truck_no: String,
    /// Whether the truck is in use ("ACTIVE").
    #[serde(rename = "Status", default)]
    pub status: Option<RecordStatus>,
    /// Whether its tracker reports ("Online"/"Offline").
    #[serde(rename = "Online", default)]
    pub online: Option<Connectivity>,
    /// Driver's name.
    #[serde(rename = "CurrentDriver", default)]
    pub current_driver: Option<String>,
    /// Last position update (local time, `17/02/2024 01:58:16 PM`).
    #[serde(rename = "LastUpdateTime", default, with = "clock12::option")]
    pub last_update_time: Option<NaiveDateTime>,
    /// Latitude.
    #[serde(rename = "Latitude", default, with = "flexible_f64")]
    pub latitude: Option<f64>,
    /// Longitude.
    #[serde(rename = "Longitude", default, with = "flexible_f64")]
    pub longitude: Option<f64>,
}

impl Truck {
    /// The position, when both values are known and valid.
    pub fn position(&self) -> Option<Coordinate> {
        Coordinate::new(self.latitude?, self.longitude?).ok()
    }
}

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

/// 3.18 Get Truck Coordination body.
///
/// The definition lists `TruckNo` and `UserCode`; the example sends `TruckNo` and `CaseID`.
/// All three are supported; absent ones are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TruckQuery {
    /// Truck registration number.
    #[serde(rename = "TruckNo")]
    pub truck_no: String,
    /// The case the truck serves (from the example).
    #[serde(rename = "CaseID", default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<String>,
    /// The tow driver's user code (from the definition).
    #[serde(rename = "UserCode", default, skip_serializing_if = "Option::is_none")]
    pub user_code: Option<String>,
}

impl Validate for TruckQuery {
    fn validate_into(&self, v: &mut Validator) {
        v.required("TruckNo", &self.truck_no);
    }
}

/// 4.3 Update Truck Coordinate body.
///
/// ```
/// use carfix_client::{Coordinate, TruckPositionUpdate};
/// let u = TruckPositionUpdate::new("123456789012345", "ABC1234", Coordinate::new(3.197467, 101.714577).unwrap());
/// assert_eq!(u.latitude, 3.197467);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TruckPositionUpdate {
    /// The tracker's IMEI.
    #[serde(rename = "IMEI")]
    pub imei: String,
    /// Truck registration number.
    #[serde(rename = "TruckNo")]
    pub truck_no: String,
    /// Latitude.
    #[serde(rename = "Latitude")]
    pub latitude: f64,
    /// Longitude.
    #[serde(rename = "Longitude")]
    pub longitude: f64,
}

impl TruckPositionUpdate {
    /// An update from a checked coordinate.
    pub fn new(imei: impl Into<String>, truck_no: impl Into<String>, at: Coordinate) -> Self {
        TruckPositionUpdate {
            imei: imei.into(),
            truck_no: truck_no.into(),
            latitude: at.latitude,
            longitude: at.longitude,
        }
    }
}

impl Validate for TruckPositionUpdate {
    fn validate_into(&self, v: &mut Validator) {
        v.required("IMEI", &self.imei);
        v.required("TruckNo", &self.truck_no);
        v.format(
            "Latitude",
            self.latitude.is_finite() && (-90.0..=90.0).contains(&self.latitude),
            "between -90 and 90",
        );
        v.format(
            "Longitude",
            self.longitude.is_finite() && (-180.0..=180.0).contains(&self.longitude),
            "between -180 and 180",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::common::Items;

    #[test]
    fn trucks_and_drivers_parse() {
        let t: Items<Truck> = serde_json::from_str(r#"{ "items": [ { "TruckNo": "ABC1234", "Status": "ACTIVE", "Online": "Offline", "CurrentDriver": "Ali", "LastUpdateTime": "18/03/2021 01:44:10 PM", "Latitude": 3.08983780, "Longitude": 101.68929460 } ] }"#).unwrap();
        let t = &t.items[0];
        assert_eq!(t.status, Some(RecordStatus::Active));
        assert_eq!(t.online, Some(Connectivity::Offline));
        assert_eq!(
            clock12::format(&t.last_update_time.unwrap()),
            "18/03/2021 01:44:10 PM"
        );
        assert_eq!(
            t.position(),
            Some(Coordinate::new(3.0898378, 101.6892946).unwrap())
        );
        let d: Driver = serde_json::from_str(r#"{ "Name": "Ali", "IsLeader": "NO", "UserCode": "123456", "PhoneNo": "0123456789", "Status": "ACTIVE" }"#).unwrap();
        assert!(!d.is_leader);
    }

    #[test]
    fn position_update_rules() {
        let ok = TruckPositionUpdate {
            imei: "1".into(),
            truck_no: "T".into(),
            latitude: -90.0,
            longitude: 180.0,
        };
        assert!(ok.validate().is_ok());
        let bad = TruckPositionUpdate {
            imei: "".into(),
            truck_no: " ".into(),
            latitude: 90.1,
            longitude: f64::NAN,
        };
        assert_eq!(bad.validate().unwrap_err().violations().len(), 4);
    }
}
