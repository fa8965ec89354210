//! Delivery insurance: submitting an SME delivery order (API #1) and cancelling its policy
//! (API #3). Both are keyed by the order's `tracking_number`.

use partner_core::Error;

use crate::client::ShipInsureClient;
use crate::models::{
    CancelDeliveryRequest, CancelDeliveryResponse, SubmitDeliveryRequest, SubmitDeliveryResponse,
};
use crate::operations::OperationId;

/// Handler for delivery insurance calls; get one with [`ShipInsureClient::deliveries`].
#[derive(Debug, Clone, Copy)]
pub struct Deliveries<'a> {
    client: &'a ShipInsureClient,
}

impl<'a> Deliveries<'a> {
    pub(crate) fn new(client: &'a ShipInsureClient) -> Self {
        Deliveries { client }
    }

    /// API #1 - Submit SME Delivery: insures a new delivery order and returns its policy.
    ///
    /// Signed with `md5(api_token_key + tracking_number + premium_amount)`. The request is
    /// validated first (required strings, non-negative amounts, `good_quantity` >= 1); a
    /// response whose `status` is not a success is [`Error::Rejected`] with the vendor's
    /// message. Not retried once the vendor may have acted on it (a 429 is retried).
    ///
    /// ```no_run
    /// # use chrono::Utc;
    /// # use shipinsure_client::*;
    /// # async fn run(client: ShipInsureClient) -> Result<(), Error> {
    /// let order = SubmitDeliveryRequest::new(
    ///     "SME0001234",
    ///     "ahasme",
    ///     Customer::new("Nguyen Van A", "0901234567").with_email("a@example.com"),
    ///     Addresses::new("12 Le Loi, District 1", "45 Hai Ba Trung, District 3"),
    ///     Goods::new("electronics", "Bluetooth speaker", 1),
    ///     Amounts::new(0, 1_500_000, 15_000),
    ///     Utc::now(),
    /// )
    /// .with_recipient(Recipient::default().with_name("Le Thi C").with_phone("0907654321"));
    /// let policy = client.deliveries().submit(&order).await?;
    /// println!("policy {} certificate {:?}", policy.policy_id, policy.url_certificate);
    /// # Ok(()) }
    /// ```
    pub async fn submit(
        &self,
        request: &SubmitDeliveryRequest,
    ) -> Result<SubmitDeliveryResponse, Error> {
        self.client
            .call(OperationId::SubmitSmeDelivery, request)
            .await
    }

    /// API #3 - Cancel SME Delivery Order: cancels the policy API #1 issued.
    ///
    /// Signed with `md5(api_token_key + tracking_number)` by default (the document gives no
    /// formula; see [`crate::signature`]). Every field must be non-blank, in particular the
    /// `policy_id`. The document shows no response of its own: a failure `status` is
    /// [`Error::Rejected`], and an answer without `status` (such as an echo of the
    /// cancellation, the JSON the document shows under API #3) is a success.
    ///
    /// ```no_run
    /// # use chrono::Utc;
    /// # use shipinsure_client::*;
    /// # async fn run(client: ShipInsureClient, policy: SubmitDeliveryResponse) -> Result<(), Error> {
    /// let cancel = CancelDeliveryRequest::new(
    ///     "SME0001234",
    ///     policy.policy_id,
    ///     "cs.agent@partner.example",
    ///     "customer cancelled the order",
    ///     Utc::now(),
    /// );
    /// let answer = client.deliveries().cancel(&cancel).await?;
    /// println!("{:?}: {:?}", answer.status, answer.message);
    /// # Ok(()) }
    /// ```
    pub async fn cancel(
        &self,
        request: &CancelDeliveryRequest,
    ) -> Result<CancelDeliveryResponse, Error> {
        self.client
            .call(OperationId::CancelSmeDeliveryOrder, request)
            .await
    }
}
