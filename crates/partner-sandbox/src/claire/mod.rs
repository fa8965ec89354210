//! Claire: dealer workshop appointments, checks, locations, tags, questions, cars and
//! webhooks, behind an API key and a per-key rate limit with real `X-RateLimit-*` headers.
//!
//! The key is read from `Authorization` or the `api_key` query parameter, as documented.
//! Every authenticated answer carries `X-RateLimit-Limit`, `-Remaining` and `-Reset`
//! (seconds until the window resets, as the client's fixtures read it); past the limit the
//! answer is 429 with `Retry-After`. The limit defaults to the documented 10,800 an hour and
//! can be lowered ([`ClaireConfig`]) so tests reach it.
//!
//! Bodies are read and written with the client crate's own models, and checked with its
//! `Validate` rules. Errors are `{"message": ...}` with the documented status codes.

mod import;
mod sink;
mod webhooks;

pub use sink::{Received, WebhookSink};
pub use webhooks::{ERRORS_PER_PAGE, MAX_WEBHOOKS};

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use claire_client::{
    Appointment, AppointmentFilter, AppointmentId, Car, CustomerKind, DealerId, DealerLocation,
    LocationId, Question, Tag, Webhook, WebhookError, WebhookTriggerId,
};
use partner_core::Operation;
use partner_core::validation::Validate;
use serde_json::{Value, json};
use tokio::time::Instant;

use crate::server::{Call, Refusal, VendorApi, bad_request, json, not_found};

/// The demo API key the sandbox accepts.
pub const DEMO_API_KEY: &str = "sandbox-claire-key";
/// The dealer the demo key belongs to.
pub const DEMO_DEALER_ID: DealerId = DealerId(1);
/// The demo dealer's locations (the import's `location_id` must be one of them).
pub const DEMO_LOCATIONS: [(LocationId, &str); 2] = [
    (LocationId(12), "Sandbox Motors Amsterdam"),
    (LocationId(13), "Sandbox Motors Utrecht"),
];

/// Claire's limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaireConfig {
    /// Requests per key per window (documented: 10,800).
    pub rate_limit: u64,
    /// The window (documented: one hour).
    pub window: Duration,
}

impl Default for ClaireConfig {
    fn default() -> Self {
        ClaireConfig {
            rate_limit: 10_800,
            window: Duration::from_secs(3600),
        }
    }
}

/// A webhook call the sandbox made, as recorded for inspection.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    /// The webhook called.
    pub webhook_id: i64,
    /// The JSON payload sent.
    pub payload: Value,
    /// The receiver's HTTP status, or `None` when it could not be reached.
    pub status: Option<u16>,
}

#[derive(Debug, Default)]
struct State {
    appointments: Vec<Appointment>,
    /// `(location, dms_nr, dms_created_at)` of each appointment, for import upserts.
    import_keys: HashMap<(LocationId, String, Option<DateTime<Utc>>), AppointmentId>,
    cars: Vec<Car>,
    webhooks: Vec<Webhook>,
    /// The name of every webhook ever created, deleted ones included (the chaos soak counts
    /// creates left twice from it).
    webhook_log: Vec<String>,
    webhook_errors: Vec<WebhookError>,
    deliveries: Vec<Delivery>,
    next_id: i64,
    window: Option<(Instant, u64)>,
    /// Requests that reached the rate limit in each window so far (429s included).
    arrivals: Vec<u64>,
}

impl State {
    fn next_id(&mut self) -> i64 {
        self.next_id += 1;
        self.next_id
    }
}

/// The Claire emulation and its state.
#[derive(Debug)]
pub struct ClaireSandbox {
    config: ClaireConfig,
    state: Arc<Mutex<State>>,
    http: reqwest::Client,
}

type Answer = Result<Value, Refusal>;

fn to_json<T: serde::Serialize>(value: &T) -> Answer {
    serde_json::to_value(value)
        .map_err(|e| Refusal(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
}

fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}

/// How long an outgoing webhook call may take before it counts as failed.
const WEBHOOK_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

impl ClaireSandbox {
    /// An empty dealer (two locations, no appointments) with these limits.
    pub fn new(config: ClaireConfig) -> Self {
        ClaireSandbox {
            config,
            state: Arc::new(Mutex::new(State::default())),
            // A receiver that never answers must show up in ListWebhookErrors rather than
            // hold a delivery task forever.
            http: reqwest::Client::builder()
                .timeout(WEBHOOK_TIMEOUT)
                .build()
                .unwrap_or_default(),
        }
    }

    /// Every appointment held, in creation order.
    pub fn appointments(&self) -> Vec<Appointment> {
        lock(&self.state).appointments.clone()
    }

    /// Every webhook call made so far.
    pub fn deliveries(&self) -> Vec<Delivery> {
        lock(&self.state).deliveries.clone()
    }

    /// The name of every webhook ever created, deleted ones included.
    pub fn webhook_log(&self) -> Vec<String> {
        lock(&self.state).webhook_log.clone()
    }

    /// Deletes every webhook (as the dealer would in the dashboard), freeing the per-key
    /// limit; the log stays.
    pub fn clear_webhooks(&self) {
        lock(&self.state).webhooks.clear();
    }

    /// How many requests reached the rate limit in each window so far, oldest first, 429s
    /// included: a client that never exceeds the quota has every count at most `rate_limit`.
    pub fn window_arrivals(&self) -> Vec<u64> {
        lock(&self.state).arrivals.clone()
    }

    /// Counts one request against the key's window; the quota headers to send, or a 429.
    fn spend(&self) -> (Vec<(&'static str, String)>, bool) {
        let mut state = lock(&self.state);
        let now = Instant::now();
        let (start, used) = match state.window {
            Some((start, used)) if now < start + self.config.window => (start, used),
            _ => {
                state.arrivals.push(0);
                (now, 0)
            }
        };
        if let Some(arrived) = state.arrivals.last_mut() {
            *arrived += 1;
        }
        let allowed = used < self.config.rate_limit;
        let used = if allowed { used + 1 } else { used };
        state.window = Some((start, used));
        let reset = (start + self.config.window).saturating_duration_since(now);
        // Whole seconds, rounded up, so a client never comes back a moment too early.
        let reset_secs = reset.as_secs() + u64::from(reset.subsec_nanos() > 0);
        let headers = vec![
            ("x-ratelimit-limit", self.config.rate_limit.to_string()),
            (
                "x-ratelimit-remaining",
                (self.config.rate_limit - used).to_string(),
            ),
            ("x-ratelimit-reset", reset_secs.to_string()),
        ];
        (headers, allowed)
    }

    fn authorised(call: &Call) -> bool {
        let header = call.header("authorization").map(str::trim);
        header == Some(DEMO_API_KEY) || call.query("api_key") == Some(DEMO_API_KEY)
    }

    fn dispatch(&self, call: &Call) -> Answer {
        match call.op.name {
            "GetAppointmentsByDmsNumber" => self.by_dms_number(call),
            "ListAppointments" => self.list(&call.validated::<AppointmentFilter>()?),
            "GetAppointment" => self.get_appointment(call),
            "ImportAppointments" => self.import(call),
            "GetChecks" => self.checks(call),
            "GetLocations" => to_json(&locations()),
            "GetTags" => to_json(&tags()),
            "GetQuestions" => to_json(&questions()),
            "GetCarByVin" => self.car(call),
            "ListWebhooks"
            | "CreateWebhook"
            | "GetWebhook"
            | "UpdateWebhook"
            | "DeleteWebhook"
            | "TestWebhook"
            | "ListWebhookErrors"
            | "ListWebhookTriggers" => self.webhooks(call),
            other => Err(Refusal(
                StatusCode::NOT_IMPLEMENTED,
                format!("{other} is not emulated"),
            )),
        }
    }

    fn by_dms_number(&self, call: &Call) -> Answer {
        let location = call
            .query("location_id")
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| bad_request("location_id is required"))?;
        let dms_nr = call.query("dms_nr").filter(|v| !v.trim().is_empty());
        let dms_nr = dms_nr.ok_or_else(|| bad_request("dms_nr is required"))?;
        let mut filter = AppointmentFilter::new(LocationId(location)).dms_nr(dms_nr);
        if let Some(kind) = call.query("customer_kind") {
            filter = filter.customer_kind(CustomerKind::from_wire(kind));
        }
        filter.validate().map_err(|e| bad_request(e.to_string()))?;
        let found = self.list(&filter)?;
        Ok(found["appointments"].clone())
    }

    fn list(&self, filter: &AppointmentFilter) -> Answer {
        let state = lock(&self.state);
        let found: Vec<&Appointment> = state
            .appointments
            .iter()
            .filter(|a| a.location_id == filter.location_id)
            .filter(|a| {
                // "If set to true, all pinned appointments will be returned, even if other
                // filter(s) are set."
                filter.is_pinned == Some(true) && a.is_pinned || matches(a, filter)
            })
            .collect();
        Ok(json!({ "appointments": to_json(&found)? }))
    }

    fn get_appointment(&self, call: &Call) -> Answer {
        let id: i64 = call
            .param("id")
            .and_then(|v| v.parse().ok())
            .filter(|id| *id > 0)
            .ok_or_else(|| bad_request("id must be a positive appointment id"))?;
        let state = lock(&self.state);
        let found = state
            .appointments
            .iter()
            .find(|a| a.id == AppointmentId(id));
        to_json(found.ok_or_else(|| not_found("appointment"))?)
    }

    fn checks(&self, call: &Call) -> Answer {
        let id: i64 = call
            .query("appointment_id")
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| bad_request("appointment_id is required"))?;
        let state = lock(&self.state);
        if !state.appointments.iter().any(|a| a.id == AppointmentId(id)) {
            return Err(not_found("appointment"));
        }
        // No mechanic works in the sandbox, so an appointment has no checks yet.
        Ok(json!([]))
    }

    fn car(&self, call: &Call) -> Answer {
        let vin = call.query("vin").filter(|v| !v.trim().is_empty());
        let vin = vin.ok_or_else(|| bad_request("vin is required"))?;
        let state = lock(&self.state);
        let found = state.cars.iter().find(|c| c.vin.eq_ignore_ascii_case(vin));
        to_json(found.ok_or_else(|| not_found("car"))?)
    }
}

/// Whether `a` meets the filter's `dms_nr` (of the appointment, or of the customer of
/// `customer_kind`) and `date` (the day of `time_car_app`).
fn matches(a: &Appointment, filter: &AppointmentFilter) -> bool {
    let dms_ok = filter
        .dms_nr
        .as_deref()
        .is_none_or(|nr| match &filter.customer_kind {
            None => a.dms_nr == nr,
            Some(kind) => {
                let customer = match kind {
                    CustomerKind::Driver => &a.customer_driver,
                    CustomerKind::Owner => &a.customer_owner,
                    _ => &a.customer_contract,
                };
                customer.as_ref().is_some_and(|c| c.dms_nr == nr)
            }
        });
    let date_ok = filter.date.is_none_or(|d| {
        a.time_car_app
            .is_some_and(|t| t.date_naive() == d.date_naive())
    });
    // "At least one filter must be used": the location is one (the client's lenient reading),
    // so a location alone lists every appointment there.
    dms_ok && date_ok
}

fn locations() -> Vec<DealerLocation> {
    DEMO_LOCATIONS
        .iter()
        .map(|(id, name)| {
            let mut location = DealerLocation::default();
            location.id = *id;
            location.name = (*name).to_owned();
            location.commercial_name = (*name).to_owned();
            location
        })
        .collect()
}

fn tags() -> Vec<Tag> {
    [("urgent", "#d9534f"), ("warranty", "#5bc0de")]
        .iter()
        .enumerate()
        .map(|(i, (name, color))| {
            let mut tag = Tag::default();
            tag.id = i as i64 + 1;
            tag.name = (*name).to_owned();
            tag.color = (*color).to_owned();
            tag
        })
        .collect()
}

fn questions() -> Vec<Question> {
    ["Tyre tread depth", "Brake pads", "Wiper blades"]
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let mut question = Question::default();
            question.id = i as i64 + 1;
            question.title = (*title).to_owned();
            question
        })
        .collect()
}

/// The trigger's name as Claire spells it (the enum's variant name, with the document's
/// capitalisation of "API").
fn trigger_name(trigger: WebhookTriggerId) -> String {
    format!("{trigger:?}").replace("PublicApi", "PublicAPI")
}

impl VendorApi for ClaireSandbox {
    fn operations(&self) -> &'static [Operation] {
        claire_client::OPERATIONS
    }

    fn handle(&self, call: Call) -> Response {
        if !Self::authorised(&call) {
            return json(
                StatusCode::UNAUTHORIZED,
                json!({ "message": "invalid api key" }),
            );
        }
        let (quota, allowed) = self.spend();
        let mut response = if allowed {
            match self.dispatch(&call) {
                // "This endpoint do not return anything, only the HTTP status code matters."
                Ok(Value::Null) => StatusCode::OK.into_response(),
                Ok(body) => json(StatusCode::OK, body),
                Err(Refusal(status, message)) => json(status, json!({ "message": message })),
            }
        } else {
            let mut r = json(
                StatusCode::TOO_MANY_REQUESTS,
                json!({ "message": "rate limit exceeded" }),
            );
            let reset = quota
                .iter()
                .find(|(n, _)| *n == "x-ratelimit-reset")
                .map(|(_, v)| v.clone());
            if let Some(Ok(v)) = reset.map(|v| HeaderValue::from_str(&v)) {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            r
        };
        for (name, value) in quota {
            if let Ok(value) = HeaderValue::from_str(&value) {
                response.headers_mut().insert(name, value);
            }
        }
        response
    }
}
