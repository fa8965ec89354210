//! Webhooks: list, create, view, update, delete, test, delivery errors (paged, as a lazy
//! stream) and the trigger list.

use futures_core::Stream;
use partner_core::pagination::{NumberedPage, page_paginator};
use partner_core::{Error, Request};
use serde::Serialize;

use crate::client::ClaireClient;
use crate::models::{
    CreatedWebhook, Webhook, WebhookError, WebhookErrorPage, WebhookId, WebhookTrigger,
};
use crate::validate::{check_webhook, require_set};
use crate::webhook::WebhookTestMessage;

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
        self.client.send_list(Request::new("ListWebhooks")).await
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
        check_webhook(webhook, false, self.client.validation_rules())?;
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
        check_webhook(webhook, true, self.client.validation_rules())?;
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
    /// use claire_client::{AppointmentId, LocationId, WebhookId, WebhookTestMessage, WebhookTestPayload, WebhookTriggerId};
    /// let payload = WebhookTestPayload::new(WebhookTriggerId::CarReady)
    ///     .appointment(AppointmentId(4711), LocationId(12), "WO-1001");
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
        self.client
            .send_list(Request::new("ListWebhookTriggers"))
            .await
    }
}

fn require_id(id: WebhookId) -> Result<(), Error> {
    require_set("webhook_id", id)
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
