//! Order tracking: `GET /api/warrantify/claim/tracking/?ReferenceID=...` with `X-API-Key`.

mod model;
mod status;
#[cfg(test)]
mod tests;

pub use model::{ServerDateTime, Tracking, TrackingEvent};
pub use status::{StatusCode, TrackingStatus, Workflow};

use partner_core::Request;
use partner_core::validation::Validator;
use serde::Deserialize;
use serde_json::Value;

use crate::client::{BigfixClient, Credential};
use crate::error::BigfixError;
use crate::ops;

/// Handler for tracking, from [`BigfixClient::tracking`].
#[derive(Debug, Clone, Copy)]
pub struct TrackingApi<'a> {
    client: &'a BigfixClient,
}

impl<'a> TrackingApi<'a> {
    pub(crate) fn new(client: &'a BigfixClient) -> Self {
        TrackingApi { client }
    }

    /// The current status and history of an order. `reference_id` is case-sensitive and sent
    /// exactly as given. An order without tracking yet gives an empty [`Tracking`]
    /// ([`Tracking::has_started`] is false); an unknown id gives [`BigfixError::NotFound`].
    ///
    /// ```no_run
    /// # async fn run(client: bigfix_client::BigfixClient) -> Result<(), bigfix_client::BigfixError> {
    /// use bigfix_client::StatusCode;
    /// let t = client.tracking().get("REPAIR202611230042").await?;
    /// for event in &t.history {
    ///     println!("{}  {} (visit {:?})", event.date, event.status.code, event.status.visit);
    /// }
    /// println!("visits: {}", t.count(&StatusCode::ReachedCustomerLocation));
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, reference_id: &str) -> Result<Tracking, BigfixError> {
        let mut v = Validator::new();
        v.required("ReferenceID", reference_id);
        v.finish()?;
        let op = ops::TRACK_ORDER;
        let http = self.client.authed(op, Credential::ApiKey)?;
        let resp = http
            .send_raw(Request::new(op).query("ReferenceID", reference_id))
            .await?;
        let resp = self.client.check(http, op, resp)?;
        parse_tracking(reference_id, &resp.body)
    }
}

/// The body, loosely: the "no tracking" answer's shape is not documented.
#[derive(Deserialize)]
struct Envelope {
    #[serde(rename = "Success", default)]
    success: Option<Value>,
    #[serde(rename = "Status_code", default)]
    status_code: Option<Value>,
    #[serde(rename = "Message", default)]
    message: Option<Value>,
    #[serde(rename = "DATA", default)]
    data: Option<Value>,
}

#[derive(Deserialize)]
struct Data {
    #[serde(default)]
    current_status: Option<TrackingEvent>,
    #[serde(default)]
    tracking_details: Option<Vec<TrackingEvent>>,
}

/// Reads a 200 answer. Anything without tracking events (no `DATA`, `DATA` null, `{}`, `[]`,
/// or `"Success": "False"` with a message) is the documented "No Tracking Data" case.
pub(crate) fn parse_tracking(reference_id: &str, body: &[u8]) -> Result<Tracking, BigfixError> {
    let op = ops::TRACK_ORDER;
    let env: Envelope = partner_core::decode_json(op, body)?;
    let message = env.message.map(|m| match m {
        Value::String(s) => s,
        other => other.to_string(),
    });
    let (current, history) = match env.data {
        Some(data @ Value::Object(_)) => {
            // Decoded from its own bytes so a failure names the field inside DATA.
            let data: Data = partner_core::decode_json(op, data.to_string().as_bytes())?;
            (
                data.current_status,
                data.tracking_details.unwrap_or_default(),
            )
        }
        _ => (None, Vec::new()),
    };
    // Read leniently: they only restate the HTTP answer, and the empty case's shape is
    // undocumented, so an odd value must not turn a readable answer into an error.
    let success = env.success.and_then(|v| match v {
        Value::Bool(b) => Some(b),
        Value::String(s) if s.trim().eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.trim().eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    });
    let status_code = env.status_code.and_then(|v| match v {
        Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    });
    Ok(Tracking {
        reference_id: reference_id.to_owned(),
        current,
        history,
        message,
        success,
        status_code,
    })
}
