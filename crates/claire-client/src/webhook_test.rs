//! The body of `POST /v1/webhooks/test` ("Webhooks: Test a webhook"): which webhook to call
//! and the payload to call it with, PascalCase on the wire as in the document's example.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::enums::WebhookTriggerId;
use crate::ids::{AppointmentId, DealerId, LocationId, WebhookId};

/// The body of `POST /v1/webhooks/test` (`webhook.Message`; PascalCase on the wire).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WebhookTestMessage {
    /// Webhook to call.
    #[serde(rename = "WebhookID")]
    pub webhook_id: WebhookId,
    /// Receiver of a communication (not described by the document).
    #[serde(rename = "CommunicationReceiverID", default)]
    pub communication_receiver_id: Option<i64>,
    /// What Claire sends to the webhook URL.
    #[serde(rename = "Payload")]
    pub payload: WebhookTestPayload,
}

impl WebhookTestMessage {
    /// A test call of `webhook_id` with `payload`.
    pub fn new(webhook_id: WebhookId, payload: WebhookTestPayload) -> Self {
        WebhookTestMessage {
            webhook_id,
            communication_receiver_id: None,
            payload,
        }
    }
}

/// The payload of a test call (PascalCase on the wire, as in the document's example).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct WebhookTestPayload {
    /// Trigger to simulate.
    #[serde(rename = "WebhookTriggerID")]
    pub webhook_trigger_id: WebhookTriggerId,
    /// Appointment id.
    #[serde(rename = "AppointmentID")]
    pub appointment_id: AppointmentId,
    /// Dealer id.
    #[serde(rename = "DealerID")]
    pub dealer_id: DealerId,
    /// Location id.
    #[serde(rename = "DealerLocationID")]
    pub dealer_location_id: LocationId,
    /// Work order number.
    #[serde(rename = "WONr")]
    pub wo_nr: String,
    /// Customer communication key.
    pub communication_key: Option<String>,
    /// Customer DMS number.
    #[serde(rename = "CustomerDMSNr")]
    pub customer_dms_nr: Option<String>,
    /// Customer type (`driver`, `owner`, `contractor`).
    pub customer_type: Option<String>,
    /// Receptionist name.
    pub receptionist_name: Option<String>,
    /// Receptionist phone.
    pub receptionist_phone: Option<String>,
    /// Receptionist profile picture URL.
    #[serde(rename = "ReceptionistProfilePictureURL")]
    pub receptionist_profile_picture_url: Option<String>,
    /// Customer remarks.
    pub customer_remarks: Option<String>,
    /// Corrected phone given by the customer.
    pub correct_phone: Option<String>,
    /// Corrected e-mail given by the customer.
    pub correct_email: Option<String>,
    /// Customer name.
    pub customer_name: Option<String>,
    /// VAT number of the location.
    #[serde(rename = "LocationVAT")]
    pub location_vat: Option<String>,
    /// Scheduled interventions (shape not documented, kept as JSON).
    pub scheduled_interventions: Option<Value>,
    /// Customer order (shape not documented, kept as JSON).
    pub customer_order: Option<Value>,
    /// Customer contact items (shape not documented, kept as JSON).
    pub customer_contact_items: Option<Value>,
    /// DMS source of the location.
    #[serde(rename = "DMSLocationSource")]
    pub dms_location_source: String,
    /// Shop marker.
    pub is_shop: Option<bool>,
    /// Shop marker colour.
    pub is_shop_color: Option<String>,
    /// Checklist id.
    #[serde(rename = "ChecklistID")]
    pub checklist_id: Option<i64>,
    /// Checklist name.
    pub checklist_name: Option<String>,
    /// Appointment DMS number.
    #[serde(rename = "DMSNr")]
    pub dms_nr: Option<String>,
    /// Import error, for the `PublicAPIAppointmentImported` trigger.
    pub appointment_import_error: Option<String>,
}

impl WebhookTestPayload {
    /// A payload for `trigger` with every other field empty.
    pub fn new(trigger: WebhookTriggerId) -> Self {
        WebhookTestPayload {
            webhook_trigger_id: trigger,
            ..Default::default()
        }
    }
}
