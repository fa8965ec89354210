//! The Workshop API's client (section 4): a tow operator's trucks, drivers and claims.

use crate::api::{Claims, Drivers, Fleet};
use crate::client::{Parts, api_client};
use crate::operations::names;

/// Client for the Workshop API (tow operators), logging in with 2.2.
///
/// ```no_run
/// use carfix_client::WorkshopClient;
/// # async fn run() -> Result<(), partner_core::Error> {
/// let workshop = WorkshopClient::builder()
///     .base_url("https://carfix.example")
///     .credentials("ONEWORKS-TOWING", std::env::var("CARFIX_WORKSHOP_KEY").unwrap_or_default())
///     .build()?;
/// let trucks = workshop.trucks().list().await?;
/// # let _ = trucks; Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct WorkshopClient {
    parts: Parts,
}

api_client!(WorkshopClient, names::WORKSHOP_LOGIN);

impl WorkshopClient {
    /// Trucks: list them (4.1) and report positions (4.3).
    pub fn trucks(&self) -> Fleet<'_> {
        Fleet { parts: &self.parts }
    }

    /// Drivers (4.2).
    pub fn drivers(&self) -> Drivers<'_> {
        Drivers { parts: &self.parts }
    }

    /// Claims (4.4, 4.5).
    pub fn claims(&self) -> Claims<'_> {
        Claims { parts: &self.parts }
    }
}
