//! The Affiliate API's client (section 3): call-centre cases, lookups, trucks and photos.

use partner_core::{Error, Request};

use crate::api::{Cases, Lookups, Photos, TruckTracking};
use crate::client::{Parts, api_client};
use crate::models::common::check_ack;
use crate::operations::names;

/// Client for the Affiliate API (insurers, call centres), logging in with 2.1.
///
/// ```no_run
/// use carfix_client::AffiliateClient;
/// # async fn run() -> Result<(), partner_core::Error> {
/// let carfix = AffiliateClient::builder()
///     .base_url("https://carfix.example")
///     .credentials("CARFIX-REFERRED", std::env::var("CARFIX_KEY").unwrap_or_default())
///     .build()?;
/// let states = carfix.lookups().states().await?;
/// # let _ = states; Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct AffiliateClient {
    parts: Parts,
}

api_client!(AffiliateClient, names::AFFILIATE_LOGIN);

impl AffiliateClient {
    /// Cases: create, follow, resolve, rate, cancel, list (3.2 to 3.7, 3.19 to 3.21).
    pub fn cases(&self) -> Cases<'_> {
        Cases { parts: &self.parts }
    }

    /// Reference lists: states, areas, workshops, makes, natures of call, services,
    /// punctures, breakdown causes (3.9 to 3.17).
    pub fn lookups(&self) -> Lookups<'_> {
        Lookups { parts: &self.parts }
    }

    /// Where the tow truck is (3.18).
    pub fn trucks(&self) -> TruckTracking<'_> {
        TruckTracking { parts: &self.parts }
    }

    /// Incident photos (3.8, 3.22).
    pub fn photos(&self) -> Photos<'_> {
        Photos { parts: &self.parts }
    }

    /// 3.1 Test: checks that the credentials and token work.
    ///
    /// Sends the credentials body the document's example shows, with the bearer token.
    /// Succeeds on any 2xx unless the body says `"Result": false`.
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// carfix.test().await?;
    /// # Ok(()) }
    /// ```
    pub async fn test(&self) -> Result<(), Error> {
        let req = Request::new(names::TEST).json(&self.parts.credentials)?;
        let resp = self.parts.client.send(req).await?;
        check_ack(names::TEST, &resp.body)
    }
}
