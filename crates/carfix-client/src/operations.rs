//! The CarFix operation table: every documented function with its assumed path.
//!
//! The document names functions but gives no paths (and no base URL), so every path here is
//! our assumption in the style of an ASP.NET Web API (`/api/Affiliate/CreateCase`); override
//! any of them with `override_path` once CarFix gives you the real ones. Affiliate functions
//! are all documented as POST ("Post Request Body"); the Workshop reads take query
//! parameters ("Request Parameter"), so they are GET.

use partner_core::Operation;
use partner_core::http::Method;

/// Operation names, usable with `override_path`.
pub mod names {
    /// 2.1 Get Access Token for Affiliate API.
    pub const AFFILIATE_LOGIN: &str = "AffiliateLogin";
    /// 2.2 Get Access Token for Workshop API.
    pub const WORKSHOP_LOGIN: &str = "WorkshopLogin";
    /// 3.1 Test.
    pub const TEST: &str = "Test";
    /// 3.2 Initial Call Centre Case.
    pub const INITIAL_CALL_CENTRE_CASE: &str = "InitialCallCentreCase";
    /// 3.3 Create Case.
    pub const CREATE_CASE: &str = "CreateCase";
    /// 3.4 Get Case Details.
    pub const GET_CASE_DETAILS: &str = "GetCaseDetails";
    /// 3.5 Update Case Resolved.
    pub const UPDATE_CASE_RESOLVED: &str = "UpdateCaseResolved";
    /// 3.6 Update Caller Satisfaction Rating.
    pub const UPDATE_CALLER_SATISFACTION_RATING: &str = "UpdateCallerSatisfactionRating";
    /// 3.7 Update Arrival Time.
    pub const UPDATE_ARRIVAL_TIME: &str = "UpdateArrivalTime";
    /// 3.8 Update Incident Photos.
    pub const UPDATE_INCIDENT_PHOTOS: &str = "UpdateIncidentPhotos";
    /// 3.9 Get List of Workshop.
    pub const GET_WORKSHOPS: &str = "GetListOfWorkshop";
    /// 3.10 Get List of RSA Workshop.
    pub const GET_RSA_WORKSHOPS: &str = "GetListOfRsaWorkshop";
    /// 3.11 Get Car Makes.
    pub const GET_CAR_MAKES: &str = "GetCarMakes";
    /// 3.12 Get States.
    pub const GET_STATES: &str = "GetStates";
    /// 3.13 Get Areas.
    pub const GET_AREAS: &str = "GetAreas";
    /// 3.14 Get Nature of Calls.
    pub const GET_NATURE_OF_CALLS: &str = "GetNatureOfCalls";
    /// 3.15 Get Service Needed.
    pub const GET_SERVICE_NEEDED: &str = "GetServiceNeeded";
    /// 3.16 Get Type of Punctures.
    pub const GET_TYPE_OF_PUNCTURES: &str = "GetTypeOfPunctures";
    /// 3.17 Get Breakdown Causes.
    pub const GET_BREAKDOWN_CAUSES: &str = "GetBreakdownCauses";
    /// 3.18 Get Truck Coordination.
    pub const GET_TRUCK_COORDINATION: &str = "GetTruckCoordination";
    /// 3.19 Cancel Case.
    pub const CANCEL_CASE: &str = "CancelCase";
    /// 3.20 Get Case Status.
    pub const GET_CASE_STATUS: &str = "GetCaseStatus";
    /// 3.21 Get List of Cases.
    pub const GET_CASES: &str = "GetListOfCases";
    /// 3.22 Get Incident Photos.
    pub const GET_INCIDENT_PHOTOS: &str = "GetIncidentPhotos";
    /// 4.1 GetTrucks.
    pub const GET_TRUCKS: &str = "GetTrucks";
    /// 4.2 GetDrivers.
    pub const GET_DRIVERS: &str = "GetDrivers";
    /// 4.3 Update Truck Coordinate.
    pub const UPDATE_TRUCK_COORDINATE: &str = "UpdateTruckCoordinate";
    /// 4.4 Get Claims.
    pub const GET_CLAIMS: &str = "GetClaims";
    /// 4.5 Get Claim Detail.
    pub const GET_CLAIM_DETAIL: &str = "GetClaimDetail";
}

use names::*;

const fn affiliate(name: &'static str, path: &'static str, section: &'static str) -> Operation {
    Operation::new(name, Method::POST, path).section(section)
}

/// Every CarFix operation: 2 logins, 22 Affiliate functions (3.1 to 3.22) and 5 Workshop
/// functions (4.1 to 4.5). Paths are assumed (see the module docs).
pub const OPERATIONS: &[Operation] = &[
    affiliate(
        AFFILIATE_LOGIN,
        "/api/Affiliate/Token",
        "2.1 Get Access Token for Affiliate API",
    ),
    Operation::new(WORKSHOP_LOGIN, Method::POST, "/api/Workshop/Token")
        .section("2.2 Get Access Token for Workshop API"),
    affiliate(TEST, "/api/Affiliate/Test", "3.1 Test"),
    affiliate(
        INITIAL_CALL_CENTRE_CASE,
        "/api/Affiliate/InitialCallCentreCase",
        "3.2 Initial Call Centre Case",
    )
    .unsafe_to_retry(),
    affiliate(CREATE_CASE, "/api/Affiliate/CreateCase", "3.3 Create Case").unsafe_to_retry(),
    affiliate(
        GET_CASE_DETAILS,
        "/api/Affiliate/GetCaseDetails",
        "3.4 Get Case Details",
    ),
    affiliate(
        UPDATE_CASE_RESOLVED,
        "/api/Affiliate/UpdateCaseResolved",
        "3.5 Update Case Resolved",
    ),
    affiliate(
        UPDATE_CALLER_SATISFACTION_RATING,
        "/api/Affiliate/UpdateCallerSatisfactionRating",
        "3.6 Update Caller Satisfaction Rating",
    ),
    affiliate(
        UPDATE_ARRIVAL_TIME,
        "/api/Affiliate/UpdateArrivalTime",
        "3.7 Update Arrival Time",
    ),
    affiliate(
        UPDATE_INCIDENT_PHOTOS,
        "/api/Affiliate/UpdateIncidentPhotos",
        "3.8 Update Incident Photos",
    )
    .unsafe_to_retry(),
    affiliate(
        GET_WORKSHOPS,
        "/api/Affiliate/GetListOfWorkshop",
        "3.9 Get List of Workshop",
    ),
    affiliate(
        GET_RSA_WORKSHOPS,
        "/api/Affiliate/GetListOfRSAWorkshop",
        "3.10 Get List of RSA Workshop",
    ),
    affiliate(
        GET_CAR_MAKES,
        "/api/Affiliate/GetCarMakes",
        "3.11 Get Car Makes",
    ),
    affiliate(GET_STATES, "/api/Affiliate/GetStates", "3.12 Get States"),
    affiliate(GET_AREAS, "/api/Affiliate/GetAreas", "3.13 Get Areas"),
    affiliate(
        GET_NATURE_OF_CALLS,
        "/api/Affiliate/GetNatureOfCalls",
        "3.14 Get Nature of Calls",
    ),
    affiliate(
        GET_SERVICE_NEEDED,
        "/api/Affiliate/GetServiceNeeded",
        "3.15 Get Service Needed",
    ),
    affiliate(
        GET_TYPE_OF_PUNCTURES,
        "/api/Affiliate/GetTypeOfPunctures",
        "3.16 Get Type of Punctures",
    ),
    affiliate(
        GET_BREAKDOWN_CAUSES,
        "/api/Affiliate/GetBreakdownCauses",
        "3.17 Get Breakdown Causes",
    ),
    affiliate(
        GET_TRUCK_COORDINATION,
        "/api/Affiliate/GetTruckCoordination",
        "3.18 Get Truck Coordination",
    ),
    affiliate(CANCEL_CASE, "/api/Affiliate/CancelCase", "3.19 Cancel Case").unsafe_to_retry(),
    affiliate(
        GET_CASE_STATUS,
        "/api/Affiliate/GetCaseStatus",
        "3.20 Get Case Status",
    ),
    affiliate(
        GET_CASES,
        "/api/Affiliate/GetListOfCases",
        "3.21 Get List of Cases",
    ),
    affiliate(
        GET_INCIDENT_PHOTOS,
        "/api/Affiliate/GetIncidentPhotos",
        "3.22 Get Incident Photos",
    ),
    Operation::new(GET_TRUCKS, Method::GET, "/api/Workshop/GetTrucks").section("4.1 GetTrucks"),
    Operation::new(GET_DRIVERS, Method::GET, "/api/Workshop/GetDrivers").section("4.2 GetDrivers"),
    Operation::new(
        UPDATE_TRUCK_COORDINATE,
        Method::POST,
        "/api/Workshop/UpdateTruckCoordinate",
    )
    .section("4.3 Update Truck Coordinate"),
    Operation::new(GET_CLAIMS, Method::GET, "/api/Workshop/GetClaims").section("4.4 Get Claims"),
    Operation::new(
        GET_CLAIM_DETAIL,
        Method::GET,
        "/api/Workshop/GetClaimDetail",
    )
    .section("4.5 Get Claim Detail"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_29_unique_operations_with_sections() {
        assert_eq!(OPERATIONS.len(), 29);
        let mut names: Vec<_> = OPERATIONS.iter().map(|o| o.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 29);
        assert!(
            OPERATIONS
                .iter()
                .all(|o| !o.section.is_empty() && !o.path_documented)
        );
    }
}
