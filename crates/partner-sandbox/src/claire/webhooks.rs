//! Claire webhooks: create, list, view, update, delete, test (a real call to the URL), the
//! delivery errors of the past calls (paginated) and the trigger list.
//!
//! Create and update check what the client's strict rules check (a trigger, an absolute
//! http(s) URL, named headers; the default client sends without them, the document stating no
//! rules) plus a location of the dealer. The document mentions a per-key limit
//! without a number; the sandbox allows [`MAX_WEBHOOKS`].

use std::sync::Arc;

use chrono::Utc;
use claire_client::{Webhook, WebhookId, WebhookTestMessage, WebhookTrigger, WebhookTriggerId};
use serde::Deserialize;
use serde_json::{Value, json};

use super::import::{Outgoing, deliver};
use super::{
    Answer, ClaireSandbox, DEMO_DEALER_ID, DEMO_LOCATIONS, bad_request, lock, not_found, to_json,
    trigger_name,
};
use crate::server::Call;

/// Webhooks one key may hold.
pub const MAX_WEBHOOKS: usize = 20;
/// Delivery errors per page of `ListWebhookErrors`.
pub const ERRORS_PER_PAGE: usize = 10;

#[derive(Deserialize)]
struct ListErrors {
    #[serde(rename = "WebhookID", alias = "webhook_id")]
    webhook_id: i64,
    #[serde(rename = "Page", alias = "page", default)]
    page: u64,
}

/// The client's strict rules for a webhook body, plus a location of the dealer.
fn check(webhook: &Webhook, update: bool) -> Result<(), super::Refusal> {
    let mut problems = Vec::new();
    if update && webhook.id.is_zero() {
        problems.push("id is required".to_owned());
    }
    if webhook.webhook_trigger_id.value() == 0 {
        problems.push("webhook_trigger_id is required".to_owned());
    } else if webhook.webhook_trigger_id.is_unknown() {
        problems.push(format!(
            "webhook_trigger_id {} is not a trigger",
            webhook.webhook_trigger_id.value()
        ));
    }
    let url_ok = partner_core::url::Url::parse(webhook.url.trim())
        .is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
    if !url_ok {
        problems.push("url must be an absolute http or https URL".to_owned());
    }
    for (i, h) in webhook.headers.iter().enumerate() {
        if h.name.trim().is_empty() {
            problems.push(format!("headers[{i}].name is required"));
        }
    }
    if let Some(location) = webhook.dealer_location_id
        && !DEMO_LOCATIONS.iter().any(|(id, _)| *id == location)
    {
        problems.push(format!(
            "dealer_location_id {location} is not a location of the dealer"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(bad_request(problems.join("; ")))
    }
}

fn webhook_id(call: &Call) -> Result<WebhookId, super::Refusal> {
    call.query("webhook_id")
        .and_then(|v| v.parse().ok())
        .filter(|id| *id > 0)
        .map(WebhookId)
        .ok_or_else(|| bad_request("webhook_id is required"))
}

impl ClaireSandbox {
    pub(super) fn webhooks(&self, call: &Call) -> Answer {
        let body = || call.json::<Value>();
        match call.op.name {
            "ListWebhooks" => to_json(&lock(&self.state).webhooks),
            "ListWebhookTriggers" => to_json(&triggers()),
            "CreateWebhook" => {
                let mut webhook: Webhook =
                    serde_json::from_value(body()?).map_err(|e| bad_request(e.to_string()))?;
                check(&webhook, false)?;
                let mut state = lock(&self.state);
                if state.webhooks.len() >= MAX_WEBHOOKS {
                    return Err(bad_request(format!(
                        "the limit of {MAX_WEBHOOKS} webhooks per API key is reached"
                    )));
                }
                webhook.id = WebhookId(state.next_id());
                state.webhook_log.push(webhook.name.clone());
                webhook.dealer_id = DEMO_DEALER_ID;
                webhook.created_on = Some(Utc::now());
                webhook.updated_on = webhook.created_on;
                let id = webhook.id;
                state.webhooks.push(webhook);
                Ok(json!({ "ID": id.0 }))
            }
            "GetWebhook" => {
                let id = webhook_id(call)?;
                let state = lock(&self.state);
                to_json(
                    state
                        .webhooks
                        .iter()
                        .find(|w| w.id == id)
                        .ok_or_else(|| not_found("webhook"))?,
                )
            }
            "UpdateWebhook" => {
                let mut webhook: Webhook =
                    serde_json::from_value(body()?).map_err(|e| bad_request(e.to_string()))?;
                check(&webhook, true)?;
                let mut state = lock(&self.state);
                let held = state
                    .webhooks
                    .iter_mut()
                    .find(|w| w.id == webhook.id)
                    .ok_or_else(|| not_found("webhook"))?;
                webhook.dealer_id = DEMO_DEALER_ID;
                webhook.created_on = held.created_on;
                webhook.updated_on = Some(Utc::now());
                *held = webhook;
                Ok(Value::Null)
            }
            "DeleteWebhook" => {
                let id = webhook_id(call)?;
                let mut state = lock(&self.state);
                let before = state.webhooks.len();
                state.webhooks.retain(|w| w.id != id);
                if state.webhooks.len() == before {
                    return Err(not_found("webhook"));
                }
                Ok(Value::Null)
            }
            "TestWebhook" => {
                let message: WebhookTestMessage =
                    serde_json::from_value(body()?).map_err(|e| bad_request(e.to_string()))?;
                self.test(&message)
            }
            "ListWebhookErrors" => {
                let query: ListErrors =
                    serde_json::from_value(body()?).map_err(|e| bad_request(e.to_string()))?;
                let state = lock(&self.state);
                if !state.webhooks.iter().any(|w| w.id.0 == query.webhook_id) {
                    return Err(not_found("webhook"));
                }
                let errors: Vec<_> = state
                    .webhook_errors
                    .iter()
                    .filter(|e| e.webhook_id.0 == query.webhook_id)
                    .collect();
                let nb_pages = errors.len().div_ceil(ERRORS_PER_PAGE);
                // The document's example asks for page 0; it reads as the first page.
                let page = usize::try_from(query.page.max(1)).unwrap_or(usize::MAX);
                let items: Vec<_> = errors
                    .into_iter()
                    .skip((page - 1).saturating_mul(ERRORS_PER_PAGE))
                    .take(ERRORS_PER_PAGE)
                    .collect();
                Ok(json!({ "items": to_json(&items)?, "nb_pages": nb_pages }))
            }
            other => Err(bad_request(format!("{other} is not a webhook operation"))),
        }
    }

    /// Calls the webhook with the test payload, in the documented snake_case shape.
    fn test(&self, message: &WebhookTestMessage) -> Answer {
        let state = lock(&self.state);
        let webhook = state
            .webhooks
            .iter()
            .find(|w| w.id == message.webhook_id)
            .ok_or_else(|| not_found("webhook"))?;
        let p = &message.payload;
        let trigger = if p.webhook_trigger_id.value() == 0 {
            webhook.webhook_trigger_id
        } else {
            p.webhook_trigger_id
        };
        let mut payload = json!({
            "webhook_trigger_id": trigger.value(),
            "appointment_id": p.appointment_id.0,
            "dealer_id": DEMO_DEALER_ID.0,
            "dealer_location_id": p.dealer_location_id.0,
            "wo_nr": p.wo_nr,
        });
        for (field, value) in [
            ("communication_key", &p.communication_key),
            ("customer_dmsnr", &p.customer_dms_nr),
            ("customer_type", &p.customer_type),
            ("appointment_import_error", &p.appointment_import_error),
        ] {
            if let Some(value) = value {
                payload[field] = json!(value);
            }
        }
        use partner_core::ExposeSecret;
        let call = Outgoing {
            webhook_id: webhook.id.0,
            url: webhook.url.clone(),
            headers: webhook
                .headers
                .iter()
                .map(|h| (h.name.clone(), h.value.expose_secret().to_owned()))
                .collect(),
            payload,
        };
        drop(state);
        deliver(Arc::clone(&self.state), self.http.clone(), vec![call]);
        Ok(Value::Null)
    }
}

fn triggers() -> Vec<WebhookTrigger> {
    WebhookTriggerId::ALL
        .iter()
        .map(|id| {
            let mut trigger = WebhookTrigger::default();
            trigger.id = *id;
            trigger.name = trigger_name(*id);
            trigger
        })
        .collect()
}
