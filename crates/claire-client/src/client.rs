//! The Claire client and its builder: partner-core's common [`ClientOptions`] (base URL,
//! overrides, timeouts, retries, your own `reqwest::Client` or transport) plus Claire's API key
//! and where it goes. Every clone shares one connection pool, one retry budget and one
//! rate-limit quota.

use std::sync::Arc;
use std::time::Duration;

use partner_core::{
    Authenticator, Client, ClientOptions, ConfigError, Error, ExposeSecret, Quota,
    RateLimitHeaders, Request, RetryPolicy, SecretString, StaticKey,
};
use serde::de::DeserializeOwned;

use crate::api::{
    AppointmentsHandler, CarsHandler, ChecksHandler, LocationsHandler, QuestionsHandler,
    TagsHandler, WebhooksHandler,
};
use crate::operations::OPERATIONS;
use crate::validate::ValidationRules;

/// The vendor name used in errors, tracing and fixtures.
pub const VENDOR: &str = "claire";

/// Where the API key goes on each request.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyPlacement {
    /// `Authorization: <key>` (no scheme prefix, as the document shows). The default.
    #[default]
    Header,
    /// `?api_key=<key>`. The document allows it, but query strings end up in server, proxy
    /// and tracing logs, so the key leaks there: use only when a header is impossible.
    Query,
}

/// Builds a [`ClaireClient`].
///
/// The settings every vendor client shares (base URL, path and method overrides, timeouts,
/// deadline, retry policy and budget, your own `reqwest::Client` or transport, the largest
/// answer read) are partner-core's [`ClientOptions`]: set them one by one with the setters
/// below, or hand over a whole `ClientOptions` with [`options`](Self::options). The API key,
/// where it goes and the [validation rules](Self::validation_rules) are Claire's own.
///
/// Strict readings: `.strictness(Strictness::Strict)` (the common option, also settable in
/// `ClientOptions`) selects [`ValidationRules::STRICT`]; for single rules use
/// [`validation_rules`](Self::validation_rules), which wins when set.
///
/// ```no_run
/// # fn main() -> Result<(), claire_client::Error> {
/// use claire_client::{ClaireClient, SecretString};
/// let client = ClaireClient::builder()
///     .base_url("https://api.claire.example")
///     .api_key(SecretString::from("key from the Claire dashboard"))
///     .build()?;
/// # Ok(()) }
/// ```
#[must_use]
pub struct ClaireClientBuilder {
    options: ClientOptions,
    api_key: Option<SecretString>,
    placement: KeyPlacement,
    rules: Option<ValidationRules>,
}

impl std::fmt::Debug for ClaireClientBuilder {
    // Written by hand so the key never shows, not even redacted-but-present details.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClaireClientBuilder")
            .field("options", &self.options)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("placement", &self.placement)
            .field("rules", &self.rules)
            .finish()
    }
}

impl Default for ClaireClientBuilder {
    fn default() -> Self {
        ClaireClientBuilder {
            options: ClientOptions::new(),
            api_key: None,
            placement: KeyPlacement::Header,
            rules: None,
        }
    }
}

impl ClaireClientBuilder {
    partner_core::client_options_methods!();

    /// The API key, created by a Dealer Admin in the Claire dashboard. Required.
    pub fn api_key(mut self, key: SecretString) -> Self {
        self.api_key = Some(key);
        self
    }

    /// Where the key goes (default: the `Authorization` header).
    pub fn key_placement(mut self, placement: KeyPlacement) -> Self {
        self.placement = placement;
        self
    }

    /// Which reading of each of the document's ambiguous rules is checked before sending,
    /// rule by rule. When set it wins over the common `strictness`; unset, the rules follow
    /// it ([`ValidationRules::STRICT`] under `Strictness::Strict`, else
    /// [`ValidationRules::LENIENT`]). Claire's server is the final judge either way.
    pub fn validation_rules(mut self, rules: ValidationRules) -> Self {
        self.rules = Some(rules);
        self
    }

    /// Builds the client. Fails without a base URL (the document calls it `API_BASE` and does
    /// not publish it; Claire support gives it), with a missing or blank API key, or with an
    /// unknown operation in a path or method override. Unless the options set one, the retry
    /// policy is [`ClaireClient::default_retry_policy`].
    pub fn build(self) -> Result<ClaireClient, Error> {
        // A blank key (an unset environment variable, say) is as good as none: refuse it here
        // rather than send `Authorization: ` and get a 401 on the first call.
        let key = self
            .api_key
            .filter(|k| !k.expose_secret().trim().is_empty())
            .ok_or(ConfigError::MissingSetting {
                vendor: VENDOR,
                setting: "api_key",
            })?;
        let rules = self.rules.unwrap_or(ValidationRules::for_strictness(
            self.options.strictness_value(),
        ));
        let core = Client::builder(VENDOR, OPERATIONS)
            .user_agent(concat!(
                env!("CARGO_PKG_NAME"),
                "/",
                env!("CARGO_PKG_VERSION")
            ))
            .default_retry_policy(ClaireClient::default_retry_policy())
            .rate_limit(RateLimitHeaders::X_RATELIMIT)
            // The quota is per API key: a shared quota store counts it under a hash of it.
            .quota_key(&[key.expose_secret()])
            .options(self.options)
            .build()?;
        let auth: Arc<dyn Authenticator> = match self.placement {
            KeyPlacement::Header => Arc::new(StaticKey::header("Authorization", "", key)?),
            KeyPlacement::Query => Arc::new(StaticKey::query("api_key", key)),
        };
        Ok(ClaireClient {
            core: core.with_auth(auth),
            rules,
        })
    }
}

/// A client of the Claire Public API. Cheap to clone; clones share the connection pool, the
/// retry budget and the rate-limit quota (10,800 requests per hour per key).
///
/// Calls are grouped by resource, octocrab style: `client.appointments().get(id)`.
#[derive(Debug, Clone)]
pub struct ClaireClient {
    core: Client,
    rules: ValidationRules,
}

impl ClaireClient {
    /// A builder.
    pub fn builder() -> ClaireClientBuilder {
        ClaireClientBuilder::default()
    }

    /// The default retry policy: partner-core's (3 attempts, exponential backoff with jitter)
    /// but accepting server-requested waits (`Retry-After`, `X-RateLimit-Reset`) of up to one
    /// hour, Claire's rate-limit window, so a 429 is waited out rather than returned. Every
    /// wait also has to fit the call's deadline (partner-core's, 60 s unless set with
    /// [`ClaireClientBuilder::deadline`]); set a longer one to wait out the whole window.
    pub fn default_retry_policy() -> RetryPolicy {
        RetryPolicy::default()
            .with_max_server_wait(Duration::from_secs(3600))
            .with_max_elapsed(Duration::from_secs(3600 + 120))
    }

    /// The rules checked before sending ([`ClaireClientBuilder::validation_rules`]).
    pub fn validation_rules(&self) -> &ValidationRules {
        &self.rules
    }

    /// The partner-core client underneath (for [`Client::build_request`] and such).
    pub fn core(&self) -> &Client {
        &self.core
    }

    /// The quota Claire reported on the last response (`X-RateLimit-Limit`, `-Remaining`,
    /// `-Reset`), adjusted for requests sent since; `None` before the first response.
    pub fn quota(&self) -> Option<Quota> {
        self.core.quota()
    }

    /// Sends a request answered by a JSON array. Go writes an empty slice as `null`, so
    /// `null` reads as an empty list.
    pub(crate) fn send_list<T: DeserializeOwned>(
        &self,
        req: Request,
    ) -> impl Future<Output = Result<Vec<T>, Error>> + '_ {
        // The core's future itself, not an async fn around it: one state machine less to
        // build and move on every call.
        self.core.send_json_list(req)
    }

    /// Appointments: list, get, import (and the deprecated lookup by DMS number).
    pub fn appointments(&self) -> AppointmentsHandler<'_> {
        AppointmentsHandler::new(self)
    }

    /// Checks of an appointment.
    pub fn checks(&self) -> ChecksHandler<'_> {
        ChecksHandler::new(self)
    }

    /// Dealer locations.
    pub fn locations(&self) -> LocationsHandler<'_> {
        LocationsHandler::new(self)
    }

    /// Tags of question results.
    pub fn tags(&self) -> TagsHandler<'_> {
        TagsHandler::new(self)
    }

    /// Questions.
    pub fn questions(&self) -> QuestionsHandler<'_> {
        QuestionsHandler::new(self)
    }

    /// Cars.
    pub fn cars(&self) -> CarsHandler<'_> {
        CarsHandler::new(self)
    }

    /// Webhooks: list, create, view, update, delete, test, errors, triggers.
    pub fn webhooks(&self) -> WebhooksHandler<'_> {
        WebhooksHandler::new(self)
    }
}
