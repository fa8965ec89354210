//! Building the two CarFix clients: one builder shape over partner-core's common
//! [`ClientOptions`], two credential sets.
//!
//! CarFix gives each API its own login (2.1 Affiliate, 2.2 Workshop), so there are two
//! clients, [`AffiliateClient`] and [`WorkshopClient`], each built with [`ClientBuilder`]:
//! the common settings (base URL, which the document leaves blank, path and method overrides,
//! timeouts, deadline, retries, your own `reqwest::Client` or transport) plus CarFix's own
//! (credentials, token refresh margin). [`Clients`] builds both from one configuration,
//! sharing one connection pool and one retry budget.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use partner_core::{
    BearerAuth, Client, ClientOptions, ConfigError, Error, Request, SecretString, TokenCache,
};

use crate::OPERATIONS;
use crate::auth::{Credentials, token_cache};
use crate::models::common::Items;
use crate::validate::{Rules, Strictness};

mod affiliate;
mod pair;
mod workshop;

pub use affiliate::AffiliateClient;
pub use pair::{Clients, ClientsBuilder};
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
    pub(crate) strictness: Strictness,
}

impl fmt::Debug for Parts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Parts")
            .field("client", &self.client)
            .field("credentials", &self.credentials)
            .field("logins", &self.tokens.logins())
            .field("strictness", &self.strictness)
            .finish()
    }
}

impl Parts {
    /// Fetches a token now unless a valid one is cached.
    pub(crate) async fn login(&self) -> Result<(), Error> {
        self.tokens.get().await.map(|_| ())
    }

    /// Checks `body` against the client's rule set; nothing is sent when a rule is broken.
    pub(crate) fn check<B: Rules>(&self, body: &B) -> Result<(), Error> {
        Ok(body.check(self.strictness)?)
    }

    /// Checks `body` (nothing is sent when a rule is broken), sends it as JSON and decodes
    /// the answer.
    pub(crate) async fn call<B, T>(&self, op: &'static str, body: &B) -> Result<T, Error>
    where
        B: serde::Serialize + Rules,
        T: serde::de::DeserializeOwned,
    {
        self.check(body)?;
        self.client.send_json(Request::new(op).json(body)?).await
    }

    /// Sends `req` and reads a top-level list, `null` as empty (3.9 to 3.17, 3.21, 3.22).
    pub(crate) fn list<T>(&self, req: Request) -> impl Future<Output = Result<Vec<T>, Error>> + '_
    where
        T: serde::de::DeserializeOwned,
    {
        // The core's future itself, not an async fn around it: one state machine less to
        // build and move on every call.
        self.client.send_json_list(req)
    }

    /// Checks `body`, sends it as JSON and reads a top-level list, `null` as empty.
    pub(crate) async fn call_list<B, T>(&self, op: &'static str, body: &B) -> Result<Vec<T>, Error>
    where
        B: serde::Serialize + Rules,
        T: serde::de::DeserializeOwned,
    {
        self.check(body)?;
        self.list(Request::new(op).json(body)?).await
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

/// The user agent product every CarFix request names.
const USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

/// The unauthenticated partner-core client both APIs send through (logins use it as is).
/// CarFix has no retry policy of its own: partner-core's default applies unless the options
/// set one.
pub(crate) fn core_client(options: ClientOptions) -> Result<Client, Error> {
    Ok(Client::builder(VENDOR, OPERATIONS)
        .user_agent(USER_AGENT)
        .options(options)
        .build()?)
}

fn missing_credentials(login: &'static str) -> ConfigError {
    ConfigError::MissingCredential {
        operation: login,
        credential: "clientusername/clientkey",
    }
}

impl Parts {
    /// An API's parts over `core`: a token cache logging in with `login` through `core`
    /// (same pool and retry budget, no credentials of its own), and `core` authenticated by
    /// that cache.
    pub(crate) fn new(
        core: &Client,
        login: &'static str,
        credentials: Credentials,
        refresh_ahead: Duration,
        strictness: Strictness,
    ) -> Parts {
        let tokens = token_cache(core.clone(), login, credentials.clone(), refresh_ahead);
        let client = core.with_auth(Arc::new(BearerAuth::new(tokens.clone())));
        Parts {
            client,
            tokens,
            credentials,
            strictness,
        }
    }
}

/// Builds an [`AffiliateClient`] or a [`WorkshopClient`].
///
/// The common settings come from [`ClientOptions`], set one by one or all at once with
/// `.options(..)`; the same options can configure both clients:
///
/// ```no_run
/// use carfix_client::{AffiliateClient, ClientOptions, WorkshopClient};
/// use std::time::Duration;
/// # fn main() -> Result<(), partner_core::Error> {
/// let common = ClientOptions::new()
///     .base_url("https://carfix.example/")
///     .override_path("CreateCase", "/api/v2/CreateCase")
///     .timeout(Duration::from_secs(20));
/// let affiliate = AffiliateClient::builder()
///     .options(common.clone())
///     .credentials("CARFIX-REFERRED", std::env::var("CARFIX_KEY").unwrap_or_default())
///     .build()?;
/// let workshop = WorkshopClient::builder()
///     .options(common)
///     .credentials("ONEWORKS-TOWING", std::env::var("CARFIX_WORKSHOP_KEY").unwrap_or_default())
///     .build()?;
/// # let _ = (affiliate, workshop); Ok(()) }
/// ```
///
/// Each build has its own connection pool and retry budget unless the options name a
/// transport, an HTTP client or a budget to share; [`Clients`] shares them for you.
#[must_use]
pub struct ClientBuilder<A> {
    options: ClientOptions,
    credentials: Option<Credentials>,
    refresh_ahead: Duration,
    _api: PhantomData<fn() -> A>,
}

impl<A> fmt::Debug for ClientBuilder<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("options", &self.options)
            .field("credentials", &self.credentials)
            .field("refresh_ahead", &self.refresh_ahead)
            .finish()
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
            options: ClientOptions::new(),
            credentials: None,
            refresh_ahead: DEFAULT_REFRESH_AHEAD,
            _api: PhantomData,
        }
    }

    partner_core::client_options_methods!();

    /// The `clientusername` and `clientkey` this API logs in with.
    pub fn credentials(
        mut self,
        username: impl Into<String>,
        key: impl Into<SecretString>,
    ) -> Self {
        self.credentials = Some(Credentials::new(username, key));
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
        let credentials = self.credentials.ok_or(missing_credentials(A::LOGIN))?;
        let strictness = self.options.strictness_value();
        let core = core_client(self.options)?;
        Ok(A::from_parts(Parts::new(
            &core,
            A::LOGIN,
            credentials,
            self.refresh_ahead,
            strictness,
        )))
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
