//! The rules Claire's document states, checked before anything is sent, every violation
//! reported at once with the path of its field (`appointments[3].car.vin`).
//!
//! Only what the document unambiguously forbids is refused; Claire's server is the final
//! judge. Where the text admits two readings, [`ValidationRules::LENIENT`] (the default, and
//! what [`Validate`] checks) takes the lenient one and [`ValidationRules::STRICT`] the strict
//! one. Choose per client with the common option `.strictness(Strictness::Strict)` (every
//! strict reading), or for single rules [`crate::ClaireClientBuilder::validation_rules`]; or
//! check a value yourself with [`ValidateWith::validate_with`]:
//!
//! ```
//! use claire_client::{AppointmentFilter, LocationId, Validate, ValidateWith, ValidationRules};
//! let filter = AppointmentFilter::new(LocationId(12));
//! assert!(filter.validate().is_ok()); // the location is itself a filter
//! assert!(filter.validate_with(&ValidationRules::STRICT).is_err()); // one more filter wanted
//! ```

use std::borrow::Cow;

use partner_core::validation::{Rule, Validate, ValidationErrors, Validator};
use partner_core::{Error, Strictness};

use crate::models::{
    AppointmentFilter, CustomerKind, ImportAppointment, ImportCar, ImportCustomer,
    ImportIntervention, ImportRequest, LocationId, MAX_IMPORT_BATCH, Webhook,
};

/// Which reading of the document's ambiguous rules is checked before sending. Each knob names
/// the document section it reads; `false` is the lenient reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ValidationRules {
    /// "Appointments: Get Appointments by provided filters" says both "location_id: required"
    /// and "At least one filter must be used". Lenient: the location is a filter, so a
    /// location alone is sent. Strict: one of `dms_nr`, `date`, `is_pinned` besides it, a
    /// given `dms_nr` not blank, and `customer_kind` only with a `dms_nr` ("Required only if
    /// the DMS number is of a customer").
    pub strict_appointment_filter: bool,
    /// "Appointments: Import Appointments": "have at least one customer with a dms_nr and
    /// surname". Lenient: one customer has both; the others are not checked. Strict: every
    /// customer given has a `dms_nr` (Claire matches customers on it).
    pub every_import_customer_has_dms_nr: bool,
    /// "Webhooks: Create a webhook / Update a webhook" state no field rules. Lenient: nothing
    /// checked but the id of an update. Strict: a name, a trigger other than 0, an absolute
    /// http(s) URL and named headers, without which a webhook could never fire.
    pub webhook_fields: bool,
}

impl ValidationRules {
    /// The lenient reading of every ambiguous rule (the default).
    pub const LENIENT: ValidationRules = ValidationRules {
        strict_appointment_filter: false,
        every_import_customer_has_dms_nr: false,
        webhook_fields: false,
    };

    /// The strict reading of every ambiguous rule.
    pub const STRICT: ValidationRules = ValidationRules {
        strict_appointment_filter: true,
        every_import_customer_has_dms_nr: true,
        webhook_fields: true,
    };

    /// The rules of a common [`Strictness`]: [`LENIENT`](Self::LENIENT) or
    /// [`STRICT`](Self::STRICT).
    ///
    /// ```
    /// use claire_client::{Strictness, ValidationRules};
    /// assert_eq!(ValidationRules::for_strictness(Strictness::Strict), ValidationRules::STRICT);
    /// ```
    pub const fn for_strictness(strictness: Strictness) -> ValidationRules {
        match strictness {
            Strictness::Strict => ValidationRules::STRICT,
            _ => ValidationRules::LENIENT,
        }
    }
}

/// A value checked against Claire's rules in a chosen reading ([`ValidationRules`]). Its
/// [`Validate`] implementation is the lenient reading.
pub trait ValidateWith {
    /// Records every violation into `v`.
    fn validate_into_with(&self, v: &mut Validator, rules: &ValidationRules);

    /// Checks the value, reporting every violation at once.
    fn validate_with(&self, rules: &ValidationRules) -> Result<(), ValidationErrors> {
        let mut v = Validator::new();
        self.validate_into_with(&mut v, rules);
        v.finish()
    }
}

/// [`Validate`] as the lenient reading of [`ValidateWith`].
macro_rules! lenient_validate {
    ($($ty:ty),+) => {
        $(impl Validate for $ty {
            fn validate_into(&self, v: &mut Validator) {
                self.validate_into_with(v, &ValidationRules::LENIENT);
            }
        })+
    };
}

lenient_validate!(AppointmentFilter, ImportRequest, ImportAppointment, Webhook);

/// The documented values of `customer_kind`.
const CUSTOMER_KINDS: &[&str] = &["driver", "owner", "contractor"];

/// Refuses an id left at Go's zero value before anything is sent: Claire reads 0 as "not
/// set", so the call could only fail (or, for a path id, hit another route).
pub(crate) fn require_set(field: &str, id: impl Into<i64>) -> Result<(), Error> {
    let mut v = Validator::new();
    v.check(field, id.into() != 0, Rule::Required);
    Ok(v.finish()?)
}

/// Refuses a blank required text parameter (such as `vin` of "Car: Get a car by VIN").
pub(crate) fn require_text(field: &str, value: &str) -> Result<(), Error> {
    let mut v = Validator::new();
    v.required(field, value);
    Ok(v.finish()?)
}

/// The parameters of the deprecated lookup by DMS number: location and number required,
/// `customer_kind` one of the documented values.
pub(crate) fn check_dms_lookup(
    location_id: LocationId,
    dms_nr: &str,
    customer_kind: Option<&CustomerKind>,
) -> Result<(), Error> {
    let mut v = Validator::new();
    v.check("location_id", !location_id.is_zero(), Rule::Required);
    v.required("dms_nr", dms_nr);
    if let Some(CustomerKind::Unknown(_)) = customer_kind {
        v.push(
            "customer_kind",
            Rule::OneOf {
                allowed: CUSTOMER_KINDS,
            },
        );
    }
    Ok(v.finish()?)
}

impl ValidateWith for AppointmentFilter {
    fn validate_into_with(&self, v: &mut Validator, rules: &ValidationRules) {
        v.check("location_id", !self.location_id.is_zero(), Rule::Required);
        // "False is not accepted".
        if self.is_pinned == Some(false) {
            v.push(
                "is_pinned",
                Rule::Other(Cow::Borrowed(
                    "only true is accepted; leave it unset instead",
                )),
            );
        }
        // "Can be one of the following: driver, owner, contractor".
        if let Some(CustomerKind::Unknown(_)) = &self.customer_kind {
            v.push(
                "customer_kind",
                Rule::OneOf {
                    allowed: CUSTOMER_KINDS,
                },
            );
        }
        if !rules.strict_appointment_filter {
            return;
        }
        if let Some(nr) = &self.dms_nr {
            v.required("dms_nr", nr);
        }
        if self.dms_nr.is_none() && self.date.is_none() && self.is_pinned.is_none() {
            v.push(
                "dms_nr",
                Rule::Other(Cow::Borrowed(
                    "at least one filter (dms_nr, date or is_pinned) must be used",
                )),
            );
        }
        let has_dms_nr = self.dms_nr.as_deref().is_some_and(|s| !s.trim().is_empty());
        if matches!(&self.customer_kind, Some(k) if !k.is_unknown()) && !has_dms_nr {
            v.push(
                "customer_kind",
                Rule::Other(Cow::Borrowed("is only meaningful together with dms_nr")),
            );
        }
    }
}

impl ValidateWith for ImportRequest {
    fn validate_into_with(&self, v: &mut Validator, rules: &ValidationRules) {
        let n = self.appointments.len();
        // "Appointments: required". An empty list is sent as `null` (Go's empty slice).
        v.check("appointments", n >= 1, Rule::MinItems { min: 1 });
        v.max_items("appointments", n, MAX_IMPORT_BATCH);
        // The first appointment that names a location sets it for the request; a missing
        // location is reported as such by the per-appointment rules below.
        let reference = self
            .appointments
            .iter()
            .enumerate()
            .find(|(_, a)| !a.location_id.is_zero());
        if let Some((k, first)) = reference {
            let first = first.location_id;
            for (i, a) in self.appointments.iter().enumerate() {
                if !a.location_id.is_zero() && a.location_id != first {
                    v.push(
                        &format!("appointments[{i}].location_id"),
                        Rule::Other(Cow::Owned(format!(
                            "must be the location of the whole request ({first}, from appointments[{k}]): one request may not mix locations"
                        ))),
                    );
                }
            }
        }
        v.each("appointments", &self.appointments, |v, a| {
            a.validate_into_with(v, rules);
        });
    }
}

impl ValidateWith for ImportAppointment {
    fn validate_into_with(&self, v: &mut Validator, rules: &ValidationRules) {
        v.required("dms_nr", &self.dms_nr);
        v.required("wo_nr", &self.wo_nr);
        v.check(
            "dms_created_at",
            self.dms_created_at.is_some(),
            Rule::Required,
        );
        v.check("time_car_app", self.time_car_app.is_some(), Rule::Required);
        v.check("location_id", !self.location_id.is_zero(), Rule::Required);
        match &self.car {
            Some(car) => {
                v.nested("car", |v| car.validate_into(v));
            }
            None => {
                v.push("car", Rule::Required);
            }
        }
        let customers = [
            ("customer_driver", &self.customer_driver),
            ("customer_owner", &self.customer_owner),
            ("customer_contract", &self.customer_contract),
        ];
        let given: Vec<(&str, &ImportCustomer)> = customers
            .iter()
            .filter_map(|(field, c)| c.as_ref().map(|c| (*field, c)))
            .collect();
        if given.is_empty() {
            v.push(
                "customer_driver",
                Rule::Other(Cow::Borrowed(
                    "at least one customer (customer_driver, customer_owner or customer_contract) is required",
                )),
            );
        }
        // "have at least one customer with a dms_nr and surname": one customer with both is
        // enough; when none has both, each given customer is told what it lacks. Strict: every
        // customer also needs its DMS number.
        let one_complete = given.iter().any(|(_, c)| is_complete(c));
        for (field, c) in given {
            v.nested(field, |v| {
                if !one_complete || rules.every_import_customer_has_dms_nr {
                    v.required("dms_nr", &c.dms_nr);
                }
                if !one_complete {
                    v.required("surname", &c.surname);
                }
            });
        }
        v.each("interventions", &self.interventions, |v, i| {
            i.validate_into(v);
        });
    }
}

impl Validate for ImportCar {
    fn validate_into(&self, v: &mut Validator) {
        v.required("dms_nr", &self.dms_nr)
            .required("vin", &self.vin)
            .required("model", &self.model)
            .required("make", &self.make);
    }
}

/// Checks one customer on its own (both fields). Inside an appointment the rule is looser:
/// one customer needs both.
impl Validate for ImportCustomer {
    fn validate_into(&self, v: &mut Validator) {
        v.required("dms_nr", &self.dms_nr)
            .required("surname", &self.surname);
    }
}

impl Validate for ImportIntervention {
    fn validate_into(&self, v: &mut Validator) {
        v.required("dms_nr", &self.dms_nr)
            .required("title", &self.title);
    }
}

/// Has both fields the document requires of at least one customer.
fn is_complete(c: &ImportCustomer) -> bool {
    !c.dms_nr.trim().is_empty() && !c.surname.trim().is_empty()
}

impl ValidateWith for Webhook {
    /// The fields of a webhook to create (the document states no rules; see
    /// [`ValidationRules::webhook_fields`]).
    fn validate_into_with(&self, v: &mut Validator, rules: &ValidationRules) {
        if !rules.webhook_fields {
            return;
        }
        v.required("name", &self.name);
        v.check(
            "webhook_trigger_id",
            self.webhook_trigger_id.value() != 0,
            Rule::Required,
        );
        if self.url.trim().is_empty() {
            v.push("url", Rule::Required);
        } else {
            let ok = url::Url::parse(self.url.trim())
                .is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
            v.format("url", ok, "an absolute http or https URL");
        }
        for (i, h) in self.headers.iter().enumerate() {
            v.required(&format!("headers[{i}].name"), &h.name);
        }
    }
}

/// The body of a webhook create or update: for an update the id ("based on the webhook ID
/// given"), then the fields as the rules say.
pub(crate) fn check_webhook(
    webhook: &Webhook,
    update: bool,
    rules: &ValidationRules,
) -> Result<(), Error> {
    let mut v = Validator::new();
    if update {
        v.check("id", !webhook.id.is_zero(), Rule::Required);
    }
    webhook.validate_into_with(&mut v, rules);
    Ok(v.finish()?)
}

#[cfg(test)]
mod tests;
