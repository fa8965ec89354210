//! Receiving Claire's webhook calls, whatever your HTTP framework: body bytes and the peer
//! address in, a typed [`WebhookPayload`] out.
//!
//! Claire POSTs a JSON object to your URL ("Webhooks: Payload"). It calls from fixed addresses
//! ("Whitelisting"): production 34.91.154.69, development 34.91.177.194. A
//! [`WebhookReceiver`] can refuse calls from anywhere else. Behind a reverse proxy the peer is
//! the proxy: pass the client address your proxy reports (and only if you trust it).
//!
//! ```
//! use claire_client::{ImportOutcome, WebhookReceiver};
//! let receiver = WebhookReceiver::production();
//! let body = br#"{"webhook_trigger_id": 19, "dealer_id": 3, "dealer_location_id": 12, "wo_nr": "WO-1001", "appointment_id": 4711}"#;
//! let payload = receiver.receive(body, Some("34.91.154.69".parse().unwrap())).unwrap();
//! assert_eq!(payload.import_outcome(), Some(ImportOutcome::Imported { appointment_id: claire_client::AppointmentId(4711) }));
//! assert!(receiver.receive(body, Some("10.0.0.7".parse().unwrap())).is_err());
//! ```

use std::net::{IpAddr, Ipv4Addr};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::models::{AppointmentId, CustomerKind, DealerId, LocationId, WebhookTriggerId};

/// The address Claire's production environment calls webhooks from.
pub const PRODUCTION_SENDER: IpAddr = IpAddr::V4(Ipv4Addr::new(34, 91, 154, 69));
/// The address Claire's development environment calls webhooks from.
pub const DEVELOPMENT_SENDER: IpAddr = IpAddr::V4(Ipv4Addr::new(34, 91, 177, 194));

/// The JSON body of a webhook call.
///
/// Keys are the snake_case ones of the "Payload" table. The `webhooks/test` message carries
/// the same payload with Go's PascalCase names (`AppointmentID`, `WONr`, ...), so those are
/// accepted too, in case a test call reaches you in that form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebhookPayload {
    /// The trigger that fired. The document promises it for import results; for other
    /// triggers it may be absent.
    #[serde(default, alias = "WebhookTriggerID")]
    pub webhook_trigger_id: Option<WebhookTriggerId>,
    /// The appointment. Listed as always present, but absent when an import failed (then
    /// `appointment_import_error` is set).
    #[serde(default, alias = "AppointmentID")]
    pub appointment_id: Option<AppointmentId>,
    /// The dealer.
    #[serde(alias = "DealerID")]
    pub dealer_id: DealerId,
    /// The location.
    #[serde(alias = "DealerLocationID")]
    pub dealer_location_id: LocationId,
    /// The work order number from the DMS.
    #[serde(alias = "WONr")]
    pub wo_nr: String,
    /// Customer communication key (communication triggers only).
    #[serde(default, alias = "CommunicationKey")]
    pub communication_key: Option<String>,
    /// Customer DMS number (communication triggers only).
    #[serde(default, alias = "CustomerDMSNr")]
    pub customer_dmsnr: Option<String>,
    /// Customer type (communication triggers only).
    #[serde(default, alias = "CustomerType")]
    pub customer_type: Option<CustomerKind>,
    /// Why an imported appointment failed (`PublicAPIAppointmentImported` only).
    #[serde(default, alias = "AppointmentImportError")]
    pub appointment_import_error: Option<String>,
    /// Any other field Claire sends.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The result of one imported appointment, from a `PublicAPIAppointmentImported` call.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportOutcome {
    /// Imported (created or updated) as this appointment.
    Imported {
        /// The Claire appointment.
        appointment_id: AppointmentId,
    },
    /// Not imported.
    Failed {
        /// Claire's reason.
        error: String,
    },
}

impl WebhookPayload {
    /// Parses a body, naming the failing field.
    pub fn from_slice(body: &[u8]) -> Result<Self, ReceiveError> {
        let de = &mut serde_json::Deserializer::from_slice(body);
        let payload: WebhookPayload =
            serde_path_to_error::deserialize(&mut *de).map_err(|e| ReceiveError::Malformed {
                path: e.path().to_string(),
                message: e.inner().to_string(),
            })?;
        de.end().map_err(|e| ReceiveError::Malformed {
            path: ".".into(),
            message: e.to_string(),
        })?;
        Ok(payload)
    }

    /// For an import result call, whether the appointment was imported. `None` for other
    /// triggers.
    pub fn import_outcome(&self) -> Option<ImportOutcome> {
        let is_import = self.webhook_trigger_id
            == Some(WebhookTriggerId::PublicApiAppointmentImported)
            || (self.webhook_trigger_id.is_none() && self.appointment_import_error.is_some());
        if !is_import {
            return None;
        }
        match (&self.appointment_import_error, self.appointment_id) {
            (Some(error), _) if !error.trim().is_empty() => Some(ImportOutcome::Failed {
                error: error.clone(),
            }),
            (_, Some(appointment_id)) if !appointment_id.is_zero() => {
                Some(ImportOutcome::Imported { appointment_id })
            }
            _ => Some(ImportOutcome::Failed {
                error: String::new(),
            }),
        }
    }

    /// The read-only customer communication link, for communication triggers.
    pub fn customer_communication_url(&self) -> Option<url::Url> {
        self.communication_key
            .as_deref()
            .and_then(crate::models::customer_communication_url)
    }
}

/// Why a webhook call was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReceiveError {
    /// The caller is not one of the allowed Claire addresses.
    #[error("webhook call from {ip}, which is not an allowed Claire address")]
    UnknownSender {
        /// The caller's address.
        ip: IpAddr,
    },
    /// The sender check is on but no peer address was given.
    #[error("webhook call without a peer address while the sender check is on")]
    MissingPeer,
    /// The body is not the documented JSON object.
    #[error("webhook payload does not have the documented shape at `{path}`: {message}")]
    Malformed {
        /// JSON path of the failing field.
        path: String,
        /// What serde reported.
        message: String,
    },
}

/// Checks the sender (optionally) and parses webhook calls.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WebhookReceiver {
    allowed: Option<Vec<IpAddr>>,
}

impl WebhookReceiver {
    /// A receiver that accepts calls from any address (check the sender another way, for
    /// example with a secret header set on the webhook).
    pub fn new() -> Self {
        WebhookReceiver { allowed: None }
    }

    /// Accepts calls only from Claire's production address.
    pub fn production() -> Self {
        WebhookReceiver {
            allowed: Some(vec![PRODUCTION_SENDER]),
        }
    }

    /// Accepts calls only from Claire's development address.
    pub fn development() -> Self {
        WebhookReceiver {
            allowed: Some(vec![DEVELOPMENT_SENDER]),
        }
    }

    /// Also accepts calls from `ip` (turning the sender check on if it was off).
    pub fn allow(mut self, ip: IpAddr) -> Self {
        self.allowed.get_or_insert_with(Vec::new).push(ip);
        self
    }

    /// Whether a call from `peer` is accepted. IPv4 addresses mapped into IPv6
    /// (`::ffff:34.91.154.69`, as dual-stack sockets report them) count as IPv4.
    pub fn is_allowed(&self, peer: IpAddr) -> bool {
        match &self.allowed {
            None => true,
            Some(list) => list
                .iter()
                .any(|ip| ip.to_canonical() == peer.to_canonical()),
        }
    }

    /// Checks the sender, then parses the body.
    pub fn receive(
        &self,
        body: &[u8],
        peer: Option<IpAddr>,
    ) -> Result<WebhookPayload, ReceiveError> {
        if self.allowed.is_some() {
            let ip = peer.ok_or(ReceiveError::MissingPeer)?;
            if !self.is_allowed(ip) {
                return Err(ReceiveError::UnknownSender { ip });
            }
        }
        WebhookPayload::from_slice(body)
    }
}
