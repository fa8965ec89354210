//! The CarFix Workshop API (trucks, drivers, claims; 4.1 to 4.5) and the Affiliate API's
//! view of a truck (3.18). Trucks move when the workshop reports a position (4.3); the
//! affiliate then sees the new position in 3.18 and in the case details (3.4).

use carfix_client::TruckPositionUpdate;
use carfix_client::models::trucks::TruckQuery;
use chrono::{NaiveDate, NaiveDateTime};
use serde_json::{Value, json};

use super::{Answer, CarfixSandbox, Refusal, bad_request, clock12, local_now, not_found};
use crate::server::Call;

/// One tow truck of the demo fleet.
#[derive(Debug, Clone, PartialEq)]
pub struct TruckRecord {
    /// `TruckNo`.
    pub truck_no: String,
    /// The GPS unit's `IMEI`, which must accompany position updates.
    pub imei: String,
    /// The driver.
    pub driver: String,
    /// The last reported position.
    pub position: (f64, f64),
    /// When it was last reported (local time).
    pub updated: NaiveDateTime,
    /// Whether it reported since the sandbox started.
    pub online: bool,
}

/// Two trucks near the document's example locations.
pub(super) fn fleet() -> Vec<TruckRecord> {
    let now = local_now();
    vec![
        TruckRecord {
            truck_no: "WXY1234".into(),
            imei: "123456789012345".into(),
            driver: "Ali".into(),
            position: (2.7297, 101.9381),
            updated: now,
            online: false,
        },
        TruckRecord {
            truck_no: "VBN5678".into(),
            imei: "123456789012346".into(),
            driver: "Chong".into(),
            position: (3.0898378, 101.6892946),
            updated: now,
            online: false,
        },
    ]
}

pub(super) fn truck_json(t: &TruckRecord) -> Value {
    json!({
        "TruckNo": t.truck_no,
        "IMEI": t.imei,
        "CurrentDriver": t.driver,
        "Latitude": t.position.0,
        "Longitude": t.position.1,
        "LastUpdateTime": clock12(t.updated),
        "Online": if t.online { "Online" } else { "Offline" },
        "Status": "ACTIVE",
    })
}

/// `(key, vehicle, accident date, insured, make and model, claim type, status)`.
const CLAIMS: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
    (
        "CLM-0001",
        "ABC1234",
        "2022-08-22T14:24:00",
        "Ali",
        "BMW 1-Series 2013 On",
        "Own Damage",
        "Submitted",
    ),
    (
        "CLM-0002",
        "WXY9876",
        "2022-09-03T08:27:11.313",
        "Siti",
        "MAZDA CX30",
        "OD Notification",
        "Unsubmitted",
    ),
];

fn date_param(call: &Call, name: &str) -> Result<Option<NaiveDate>, Refusal> {
    call.query(name)
        .map(|v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map_err(|_| bad_request(format!("{name} must be YYYY-MM-DD")))
        })
        .transpose()
}

fn claim_detail(c: &(&str, &str, &str, &str, &str, &str, &str)) -> Value {
    let (make, model) = c.4.split_once(' ').unwrap_or((c.4, ""));
    json!({
        "ClaimDetail": {
            "AccidentDate": c.2, "AccidentPlace": "58200 Kuala Lumpur, KL, Malaysia", "CarRegNo": c.1,
            "ClaimType": c.5, "DriverName": c.3, "InsuredName": c.3, "InCompanyName": "Insurance BHD",
            "InsuredEmail": format!("{}@mail.example", c.3.to_lowercase()), "Make": make, "Model": model,
            "PolicyNo": format!("PN-{}", c.0), "PolicyCover": "", "ChassisNo": null, "EngineNo": null, "VehYear": null,
        },
        "EstimateDetail": {
            "EstimateLabours": [{ "Description": "Bonnet", "CP": "0.40", "MET": "0.60", "Panel": "0.40", "Paint": "6.10", "Other": "", "Src": "T", "Total": 7.5 }],
            "EstimateParts": [{ "Description": "*BONNET", "PartNo": null, "Qty": 1, "Price": "*1,000.00", "Disc": 0.0, "Btmt": 0.0, "Src": 1, "Total": "1,000.00F" }],
            "EstimateMiscellaneous": [],
            "Labour": 7.5, "Miscellenous": 0.0, "PaintMaterials": 0.0, "PaintworkLabour": 0.0, "Parts": 1000.0, "Towing": 0.0, "Total": 1007.5,
        },
    })
}

impl CarfixSandbox {
    /// 3.18 and 4.1 to 4.5; `None` for other operations.
    pub(super) fn workshop_api(&self, name: &str, call: &Call) -> Option<Answer> {
        let answer = match name {
            "GetTrucks" => Ok(
                json!({ "items": self.state().trucks.iter().map(truck_json).collect::<Vec<_>>() }),
            ),
            "GetDrivers" => Ok(json!({ "items": [
                { "Name": "Ali", "IsLeader": "NO", "UserCode": "123456", "PhoneNo": "0123456789", "Status": "ACTIVE" },
                { "Name": "Chong", "IsLeader": "YES", "UserCode": "234567", "PhoneNo": "0198765432", "Status": "ACTIVE" },
            ] })),
            "UpdateTruckCoordinate" => call.validated::<TruckPositionUpdate>().and_then(|update| {
                let mut state = self.state();
                let truck = state
                    .trucks
                    .iter_mut()
                    .find(|t| t.truck_no == update.truck_no)
                    .ok_or_else(|| not_found("truck"))?;
                if truck.imei != update.imei {
                    return Err(bad_request(format!(
                        "IMEI {} does not belong to truck {}",
                        update.imei, update.truck_no
                    )));
                }
                truck.position = (update.latitude, update.longitude);
                truck.updated = local_now();
                truck.online = true;
                let answer = truck_json(truck);
                // A truck on the move puts its open cases to work.
                let truck_no = update.truck_no.clone();
                for case in state
                    .cases
                    .iter_mut()
                    .filter(|c| c.truck_no.as_deref() == Some(truck_no.as_str()))
                {
                    case.advance_to("WorkInProgress");
                }
                Ok(answer)
            }),
            "GetTruckCoordination" => call.validated::<TruckQuery>().map(|query| {
                let state = self.state();
                let trucks: Vec<Value> = state
                    .trucks
                    .iter()
                    .filter(|t| t.truck_no == query.truck_no)
                    .map(truck_json)
                    .collect();
                json!({ "items": trucks })
            }),
            "GetClaims" => (|| {
                let from = date_param(call, "accidentFromDate")?;
                let to = date_param(call, "accidentToDate")?;
                let items: Vec<Value> = CLAIMS
                    .iter()
                    .filter(|c| {
                        let day = NaiveDate::parse_from_str(&c.2[..10], "%Y-%m-%d").ok();
                        from.is_none_or(|f| day.is_some_and(|d| d >= f)) && to.is_none_or(|t| day.is_some_and(|d| d <= t))
                    })
                    .map(|c| json!({
                        "key": c.0, "VehicleNo": c.1, "AccidentDate": c.2, "InsuredName": c.3,
                        "MakeModel": c.4, "ClaimType": c.5, "ClaimStatus": c.6, "Insurer": "CARFIX REFERRED",
                    }))
                    .collect();
                Ok(json!({ "items": items }))
            })(),
            "GetClaimDetail" => {
                let key = call.query("key").unwrap_or_default();
                CLAIMS
                    .iter()
                    .find(|c| c.0 == key)
                    .map(claim_detail)
                    .ok_or_else(|| not_found("claim"))
            }
            _ => return None,
        };
        Some(answer)
    }
}
