//! Jifeline: connector and OTP logins issuing expiring JWT access tokens, the vehicle
//! catalogue, products with prerequisites and cart totals, tickets (active on the
//! connector, then historical), prepared tickets by VIN, employees, user and customer.
//!
//! Lists answer the documented envelope `{"result", "total", "offset", "limit"}` with the
//! real `total` of the filtered set (`limit` 0..=200, default 20). Errors are RFC 7807
//! problem documents, the one error shape the document shows. Access tokens are JWTs with an
//! `exp` claim (the client renews ahead of it); the sandbox keeps every token it issued, so
//! [`JifelineSandbox::expire_tokens`] can make them fail with 401 at once.

mod catalogue;
mod people;
mod service;
mod tickets;

use std::collections::{BTreeSet, HashMap};
use std::sync::Mutex;
use std::time::Duration;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use partner_core::Operation;
use serde_json::{Value, json};

use crate::server::{Call, Refusal as Problem, VendorApi, bad_request, json, not_found};

/// The demo connector's UUID (log in with it and [`DEMO_PINCODE`]).
pub const DEMO_CONNECTOR_UUID: &str = "6ec2911c-a09a-11ee-8c90-0242ac120002";
/// The demo connector's numeric id (the deprecated id login, tickets).
pub const DEMO_CONNECTOR_ID: i64 = 910_101_043;
/// The demo connector's pincode.
pub const DEMO_PINCODE: &str = "1234";
/// A demo OTP (the sandbox does not consume it, so it logs in any number of times).
pub const DEMO_OTP: &str = "246810";
/// A VIN the catalogue knows (a Ford Focus), with a prepared ticket waiting.
pub const DEMO_VIN: &str = "JFL91010104591010";
/// A voucher worth 10 % off.
pub const DEMO_VOUCHER: &str = "234MD23";

/// Jifeline settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JifelineConfig {
    /// How long an access token lives (its `exp`); default one hour.
    pub token_ttl: Duration,
}

impl Default for JifelineConfig {
    fn default() -> Self {
        JifelineConfig {
            token_ttl: Duration::from_secs(3600),
        }
    }
}

/// A ticket as the sandbox holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketRecord {
    /// Numeric id (sent as a string in ticket answers, as documented).
    pub id: i64,
    /// UUID.
    pub uuid: String,
    /// The connector it runs on.
    pub connector_id: i64,
    /// The vehicle.
    pub vin: String,
    /// Vehicle model and variant ids.
    pub model: (i64, i64),
    /// Products ordered.
    pub product_ids: Vec<i64>,
    /// 1 while active, 7 once finished (the two states the document shows).
    pub state: i64,
    /// When it was created and finished.
    pub created_at: DateTime<Utc>,
    /// When the operator finished it.
    pub finished_at: Option<DateTime<Utc>>,
    /// The CSAT score and comment, once rated.
    pub csat: Option<(f64, Option<String>)>,
    /// The voucher applied.
    pub voucher: Option<String>,
}

#[derive(Debug)]
struct State {
    tokens: HashMap<String, DateTime<Utc>>,
    logins: u64,
    favorites: BTreeSet<i64>,
    tickets: Vec<TicketRecord>,
    employees: Vec<Value>,
    customer: Value,
    attachments: Vec<(String, Value)>,
    next_id: i64,
}

/// The Jifeline emulation and its state.
#[derive(Debug)]
pub struct JifelineSandbox {
    config: JifelineConfig,
    state: Mutex<State>,
}

type Answer = Result<Value, Problem>;

/// The document's VIN pattern, `^[a-zA-Z0-9]{17}$`, checked here independently.
fn check_vin(vin: &str) -> Result<(), Problem> {
    // The document states the 17-character pattern for cart totals only (checked there with
    // the client's own rules); lookups and tickets take any VIN that is there, as the
    // document's own 16-character connector `vin_number` shows.
    if vin.trim().is_empty() {
        Err(bad_request("vin is required"))
    } else {
        Ok(())
    }
}

/// A required positive integer query parameter.
fn id_param(call: &Call, name: &str) -> Result<i64, Problem> {
    call.query(name)
        .and_then(|v| v.parse().ok())
        .filter(|v| *v > 0)
        .ok_or_else(|| bad_request(format!("{name} is required")))
}

/// A required positive integer path parameter.
fn path_id(call: &Call, name: &str) -> Result<i64, Problem> {
    call.param(name)
        .and_then(|v| v.parse().ok())
        .filter(|v| *v > 0)
        .ok_or_else(|| bad_request(format!("{name} must be a positive integer")))
}

/// One page of `items` under the query's `offset` and `limit` (0..=200, default 20).
fn page(call: &Call, items: Vec<Value>) -> Answer {
    let number = |name: &str, default: usize| -> Result<usize, Problem> {
        call.query(name).map_or(Ok(default), |v| {
            v.parse()
                .map_err(|_| bad_request(format!("{name} must be a number")))
        })
    };
    let offset = number("offset", 0)?;
    let limit = number("limit", 20)?;
    if limit > 200 {
        return Err(bad_request("limit must be between 0 and 200"));
    }
    let total = items.len();
    let result: Vec<Value> = items.into_iter().skip(offset).take(limit).collect();
    Ok(json!({ "result": result, "total": total, "offset": offset, "limit": limit }))
}

/// Money in euros, as the document writes it.
fn money(value: f64) -> Value {
    json!({ "currency": "EUR", "value": (value * 100.0).round() / 100.0 })
}

impl JifelineSandbox {
    /// One connector, the demo catalogue, one employee (the logged-in user), no tickets.
    pub fn new(config: JifelineConfig) -> Self {
        JifelineSandbox {
            config,
            state: Mutex::new(State {
                tokens: HashMap::new(),
                logins: 0,
                favorites: BTreeSet::new(),
                tickets: Vec::new(),
                employees: vec![people::first_employee()],
                customer: people::first_customer(),
                attachments: Vec::new(),
                next_id: 7_014_043,
            }),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Makes every access token issued so far invalid: the next call with one gets 401.
    pub fn expire_tokens(&self) {
        let past = Utc::now() - chrono::Duration::seconds(1);
        for expiry in self.state().tokens.values_mut() {
            *expiry = past;
        }
    }

    /// How many logins succeeded.
    pub fn logins(&self) -> u64 {
        self.state().logins
    }

    /// Every ticket, active and finished.
    pub fn tickets(&self) -> Vec<TicketRecord> {
        self.state().tickets.clone()
    }

    /// The operator finishes ticket `id`: it leaves the connector and becomes historical.
    /// False when there is no such active ticket.
    pub fn finish_ticket(&self, id: i64) -> bool {
        let mut state = self.state();
        match state
            .tickets
            .iter_mut()
            .find(|t| t.id == id && t.state == 1)
        {
            Some(ticket) => {
                ticket.state = 7;
                ticket.finished_at = Some(Utc::now());
                true
            }
            None => false,
        }
    }

    fn authorised(&self, call: &Call) -> bool {
        let Some(token) = call
            .header("authorization")
            .and_then(|h| h.strip_prefix("Bearer "))
        else {
            return false;
        };
        self.state()
            .tokens
            .get(token.trim())
            .is_some_and(|exp| *exp > Utc::now())
    }

    fn dispatch(&self, call: &Call) -> Answer {
        let name = call.op.name;
        if let Some(answer) = self.sessions(name, call) {
            return answer;
        }
        if !self.authorised(call) {
            return Err(Problem(
                StatusCode::UNAUTHORIZED,
                "the access token is missing, invalid or expired".to_owned(),
            ));
        }
        if let Some(answer) = self.catalogue(name, call) {
            return answer;
        }
        if let Some(answer) = self.tickets_api(name, call) {
            return answer;
        }
        if let Some(answer) = self.people(name, call) {
            return answer;
        }
        if let Some(answer) = self.service(name, call) {
            return answer;
        }
        Err(Problem(
            StatusCode::NOT_IMPLEMENTED,
            format!("{name} is not emulated by partner-sandbox"),
        ))
    }
}

impl VendorApi for JifelineSandbox {
    fn operations(&self) -> &'static [Operation] {
        jifeline_client::OPERATIONS
    }

    fn handle(&self, call: Call) -> Response {
        match self.dispatch(&call) {
            // Calls documented as answering `null` answer 204, like the client's fixtures.
            Ok(Value::Null) => StatusCode::NO_CONTENT.into_response(),
            Ok(body) if call.op.name.starts_with("Create") => json(StatusCode::CREATED, body),
            Ok(body) => json(StatusCode::OK, body),
            Err(problem) => self.refuse(problem),
        }
    }

    fn refuse(&self, Problem(status, detail): Problem) -> Response {
        let mut response = json(
            status,
            json!({
                "type": "about:blank",
                "title": status.canonical_reason().unwrap_or("Error"),
                "status": status.as_u16(),
                "detail": detail,
            }),
        );
        response.headers_mut().insert(
            axum::http::header::CONTENT_TYPE,
            axum::http::HeaderValue::from_static("application/problem+json"),
        );
        response
    }
}
