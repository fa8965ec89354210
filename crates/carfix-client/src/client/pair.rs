//! Both clients from one configuration: [`Clients`].

use std::fmt;
use std::time::Duration;

use partner_core::{ClientOptions, Error, SecretString};

use super::{
    AffiliateClient, Api, DEFAULT_REFRESH_AHEAD, Parts, WorkshopClient, core_client,
    missing_credentials,
};
use crate::auth::Credentials;

/// The Affiliate and the Workshop client built from one configuration, with their own
/// credentials, sharing one connection pool, one retry budget and the same settings.
///
/// ```no_run
/// use carfix_client::{ClientOptions, Clients};
/// use std::time::Duration;
/// # async fn run() -> Result<(), partner_core::Error> {
/// let common = ClientOptions::new()
///     .base_url("https://carfix.example")
///     .timeout(Duration::from_secs(20));
/// let carfix = Clients::builder()
///     .options(common)
///     .affiliate("CARFIX-REFERRED", std::env::var("CARFIX_KEY").unwrap_or_default())
///     .workshop("ONEWORKS-TOWING", std::env::var("CARFIX_WORKSHOP_KEY").unwrap_or_default())
///     .build()?;
/// let states = carfix.affiliate.lookups().states().await?;
/// let trucks = carfix.workshop.trucks().list().await?;
/// # let _ = (states, trucks); Ok(()) }
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Clients {
    /// The Affiliate API (section 3), logged in with the affiliate credentials (2.1).
    pub affiliate: AffiliateClient,
    /// The Workshop API (section 4), logged in with the workshop credentials (2.2).
    pub workshop: WorkshopClient,
}

impl Clients {
    /// A builder for both clients.
    pub fn builder() -> ClientsBuilder {
        ClientsBuilder::new()
    }
}

/// Builds [`Clients`]: the common settings once, a credential set per API.
#[must_use]
pub struct ClientsBuilder {
    options: ClientOptions,
    affiliate: Option<Credentials>,
    workshop: Option<Credentials>,
    refresh_ahead: Duration,
}

impl fmt::Debug for ClientsBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientsBuilder")
            .field("options", &self.options)
            .field("affiliate", &self.affiliate)
            .field("workshop", &self.workshop)
            .field("refresh_ahead", &self.refresh_ahead)
            .finish()
    }
}

impl Default for ClientsBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl ClientsBuilder {
    /// An empty builder; a base URL and both credential sets are required.
    pub fn new() -> Self {
        ClientsBuilder {
            options: ClientOptions::new(),
            affiliate: None,
            workshop: None,
            refresh_ahead: DEFAULT_REFRESH_AHEAD,
        }
    }

    partner_core::client_options_methods!();

    /// The Affiliate API's `clientusername` and `clientkey` (given by CarFix, 2.1).
    pub fn affiliate(mut self, username: impl Into<String>, key: impl Into<SecretString>) -> Self {
        self.affiliate = Some(Credentials::new(username, key));
        self
    }

    /// The Workshop API's `clientusername` and `clientkey` (the company setting page's API
    /// username and password, 2.2 and Appendix A).
    pub fn workshop(mut self, username: impl Into<String>, key: impl Into<SecretString>) -> Self {
        self.workshop = Some(Credentials::new(username, key));
        self
    }

    /// How long before expiry each token is replaced (default one hour).
    pub fn refresh_ahead(mut self, d: Duration) -> Self {
        self.refresh_ahead = d;
        self
    }

    /// Builds both clients over one partner-core client (one pool, one retry budget). No
    /// request is sent: each client logs in on its first call.
    pub fn build(self) -> Result<Clients, Error> {
        let affiliate = self
            .affiliate
            .ok_or(missing_credentials(AffiliateClient::LOGIN))?;
        let workshop = self
            .workshop
            .ok_or(missing_credentials(WorkshopClient::LOGIN))?;
        let strictness = self.options.strictness_value();
        let core = core_client(self.options)?;
        Ok(Clients {
            affiliate: AffiliateClient::from_parts(Parts::new(
                &core,
                AffiliateClient::LOGIN,
                affiliate,
                self.refresh_ahead,
                strictness,
            )),
            workshop: WorkshopClient::from_parts(Parts::new(
                &core,
                WorkshopClient::LOGIN,
                workshop,
                self.refresh_ahead,
                strictness,
            )),
        })
    }
}
