//! Building the two CarFix clients: one builder shape, two credential sets.
//!
//! CarFix gives each API its own login (2.1 Affiliate, 2.2 Workshop), so there are two
//! clients, [`crate::AffiliateClient`] and [`crate::WorkshopClient`], each built with
//! [`ClientBuilder`]: base URL (the document gives none), credentials, path overrides,
//! timeouts, retry policy, and optionally your own `reqwest::Client` or transport.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use partner_core::validation::Validate;
use partner_core::{
    BearerAuth, Client, ConfigError, Error, Request, RetryPolicy, SecretString, TokenCache,
    Transport,
};

use crate::OPERATIONS;
use crate::auth::{Credentials, token_cache};
use crate::models::common::Items;

mod affiliate;
mod workshop;

pub use affiliate::AffiliateClient;
pub use workshop::WorkshopClient;

/// The vendor name used in errors, tracing and fixtures.
pub const VENDOR: &str = "carfix";

/// How long before expiry a token is replaced by default. Tokens live about 60 hours, so an
/// hour's margin costs nothing and keeps long calls off the edge.
pub const DEFAULT_REFRESH_AHEAD: Duration = Duration::from_secs(3600);

/// Which API a builder makes; sealed.
pub trait Api: sealed::Sealed {
    #[doc(hidden)]
    const LOGIN: &'static str;
    #[doc(hidden)]
    fn from_parts(parts: Parts) -> Self;
}

pub(crate) mod sealed {
    pub trait Sealed {}
}

/// What a built client holds: the authenticated core client and its token cache.
#[doc(hidden)]
#[derive(Clone)]
pub struct Parts {
    pub(crate) client: Client,
    pub(crate) tokens: Arc<TokenCache>,
    pub(crate) credentials: Credentials,
}

impl fmt::Debug for Parts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Parts")
            .field("client", &self.client)
            .field("credentials", &self.credentials)
            .field("logins", &self.tokens.logins())
            .finish()
    }
}

impl Parts {
    /// Fetches a token now unless a valid one is cached.
    pub(crate) async fn login(&self) -> Result<(), Error> {
        self.tokens.get().await.map(|_| ())
    }

    /// Validates `body` (nothing is sent when a rule is broken), sends it as JSON and
    /// decodes the answer.
    pub(crate) async fn call<B, T>(&self, op: &'static str, body: &B) -> Result<T, Error>
    where
        B: serde::Serialize + Validate,
        T: serde::de::DeserializeOwned,
    {
        body.validate()?;
        self.client.send_json(Request::new(op).json(body)?).await
    }

    /// Sends `req` and unwraps the `{ "items": [...] }` envelope (3.18, 4.1, 4.2, 4.4).
    pub(crate) async fn items<T>(&self, req: Request) -> Result<Vec<T>, Error>
    where
        T: serde::de::DeserializeOwned,
    {
        let envelope: Items<T> = self.client.send_json(req).await?;
        Ok(envelope.items)
    }
}

/// Builds an [`crate::AffiliateClient`] or a [`crate::WorkshopClient`].
///
/// ```no_run
/// use carfix_client::AffiliateClient;
/// use std::time::Duration;
/// # fn main() -> Result<(), partner_core::Error> {
/// let client = AffiliateClient::builder()
///     .base_url("https://carfix.example/")
///     .credentials("CARFIX-REFERRED", std::env::var("CARFIX_KEY").unwrap_or_default())
///     .override_path("CreateCase", "/api/v2/CreateCase")
///     .timeout(Duration::from_secs(20))
///     .build()?;
/// # let _ = client; Ok(()) }
/// ```
pub struct ClientBuilder<A> {
    base_url: Option<String>,
    credentials: Option<Credentials>,
    overrides: Vec<(String, String)>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
    http_client: Option<reqwest::Client>,
    transport: Option<Arc<dyn Transport>>,
    refresh_ahead: Duration,
    _api: PhantomData<fn() -> A>,
}

impl<A> fmt::Debug for ClientBuilder<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .field("overrides", &self.overrides)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl<A: Api> Default for ClientBuilder<A> {
    fn default() -> Self {
        Self::new()
    }
}

impl<A: Api> ClientBuilder<A> {
    /// An empty builder; a base URL and credentials are required.
    pub fn new() -> Self {
        ClientBuilder {
            base_url: None,
            credentials: None,
            overrides: Vec::new(),
            timeout: None,
            connect_timeout: None,
            retry: None,
            http_client: None,
            transport: None,
            refresh_ahead: DEFAULT_REFRESH_AHEAD,
            _api: PhantomData,
        }
    }

    /// CarFix's base URL (https; plain http only for loopback). The document leaves it blank:
    /// CarFix gives it at onboarding.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The `clientusername` and `clientkey` this API logs in with.
    pub fn credentials(
        mut self,
        username: impl Into<String>,
        key: impl Into<SecretString>,
    ) -> Self {
        self.credentials = Some(Credentials::new(username, key));
        self
    }

    /// Replaces the path of one operation (see [`crate::operations::names`]); every path in
    /// the table is assumed.
    pub fn override_path(mut self, operation: &str, path: impl Into<String>) -> Self {
        self.overrides.push((operation.to_owned(), path.into()));
        self
    }

    /// Total timeout of each attempt (default 30 s).
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = Some(d);
        self
    }

    /// Connect timeout of the built-in HTTP client (default 10 s).
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.connect_timeout = Some(d);
        self
    }

    /// Retry policy (default: partner-core's, 3 attempts; creates are never blindly resent).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Uses your own `reqwest::Client` (proxy, TLS roots, pool).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    /// Uses your own transport (a mock or recorder in tests).
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.transport = Some(transport);
        self
    }

    /// How long before expiry the token is replaced (default one hour; a token living no
    /// more than twice this is replaced at half its life instead).
    pub fn refresh_ahead(mut self, d: Duration) -> Self {
        self.refresh_ahead = d;
        self
    }

    /// Builds the client. No request is sent: the first call logs in.
    pub fn build(self) -> Result<A, Error> {
        let credentials = self.credentials.ok_or(ConfigError::MissingCredential {
            operation: A::LOGIN,
            credential: "clientusername/clientkey",
        })?;
        let mut core = Client::builder(VENDOR, OPERATIONS).user_agent(concat!(
            env!("CARGO_PKG_NAME"),
            "/",
            env!("CARGO_PKG_VERSION")
        ));
        if let Some(url) = self.base_url {
            core = core.base_url(url);
        }
        for (op, path) in self.overrides {
            core = core.override_path(&op, path);
        }
        if let Some(t) = self.timeout {
            core = core.timeout(t);
        }
        if let Some(t) = self.connect_timeout {
            core = core.connect_timeout(t);
        }
        if let Some(r) = self.retry {
            core = core.retry_policy(r);
        }
        if let Some(c) = self.http_client {
            core = core.http_client(c);
        }
        if let Some(t) = self.transport {
            core = core.transport(t);
        }
        // The login goes through the same pool and retry budget, without credentials.
        let login_client = core.build()?;
        let tokens = token_cache(
            login_client.clone(),
            A::LOGIN,
            credentials.clone(),
            self.refresh_ahead,
        );
        let client = login_client.with_auth(Arc::new(BearerAuth::new(tokens.clone())));
        Ok(A::from_parts(Parts {
            client,
            tokens,
            credentials,
        }))
    }
}

macro_rules! api_client {
    ($name:ident, $login:expr) => {
        impl crate::client::sealed::Sealed for $name {}
        impl crate::client::Api for $name {
            const LOGIN: &'static str = $login;
            fn from_parts(parts: crate::client::Parts) -> Self {
                $name { parts }
            }
        }
        impl $name {
            /// A builder for this client.
            pub fn builder() -> crate::client::ClientBuilder<$name> {
                crate::client::ClientBuilder::new()
            }

            /// Logs in now unless a valid token is cached (calls log in by themselves; this
            /// surfaces bad credentials early).
            ///
            /// ```no_run
            #[doc = concat!("# async fn run(client: carfix_client::", stringify!($name), ") -> Result<(), partner_core::Error> {")]
            /// client.login().await?;
            /// # Ok(()) }
            /// ```
            pub async fn login(&self) -> Result<(), partner_core::Error> {
                self.parts.login().await
            }

            /// How many logins this client has made (cached tokens are reused).
            pub fn login_count(&self) -> u64 {
                self.parts.tokens.logins()
            }

            /// The partner-core client underneath (base URL, operation table, retry budget).
            pub fn core(&self) -> &partner_core::Client {
                &self.parts.client
            }
        }
    };
}

pub(crate) use api_client;
