//! The rules Claire's document states, checked before anything is sent, every violation
//! reported at once with the path of its field (`appointments[3].car.vin`).

use std::borrow::Cow;

use partner_core::Error;
use partner_core::validation::{Rule, Validate, Validator};

use crate::models::{
    AppointmentFilter, CustomerKind, ImportAppointment, ImportCar, ImportCustomer,
    ImportIntervention, ImportRequest, LocationId, MAX_IMPORT_BATCH, Webhook,
};

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

impl Validate for AppointmentFilter {
    fn validate_into(&self, v: &mut Validator) {
        v.check("location_id", !self.location_id.is_zero(), Rule::Required);
        let dms_nr = self
            .dms_nr
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        if let Some(nr) = &self.dms_nr {
            v.required("dms_nr", nr);
        }
        if self.is_pinned == Some(false) {
            v.push(
                "is_pinned",
                Rule::Other(Cow::Borrowed(
                    "only true is accepted; leave it unset instead",
                )),
            );
        }
        if self.dms_nr.is_none() && self.date.is_none() && self.is_pinned.is_none() {
            v.push(
                "dms_nr",
                Rule::Other(Cow::Borrowed(
                    "at least one filter (dms_nr, date or is_pinned) must be used",
                )),
            );
        }
        match &self.customer_kind {
            Some(CustomerKind::Unknown(_)) => {
                v.push(
                    "customer_kind",
                    Rule::OneOf {
                        allowed: CUSTOMER_KINDS,
                    },
                );
            }
            Some(_) if dms_nr.is_none() => {
                v.push(
                    "customer_kind",
                    Rule::Other(Cow::Borrowed("is only meaningful together with dms_nr")),
                );
            }
            _ => {}
        }
    }
}

impl Validate for ImportRequest {
    fn validate_into(&self, v: &mut Validator) {
        let n = self.appointments.len();
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
            a.validate_into(v);
        });
    }
}

impl Validate for ImportAppointment {
    fn validate_into(&self, v: &mut Validator) {
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
        // "At least one customer with a dms_nr and surname": every customer needs its DMS
        // number (Claire matches customers on it), but only one needs a surname, so a lease
        // company owner without one can ride along with a named driver.
        let one_named = given.iter().any(|(_, c)| is_complete(c));
        for (field, c) in given {
            v.nested(field, |v| {
                v.required("dms_nr", &c.dms_nr);
                if !one_named {
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
/// every customer needs `dms_nr`, and one of them a `surname`.
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

/// Checks what Claire needs to call a webhook: a trigger and an absolute http(s) URL (the
/// document states no rules; a webhook without them could never fire).
pub(crate) fn check_webhook(webhook: &Webhook, update: bool) -> Result<(), Error> {
    let mut v = Validator::new();
    if update {
        v.check("id", !webhook.id.is_zero(), Rule::Required);
    }
    v.check(
        "webhook_trigger_id",
        webhook.webhook_trigger_id.value() != 0,
        Rule::Required,
    );
    if webhook.url.trim().is_empty() {
        v.push("url", Rule::Required);
    } else {
        let ok = url::Url::parse(webhook.url.trim())
            .is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
        v.format("url", ok, "an absolute http or https URL");
    }
    for (i, h) in webhook.headers.iter().enumerate() {
        v.required(&format!("headers[{i}].name"), &h.name);
    }
    Ok(v.finish()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::WebhookTriggerId;
    use std::borrow::Cow;

    #[test]
    fn webhook_rules_reported_together() {
        let hook = Webhook::new("", WebhookTriggerId::Unknown(0), "ftp://x").header("", "v");
        let err = check_webhook(&hook, true).unwrap_err();
        let v = err.validation().unwrap();
        assert!(v.has("id", &Rule::Required));
        assert!(v.has("webhook_trigger_id", &Rule::Required));
        assert!(v.has(
            "url",
            &Rule::Format {
                expected: Cow::Borrowed("an absolute http or https URL")
            }
        ));
        assert!(v.has("headers[0].name", &Rule::Required));
        assert_eq!(v.violations().len(), 4);
        let ok = Webhook::new("n", WebhookTriggerId::CarReady, "https://example.com/hook");
        assert!(check_webhook(&ok, false).is_ok());
    }
}
