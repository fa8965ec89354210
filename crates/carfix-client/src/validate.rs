//! The document's rules, checked before anything is sent, each naming the wire field it is
//! about (`CaseInfo.CallerContactNo`); every violation is reported at once as
//! `Error::Validation`.
//!
//! Two rule sets ([`Strictness`]). The default, [`Strictness::Lenient`], refuses only what the
//! document unambiguously forbids: lengths from the definition tables (`<string(30)>`,
//! `<varchar(300)>`), the 0 to 5 rating, `WorkshopName` left blank beside a panel workshop,
//! JPEG photos, ids another call returned never blank, and coordinates that are coordinates.
//! [`Strictness::Strict`] (opt-in: `.strictness(Strictness::Strict)` on a builder) adds the
//! stricter reading wherever the text admits two: every key the tables do not mark
//! `[Optional]` needs a value, `CallerContactNo` is digits starting with 60, date ranges run
//! forwards. CarFix's server is the final judge either way. docs/carfix.md lists each rule
//! with its section and which set it belongs to.
//!
//! Each request body implements partner-core's [`Validate`] with the lenient set and
//! [`Rules`] for the strict additions.

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

#[cfg(test)]
mod tests;

/// Which reading of the document the client checks requests against: partner-core's common
/// [`partner_core::Strictness`], re-exported here and at the crate root.
pub use partner_core::Strictness;

/// The document's rules for one request body: partner-core's [`Validate`] holds the lenient
/// set, [`Rules::strict_into`] what the strict reading adds.
///
/// ```
/// use carfix_client::validate::{Rules, Strictness};
/// use carfix_client::{Coordinate, InitialCaseRequest};
/// let at = Coordinate::new(2.725889, 101.9378239).unwrap();
/// // "+60 12-345 6789" is a phone number, but not the strict reading of "{60+".
/// let req = InitialCaseRequest::new("ABC1234", "+60 12-345 6789", "Wong", "SEREMBAN", at);
/// assert!(req.check(Strictness::Lenient).is_ok());
/// assert!(req.check(Strictness::Strict).is_err());
/// ```
pub trait Rules: Validate {
    /// Adds the rules only the strict reading has.
    fn strict_into(&self, _v: &mut Validator) {}

    /// Checks every rule of `strictness`, reporting all violations at once.
    fn check(&self, strictness: Strictness) -> Result<(), ValidationErrors> {
        let mut v = Validator::new();
        self.validate_into(&mut v);
        if strictness == Strictness::Strict {
            self.strict_into(&mut v);
        }
        v.finish()
    }
}

/// Longest incident location, workshop name or tow destination (`varchar(300)`, 3.2, 3.3).
pub const LOCATION_MAX: usize = 300;

/// What the strict reading of 3.2/3.3's "Format: {60+ Example: 60123456789" asks for.
pub const CONTACT_NO_FORMAT: &str = "digits starting with the country code 60, like 60123456789";

/// A coordinate built by hand (its fields are public) is checked again before sending.
fn check_coordinate(v: &mut Validator, field: &str, c: &Coordinate) {
    v.format(
        field,
        c.is_valid(),
        "a latitude in -90..90 and a longitude in -180..180",
    );
}

/// The strict reading of "{60+ Example: 60123456789": digits, starting with 60.
fn strict_contact_no(v: &mut Validator, field: &str, value: &str) {
    if value.trim().is_empty() {
        v.required(field, value);
        return;
    }
    let ok =
        value.len() > 2 && value.starts_with("60") && value.bytes().all(|b| b.is_ascii_digit());
    v.format(field, ok, CONTACT_NO_FORMAT);
}

fn is_blank(s: Option<&str>) -> bool {
    s.is_none_or(|s| s.trim().is_empty())
}

/// Every field named must carry a value (the strict reading of a key not marked optional).
fn required_all(v: &mut Validator, fields: &[(&str, &str)]) {
    for (field, value) in fields {
        v.required(field, value);
    }
}

/// 4.5's `key` query parameter: the key 4.4 returned, never blank.
pub(crate) fn claim_key(key: &str) -> Result<(), ValidationErrors> {
    let mut v = Validator::new();
    v.required("key", key);
    v.finish()
}

/// 4.4's accident date range; "to" before "from" is refused only by the strict reading (the
/// document does not forbid it; such a query finds nothing).
pub(crate) fn claim_range(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    strictness: Strictness,
) -> Result<(), ValidationErrors> {
    let mut v = Validator::new();
    if let (Some(from), Some(to), Strictness::Strict) = (from, to, strictness) {
        v.check(
            "accidentToDate",
            from <= to,
            Rule::Other("must not be before accidentFromDate".into()),
        );
    }
    v.finish()
}

/// 3.2: lengths from the table; the coordinate is a coordinate.
impl Validate for InitialCaseRequest {
    fn validate_into(&self, v: &mut Validator) {
        let c = &self.case_info;
        v.nested("CaseInfo", |v| {
            v.max_chars("VehicleNo", &c.vehicle_no, 30);
            v.max_chars("CallerContactNo", &c.caller_contact_no, 30);
            v.max_chars("Name", &c.name, 200);
        });
        v.max_chars("IncidentLocation", &self.incident_location, LOCATION_MAX);
        check_coordinate(v, "LocationCoordinate", &self.location_coordinate);
    }
}

/// 3.2 strict: no key is marked optional, so each needs a value; the contact number format.
impl Rules for InitialCaseRequest {
    fn strict_into(&self, v: &mut Validator) {
        let c = &self.case_info;
        v.nested("CaseInfo", |v| {
            required_all(v, &[("VehicleNo", &c.vehicle_no), ("Name", &c.name)]);
            strict_contact_no(v, "CallerContactNo", &c.caller_contact_no);
        });
        v.required("IncidentLocation", &self.incident_location);
    }
}

/// 3.3: lengths from the table; coordinates are coordinates; "If Panel workshop name is
/// provided, this field left blank" (of `WorkshopName`).
impl Validate for CreateCaseRequest {
    fn validate_into(&self, v: &mut Validator) {
        let c = &self.case_info;
        v.nested("CaseInfo", |v| {
            v.max_chars("VehicleNo", &c.vehicle_no, 30);
            v.max_chars("Make", &c.make, 50);
            v.max_chars("Model", &c.model, 200);
            v.max_chars("Type", &c.transmission, 100);
            v.max_chars("CallerName", &c.caller_name, 100);
            v.max_chars("CallerContactNo", &c.caller_contact_no, 50);
            v.max_chars("InsuredEmail", &c.insured_email, 100);
        });
        v.max_chars("IncidentLocation", &self.incident_location, LOCATION_MAX);
        check_coordinate(v, "LocationCoordinate", &self.location_coordinate);
        let panel = self.panel_workshop_name.as_deref();
        let other = self.workshop_name.as_deref();
        v.max_chars_opt("PanelWorkshopName", panel, LOCATION_MAX);
        v.max_chars_opt("WorkshopName", other, LOCATION_MAX);
        if !is_blank(panel) && !is_blank(other) {
            v.push(
                "WorkshopName",
                Rule::ConflictsWith {
                    other: "PanelWorkshopName".into(),
                },
            );
        }
        let tow = self.tow_destination.as_deref();
        v.max_chars_opt("TowDestination", tow, LOCATION_MAX);
        if let Some(c) = &self.tow_destination_coordinate {
            check_coordinate(v, "TowDestinationCoordinate", c);
        }
    }
}

/// 3.3 strict: only `WorkshopName` is marked `[Optional]`, so every other key needs a value,
/// except that its note lets the panel workshop be blank when `WorkshopName` names the
/// workshop instead (one of the two is required). A case without a tow destination (a
/// jump-start) is refused: use the default rules for those.
impl Rules for CreateCaseRequest {
    fn strict_into(&self, v: &mut Validator) {
        let c = &self.case_info;
        v.nested("CaseInfo", |v| {
            required_all(
                v,
                &[
                    ("VehicleNo", &c.vehicle_no),
                    ("NatureOfCall", &c.nature_of_call),
                    ("ServiceNeeded", &c.service_needed),
                    ("Make", &c.make),
                    ("Model", &c.model),
                    ("Type", &c.transmission),
                    ("CallerName", &c.caller_name),
                    ("InsuredEmail", &c.insured_email),
                ],
            );
            strict_contact_no(v, "CallerContactNo", &c.caller_contact_no);
        });
        let breakdown = &self.service_info.breakdown_cause;
        v.nested("ServiceInfo", |v| {
            v.required("BreakDownCause", breakdown);
        });
        required_all(
            v,
            &[
                ("IncidentLocation", &self.incident_location),
                ("LocationState", &self.location_state),
                ("LocationArea", &self.location_area),
            ],
        );
        if is_blank(self.panel_workshop_name.as_deref()) && is_blank(self.workshop_name.as_deref())
        {
            v.required("PanelWorkshopName", "");
        }
        let text = |o: &Option<String>| o.clone().unwrap_or_default();
        required_all(
            v,
            &[
                ("TowDestination", &text(&self.tow_destination)),
                ("TowDestinationState", &text(&self.tow_destination_state)),
                ("TowDestinationArea", &text(&self.tow_destination_area)),
            ],
        );
        if self.tow_destination_coordinate.is_none() {
            v.push("TowDestinationCoordinate", Rule::Required);
        }
    }
}

/// A body whose only key is an id another call returned: it is never blank.
macro_rules! id_body {
    ($type:ty, $field:ident, $wire:literal) => {
        impl Validate for $type {
            fn validate_into(&self, v: &mut Validator) {
                v.required($wire, &self.$field);
            }
        }
        impl Rules for $type {}
    };
}

id_body!(CaseIdRequest, case_id, "CaseID");
id_body!(CaseKeyRequest, key, "Key");
id_body!(CancelCaseRequest, key, "Key");
id_body!(ArrivalTimeRequest, case_id, "CaseID");
id_body!(AreaQuery, area, "Area");
id_body!(StateQuery, state, "State");
id_body!(NatureOfCallQuery, nature_of_call, "NatureOfCall");

/// 3.6: the case id, a rating "from 0,1,2,3,4,5", remarks `<varchar(200)>`.
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

/// 3.6 strict: the remarks are not marked optional.
impl Rules for RatingRequest {
    fn strict_into(&self, v: &mut Validator) {
        v.required("CustomerRemarks", &self.customer_remarks);
    }
}

/// 3.8: the case id; "List of images (.jpg)".
impl Validate for PhotoUpload {
    fn validate_into(&self, v: &mut Validator) {
        v.required("CaseID", &self.case_id);
        v.format("images", is_jpeg(&self.jpeg), "a JPEG image (.jpg)");
    }
}

impl Rules for PhotoUpload {}

/// 3.21: `VehicleNumber` is `<string(30)>`. The three keys are filters ("Filter by"): none
/// is required in either reading.
impl Validate for CaseListFilter {
    fn validate_into(&self, v: &mut Validator) {
        v.max_chars_opt("VehicleNumber", self.vehicle_number.as_deref(), 30);
    }
}

/// 3.21 strict: `CreatedToDate` not before `CreatedFromDate` (the document does not say;
/// such a range finds nothing).
impl Rules for CaseListFilter {
    fn strict_into(&self, v: &mut Validator) {
        if let (Some(from), Some(to)) = (self.created_from, self.created_to) {
            v.check(
                "CreatedToDate",
                from <= to,
                Rule::Other("must not be before CreatedFromDate".into()),
            );
        }
    }
}

/// 3.18: nothing is refused by default: the definition keys the truck by `TruckNo` and
/// `UserCode`, the example by `TruckNo` and `CaseID`, so which one identifies it is open.
impl Validate for TruckQuery {
    fn validate_into(&self, _v: &mut Validator) {}
}

/// 3.18 strict: `TruckNo`, in both the definition and the example, needs a value.
impl Rules for TruckQuery {
    fn strict_into(&self, v: &mut Validator) {
        v.required("TruckNo", &self.truck_no);
    }
}

/// 4.3: a position is a position.
impl Validate for TruckPositionUpdate {
    fn validate_into(&self, v: &mut Validator) {
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

/// 4.3 strict: 4.3 has no definition table; its example gives `IMEI` and `TruckNo` values.
impl Rules for TruckPositionUpdate {
    fn strict_into(&self, v: &mut Validator) {
        required_all(v, &[("IMEI", &self.imei), ("TruckNo", &self.truck_no)]);
    }
}
