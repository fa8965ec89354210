//! BigFix: single repair orders (JSON, JWT), bulk orders (multipart `.xlsx`, API key), the
//! template download and order tracking that advances through the documented workflows.
//!
//! Single orders are read with the client's `RepairOrder` and checked with its rules (the
//! configured [`ValidationRules`]); a violation is a 400 whose `Message` is the document's
//! wording for it ("Invalid Mobile Number format", ...) followed by every violation. A
//! `repair_ref_no` seen before (single or bulk) is 409. Bodies follow the client's fixtures:
//! `{"Success": "True"|"False", "Message": ..., "Status_code": ...}`, `Status_code` a string
//! except on the bulk upload, where the document gives an integer.

mod bulk;
mod tracking;

use std::collections::BTreeMap;
use std::sync::Mutex;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bigfix_client::{RepairOrder, ValidationErrors, ValidationRules, Workflow};
use chrono::{NaiveDateTime, Utc};
use partner_core::Operation;
use partner_core::validation::Rule;
use serde_json::{Value, json};

use crate::server::{Call, Refusal, VendorApi, json};

pub use tracking::workflow_statuses;

/// The demo API key (`X-API-Key`) for bulk upload, template and tracking.
pub const DEMO_API_KEY: &str = "sandbox-bigfix-key";
/// The demo JWT for single orders (`Authorization: Bearer <jwt>`; a bare token or a `JWT `
/// prefix is accepted too). Its signature is not a real one: the sandbox only compares it.
pub const DEMO_JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJwYXJ0bmVyLXNhbmRib3giLCJzdWIiOiJzYW5kYm94LXBhcnRuZXIifQ.cGFydG5lci1zYW5kYm94LXNpZ25hdHVyZQ";

/// BigFix settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BigfixConfig {
    /// The field rules applied to single orders and sheet rows (default: the client's
    /// default, the lenient reading: "Tamil Nadu" passes; `ValidationRules::STRICT` refuses
    /// what the strict reading refuses).
    pub rules: ValidationRules,
}

/// Where an order came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `CreateRepairOrder`.
    Single,
    /// A row of `UploadBulkOrders`.
    Bulk,
}

/// One repair order as the sandbox holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    /// The generated `request_id` (`REPAIR{YYYYMMDD}{4 digits}`).
    pub request_id: String,
    /// The partner's `repair_ref_no`.
    pub repair_ref_no: String,
    /// How it arrived.
    pub source: Source,
    /// The workflow its tracking follows.
    pub workflow: Workflow,
    /// When each revealed tracking status happened; empty until tracking starts.
    pub revealed: Vec<NaiveDateTime>,
    /// Whether tracking has started (the first tracking call only starts it).
    pub started: bool,
}

#[derive(Debug)]
struct State {
    orders: BTreeMap<String, Order>,
    rng: fastrand::Rng,
    uploads: u64,
}

/// The BigFix emulation and its state.
#[derive(Debug)]
pub struct BigfixSandbox {
    config: BigfixConfig,
    state: Mutex<State>,
}

/// The documented envelope. `numeric_code`: the bulk upload's integer `Status_code`.
fn envelope(status: StatusCode, message: &str, numeric_code: bool) -> Value {
    let code = if numeric_code {
        json!(status.as_u16())
    } else {
        json!(status.as_u16().to_string())
    };
    json!({
        "Success": if status.is_success() { "True" } else { "False" },
        "Message": message,
        "Status_code": code,
    })
}

/// The document's words for the first violation, then every violation.
fn validation_message(errors: &ValidationErrors) -> String {
    let documented = errors
        .violations()
        .iter()
        .map(|v| {
            let field = v.field.rsplit('.').next().unwrap_or(&v.field);
            match (field, &v.rule) {
                (_, Rule::Required) => "Missing required fields",
                ("City" | "State", _) => "Invalid City/State format",
                ("Pincode", _) => "Invalid Pincode format",
                ("CustomerMobile", _) => "Invalid Mobile Number format",
                _ => "Validation error",
            }
        })
        .next()
        .unwrap_or("Validation error");
    format!("{documented}: {errors}")
}

impl BigfixSandbox {
    /// An empty store; `seed` drives the generated request ids.
    pub fn new(config: BigfixConfig, seed: u64) -> Self {
        BigfixSandbox {
            config,
            state: Mutex::new(State {
                orders: BTreeMap::new(),
                rng: fastrand::Rng::with_seed(seed),
                uploads: 0,
            }),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The order with this `request_id` or `repair_ref_no`.
    pub fn order(&self, reference: &str) -> Option<Order> {
        let state = self.state();
        find(&state, reference).cloned()
    }

    /// Every order, by request id.
    pub fn orders(&self) -> Vec<Order> {
        self.state().orders.values().cloned().collect()
    }

    /// Bulk uploads accepted so far (each would e-mail the client a summary).
    pub fn uploads(&self) -> u64 {
        self.state().uploads
    }

    /// Moves an order's tracking `steps` statuses on (starting it if needed); false when
    /// the reference is unknown.
    pub fn advance(&self, reference: &str, steps: usize) -> bool {
        let mut state = self.state();
        let Some(order) = find_mut(&mut state, reference) else {
            return false;
        };
        order.started = true;
        for _ in 0..steps {
            tracking::reveal_next(order);
        }
        true
    }

    /// Puts an order on another workflow (for instance the No Part Call flow).
    pub fn set_workflow(&self, reference: &str, workflow: Workflow) -> bool {
        let mut state = self.state();
        let Some(order) = find_mut(&mut state, reference) else {
            return false;
        };
        order.workflow = workflow;
        order.revealed.truncate(workflow_statuses(workflow).len());
        true
    }

    /// Stores a new order and returns its request id.
    fn insert(
        state: &mut State,
        repair_ref_no: &str,
        source: Source,
        workflow: Workflow,
    ) -> String {
        let today = Utc::now().format("%Y%m%d").to_string();
        let request_id = loop {
            let candidate = format!("REPAIR{today}{:04}", state.rng.u16(0..10_000));
            if !state.orders.contains_key(&candidate) {
                break candidate;
            }
        };
        state.orders.insert(
            request_id.clone(),
            Order {
                request_id: request_id.clone(),
                repair_ref_no: repair_ref_no.to_owned(),
                source,
                workflow,
                revealed: Vec::new(),
                started: false,
            },
        );
        request_id
    }

    fn create(&self, call: &Call) -> Result<Value, Refusal> {
        let token = call
            .header("authorization")
            .map(str::trim)
            .unwrap_or_default();
        let token = token
            .strip_prefix("Bearer ")
            .or_else(|| token.strip_prefix("JWT "))
            .unwrap_or(token);
        if token.trim() != DEMO_JWT {
            return Err(Refusal(
                StatusCode::UNAUTHORIZED,
                "Invalid or missing JWT token".to_owned(),
            ));
        }
        let order: RepairOrder = call
            .json()
            .map_err(|Refusal(status, message)| match status {
                // The document's wording for a body without the required fields.
                StatusCode::BAD_REQUEST => {
                    Refusal(status, format!("Missing required fields: {message}"))
                }
                _ => Refusal(status, message),
            })?;
        order
            .validate_with(&self.config.rules)
            .map_err(|e| Refusal(StatusCode::BAD_REQUEST, validation_message(&e)))?;
        let mut state = self.state();
        if find(&state, &order.repair_ref_no).is_some() {
            return Err(Refusal(
                StatusCode::CONFLICT,
                "Duplicate repair reference number".to_owned(),
            ));
        }
        // Home visits bring a technician; pickups and walk-ins go to a service centre.
        let workflow = match order.engagement_type.as_str() {
            "Home" => Workflow::Technician,
            _ => Workflow::ServiceCentre,
        };
        let request_id = Self::insert(&mut state, &order.repair_ref_no, Source::Single, workflow);
        let mut body = envelope(
            StatusCode::OK,
            "Repair request has been raised successfully",
            false,
        );
        body["DATA"] =
            json!({ "request_id": request_id, "service_request_id": order.repair_ref_no });
        Ok(body)
    }

    fn api_key_ok(call: &Call) -> bool {
        call.header("x-api-key").map(str::trim) == Some(DEMO_API_KEY)
    }
}

fn find<'a>(state: &'a State, reference: &str) -> Option<&'a Order> {
    state
        .orders
        .get(reference)
        .or_else(|| state.orders.values().find(|o| o.repair_ref_no == reference))
}

fn find_mut<'a>(state: &'a mut State, reference: &str) -> Option<&'a mut Order> {
    let key = find(state, reference)?.request_id.clone();
    state.orders.get_mut(&key)
}

impl VendorApi for BigfixSandbox {
    fn operations(&self) -> &'static [Operation] {
        bigfix_client::OPERATIONS
    }

    fn handle(&self, call: Call) -> Response {
        let numeric = call.op.name == "UploadBulkOrders";
        if call.op.name != "CreateRepairOrder" && !Self::api_key_ok(&call) {
            let body = envelope(
                StatusCode::UNAUTHORIZED,
                "Invalid or missing API key",
                numeric,
            );
            return json(StatusCode::UNAUTHORIZED, body);
        }
        let answer = match call.op.name {
            "CreateRepairOrder" => self.create(&call),
            "UploadBulkOrders" => self.upload(&call),
            "TrackOrder" => self.track(&call),
            "DownloadTemplate" => {
                return match bulk::template() {
                    Ok(bytes) => {
                        let mut response = (StatusCode::OK, bytes).into_response();
                        let headers = response.headers_mut();
                        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(bulk::XLSX));
                        headers.insert(
                            header::CONTENT_DISPOSITION,
                            HeaderValue::from_static(
                                "attachment; filename=\"repair_template.xlsx\"",
                            ),
                        );
                        response
                    }
                    Err(message) => json(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        envelope(StatusCode::INTERNAL_SERVER_ERROR, &message, false),
                    ),
                };
            }
            other => Err(Refusal(
                StatusCode::NOT_IMPLEMENTED,
                format!("{other} is not emulated"),
            )),
        };
        match answer {
            Ok(body) => json(StatusCode::OK, body),
            Err(Refusal(status, message)) => json(status, envelope(status, &message, numeric)),
        }
    }

    fn refuse(&self, Refusal(status, message): Refusal) -> Response {
        json(status, envelope(status, &message, false))
    }
}
