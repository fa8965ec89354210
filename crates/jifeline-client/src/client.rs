//! [`JifelineClient`] and its builder: the common [`ClientOptions`] (base URL, path and method
//! overrides, timeouts, retries, your own HTTP client or transport) and Jifeline's own
//! settings (credentials, seeded tokens, refresher, validation strictness).

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use partner_core::store::StoreKey;
use partner_core::{BearerAuth, Client, ClientOptions, Error, ExposeSecret, Request, TokenCache};
use serde::de::DeserializeOwned;

use crate::auth::{Credentials, SessionRefresher, SessionState};
use crate::models::SessionTokens;
use crate::operations::OPERATIONS;
use crate::validate::{StrictValidate, Strictness};

/// The vendor name used in errors, fixtures and the operation table.
pub const VENDOR: &str = "jifeline";

/// Builds a [`JifelineClient`].
///
/// The settings every vendor client shares (base URL, path and method overrides, timeouts,
/// deadline, retry policy and budget, your own HTTP client or transport, the largest answer)
/// come from [`ClientOptions`]: set them one by one with the methods of the same names, or
/// all at once with [`options`](Self::options). The rest is Jifeline's own: credentials,
/// seeded tokens, a refresher, the renewal margin and the validation strictness.
///
/// ```
/// use std::time::Duration;
/// use jifeline_client::{ClientOptions, JifelineClient};
/// use jifeline_client::Method;
///
/// let common = ClientOptions::new()
///     .base_url("https://customer-api.example.com")
///     .timeout(Duration::from_secs(20))
///     .override_path("GetUser", "/customer-api/user")
///     .override_method("EditCustomerDetails", Method::PUT);
/// let client = JifelineClient::builder().options(common).build()?;
/// # Ok::<(), jifeline_client::Error>(())
/// ```
pub struct JifelineClientBuilder {
    options: ClientOptions,
    credentials: Option<Credentials>,
    tokens: Option<SessionTokens>,
    refresher: Option<Arc<dyn SessionRefresher>>,
    refresh_ahead: Duration,
}

impl fmt::Debug for JifelineClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JifelineClientBuilder")
            .field("options", &self.options)
            .field("credentials", &self.credentials)
            .field("tokens", &self.tokens.as_ref().map(|_| "<redacted>"))
            .field("refresher", &self.refresher.is_some())
            .field("refresh_ahead", &self.refresh_ahead)
            .finish()
    }
}

impl Default for JifelineClientBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl JifelineClientBuilder {
    /// A builder with no settings (the same as [`JifelineClient::builder`]).
    pub fn new() -> Self {
        JifelineClientBuilder {
            options: ClientOptions::new(),
            credentials: None,
            tokens: None,
            refresher: None,
            refresh_ahead: TokenCache::DEFAULT_REFRESH_AHEAD,
        }
    }

    partner_core::client_options_methods!();

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

    /// Builds the client, checking the base URL and every path and method override.
    pub fn build(self) -> Result<JifelineClient, Error> {
        let strictness = self.options.strictness_value();
        let public = Client::builder(VENDOR, OPERATIONS)
            .user_agent(concat!(
                env!("CARGO_PKG_NAME"),
                "/",
                env!("CARGO_PKG_VERSION")
            ))
            .options(self.options)
            .build()?;
        let state = Arc::new(SessionState {
            public: public.clone(),
            credentials: self.credentials,
            refresher: self.refresher,
            seeded: Mutex::new(self.tokens),
            current: Mutex::new(None),
            strictness,
        });
        let source = state.clone();
        let mut cache = TokenCache::new(move || {
            let source = source.clone();
            async move { source.next_token().await }
        })
        .with_refresh_ahead(self.refresh_ahead);
        // A shared token store (docs/SCALING.md) keys the token by the connector's login;
        // OTP logins and seeded tokens stay per process (an OTP is single use).
        let identity = match &state.credentials {
            Some(Credentials::ConnectorUuid {
                connector_uuid,
                pincode,
            }) => Some(vec![
                connector_uuid.to_string(),
                pincode.expose_secret().to_owned(),
            ]),
            #[allow(deprecated)]
            Some(Credentials::ConnectorId {
                connector_id,
                pincode,
            }) => Some(vec![
                connector_id.clone(),
                pincode.expose_secret().to_owned(),
            ]),
            _ => None,
        };
        if let (Some(store), Some(id)) = (public.token_store(), identity) {
            let parts: Vec<&str> = id.iter().map(String::as_str).collect();
            cache = cache.with_store(store.clone(), StoreKey::new(VENDOR, &parts));
        }
        let cache = Arc::new(cache);
        let api = public.with_auth(Arc::new(BearerAuth::new(cache.clone())));
        Ok(JifelineClient {
            inner: Arc::new(Inner {
                api,
                public,
                cache,
                state,
                strictness,
            }),
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
    inner: Arc<Inner>,
}

/// What every clone of a client shares, behind one reference count: a list query takes a
/// client along, and cloning one `Arc` is a single atomic step where the six handles inside
/// would be six (each on its own cache line), on every list call.
#[doc(hidden)]
pub struct Inner {
    pub(crate) api: Client,
    pub(crate) public: Client,
    cache: Arc<TokenCache>,
    state: Arc<SessionState>,
    pub(crate) strictness: Strictness,
}

impl std::ops::Deref for JifelineClient {
    type Target = Inner;

    fn deref(&self) -> &Inner {
        &self.inner
    }
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

    pub(crate) fn get<T: DeserializeOwned>(
        &self,
        req: Request,
    ) -> impl Future<Output = Result<T, Error>> + use<'_, T> {
        // The core's future itself, not an async fn around it: one state machine less to
        // build and move on every call.
        self.api.send_json(req)
    }

    pub(crate) async fn send_empty(&self, req: Request) -> Result<(), Error> {
        self.api.send(req).await.map(|_| ())
    }
}

/// Runs a request's validation at the client's strictness, before any I/O.
pub(crate) fn validated<V: StrictValidate>(
    client: &JifelineClient,
    value: &V,
) -> Result<(), Error> {
    value
        .validate_with(client.strictness)
        .map_err(Error::Validation)
}
