//! 3.4 Get Case Details: where a case stands, who is coming and when.

use chrono::NaiveDateTime;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::models::common::CaseStatus;
use crate::wire::datetime::dotnet;
use crate::wire::money::decimal;
use crate::wire::{Coordinate, coordinate};

/// A case as 3.4 returns it. Every field the example shows as `null` (or that the server
/// could leave out) is an `Option`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CaseDetails {
    /// Vehicle registration number.
    #[serde(rename = "VehicleNo", default)]
    pub vehicle_no: Option<String>,
    /// Case status.
    #[serde(rename = "CaseStatus", default)]
    pub case_status: Option<CaseStatus>,
    /// When the case was created (local time).
    #[serde(rename = "CreatedDate", default, with = "dotnet::option")]
    pub created_date: Option<NaiveDateTime>,
    /// Registration of the assigned truck.
    #[serde(rename = "TruckNo", default)]
    pub truck_no: Option<String>,
    /// The truck's latitude (number or numeric string on the wire).
    #[serde(rename = "TruckLatitude", default, with = "crate::wire::flexible_f64")]
    pub truck_latitude: Option<f64>,
    /// The truck's longitude.
    #[serde(rename = "TruckLongitude", default, with = "crate::wire::flexible_f64")]
    pub truck_longitude: Option<f64>,
    /// When the provider arrived (local time).
    #[serde(rename = "ArrivedTime", default, with = "dotnet::option")]
    pub arrived_time: Option<NaiveDateTime>,
    /// Incident address.
    #[serde(rename = "IncidentLocation", default)]
    pub incident_location: Option<String>,
    /// Incident position (the server writes `"lat, lng"`).
    #[serde(rename = "LocationCoordinate", default, with = "coordinate::option")]
    pub location_coordinate: Option<Coordinate>,
    /// Tow destination address.
    #[serde(rename = "TowDestination", default)]
    pub tow_destination: Option<String>,
    /// Tow destination position.
    #[serde(
        rename = "TowDestinationCoordinate",
        default,
        with = "coordinate::option"
    )]
    pub tow_destination_coordinate: Option<Coordinate>,
    /// Amount covered by the insurer (assumed money; `null` in the example).
    #[serde(rename = "CoverByUs", default, with = "decimal::option")]
    pub cover_by_us: Option<Decimal>,
    /// Amount the insured pays (assumed money; `null` in the example).
    #[serde(rename = "PayableByInsured", default, with = "decimal::option")]
    pub payable_by_insured: Option<Decimal>,
    /// Tow driver's name.
    #[serde(rename = "DriverName", default)]
    pub driver_name: Option<String>,
    /// Image URL (empty when none).
    #[serde(rename = "ImageUrl", default)]
    pub image_url: Option<String>,
    /// Service label ("Towing - Tow Truck A").
    #[serde(rename = "ServiceNeeded", default)]
    pub service_needed: Option<String>,
    /// Insurer name.
    #[serde(rename = "InsuranceName", default)]
    pub insurance_name: Option<String>,
    /// Insurer logo URL (empty when none).
    #[serde(rename = "InsImageURL", default)]
    pub insurer_image_url: Option<String>,
    /// Policy state ("Inactive").
    #[serde(rename = "PolicyDue", default)]
    pub policy_due: Option<String>,
    /// When the service was confirmed.
    #[serde(rename = "ServiceConfirmedDate", default, with = "dotnet::option")]
    pub service_confirmed_date: Option<NaiveDateTime>,
    /// When a truck was assigned.
    #[serde(rename = "TruckAssignedDate", default, with = "dotnet::option")]
    pub truck_assigned_date: Option<NaiveDateTime>,
    /// When the case was resolved.
    #[serde(rename = "CaseResolvedDate", default, with = "dotnet::option")]
    pub case_resolved_date: Option<NaiveDateTime>,
    /// When the case was closed.
    #[serde(rename = "CaseClosedDate", default, with = "dotnet::option")]
    pub case_closed_date: Option<NaiveDateTime>,
    /// Extra records; the document only shows an empty list, so items are kept as JSON.
    #[serde(
        rename = "data",
        default,
        deserialize_with = "partner_core::wire::null_as_empty"
    )]
    pub data: Vec<serde_json::Value>,
}

impl CaseDetails {
    /// The truck's position, when CarFix reports both values.
    pub fn truck_position(&self) -> Option<Coordinate> {
        Coordinate::new(self.truck_latitude?, self.truck_longitude?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_example() {
        let body = r#"{ "VehicleNo": "ABC1234", "CaseStatus": "Open", "CreatedDate": "2023-03-13T14:56:18.67", "TruckNo": null, "TruckLatitude": null, "TruckLongitude": "101.5", "ArrivedTime": "2023-03-13T15:26:18.61", "IncidentLocation": "70300 SEREMBAN, NEGERI SEMBILAN, MALAYSIA", "LocationCoordinate": "2.72588900, 101.93782390", "TowDestination": "70300 SEEMBAN", "TowDestinationCoordinate": "2.72588900, 101.93782390", "CoverByUs": null, "PayableByInsured": "150.00", "DriverName": null, "ImageUrl": "", "ServiceNeeded": "Towing - Tow Truck A", "InsuranceName": "CARFIX REFERRED", "InsImageURL": "", "PolicyDue": "Inactive", "ServiceConfirmedDate": null, "TruckAssignedDate": null, "CaseResolvedDate": null, "CaseClosedDate": null, "data": [] }"#;
        let d: CaseDetails = serde_json::from_str(body).unwrap();
        assert_eq!(d.case_status, Some(CaseStatus::Open));
        assert_eq!(
            d.location_coordinate,
            Some(Coordinate::new(2.725889, 101.9378239).unwrap())
        );
        assert_eq!(
            dotnet::format(&d.created_date.unwrap()),
            "2023-03-13T14:56:18.67"
        );
        assert_eq!(d.truck_latitude, None);
        assert_eq!(d.truck_longitude, Some(101.5));
        assert_eq!(d.payable_by_insured, Some(Decimal::new(15000, 2)));
        assert!(d.truck_position().is_none());
        assert!(d.case_closed_date.is_none());
    }
}
