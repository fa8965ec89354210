//! Appointment import: checks the batch, applies it (create or update on `dms_nr` +
//! `dms_created_at` within the location; cars per dealer by VIN), then calls every active
//! `PublicAPIAppointmentImported` webhook of the dealer or location with the documented
//! payload, one call per appointment.
//!
//! Rules on the whole request (at most 100 appointments, one location, a location of the
//! key's dealer) answer 400. Rules on one appointment do not: as documented, the import
//! still answers 200 and that appointment's webhook call carries `appointment_import_error`.
//! The batch is applied before the answer (so reads right after see it); the webhook calls
//! go out afterwards from a spawned task, like a queue worker.

use std::sync::{Arc, Mutex};

use chrono::Utc;
use claire_client::{
    Appointment, AppointmentId, Car, CarId, Customer, ImportAppointment, ImportCustomer,
    ImportRequest, MAX_IMPORT_BATCH, WebhookError, WebhookTriggerId,
};
use partner_core::ExposeSecret;
use partner_core::validation::Validate;
use serde_json::{Value, json};

use super::{
    Answer, ClaireSandbox, DEMO_DEALER_ID, DEMO_LOCATIONS, Delivery, State, bad_request, lock,
};
use crate::server::Call;

/// One webhook call to make.
pub(super) struct Outgoing {
    pub(super) webhook_id: i64,
    pub(super) url: String,
    pub(super) headers: Vec<(String, String)>,
    pub(super) payload: Value,
}

impl ClaireSandbox {
    pub(super) fn import(&self, call: &Call) -> Answer {
        let request: ImportRequest = call.json()?;
        let n = request.appointments.len();
        if n == 0 || n > MAX_IMPORT_BATCH {
            return Err(bad_request(format!(
                "appointments must hold 1 to {MAX_IMPORT_BATCH} appointments, not {n}"
            )));
        }
        let location = request.location_id().unwrap_or_default();
        if request
            .appointments
            .iter()
            .any(|a| a.location_id != location)
        {
            return Err(bad_request(
                "one request may not contain appointments from different locations",
            ));
        }
        if !DEMO_LOCATIONS.iter().any(|(id, _)| *id == location) {
            // Claire documents no 403; a location outside the key's scope is a bad request.
            return Err(bad_request(format!(
                "location {location} is not within the scope of this API key"
            )));
        }
        let mut outgoing = Vec::new();
        {
            let mut state = lock(&self.state);
            for appointment in &request.appointments {
                let result = match appointment.validate() {
                    Ok(()) => Ok(upsert(&mut state, appointment)),
                    Err(e) => Err(e.to_string()),
                };
                outgoing.extend(calls_for(&state, appointment, &result));
            }
        }
        deliver(Arc::clone(&self.state), self.http.clone(), outgoing);
        Ok(Value::Null)
    }
}

fn customer(c: &Option<ImportCustomer>) -> Option<Customer> {
    c.as_ref().map(|c| {
        let mut customer = Customer::default();
        customer.dms_nr = c.dms_nr.clone();
        customer.surname = c.surname.clone();
        customer.firstname = c.firstname.clone().unwrap_or_default();
        customer
    })
}

/// Creates or updates the appointment and its car; returns the appointment id.
fn upsert(state: &mut State, import: &ImportAppointment) -> AppointmentId {
    let now = Utc::now();
    let car_id = import.car.as_ref().map(|car| {
        let existing = state
            .cars
            .iter()
            .position(|c| c.vin.eq_ignore_ascii_case(&car.vin));
        let index = match existing {
            Some(i) => i,
            None => {
                let mut new = Car::default();
                new.id = CarId(state.next_id());
                new.created_on = Some(now);
                state.cars.push(new);
                state.cars.len() - 1
            }
        };
        let held = &mut state.cars[index];
        held.vin = car.vin.clone();
        held.make = car.make.clone();
        held.model = car.model.clone();
        held.dms_nr = car.dms_nr.clone();
        held.reg_nr = car.reg_nr.clone().unwrap_or_default();
        held.updated_on = Some(now);
        held.id
    });
    let key = (
        import.location_id,
        import.dms_nr.clone(),
        import.dms_created_at,
    );
    let id = match state.import_keys.get(&key) {
        Some(id) => *id,
        None => {
            let id = AppointmentId(state.next_id());
            state.import_keys.insert(key, id);
            let mut new = Appointment::default();
            new.id = id;
            new.created_on = Some(now);
            state.appointments.push(new);
            id
        }
    };
    let Some(a) = state.appointments.iter_mut().find(|a| a.id == id) else {
        return id;
    };
    a.updated_on = Some(now);
    a.dms_nr = import.dms_nr.clone();
    a.wo_nr = import.wo_nr.clone();
    a.location_id = import.location_id;
    a.time_car_app = import.time_car_app;
    a.importer_version = "partner-sandbox".to_owned();
    if let (Some(car), Some(car_id)) = (&import.car, car_id) {
        a.car_id = car_id;
        a.vin = car.vin.clone();
        a.car_make = car.make.clone();
        a.car_model = car.model.clone();
        a.reg_number = car.reg_nr.clone().unwrap_or_default();
    }
    a.customer_driver = customer(&import.customer_driver);
    a.customer_owner = customer(&import.customer_owner);
    a.customer_contract = customer(&import.customer_contract);
    if let Some(driver) = &import.customer_driver {
        a.driver_surname = driver.surname.clone();
        a.driver_firstname = driver.firstname.clone().unwrap_or_default();
    }
    id
}

/// The calls due for one imported (or refused) appointment.
fn calls_for(
    state: &State,
    import: &ImportAppointment,
    result: &Result<AppointmentId, String>,
) -> Vec<Outgoing> {
    let mut payload = json!({
        "webhook_trigger_id": WebhookTriggerId::PublicApiAppointmentImported.value(),
        "dealer_id": DEMO_DEALER_ID.0,
        "dealer_location_id": import.location_id.0,
        "wo_nr": import.wo_nr,
    });
    match result {
        Ok(id) => payload["appointment_id"] = json!(id.0),
        Err(error) => payload["appointment_import_error"] = json!(error),
    }
    state
        .webhooks
        .iter()
        .filter(|w| {
            w.active && w.webhook_trigger_id == WebhookTriggerId::PublicApiAppointmentImported
        })
        .filter(|w| w.dealer_location_id.is_none_or(|l| l == import.location_id))
        .map(|w| Outgoing {
            webhook_id: w.id.0,
            url: w.url.clone(),
            headers: w
                .headers
                .iter()
                .map(|h| (h.name.clone(), h.value.expose_secret().to_owned()))
                .collect(),
            payload: payload.clone(),
        })
        .collect()
}

/// Sends the calls in order from a spawned task, recording each and every failure.
pub(super) fn deliver(state: Arc<Mutex<State>>, http: reqwest::Client, outgoing: Vec<Outgoing>) {
    if outgoing.is_empty() {
        return;
    }
    tokio::spawn(async move {
        for call in outgoing {
            let mut request = http.post(&call.url).json(&call.payload);
            for (name, value) in &call.headers {
                request = request.header(name, value);
            }
            let result = request.send().await;
            let status = result.as_ref().ok().map(|r| r.status().as_u16());
            let mut state = lock(&state);
            let failure = match &result {
                Ok(r) if r.status().is_success() => None,
                Ok(r) => Some(format!("the receiver answered {}", r.status())),
                Err(e) => Some(format!("the receiver could not be reached: {e}")),
            };
            if let Some(reason) = failure {
                let mut error = WebhookError::default();
                error.id = state.next_id();
                error.created_on = Some(Utc::now());
                error.webhook_id = claire_client::WebhookId(call.webhook_id);
                error.reason = reason;
                state.webhook_errors.push(error);
            }
            state.deliveries.push(Delivery {
                webhook_id: call.webhook_id,
                payload: call.payload,
                status,
            });
        }
    });
}
