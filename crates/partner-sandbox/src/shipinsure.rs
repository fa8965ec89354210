//! shipinsure: insure SME deliveries (API #1), record tracking events (API #2), cancel
//! policies (API #3), every call MD5-signed.
//!
//! The signature is checked independently of the client's signing code (the documented
//! `md5(api_token_key + tracking_number + premium_amount)` for API #1, the client's reading
//! `md5(api_token_key + tracking_number)` for #2 and #3), so a signing bug in the client
//! shows up as the 401 the vendor would send. Bodies are read with the client's own models
//! and checked with the strict reading of their rules (`ValidationRules::STRICT`: a server
//! may refuse what the client lets through by default), including the document's seven
//! delivery statuses.
//!
//! Answers follow the crate's fixtures: `{"status": "success", ...}` on success,
//! `{"status": "fail", "message": ...}` with HTTP 200 for an unknown order, 400 for an
//! invalid body and 401 for a bad signature. A tracking number insured twice is HTTP 409,
//! and so is the cancel of a policy already cancelled ("Policy already cancelled"), as the
//! vendor answers them (issue 11).

use std::collections::BTreeMap;
use std::sync::Mutex;

use axum::http::StatusCode;
use axum::response::Response;
use partner_core::Operation;
use partner_core::signing::md5_hex;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use shipinsure_client::{
    CancelDeliveryRequest, DeliveryStatus, OperationId, SubmitDeliveryRequest,
    TrackingDetailRequest, ValidateWith, ValidationRules,
};

use crate::server::{Call, Refusal, VendorApi, json};

/// The demo `api_token_key` the sandbox accepts.
pub const DEMO_API_TOKEN_KEY: &str = "sandbox-shipinsure-key";

/// One insured delivery order, as the sandbox holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// The `policy_id` issued by API #1.
    pub policy_id: String,
    /// The order's `tracking_number`.
    pub tracking_number: String,
    /// The last `delivery_status` reported by API #2 (`created` at first).
    pub delivery_status: String,
    /// How many tracking events API #2 recorded.
    pub events: usize,
    /// The `cancellation_reason`, once API #3 cancelled the policy.
    pub cancelled: Option<String>,
}

#[derive(Debug, Default)]
struct State {
    policies: BTreeMap<String, Policy>,
    issued: u64,
}

/// The shipinsure emulation and its state.
#[derive(Debug)]
pub struct ShipInsureSandbox {
    key: String,
    state: Mutex<State>,
}

impl ShipInsureSandbox {
    /// An empty sandbox accepting `api_token_key`.
    pub fn new(api_token_key: impl Into<String>) -> Self {
        ShipInsureSandbox {
            key: api_token_key.into(),
            state: Mutex::new(State::default()),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The policy of `tracking_number`, if one was issued.
    pub fn policy(&self, tracking_number: &str) -> Option<Policy> {
        self.state().policies.get(tracking_number).cloned()
    }

    /// Every policy issued so far.
    pub fn policies(&self) -> Vec<Policy> {
        self.state().policies.values().cloned().collect()
    }

    /// Checks the signature over `fields` and reads the body as `T`, validated strictly.
    fn read<T: DeserializeOwned + ValidateWith>(
        &self,
        call: &Call,
        fields: &[&str],
    ) -> Result<T, Refusal> {
        let bad = |m: String| Refusal(StatusCode::BAD_REQUEST, m);
        let body: Map<String, Value> = call.json()?;
        let Some(Value::String(given)) = body.get("signature") else {
            return Err(Refusal(
                StatusCode::UNAUTHORIZED,
                "signature is required".to_owned(),
            ));
        };
        let mut parts = vec![self.key.clone()];
        for field in fields {
            parts.push(match body.get(*field) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) if n.is_i64() || n.is_u64() => n.to_string(),
                _ => return Err(bad(format!("{field} is required"))),
            });
        }
        if !given.eq_ignore_ascii_case(&md5_hex(&parts)) {
            return Err(Refusal(
                StatusCode::UNAUTHORIZED,
                "invalid signature".to_owned(),
            ));
        }
        let request: T =
            serde_json::from_value(Value::Object(body)).map_err(|e| bad(e.to_string()))?;
        request
            .validate_with(&ValidationRules::STRICT)
            .map_err(|e| bad(e.to_string()))?;
        Ok(request)
    }

    fn submit(&self, call: &Call) -> Result<Value, Refusal> {
        let request: SubmitDeliveryRequest =
            self.read(call, &["tracking_number", "premium_amount"])?;
        let mut state = self.state();
        if state.policies.contains_key(&request.tracking_number) {
            return Err(Refusal(
                StatusCode::CONFLICT,
                format!(
                    "tracking_number {} is already insured",
                    request.tracking_number
                ),
            ));
        }
        state.issued += 1;
        let policy_id = format!("POL-{:06}", state.issued);
        let host = call.header("host").unwrap_or("127.0.0.1");
        let certificate = format!("http://{host}/certificates/{policy_id}.pdf");
        state.policies.insert(
            request.tracking_number.clone(),
            Policy {
                policy_id: policy_id.clone(),
                tracking_number: request.tracking_number,
                delivery_status: DeliveryStatus::Created.as_str().to_owned(),
                events: 0,
                cancelled: None,
            },
        );
        Ok(json!({
            "status": "success",
            "message": "the delivery is insured",
            "policy_id": policy_id,
            "url_certificate": certificate,
        }))
    }

    fn track(&self, call: &Call) -> Result<Value, Refusal> {
        let request: TrackingDetailRequest = self.read(call, &["tracking_number"])?;
        if matches!(request.delivery_status, DeliveryStatus::Unknown(_)) {
            return Err(Refusal(
                StatusCode::BAD_REQUEST,
                format!(
                    "delivery_status `{}` is not one of created, in_process, in_delivery, success, fail, in_return, returned",
                    request.delivery_status.as_str()
                ),
            ));
        }
        let mut state = self.state();
        let policy = known(&mut state, &request.tracking_number)?;
        if policy.cancelled.is_some() {
            return Err(Refusal(
                StatusCode::OK,
                format!("the policy of {} is cancelled", request.tracking_number),
            ));
        }
        policy.events += request.events.len();
        policy.delivery_status = request.delivery_status.as_str().to_owned();
        Ok(json!({
            "status": "success",
            "message": format!("{} event(s) recorded; delivery_status is {}", request.events.len(), policy.delivery_status),
        }))
    }

    fn cancel(&self, call: &Call) -> Result<Value, Refusal> {
        let request: CancelDeliveryRequest = self.read(call, &["tracking_number"])?;
        let mut state = self.state();
        let policy = known(&mut state, &request.tracking_number)?;
        if policy.policy_id != request.policy_id.as_str() {
            return Err(Refusal(
                StatusCode::OK,
                format!(
                    "policy_id {} does not belong to {}",
                    request.policy_id.as_str(),
                    request.tracking_number
                ),
            ));
        }
        // Cancelling twice changes nothing more; the vendor says so with a 409.
        if policy.cancelled.is_some() {
            return Err(Refusal(
                StatusCode::CONFLICT,
                "Policy already cancelled".to_owned(),
            ));
        }
        policy.cancelled = Some(request.cancellation_reason.clone());
        Ok(json!({
            "status": "success",
            "message": "the policy is cancelled",
            "tracking_number": request.tracking_number,
            "policy_id": policy.policy_id,
        }))
    }
}

fn known<'a>(state: &'a mut State, tracking_number: &str) -> Result<&'a mut Policy, Refusal> {
    state.policies.get_mut(tracking_number).ok_or_else(|| {
        Refusal(
            StatusCode::OK,
            format!("tracking_number {tracking_number} is not insured"),
        )
    })
}

impl VendorApi for ShipInsureSandbox {
    fn operations(&self) -> &'static [Operation] {
        shipinsure_client::OPERATIONS
    }

    fn handle(&self, call: Call) -> Response {
        let answer = match call.op.name {
            n if n == OperationId::SubmitSmeDelivery.name() => self.submit(&call),
            n if n == OperationId::InsertTrackingDetail.name() => self.track(&call),
            n if n == OperationId::CancelSmeDeliveryOrder.name() => self.cancel(&call),
            other => Err(Refusal(
                StatusCode::NOT_IMPLEMENTED,
                format!("{other} is not emulated"),
            )),
        };
        match answer {
            Ok(body) => json(StatusCode::OK, body),
            // Refusals are `{"status": "fail", "message": ...}`, as the client's fixtures show.
            Err(refusal) => self.refuse(refusal),
        }
    }

    fn refuse(&self, Refusal(status, message): Refusal) -> Response {
        json(status, json!({ "status": "fail", "message": message }))
    }
}
