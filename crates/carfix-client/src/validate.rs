//! The document's rules, checked before anything is sent: one `Validate` implementation per
//! request body, each rule naming the wire field it is about (`CaseInfo.CallerContactNo`).
//!
//! Limits come from the definition tables (`<string(30)>`, `<varchar(300)>`); formats from
//! their descriptions. Every violation is reported at once as `Error::Validation`.

use chrono::NaiveDate;
use partner_core::validation::{Validate, Validator};
use partner_core::{Rule, ValidationErrors};

use crate::models::cases::{
    ArrivalTimeRequest, CancelCaseRequest, CaseIdRequest, CaseKeyRequest, CaseListFilter,
    CreateCaseRequest, InitialCaseRequest, MAX_RATING, RatingRequest,
};
use crate::models::incident_photos::{PhotoUpload, is_jpeg};
use crate::models::lookups::{AreaQuery, NatureOfCallQuery, StateQuery};
use crate::models::trucks::{TruckPositionUpdate, TruckQuery};
use crate::wire::Coordinate;

/// Longest incident location, workshop name or tow destination (`varchar(300)`, 3.2, 3.3).
pub const LOCATION_MAX: usize = 300;

/// A coordinate built by hand (its fields are public) is checked again before sending.
pub(crate) fn check_coordinate(v: &mut Validator, field: &str, c: &Coordinate) {
    v.format(
        field,
        c.is_valid(),
        "a latitude in -90..90 and a longitude in -180..180",
    );
}

/// The rule 3.2/3.3 write as "Format: {60+ Example: 60123456789": digits, starting with 60.
pub(crate) fn check_contact_no(v: &mut Validator, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        v.required(field, value);
        return;
    }
    v.max_chars(field, value, max);
    let ok =
        value.len() > 2 && value.starts_with("60") && value.bytes().all(|b| b.is_ascii_digit());
    v.format(
        field,
        ok,
        "digits starting with the country code 60, like 60123456789",
    );
}

/// Required and at most `max` characters.
pub(crate) fn required_max(v: &mut Validator, field: &str, value: &str, max: usize) {
    v.required(field, value);
    v.max_chars(field, value, max);
}

/// 4.5's `key` query parameter.
pub(crate) fn claim_key(key: &str) -> Result<(), ValidationErrors> {
    let mut v = Validator::new();
    v.required("key", key);
    v.finish()
}

/// 4.4's accident date range: "to" not before "from".
pub(crate) fn claim_range(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(), ValidationErrors> {
    let mut v = Validator::new();
    if let (Some(from), Some(to)) = (from, to) {
        v.check(
            "accidentToDate",
            from <= to,
            Rule::Other("must not be before accidentFromDate".into()),
        );
    }
    v.finish()
}

fn is_blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|s| s.trim().is_empty())
}

impl Validate for CreateCaseRequest {
    fn validate_into(&self, v: &mut Validator) {
        let c = &self.case_info;
        v.nested("CaseInfo", |v| {
            required_max(v, "VehicleNo", &c.vehicle_no, 30);
            v.required("NatureOfCall", &c.nature_of_call);
            v.required("ServiceNeeded", &c.service_needed);
            v.max_chars("Make", &c.make, 50);
            v.max_chars("Model", &c.model, 200);
            v.max_chars("Type", &c.transmission, 100);
            v.max_chars("CallerName", &c.caller_name, 100);
            check_contact_no(v, "CallerContactNo", &c.caller_contact_no, 50);
            v.max_chars("InsuredEmail", &c.insured_email, 100);
        });
        required_max(v, "IncidentLocation", &self.incident_location, LOCATION_MAX);
        check_coordinate(v, "LocationCoordinate", &self.location_coordinate);
        v.required("LocationState", &self.location_state);
        v.required("LocationArea", &self.location_area);
        v.max_chars_opt(
            "PanelWorkshopName",
            self.panel_workshop_name.as_deref(),
            LOCATION_MAX,
        );
        v.max_chars_opt("WorkshopName", self.workshop_name.as_deref(), LOCATION_MAX);
        if !is_blank(&self.panel_workshop_name) && !is_blank(&self.workshop_name) {
            v.push(
                "WorkshopName",
                Rule::ConflictsWith {
                    other: "PanelWorkshopName".into(),
                },
            );
        }
        v.max_chars_opt(
            "TowDestination",
            self.tow_destination.as_deref(),
            LOCATION_MAX,
        );
        if let Some(c) = &self.tow_destination_coordinate {
            check_coordinate(v, "TowDestinationCoordinate", c);
        }
    }
}

impl Validate for InitialCaseRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.nested("CaseInfo", |v| {
            required_max(v, "VehicleNo", &self.case_info.vehicle_no, 30);
            check_contact_no(v, "CallerContactNo", &self.case_info.caller_contact_no, 30);
            required_max(v, "Name", &self.case_info.name, 200);
        });
        required_max(v, "IncidentLocation", &self.incident_location, LOCATION_MAX);
        check_coordinate(v, "LocationCoordinate", &self.location_coordinate);
    }
}

impl Validate for CaseListFilter {
    fn validate_into(&self, v: &mut Validator) {
        v.max_chars_opt("VehicleNumber", self.vehicle_number.as_deref(), 30);
        if let (Some(from), Some(to)) = (self.created_from, self.created_to) {
            v.check(
                "CreatedToDate",
                from <= to,
                Rule::Other("must not be before CreatedFromDate".into()),
            );
        }
    }
}

impl Validate for CaseIdRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.required("CaseID", &self.case_id);
    }
}

impl Validate for RatingRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.required("CaseID", &self.case_id);
        v.range(
            "CustomerSatisfactionID",
            i64::from(self.customer_satisfaction_id),
            0,
            i64::from(MAX_RATING),
        );
        v.max_chars("CustomerRemarks", &self.customer_remarks, 200);
    }
}

impl Validate for ArrivalTimeRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.required("CaseID", &self.case_id);
    }
}

impl Validate for CancelCaseRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.required("Key", &self.key);
    }
}

impl Validate for CaseKeyRequest {
    fn validate_into(&self, v: &mut Validator) {
        v.required("Key", &self.key);
    }
}

impl Validate for AreaQuery {
    fn validate_into(&self, v: &mut Validator) {
        v.required("Area", &self.area);
    }
}

impl Validate for StateQuery {
    fn validate_into(&self, v: &mut Validator) {
        v.required("State", &self.state);
    }
}

impl Validate for NatureOfCallQuery {
    fn validate_into(&self, v: &mut Validator) {
        v.required("NatureOfCall", &self.nature_of_call);
    }
}

impl Validate for PhotoUpload {
    fn validate_into(&self, v: &mut Validator) {
        v.required("CaseID", &self.case_id);
        v.format("images", is_jpeg(&self.jpeg), "a JPEG image (.jpg)");
    }
}

impl Validate for TruckQuery {
    fn validate_into(&self, v: &mut Validator) {
        v.required("TruckNo", &self.truck_no);
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

    #[test]
    fn rating_bounds() {
        assert!(RatingRequest::new("c", 0, "").validate().is_ok());
        assert!(
            RatingRequest::new("c", 5, "x".repeat(200))
                .validate()
                .is_ok()
        );
        let err = RatingRequest::new("", 6, "x".repeat(201))
            .validate()
            .unwrap_err();
        assert!(err.has("CaseID", &Rule::Required));
        assert!(err.has("CustomerSatisfactionID", &Rule::Range { min: 0, max: 5 }));
        assert!(err.has("CustomerRemarks", &Rule::MaxLength { max: 200 }));
        assert_eq!(err.violations().len(), 3);
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

    #[test]
    fn contact_numbers() {
        let check = |s: &str| {
            let mut v = Validator::new();
            check_contact_no(&mut v, "CallerContactNo", s, 30);
            v.finish()
        };
        assert!(check("60123456789").is_ok());
        for bad in [
            "0123456789",
            "+60123456789",
            "60 12 345",
            "60",
            "6012345678a",
        ] {
            assert!(check(bad).is_err(), "{bad}");
        }
        assert!(
            check("")
                .unwrap_err()
                .has("CallerContactNo", &Rule::Required)
        );
        assert!(check(&format!("60{}", "1".repeat(28))).is_ok());
        let err = check(&format!("60{}", "1".repeat(29))).unwrap_err();
        assert!(err.has("CallerContactNo", &Rule::MaxLength { max: 30 }));
    }
}
