//! The Claire client and its builder: base URL, API key placement, path overrides, timeouts,
//! retries, your own `reqwest::Client` or transport. Every clone shares one connection pool,
//! one retry budget and one rate-limit quota.

use std::sync::Arc;
use std::time::Duration;

use partner_core::{
    Authenticator, Client, ConfigError, Error, ExposeSecret, Quota, RateLimitHeaders, Request,
    RetryPolicy, SecretString, StaticKey, Transport,
};
use serde::de::DeserializeOwned;

use crate::OPERATIONS;
use crate::appointments::AppointmentsHandler;
use crate::cars::CarsHandler;
use crate::checks::ChecksHandler;
use crate::locations::LocationsHandler;
use crate::questions::QuestionsHandler;
use crate::tags::TagsHandler;
use crate::webhooks::WebhooksHandler;

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
    base_url: Option<String>,
    api_key: Option<SecretString>,
    placement: KeyPlacement,
    overrides: Vec<(String, String)>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    retry: RetryPolicy,
    http_client: Option<reqwest::Client>,
    transport: Option<Arc<dyn Transport>>,
}

impl std::fmt::Debug for ClaireClientBuilder {
    // Written by hand so the key never shows, not even redacted-but-present details.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClaireClientBuilder")
            .field("base_url", &self.base_url)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("placement", &self.placement)
            .field("overrides", &self.overrides)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl Default for ClaireClientBuilder {
    fn default() -> Self {
        ClaireClientBuilder {
            base_url: None,
            api_key: None,
            placement: KeyPlacement::Header,
            overrides: Vec::new(),
            timeout: None,
            connect_timeout: None,
            retry: ClaireClient::default_retry_policy(),
            http_client: None,
            transport: None,
        }
    }
}

impl ClaireClientBuilder {
    /// The API base URL (the document calls it `API_BASE` and does not publish it; Claire
    /// support gives it). Paths such as `/v1/locations` are joined onto it. Required.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

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

    /// Replaces the path of one operation of [`OPERATIONS`] (by name, such as
    /// `"GetAppointment"`), for example if Claire moves an endpoint to `/v2`.
    pub fn override_path(mut self, operation: &str, path: impl Into<String>) -> Self {
        self.overrides.push((operation.to_owned(), path.into()));
        self
    }

    /// Total timeout of each attempt (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Connect timeout of the built-in HTTP client (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// The retry policy (default: [`ClaireClient::default_retry_policy`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Uses your own `reqwest::Client` (proxy, TLS roots, pool settings).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    /// Uses your own transport (for example `partner_core::mock::MockTransport` in tests).
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.transport = Some(transport);
        self
    }

    /// Builds the client. Fails without a base URL or with a missing or blank API key, or with
    /// an unknown operation in a path override.
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
        let mut core = Client::builder(VENDOR, OPERATIONS)
            .user_agent(concat!(
                env!("CARGO_PKG_NAME"),
                "/",
                env!("CARGO_PKG_VERSION")
            ))
            .retry_policy(self.retry)
            .rate_limit(RateLimitHeaders::X_RATELIMIT);
        if let Some(url) = self.base_url {
            core = core.base_url(url);
        }
        for (operation, path) in self.overrides {
            core = core.override_path(&operation, path);
        }
        if let Some(t) = self.timeout {
            core = core.timeout(t);
        }
        if let Some(t) = self.connect_timeout {
            core = core.connect_timeout(t);
        }
        if let Some(c) = self.http_client {
            core = core.http_client(c);
        }
        if let Some(t) = self.transport {
            core = core.transport(t);
        }
        let auth: Arc<dyn Authenticator> = match self.placement {
            KeyPlacement::Header => Arc::new(StaticKey::header("Authorization", "", key)?),
            KeyPlacement::Query => Arc::new(StaticKey::query("api_key", key)),
        };
        let core = core.build()?;
        Ok(ClaireClient {
            core: core.with_auth(auth),
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
}

impl ClaireClient {
    /// A builder.
    pub fn builder() -> ClaireClientBuilder {
        ClaireClientBuilder::default()
    }

    /// The default retry policy: partner-core's (3 attempts, exponential backoff with jitter)
    /// but accepting server-requested waits (`Retry-After`, `X-RateLimit-Reset`) of up to one
    /// hour, Claire's rate-limit window, so a 429 is waited out rather than returned.
    pub fn default_retry_policy() -> RetryPolicy {
        RetryPolicy::default()
            .with_max_server_wait(Duration::from_secs(3600))
            .with_max_elapsed(Duration::from_secs(3600 + 120))
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
    // partner-core gap: a `send_json_list` (null-tolerant array) would serve every Go backend.
    pub(crate) async fn send_list<T: DeserializeOwned>(
        &self,
        req: Request,
    ) -> Result<Vec<T>, Error> {
        let list: Option<Vec<T>> = self.core.send_json(req).await?;
        Ok(list.unwrap_or_default())
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
