//! [`JifelineClient`] and its builder: base URL, path overrides, timeouts, retries, your own
//! HTTP client or transport, and the session (credentials, seeded tokens, refresher).

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use partner_core::{
    BearerAuth, Client, ClientBuilder, Error, Request, RetryPolicy, TokenCache, Transport, Validate,
};
use serde::de::DeserializeOwned;

use crate::models::SessionTokens;
use crate::operations::OPERATIONS;
use crate::session::{Credentials, SessionRefresher, SessionState};

/// The vendor name used in errors, fixtures and the operation table.
pub const VENDOR: &str = "jifeline";

/// Builds a [`JifelineClient`].
pub struct JifelineClientBuilder {
    inner: ClientBuilder,
    credentials: Option<Credentials>,
    tokens: Option<SessionTokens>,
    refresher: Option<Arc<dyn SessionRefresher>>,
    refresh_ahead: Duration,
}

impl fmt::Debug for JifelineClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JifelineClientBuilder")
            .field("inner", &self.inner)
            .field("credentials", &self.credentials)
            .field("tokens", &self.tokens.as_ref().map(|_| "<redacted>"))
            .field("refresher", &self.refresher.is_some())
            .field("refresh_ahead", &self.refresh_ahead)
            .finish()
    }
}

impl JifelineClientBuilder {
    fn new() -> Self {
        JifelineClientBuilder {
            inner: Client::builder(VENDOR, OPERATIONS).user_agent(concat!(
                env!("CARGO_PKG_NAME"),
                "/",
                env!("CARGO_PKG_VERSION")
            )),
            credentials: None,
            tokens: None,
            refresher: None,
            refresh_ahead: TokenCache::DEFAULT_REFRESH_AHEAD,
        }
    }

    /// The API base URL (the document gives none: Jifeline provides it at onboarding).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.inner = self.inner.base_url(url);
        self
    }

    /// Replaces the assumed path of one operation (see [`crate::OPERATIONS`]), such as
    /// `.override_path("GetUser", "/customer-api/user")`. Unknown names fail at `build()`.
    pub fn override_path(mut self, operation: &str, path: impl Into<String>) -> Self {
        self.inner = self.inner.override_path(operation, path);
        self
    }

    /// Total timeout of each attempt (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.inner = self.inner.timeout(timeout);
        self
    }

    /// Connect timeout of the built-in HTTP client (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.inner = self.inner.connect_timeout(timeout);
        self
    }

    /// Retry policy (retries reads and idempotent writes on transient failures).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.inner = self.inner.retry_policy(policy);
        self
    }

    /// Uses your own `reqwest::Client` (the version partner-core uses, also re-exported as
    /// `partner_core::reqwest`).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.inner = self.inner.http_client(client);
        self
    }

    /// Uses your own transport (a mock or recorder).
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.inner = self.inner.transport(transport);
        self
    }

    /// Logs in with these credentials whenever a token is needed.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// Starts with tokens from an earlier login (used before any new login).
    pub fn tokens(mut self, tokens: SessionTokens) -> Self {
        self.tokens = Some(tokens);
        self
    }

    /// Gets new tokens from the previous ones instead of logging in again.
    pub fn refresher(mut self, refresher: impl SessionRefresher) -> Self {
        self.refresher = Some(Arc::new(refresher));
        self
    }

    /// How long before the access token's `exp` a new one is fetched (default 5 minutes;
    /// at most half the token's lifetime, so short-lived tokens are not renewed on every call).
    pub fn refresh_ahead(mut self, margin: Duration) -> Self {
        self.refresh_ahead = margin;
        self
    }

    /// Builds the client, checking the base URL and every path override.
    pub fn build(self) -> Result<JifelineClient, Error> {
        let public = self.inner.build()?;
        let state = Arc::new(SessionState {
            public: public.clone(),
            credentials: self.credentials,
            refresher: self.refresher,
            seeded: Mutex::new(self.tokens),
            current: Mutex::new(None),
        });
        let source = state.clone();
        let cache = Arc::new(
            TokenCache::new(move || {
                let source = source.clone();
                async move { source.next_token().await }
            })
            .with_refresh_ahead(self.refresh_ahead),
        );
        let api = public.with_auth(Arc::new(BearerAuth::new(cache.clone())));
        Ok(JifelineClient {
            api,
            public,
            cache,
            state,
        })
    }
}

/// A client for the Jifeline Customer API. Cheap to clone; clones share the connection pool,
/// retry budget and session.
///
/// ```no_run
/// use jifeline_client::{Credentials, JifelineClient};
/// # async fn run() -> Result<(), jifeline_client::Error> {
/// let client = JifelineClient::builder()
///     .base_url("https://customer-api.example.com")
///     .credentials(Credentials::connector_uuid("6ec2911c-a09a-11ee-8c90-0242ac120002".parse().unwrap(), "1234"))
///     .build()?;
/// let me = client.user().get().await?;
/// println!("{:?}", me.first_name);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct JifelineClient {
    pub(crate) api: Client,
    pub(crate) public: Client,
    cache: Arc<TokenCache>,
    state: Arc<SessionState>,
}

impl fmt::Debug for JifelineClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JifelineClient")
            .field("api", &self.api)
            .field("session", &self.cache)
            .finish()
    }
}

impl JifelineClient {
    /// A builder.
    pub fn builder() -> JifelineClientBuilder {
        JifelineClientBuilder::new()
    }

    /// The underlying partner-core client (authenticated).
    pub fn core(&self) -> &Client {
        &self.api
    }

    /// The tokens of the current session, if a login has happened (for the ID token, or to
    /// hand the session to another process).
    pub fn session_tokens(&self) -> Option<SessionTokens> {
        self.state.current()
    }

    /// How many times this client fetched new tokens (logins, refreshes, seeded tokens).
    pub fn token_fetches(&self) -> u64 {
        self.cache.logins()
    }

    /// Makes the client use `tokens` (from a direct login through [`JifelineClient::sessions`])
    /// from the next call on, in place of the current session.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let tokens = client.sessions().login_with_otp("bafd50b7-7388-4eb1-8812-cbb5517faa2c").await?;
    /// client.use_tokens(tokens);
    /// let me = client.employees().me().await?;
    /// # Ok(()) }
    /// ```
    pub fn use_tokens(&self, tokens: SessionTokens) {
        *self.state.seeded.lock().unwrap_or_else(|e| e.into_inner()) = Some(tokens);
        self.cache.clear();
    }

    /// Forgets the current access token; the next call fetches a new one.
    pub fn clear_session(&self) {
        self.cache.clear();
    }

    pub(crate) async fn get<T: DeserializeOwned>(&self, req: Request) -> Result<T, Error> {
        self.api.send_json(req).await
    }

    pub(crate) async fn send_empty(&self, req: Request) -> Result<(), Error> {
        self.api.send(req).await.map(|_| ())
    }
}

/// Runs a request's validation, before any I/O.
pub(crate) fn validated<V: Validate>(value: &V) -> Result<(), Error> {
    value.validate().map_err(Error::Validation)
}
