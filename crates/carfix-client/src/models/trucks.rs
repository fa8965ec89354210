//! Tow trucks: where the truck serving a case is (3.18), a tow operator's trucks (4.1) and
//! their position reports (4.3).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::models::common::{Connectivity, RecordStatus};
use crate::wire::Coordinate;
use crate::wire::datetime::clock12;
use crate::wire::flexible_f64;

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

/// 3.18 Get Truck Coordination body.
///
/// The definition lists `TruckNo` and `UserCode`; the example sends `TruckNo` and `CaseID`.
/// The example's keys are always sent (`CaseID` as `""` when unset); `UserCode`, only in the
/// definition, is sent when set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TruckQuery {
    /// Truck registration number.
    #[serde(rename = "TruckNo")]
    pub truck_no: String,
    /// The case the truck serves (from the example; `""` when unset).
    #[serde(rename = "CaseID", default, with = "crate::wire::blank_if_none")]
    pub case_id: Option<String>,
    /// The tow driver's user code (from the definition).
    #[serde(rename = "UserCode", default, skip_serializing_if = "Option::is_none")]
    pub user_code: Option<String>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::common::Items;

    #[test]
    fn trucks_parse() {
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
    }
}
