//! The BigFix client: base URL, path overrides, timeouts, retries, and the two credentials
//! (a JWT for single orders, an API key for bulk, template and tracking), each optional.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use partner_core::transport::Transport;
use partner_core::{
    BearerAuth, Client, ClientBuilder, ConfigError, HttpResponse, RetryPolicy, SecretString,
    StaticKey, TokenCache,
};

use crate::api::{BulkOrders, Orders, Template, TrackingApi};
use crate::error::BigfixError;
use crate::operations::{OPERATIONS, VENDOR};
use crate::validate::ValidationRules;

/// The documented host (every documented URL starts with it).
pub const DEFAULT_BASE_URL: &str = "https://api.bigfix.in";

/// Which credential an operation needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Credential {
    /// `Authorization: <scheme><JWT>` (single order).
    Jwt,
    /// `X-API-Key` (bulk upload, template, tracking).
    ApiKey,
}

enum JwtSource {
    Static(SecretString),
    Cache(Arc<TokenCache>),
}

/// Builds a [`BigfixClient`].
pub struct BigfixClientBuilder {
    inner: ClientBuilder,
    api_key: Option<SecretString>,
    jwt: Option<JwtSource>,
    jwt_scheme: &'static str,
    rules: ValidationRules,
}

impl fmt::Debug for BigfixClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BigfixClientBuilder")
            .field("inner", &self.inner)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("jwt", &self.jwt.as_ref().map(|_| "<redacted>"))
            .field("jwt_scheme", &self.jwt_scheme)
            .field("rules", &self.rules)
            .finish()
    }
}

impl BigfixClientBuilder {
    fn new() -> Self {
        BigfixClientBuilder {
            inner: Client::builder(VENDOR, OPERATIONS)
                .base_url(DEFAULT_BASE_URL)
                .user_agent(concat!(
                    env!("CARGO_PKG_NAME"),
                    "/",
                    env!("CARGO_PKG_VERSION")
                )),
            api_key: None,
            jwt: None,
            jwt_scheme: "Bearer ",
            rules: ValidationRules::STRICT,
        }
    }

    /// The API key sent as `X-API-Key` (bulk upload, template download, tracking).
    pub fn api_key(mut self, key: SecretString) -> Self {
        self.api_key = Some(key);
        self
    }

    /// The JWT sent in `Authorization` for single orders.
    pub fn jwt(mut self, token: SecretString) -> Self {
        self.jwt = Some(JwtSource::Static(token));
        self
    }

    /// JWTs from a cache you fill (the document names no way to obtain one): the cache is
    /// asked before each call and dropped once on a 401. Always sent as `Bearer <jwt>`.
    pub fn jwt_cache(mut self, cache: Arc<TokenCache>) -> Self {
        self.jwt = Some(JwtSource::Cache(cache));
        self
    }

    /// The text written before a static JWT in `Authorization` (default `"Bearer "`; the
    /// document does not name a scheme: use `""` for a bare token or `"JWT "`).
    pub fn jwt_scheme(mut self, scheme: &'static str) -> Self {
        self.jwt_scheme = scheme;
        self
    }

    /// The base URL (default [`DEFAULT_BASE_URL`]).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.inner = self.inner.base_url(url);
        self
    }

    /// Replaces one operation's path (names in [`crate::ops`]).
    pub fn override_path(mut self, operation: &str, path: impl Into<String>) -> Self {
        self.inner = self.inner.override_path(operation, path);
        self
    }

    /// Total timeout of each attempt (default 30 s). Large uploads may need more.
    pub fn timeout(mut self, d: Duration) -> Self {
        self.inner = self.inner.timeout(d);
        self
    }

    /// Connect timeout (default 10 s).
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.inner = self.inner.connect_timeout(d);
        self
    }

    /// The retry policy (orders and uploads are only retried when surely not sent, unless
    /// you use [`Orders::create_retrying`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.inner = self.inner.retry_policy(policy);
        self
    }

    /// Your own `reqwest::Client`.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.inner = self.inner.http_client(client);
        self
    }

    /// Your own transport (a mock in tests).
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.inner = self.inner.transport(transport);
        self
    }

    /// The validation rules where the document is ambiguous (default: strict).
    pub fn validation_rules(mut self, rules: ValidationRules) -> Self {
        self.rules = rules;
        self
    }

    /// Builds the client; credentials may be missing (calls needing them then fail before
    /// sending with [`ConfigError::MissingCredential`]).
    pub fn build(self) -> Result<BigfixClient, BigfixError> {
        let base = self.inner.build()?;
        let key = match self.api_key {
            Some(k) => Some(base.with_auth(Arc::new(StaticKey::header("X-API-Key", "", k)?))),
            None => None,
        };
        let jwt = match self.jwt {
            Some(JwtSource::Static(t)) => Some(base.with_auth(Arc::new(StaticKey::header(
                "Authorization",
                self.jwt_scheme,
                t,
            )?))),
            Some(JwtSource::Cache(cache)) => Some(base.with_auth(Arc::new(BearerAuth::new(cache)))),
            None => None,
        };
        Ok(BigfixClient {
            key,
            jwt,
            base,
            rules: self.rules,
        })
    }
}

/// A BigFix client. Cheap to clone; clones share the connection pool and retry budget.
#[derive(Clone)]
pub struct BigfixClient {
    base: Client,
    key: Option<Client>,
    jwt: Option<Client>,
    rules: ValidationRules,
}

impl fmt::Debug for BigfixClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BigfixClient")
            .field("client", &self.base)
            .field("api_key", &self.key.as_ref().map(|_| "<redacted>"))
            .field("jwt", &self.jwt.as_ref().map(|_| "<redacted>"))
            .field("rules", &self.rules)
            .finish()
    }
}

impl BigfixClient {
    /// A builder with the documented base URL.
    ///
    /// ```no_run
    /// use bigfix_client::{BigfixClient, SecretString};
    /// let client = BigfixClient::builder()
    ///     .api_key(SecretString::from("key"))
    ///     .timeout(std::time::Duration::from_secs(120))
    ///     .build()?;
    /// # Ok::<(), bigfix_client::BigfixError>(())
    /// ```
    pub fn builder() -> BigfixClientBuilder {
        BigfixClientBuilder::new()
    }

    /// Single repair orders (JWT).
    pub fn orders(&self) -> Orders<'_> {
        Orders::new(self)
    }

    /// Excel bulk uploads (API key).
    pub fn bulk(&self) -> BulkOrders<'_> {
        BulkOrders::new(self)
    }

    /// The vendor's Excel template (API key).
    pub fn template(&self) -> Template<'_> {
        Template::new(self)
    }

    /// Order tracking (API key).
    pub fn tracking(&self) -> TrackingApi<'_> {
        TrackingApi::new(self)
    }

    /// The underlying `partner-core` client (no credentials), e.g. for its endpoints.
    pub fn core(&self) -> &Client {
        &self.base
    }

    /// The validation rules in effect.
    pub fn rules(&self) -> &ValidationRules {
        &self.rules
    }

    /// The client carrying `credential`, or a configuration error naming it.
    pub(crate) fn authed(
        &self,
        operation: &'static str,
        credential: Credential,
    ) -> Result<&Client, BigfixError> {
        let (client, name) = match credential {
            Credential::Jwt => (&self.jwt, "a JWT (BigfixClientBuilder::jwt)"),
            Credential::ApiKey => (&self.key, "an API key (BigfixClientBuilder::api_key)"),
        };
        client.as_ref().ok_or_else(|| {
            ConfigError::MissingCredential {
                operation,
                credential: name,
            }
            .into()
        })
    }

    /// Maps the documented statuses: 400 to [`BigfixError::Invalid`], 404 to
    /// [`BigfixError::NotFound`], others through `partner-core`.
    pub(crate) fn check(
        &self,
        http: &Client,
        operation: &'static str,
        resp: HttpResponse,
    ) -> Result<HttpResponse, BigfixError> {
        match resp.status.as_u16() {
            400 => Err(BigfixError::Invalid {
                operation,
                message: crate::wire::server_message(&resp.body, "Bad Request"),
            }),
            404 => Err(BigfixError::NotFound {
                operation,
                message: crate::wire::server_message(&resp.body, "Not Found"),
            }),
            _ => Ok(http.check_status(operation, resp)?),
        }
    }
}
