//! The body of `POST /v1/webhooks/test` ("Webhooks: Test a webhook"): which webhook to call
//! and the payload to call it with, PascalCase on the wire as in the document's example.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::models::{AppointmentId, DealerId, LocationId, WebhookId, WebhookTriggerId};

/// The body of `POST /v1/webhooks/test` (`webhook.Message`; PascalCase on the wire).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
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

    /// Sets the communication receiver (`CommunicationReceiverID`).
    pub fn communication_receiver(mut self, id: i64) -> Self {
        self.communication_receiver_id = Some(id);
        self
    }
}

/// The payload of a test call (PascalCase on the wire, as in the document's example).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
#[non_exhaustive]
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

    /// Sets the appointment, its location and work order number, the fields every webhook
    /// call carries.
    pub fn appointment(
        mut self,
        appointment_id: AppointmentId,
        location_id: LocationId,
        wo_nr: impl Into<String>,
    ) -> Self {
        self.appointment_id = appointment_id;
        self.dealer_location_id = location_id;
        self.wo_nr = wo_nr.into();
        self
    }

    /// Sets the dealer.
    pub fn dealer(mut self, dealer_id: DealerId) -> Self {
        self.dealer_id = dealer_id;
        self
    }

    /// Sets the import error, to test a failed `PublicAPIAppointmentImported` call.
    pub fn import_error(mut self, error: impl Into<String>) -> Self {
        self.appointment_import_error = Some(error.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn builders_fill_the_pascal_case_keys() {
        let message = WebhookTestMessage::new(
            WebhookId(9),
            WebhookTestPayload::new(WebhookTriggerId::PublicApiAppointmentImported)
                .appointment(AppointmentId(4711), LocationId(12), "WO-1")
                .dealer(DealerId(3))
                .import_error("vin missing"),
        )
        .communication_receiver(5);
        let v = serde_json::to_value(&message).unwrap();
        assert_eq!(v["WebhookID"], json!(9));
        assert_eq!(v["CommunicationReceiverID"], json!(5));
        let p = &v["Payload"];
        assert_eq!(
            (
                &p["WebhookTriggerID"],
                &p["AppointmentID"],
                &p["DealerID"],
                &p["DealerLocationID"],
                &p["WONr"],
                &p["AppointmentImportError"]
            ),
            (
                &json!(19),
                &json!(4711),
                &json!(3),
                &json!(12),
                &json!("WO-1"),
                &json!("vin missing")
            )
        );
        assert_eq!(p["CustomerType"], json!(null));
    }
}
