//! The dealer's locations (`GET /v1/locations`), only those of the API key's dealer.

use partner_core::{Error, Request};

use crate::client::ClaireClient;
use crate::models::DealerLocation;

/// Dealer locations; get the handler from [`ClaireClient::locations`].
#[derive(Debug, Clone, Copy)]
pub struct LocationsHandler<'a> {
    client: &'a ClaireClient,
}

impl<'a> LocationsHandler<'a> {
    pub(crate) fn new(client: &'a ClaireClient) -> Self {
        LocationsHandler { client }
    }

    /// The dealer's locations (`GET /v1/locations`), only those of the API key's dealer.
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// for location in client.locations().list().await? {
    ///     println!("{}", location.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn list(&self) -> Result<Vec<DealerLocation>, Error> {
        self.client.send_list(Request::new("GetLocations")).await
    }
}
