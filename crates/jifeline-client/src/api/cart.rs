//! `client.cart()`: prices a set of products for a vehicle, with a voucher.

use partner_core::{Error, Request};

use crate::client::{JifelineClient, validated};
use crate::models::{CartTotals, CartTotalsRequest};
use crate::operations as ops;

/// Cart calls. Get it from [`JifelineClient::cart`].
#[derive(Debug, Clone, Copy)]
pub struct Cart<'a> {
    pub(crate) client: &'a JifelineClient,
}

impl Cart<'_> {
    /// Calculates subtotal, voucher discount, fees and total for products on a vehicle.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// use jifeline_client::models::CartTotalsRequest;
    /// let req = CartTotalsRequest::new(23423, 23423, [52351, 52352]).voucher("234MD23").vin("JFL91010104591010");
    /// let totals = client.cart().totals(&req).await?;
    /// println!("{:?}", totals.total.and_then(|t| t.net_price).map(|m| m.value));
    /// # Ok(()) }
    /// ```
    pub async fn totals(&self, request: &CartTotalsRequest) -> Result<CartTotals, Error> {
        validated(self.client, request)?;
        self.client
            .get(Request::new(ops::CALCULATE_CART_TOTALS).json(request)?)
            .await
    }
}
