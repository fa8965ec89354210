//! Decodes a fixture answer the way the client does: the typed answer model of each
//! operation, through partner-core's path-aware decoder (the login's secret-keeping one),
//! with the crate's own envelopes (`{ "items": [...] }`, top-level lists where `null` is
//! empty).

use carfix_client::models::common::{Acknowledgement, Items};
use carfix_client::*;
use partner_core::Error;
use serde::de::DeserializeOwned;

fn json<T: DeserializeOwned>(op: &'static str, body: &[u8]) -> Option<Result<(), Error>> {
    Some(partner_core::decode_json::<T>(op, body).map(drop))
}

/// Decodes `body` as the answer of `operation` (a name in `OPERATIONS`); `None` for
/// operations whose answer the client reads no model from (3.1 Test and 3.8 Update Incident
/// Photos: no response is documented, any 2xx is success unless it says `"Result": false`).
pub fn decode(operation: &str, body: &[u8]) -> Option<Result<(), Error>> {
    let op = OPERATIONS.iter().find(|o| o.name == operation)?.name;
    match op {
        "AffiliateLogin" | "WorkshopLogin" => {
            Some(partner_core::decode_json_secret::<AccessToken>(op, body).map(drop))
        }
        "Test" | "UpdateIncidentPhotos" => None,
        "InitialCallCentreCase" | "CreateCase" => json::<CaseCreated>(op, body),
        "GetCaseDetails" => json::<CaseDetails>(op, body),
        "UpdateCaseResolved" | "UpdateCallerSatisfactionRating" | "UpdateArrivalTime" => {
            json::<Acknowledgement>(op, body)
        }
        "GetListOfWorkshop"
        | "GetListOfRsaWorkshop"
        | "GetStates"
        | "GetAreas"
        | "GetNatureOfCalls"
        | "GetServiceNeeded"
        | "GetBreakdownCauses" => json::<Option<Vec<LookupItem>>>(op, body),
        "GetCarMakes" => json::<Option<Vec<CarMake>>>(op, body),
        "GetTypeOfPunctures" => json::<Option<Vec<PunctureType>>>(op, body),
        "GetTruckCoordination" | "GetTrucks" => json::<Items<Truck>>(op, body),
        "CancelCase" => json::<Cancellation>(op, body),
        "GetCaseStatus" => json::<CaseStatusReport>(op, body),
        "GetListOfCases" => json::<Option<Vec<CaseSummary>>>(op, body),
        "GetIncidentPhotos" => json::<Option<Vec<CasePhotos>>>(op, body),
        "GetDrivers" => json::<Items<Driver>>(op, body),
        "UpdateTruckCoordinate" => json::<Truck>(op, body),
        "GetClaims" => json::<Items<ClaimSummary>>(op, body),
        "GetClaimDetail" => json::<ClaimDetail>(op, body),
        other => panic!("decode: no answer model for {other}"),
    }
}
