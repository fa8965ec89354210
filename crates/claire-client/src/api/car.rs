//! Cars by VIN (`GET /v1/car`), searched across the dealer's locations.

use partner_core::{Error, Request};

use crate::client::ClaireClient;
use crate::models::Car;
use crate::validate::require_text;

/// Car calls; get one from [`ClaireClient::cars`].
#[derive(Debug, Clone, Copy)]
pub struct CarsHandler<'a> {
    client: &'a ClaireClient,
}

impl<'a> CarsHandler<'a> {
    pub(crate) fn new(client: &'a ClaireClient) -> Self {
        CarsHandler { client }
    }

    /// The car with this VIN, or `None` when Claire answers 404 (the document says the call
    /// "searches if a car exists"; a missing car as an error would make every caller match
    /// on status codes).
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// if let Some(car) = client.cars().find_by_vin("WVWZZZ1JZXW000001").await? {
    ///     println!("{} {} ({})", car.make, car.model, car.reg_nr);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn find_by_vin(&self, vin: &str) -> Result<Option<Car>, Error> {
        require_text("vin", vin)?;
        let req = Request::new("GetCarByVin").query("vin", vin.trim());
        match self.client.core().send_json::<Option<Car>>(req).await {
            Ok(car) => Ok(car),
            Err(e) if e.is_not_found() => Ok(None),
            Err(e) => Err(e),
        }
    }
}
