//! The BigFix client and its builder: the settings every vendor shares (base URL, path and
//! method overrides, timeouts, deadline, retries, HTTP client or transport, answer size) as
//! `partner_core::ClientOptions`, plus the two credentials (a JWT for single orders, an API
//! key for bulk, template and tracking), each optional, and the validation rules.

use std::fmt;
use std::sync::Arc;

use partner_core::{
    BearerAuth, Client, ClientOptions, ConfigError, ExposeSecret, HttpResponse, SecretString,
    StaticKey, TokenCache,
};

use crate::api::{BulkOrders, Orders, Template, TrackingApi};
use crate::error::BigfixError;
use crate::operations::{OPERATIONS, VENDOR};
use crate::validate::ValidationRules;

/// The documented host (every documented URL starts with it).
pub const DEFAULT_BASE_URL: &str = "https://api.bigfix.in";

/// The largest answer read into memory unless the options say otherwise (64 MiB): the
/// template download is a file, and partner-core's default (16 MiB) is meant for JSON.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 64 * 1024 * 1024;

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
///
/// The common settings (`base_url`, `override_path`, `override_method`, `timeout`,
/// `connect_timeout`, `deadline`, `retry_policy`, `retry_budget`, `http_client`, `transport`,
/// `max_response_bytes`, or all at once with [`options`](Self::options)) are
/// `partner_core::ClientOptions`, shared by every vendor crate; the rest is BigFix's own.
///
/// Strict readings: `.strictness(Strictness::Strict)` (the common option, also settable in
/// `ClientOptions`) selects [`ValidationRules::STRICT`]; for single rules use
/// [`validation_rules`](Self::validation_rules), which wins when set.
///
/// ```
/// use bigfix_client::{BigfixClient, ClientOptions, SecretString};
/// use std::time::Duration;
///
/// let common = ClientOptions::new()
///     .base_url("https://staging.bigfix.example")
///     .timeout(Duration::from_secs(120));
/// let client = BigfixClient::builder()
///     .options(common)
///     .api_key(SecretString::from("key"))
///     .build()?;
/// # Ok::<(), bigfix_client::BigfixError>(())
/// ```
#[must_use]
pub struct BigfixClientBuilder {
    options: ClientOptions,
    api_key: Option<SecretString>,
    jwt: Option<JwtSource>,
    jwt_scheme: String,
    rules: Option<ValidationRules>,
}

impl fmt::Debug for BigfixClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BigfixClientBuilder")
            .field("options", &self.options)
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
            options: ClientOptions::new(),
            api_key: None,
            jwt: None,
            jwt_scheme: "Bearer ".to_owned(),
            rules: None,
        }
    }

    partner_core::client_options_methods!();

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
    /// document does not name a scheme: use `""` for a bare token or `"JWT "`). Takes a
    /// `String` too, for a scheme read from configuration.
    pub fn jwt_scheme(mut self, scheme: impl Into<String>) -> Self {
        self.jwt_scheme = scheme.into();
        self
    }

    /// The validation rules where the document is ambiguous, switch by switch. When set they
    /// win over the common `strictness`; unset, they follow it
    /// ([`ValidationRules::STRICT`] under `Strictness::Strict`, else
    /// [`ValidationRules::LENIENT`], the default).
    pub fn validation_rules(mut self, rules: ValidationRules) -> Self {
        self.rules = Some(rules);
        self
    }

    /// Builds the client, checking the base URL and every path or method override (an
    /// unknown operation is [`ConfigError::UnknownOperation`]). Credentials may be missing:
    /// calls needing them then fail before sending with [`ConfigError::MissingCredential`].
    pub fn build(self) -> Result<BigfixClient, BigfixError> {
        let rules = self.rules.unwrap_or(ValidationRules::for_strictness(
            self.options.strictness_value(),
        ));
        let options = if self.options.base_url_value().is_none() {
            self.options.base_url(DEFAULT_BASE_URL)
        } else {
            self.options
        };
        let base = Client::builder(VENDOR, OPERATIONS)
            .user_agent(concat!(
                env!("CARGO_PKG_NAME"),
                "/",
                env!("CARGO_PKG_VERSION")
            ))
            .default_max_response_bytes(DEFAULT_MAX_RESPONSE_BYTES)
            .options(options)
            .build()?;
        let key = match self.api_key {
            Some(k) => Some(base.with_auth(Arc::new(StaticKey::header("X-API-Key", "", k)?))),
            None => None,
        };
        let jwt = match self.jwt {
            Some(JwtSource::Static(token)) => {
                // The scheme is configuration, not a secret, but StaticKey takes a fixed
                // prefix only: the scheme goes into the (still secret) header value instead.
                let value =
                    SecretString::from(format!("{}{}", self.jwt_scheme, token.expose_secret()));
                Some(base.with_auth(Arc::new(StaticKey::header("Authorization", "", value)?)))
            }
            Some(JwtSource::Cache(cache)) => Some(base.with_auth(Arc::new(BearerAuth::new(cache)))),
            None => None,
        };
        Ok(BigfixClient {
            key,
            jwt,
            base,
            rules,
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
