//! The Webhooks resource as Claire stores it: the `Webhook` model (also the body of create and
//! update), its headers, its delivery errors and the triggers. Receiving Claire's calls and
//! the test call's body are in [`crate::webhook`].

use chrono::{DateTime, Utc};
use partner_core::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::models::{DealerId, LocationId, PublicAccount, User, WebhookId};

partner_core::open_int_enum! {
    /// What fires a webhook (`WebhookTriggerID`).
    pub enum WebhookTriggerId {
        /// 1: check created.
        CheckCreated = 1,
        /// 2: offer ready.
        OfferReady = 2,
        /// 3: customer OK.
        CustomerOk = 3,
        /// 4: car ready.
        CarReady = 4,
        /// 5: quality check.
        QualityCheck = 5,
        /// 6: online check-in is available.
        OnlineCheckInAvailable = 6,
        /// 7: online check-in is answered.
        OnlineCheckInAnswered = 7,
        /// 8: diagnose overview is available.
        DiagnoseOverviewAvailable = 8,
        /// 9: diagnose overview update is available.
        DiagnoseOverviewUpdateAvailable = 9,
        /// 10: diagnose overview is answered.
        DiagnoseOverviewAnswered = 10,
        /// 11: repair overview is available.
        RepairOverviewAvailable = 11,
        /// 12: repair overview update is available.
        RepairOverviewUpdateAvailable = 12,
        /// 13: car in shop.
        CarInShop = 13,
        /// 14: car out of shop.
        CarOutOfShop = 14,
        /// 15: online check-in was opened by the customer.
        OnlineCheckInOpened = 15,
        /// 16: diagnose overview was opened by the customer.
        DiagnoseOverviewOpened = 16,
        /// 17: repair overview was opened by the customer.
        RepairOverviewOpened = 17,
        /// 18: "is shop" marker updated.
        IsShopUpdated = 18,
        /// 19: `PublicAPIAppointmentImported`, the result of one appointment of an import batch
        /// (success or failure), sent after the import request has returned.
        PublicApiAppointmentImported = 19,
    }
}

zero_default!(WebhookTriggerId);

/// A webhook (`Webhook`). Wire names are the document's JSON example.
///
/// Build one for [`crate::api::WebhooksHandler::create`] with [`Webhook::new`]:
///
/// ```
/// use claire_client::{Webhook, WebhookTriggerId, LocationId};
/// let hook = Webhook::new("import results", WebhookTriggerId::PublicApiAppointmentImported, "https://example.com/claire")
///     .location(LocationId(12))
///     .header("X-Shared-Secret", "s3cr3t");
/// assert_eq!(hook.headers.len(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Webhook {
    /// When Claire created the webhook (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the webhook (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Webhook id (zero on create).
    pub id: WebhookId,
    /// Name.
    pub name: String,
    /// What fires the webhook.
    pub webhook_trigger_id: WebhookTriggerId,
    /// Dealer that created the webhook (Claire fills it from the API key; 0 on create).
    pub dealer_id: DealerId,
    /// Location it is limited to; `None`: every location of the dealer.
    pub dealer_location_id: Option<LocationId>,
    /// Public account that created the webhook.
    pub public_account_id: Option<i64>,
    /// User that created the webhook.
    pub user_id: Option<i64>,
    /// URL Claire calls.
    pub url: String,
    /// Deliver synchronously, in a queue.
    pub queued: bool,
    /// For "check created": only checks of this checklist fire it (`None`: any check).
    pub checklist_id: Option<i64>,
    /// The webhook is active.
    pub active: bool,
    /// Headers sent with each call. An update replaces them all.
    #[serde(default, with = "crate::wire::nullable_vec")]
    pub headers: Vec<WebhookHeader>,
    /// The public account that created it.
    pub public_account: Option<PublicAccount>,
    /// The user that created it.
    pub user: Option<User>,
    /// Whether a call failed recently.
    pub has_recent_error: Option<bool>,
}

impl Webhook {
    /// An active webhook calling `url` when `trigger` fires, for every location of the dealer.
    pub fn new(name: impl Into<String>, trigger: WebhookTriggerId, url: impl Into<String>) -> Self {
        Webhook {
            name: name.into(),
            webhook_trigger_id: trigger,
            url: url.into(),
            active: true,
            ..Webhook::default()
        }
    }

    /// Sets the name (`name` on the wire, "Name of the webhook" in the Webhook Model), for
    /// example to rename a webhook read with [`crate::api::WebhooksHandler::get`] before
    /// updating it. The document states no rule for it (the dashboard form asks for one);
    /// only the strict rules ([`crate::ValidationRules::webhook_fields`]) refuse a blank name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// Limits the webhook to one location.
    pub fn location(mut self, location: LocationId) -> Self {
        self.dealer_location_id = Some(location);
        self
    }

    /// Adds a header Claire sends with each call (for example a shared secret your receiver
    /// checks).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push(WebhookHeader::new(name, value));
        self
    }

    /// Sets whether the webhook is active.
    pub fn active(mut self, active: bool) -> Self {
        self.active = active;
        self
    }

    /// Delivers calls synchronously in a queue.
    pub fn queued(mut self, queued: bool) -> Self {
        self.queued = queued;
        self
    }

    /// For the "check created" trigger: fire only for checks of this checklist.
    pub fn checklist(mut self, checklist_id: i64) -> Self {
        self.checklist_id = Some(checklist_id);
        self
    }
}

/// A header Claire sends with each webhook call (`WebhookHeader`). The value is usually a
/// secret, so it is held as one and never printed by `Debug`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebhookHeader {
    /// Header id (0 when new).
    #[serde(default, alias = "ID")]
    pub id: i64,
    /// Header name.
    #[serde(default, alias = "Name")]
    pub name: String,
    /// Header value.
    #[serde(
        default = "empty_secret",
        alias = "Value",
        serialize_with = "expose",
        deserialize_with = "secret"
    )]
    pub value: SecretString,
    /// Webhook the header belongs to (0 when new).
    #[serde(default, alias = "WebhookID")]
    pub webhook_id: i64,
    /// The webhook, when Claire joins it.
    #[serde(default, alias = "Webhook", skip_serializing_if = "Option::is_none")]
    pub webhook: Option<Box<Webhook>>,
    /// Fields this crate does not model (the document gives no JSON example for headers).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl WebhookHeader {
    /// A new header.
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        WebhookHeader {
            id: 0,
            name: name.into(),
            value: SecretString::from(value.into()),
            webhook_id: 0,
            webhook: None,
            extra: Map::new(),
        }
    }
}

impl PartialEq for WebhookHeader {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.name == other.name
            && self.value.expose_secret() == other.value.expose_secret()
            && self.webhook_id == other.webhook_id
            && self.webhook == other.webhook
            && self.extra == other.extra
    }
}

fn empty_secret() -> SecretString {
    SecretString::from(String::new())
}

fn expose<S: Serializer>(value: &SecretString, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(value.expose_secret())
}

fn secret<'de, D: Deserializer<'de>>(d: D) -> Result<SecretString, D::Error> {
    Ok(SecretString::from(
        Option::<String>::deserialize(d)?.unwrap_or_default(),
    ))
}

/// The answer of `POST /v1/webhooks/create`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreatedWebhook {
    /// Id of the new webhook.
    #[serde(rename = "ID", alias = "id")]
    pub id: WebhookId,
}

/// A failed delivery of a webhook (`WebhookError`); Claire keeps three months of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct WebhookError {
    /// When the error was recorded (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// Last update (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Error id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// Webhook that failed.
    #[serde(alias = "WebhookID")]
    pub webhook_id: WebhookId,
    /// Why the call failed.
    #[serde(alias = "Reason")]
    pub reason: String,
    /// Fields this crate does not model (the document gives no JSON example for errors).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of `POST /v1/webhooks/list_errors`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct WebhookErrorPage {
    /// Errors of this page (`Items`).
    #[serde(default, alias = "Items", with = "crate::wire::nullable_vec")]
    pub items: Vec<WebhookError>,
    /// Number of pages (`NbPages`).
    #[serde(alias = "NbPages")]
    pub nb_pages: u64,
}

/// A trigger a webhook can use (`WebhookTrigger`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct WebhookTrigger {
    /// When Claire created the trigger (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// Last update (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// The trigger.
    pub id: WebhookTriggerId,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
}
