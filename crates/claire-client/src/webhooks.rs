//! Webhooks: list, create, view, update, delete, test, delivery errors (paged, as a lazy
//! stream) and the trigger list.

use futures_core::Stream;
use partner_core::pagination::{NumberedPage, page_paginator};
use partner_core::validation::{Rule, Validator};
use partner_core::{Error, Request};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::client::ClaireClient;
use crate::enums::WebhookTriggerId;
use crate::ids::{AppointmentId, DealerId, LocationId, WebhookId};
use crate::models::{CreatedWebhook, Webhook, WebhookError, WebhookErrorPage, WebhookTrigger};

/// Webhook calls; get one from [`ClaireClient::webhooks`].
#[derive(Debug, Clone, Copy)]
pub struct WebhooksHandler<'a> {
    client: &'a ClaireClient,
}

impl<'a> WebhooksHandler<'a> {
    pub(crate) fn new(client: &'a ClaireClient) -> Self {
        WebhooksHandler { client }
    }

    /// The webhooks created with this API key (`GET /v1/webhooks/list`).
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// for hook in client.webhooks().list().await? {
    ///     println!("{} {:?} -> {}", hook.id, hook.webhook_trigger_id, hook.url);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn list(&self) -> Result<Vec<Webhook>, Error> {
        let list: Option<Vec<Webhook>> = self
            .client
            .core()
            .send_json(Request::new("ListWebhooks"))
            .await?;
        Ok(list.unwrap_or_default())
    }

    /// Creates a webhook (`POST /v1/webhooks/create`) and returns its id. Claire limits the
    /// number of webhooks per key. Not retried once it may have reached Claire, so a timeout
    /// cannot create two.
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// use claire_client::{LocationId, Webhook, WebhookTriggerId};
    /// let hook = Webhook::new("imports", WebhookTriggerId::PublicApiAppointmentImported, "https://example.com/claire")
    ///     .location(LocationId(12));
    /// let id = client.webhooks().create(&hook).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create(&self, webhook: &Webhook) -> Result<WebhookId, Error> {
        check_webhook(webhook, false)?;
        let req = Request::new("CreateWebhook").json(webhook)?;
        let created: CreatedWebhook = self.client.core().send_json(req).await?;
        Ok(created.id)
    }

    /// One webhook with its headers (`GET /v1/webhooks/view`).
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// let hook = client.webhooks().get(claire_client::WebhookId(9)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, id: WebhookId) -> Result<Webhook, Error> {
        require_id(id)?;
        self.client
            .core()
            .send_json(Request::new("GetWebhook").query("webhook_id", id))
            .await
    }

    /// Updates a webhook created with this key (`POST /v1/webhooks/update`), found by
    /// `webhook.id`. Headers are **replaced**: send the ones you want to keep. Retried like a
    /// read, since sending the same update twice leaves the same webhook.
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// let hook = client.webhooks().get(claire_client::WebhookId(9)).await?;
    /// client.webhooks().update(&hook.active(false)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn update(&self, webhook: &Webhook) -> Result<(), Error> {
        check_webhook(webhook, true)?;
        self.client
            .core()
            .send(Request::new("UpdateWebhook").json(webhook)?)
            .await?;
        Ok(())
    }

    /// Deletes a webhook created with this key (`POST /v1/webhooks/delete?webhook_id=`).
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// client.webhooks().delete(claire_client::WebhookId(9)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete(&self, id: WebhookId) -> Result<(), Error> {
        require_id(id)?;
        self.client
            .core()
            .send(Request::new("DeleteWebhook").query("webhook_id", id))
            .await?;
        Ok(())
    }

    /// Makes Claire call a webhook now with the given payload (`POST /v1/webhooks/test`).
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// use claire_client::{WebhookId, WebhookTestMessage, WebhookTestPayload, WebhookTriggerId};
    /// let payload = WebhookTestPayload { wo_nr: "WO-1001".into(), ..WebhookTestPayload::new(WebhookTriggerId::CarReady) };
    /// client.webhooks().test(&WebhookTestMessage::new(WebhookId(9), payload)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn test(&self, message: &WebhookTestMessage) -> Result<(), Error> {
        require_id(message.webhook_id)?;
        self.client
            .core()
            .send(Request::new("TestWebhook").json(message)?)
            .await?;
        Ok(())
    }

    /// Delivery errors of a webhook over the past three months
    /// (`POST /v1/webhooks/list_errors`), page by page or as a lazy stream.
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// use futures_util::TryStreamExt;
    /// let errors: Vec<_> = client.webhooks().errors(claire_client::WebhookId(9)).stream().try_collect().await?;
    /// # Ok(()) }
    /// ```
    pub fn errors(&self, id: WebhookId) -> WebhookErrors {
        WebhookErrors {
            client: self.client.clone(),
            webhook_id: id,
            first_page: 1,
        }
    }

    /// Every trigger a webhook can use (`GET /v1/webhooks/list_triggers`).
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// for trigger in client.webhooks().triggers().await? {
    ///     println!("{:?}: {}", trigger.id, trigger.description);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn triggers(&self) -> Result<Vec<WebhookTrigger>, Error> {
        let list: Option<Vec<WebhookTrigger>> = self
            .client
            .core()
            .send_json(Request::new("ListWebhookTriggers"))
            .await?;
        Ok(list.unwrap_or_default())
    }
}

fn require_id(id: WebhookId) -> Result<(), Error> {
    let mut v = Validator::new();
    v.check("webhook_id", !id.is_zero(), Rule::Required);
    Ok(v.finish()?)
}

/// Checks what Claire needs to call a webhook: a trigger and an absolute http(s) URL (the
/// document states no rules; a webhook without them could never fire).
fn check_webhook(webhook: &Webhook, update: bool) -> Result<(), Error> {
    let mut v = Validator::new();
    if update {
        v.check("id", !webhook.id.is_zero(), Rule::Required);
    }
    v.check(
        "webhook_trigger_id",
        webhook.webhook_trigger_id.value() != 0,
        Rule::Required,
    );
    if webhook.url.trim().is_empty() {
        v.push("url", Rule::Required);
    } else {
        let ok = url::Url::parse(webhook.url.trim())
            .is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
        v.format("url", ok, "an absolute http or https URL");
    }
    for (i, h) in webhook.headers.iter().enumerate() {
        v.required(&format!("headers[{i}].name"), &h.name);
    }
    Ok(v.finish()?)
}

/// The error listing of one webhook; see [`WebhooksHandler::errors`].
#[derive(Debug, Clone)]
#[must_use]
pub struct WebhookErrors {
    client: ClaireClient,
    webhook_id: WebhookId,
    first_page: u64,
}

#[derive(Debug, Serialize)]
struct ListErrorsBody {
    #[serde(rename = "WebhookID")]
    webhook_id: WebhookId,
    #[serde(rename = "Page")]
    page: u64,
}

impl WebhookErrors {
    /// The number of the first page (default 1). The document's example sends `"Page": 0`,
    /// Go's zero value, so whether pages count from 0 or 1 is not stated; set 0 if your
    /// account counts from 0.
    pub fn first_page(mut self, page: u64) -> Self {
        self.first_page = page;
        self
    }

    /// One page, with Claire's page count.
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// let page = client.webhooks().errors(claire_client::WebhookId(9)).page(1).await?;
    /// println!("{} errors, {} pages", page.items.len(), page.nb_pages);
    /// # Ok(()) }
    /// ```
    pub async fn page(&self, page: u64) -> Result<WebhookErrorPage, Error> {
        fetch_page(&self.client, self.webhook_id, page).await
    }

    /// Every error, fetching pages only as the stream is read and stopping after `NbPages`
    /// pages (or at an empty or short page).
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// use futures_util::TryStreamExt;
    /// let mut errors = std::pin::pin!(client.webhooks().errors(claire_client::WebhookId(9)).stream());
    /// while let Some(error) = errors.try_next().await? {
    ///     println!("{}", error.reason);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn stream(self) -> impl Stream<Item = Result<WebhookError, Error>> + Send + 'static {
        let WebhookErrors {
            client,
            webhook_id,
            first_page,
        } = self;
        page_paginator(first_page, move |page| {
            let client = client.clone();
            async move {
                let p = fetch_page(&client, webhook_id, page).await?;
                Ok(NumberedPage {
                    items: p.items,
                    page_count: Some(p.nb_pages),
                })
            }
        })
    }
}

async fn fetch_page(
    client: &ClaireClient,
    webhook_id: WebhookId,
    page: u64,
) -> Result<WebhookErrorPage, Error> {
    require_id(webhook_id)?;
    let req = Request::new("ListWebhookErrors").json(&ListErrorsBody { webhook_id, page })?;
    client.core().send_json(req).await
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn webhook_rules_reported_together() {
        let hook = Webhook::new("", WebhookTriggerId::Unknown(0), "ftp://x").header("", "v");
        let err = check_webhook(&hook, true).unwrap_err();
        let v = err.validation().unwrap();
        assert!(v.has("id", &Rule::Required));
        assert!(v.has("webhook_trigger_id", &Rule::Required));
        assert!(v.has(
            "url",
            &Rule::Format {
                expected: Cow::Borrowed("an absolute http or https URL")
            }
        ));
        assert!(v.has("headers[0].name", &Rule::Required));
        assert_eq!(v.violations().len(), 4);
        let ok = Webhook::new("n", WebhookTriggerId::CarReady, "https://example.com/hook");
        assert!(check_webhook(&ok, false).is_ok());
    }
}
