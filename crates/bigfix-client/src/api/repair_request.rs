//! Single repair orders: `POST /api/warrantify/repair/single-order/` with a JWT.

use partner_core::Request;

use crate::client::{BigfixClient, Credential};
use crate::error::BigfixError;
use crate::models::{CreatedOrder, RepairOrder};
use crate::ops;
use crate::wire::read_answer;

/// Handler for single repair orders, from [`BigfixClient::orders`].
#[derive(Debug, Clone, Copy)]
pub struct Orders<'a> {
    client: &'a BigfixClient,
}

impl<'a> Orders<'a> {
    pub(crate) fn new(client: &'a BigfixClient) -> Self {
        Orders { client }
    }

    /// Raises one repair order.
    ///
    /// The order is validated first (every violation reported at once, nothing sent). A 400
    /// becomes [`BigfixError::Invalid`] with the server's message, a 409
    /// [`BigfixError::Duplicate`], a 2xx whose `Success` is not "True"
    /// [`partner_core::Error::Rejected`], a 2xx that cannot be read
    /// [`BigfixError::OutcomeUnknown`] (the order was probably created: do not raise it
    /// again under a new reference before checking). Not retried after it may have reached
    /// BigFix (see [`Orders::create_retrying`]).
    ///
    /// ```no_run
    /// # use bigfix_client::{BigfixClient, RepairOrder, EngagementType};
    /// # async fn run(client: BigfixClient) -> Result<(), bigfix_client::BigfixError> {
    /// let order = RepairOrder {
    ///     repair_ref_no: "REP10001".into(),
    ///     client_name: "Acme Warranty".into(),
    ///     name: "Amit Patel".into(),
    ///     customer_mobile: "9876543210".into(),
    ///     customer_email: "amit@example.com".into(),
    ///     engagement_type: EngagementType::Home,
    ///     address_line1: "Flat 301, Tower A".into(),
    ///     address_line2: None,
    ///     city: "Bangalore".into(),
    ///     state: "Karnataka".into(),
    ///     pincode: "560001".into(),
    ///     asset_type: "Laptop".into(),
    ///     make: "Dell".into(),
    ///     model: "XPS 15".into(),
    ///     imei_no: "SN123456789".into(),
    ///     centre_city: "Bangalore".into(),
    ///     issue: "Battery not charging".into(),
    ///     size: "15 inch".into(),
    /// };
    /// let created = client.orders().create(&order).await?;
    /// println!("track with {}", created.data.request_id);
    /// # Ok(()) }
    /// ```
    pub async fn create(&self, order: &RepairOrder) -> Result<CreatedOrder, BigfixError> {
        self.send(order, false).await
    }

    /// Like [`Orders::create`], but also retries after failures where the request may have
    /// reached BigFix (timeouts, 5xx). A 409 on a later attempt then usually means an earlier
    /// attempt created the order: [`BigfixError::Duplicate`] must be read that way.
    ///
    /// ```no_run
    /// # use bigfix_client::{BigfixClient, BigfixError, RepairOrder};
    /// # async fn run(client: BigfixClient, order: RepairOrder) -> Result<(), BigfixError> {
    /// match client.orders().create_retrying(&order).await {
    ///     Ok(created) => println!("created {}", created.data.request_id),
    ///     Err(BigfixError::Duplicate { repair_ref_no, .. }) => {
    ///         println!("{repair_ref_no} exists (maybe from our first attempt)");
    ///     }
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn create_retrying(&self, order: &RepairOrder) -> Result<CreatedOrder, BigfixError> {
        self.send(order, true).await
    }

    async fn send(
        &self,
        order: &RepairOrder,
        retry_unsafe: bool,
    ) -> Result<CreatedOrder, BigfixError> {
        order.validate_with(self.client.rules())?;
        let op = ops::CREATE_REPAIR_ORDER;
        let http = self.client.authed(op, Credential::Jwt)?;
        let req = Request::new(op).json(order)?.retry_unsafe(retry_unsafe);
        let resp = http.send_raw(req).await?;
        if resp.status.as_u16() == 409 {
            return Err(BigfixError::Duplicate {
                repair_ref_no: order.repair_ref_no.clone(),
                message: crate::wire::server_message(&resp.body, "Conflict"),
            });
        }
        let resp = self.client.check(http, op, resp)?;
        read_answer(op, &resp, CreatedOrder::from_json)
    }
}
