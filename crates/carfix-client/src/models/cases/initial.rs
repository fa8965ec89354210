//! 3.2 Initial Call Centre Case: the minimum a call centre knows on the first call.

use serde::{Deserialize, Serialize};

use crate::wire::Coordinate;

/// The caller block of 3.2 Initial Call Centre Case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InitialCaseInfo {
    /// Vehicle registration number, at most 30 characters.
    #[serde(rename = "VehicleNo")]
    pub vehicle_no: String,
    /// Caller's phone number with country code (`60123456789`), at most 30 characters.
    #[serde(rename = "CallerContactNo")]
    pub caller_contact_no: String,
    /// Insured's name, at most 200 characters.
    #[serde(rename = "Name")]
    pub name: String,
}

/// 3.2 Initial Call Centre Case: the minimum a call centre knows on the first call.
///
/// ```
/// use carfix_client::{Coordinate, InitialCaseRequest};
/// let req = InitialCaseRequest::new(
///     "ABC1234", "60123456789", "Wong Wai Yan",
///     "70300 SEREMBAN, NEGERI SEMBILAN, MALAYSIA",
///     Coordinate::new(2.725889, 101.9378239).unwrap(),
/// );
/// assert_eq!(req.case_info.vehicle_no, "ABC1234");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InitialCaseRequest {
    /// Vehicle and caller.
    #[serde(rename = "CaseInfo")]
    pub case_info: InitialCaseInfo,
    /// Where the incident is, as an address, at most 300 characters.
    #[serde(rename = "IncidentLocation")]
    pub incident_location: String,
    /// Where the incident is, as a position.
    #[serde(rename = "LocationCoordinate")]
    pub location_coordinate: Coordinate,
}

impl InitialCaseRequest {
    /// A request with every documented field.
    pub fn new(
        vehicle_no: impl Into<String>,
        caller_contact_no: impl Into<String>,
        name: impl Into<String>,
        incident_location: impl Into<String>,
        location_coordinate: Coordinate,
    ) -> Self {
        InitialCaseRequest {
            case_info: InitialCaseInfo {
                vehicle_no: vehicle_no.into(),
                caller_contact_no: caller_contact_no.into(),
                name: name.into(),
            },
            incident_location: incident_location.into(),
            location_coordinate,
        }
    }
}
