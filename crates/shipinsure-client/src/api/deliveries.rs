//! Delivery insurance: submitting an SME delivery order (API #1) and cancelling its policy
//! (API #3). Both are keyed by the order's `tracking_number`.

use crate::client::ShipInsureClient;
use crate::error::{ShipInsureError, cancel_error, submit_error};
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
    /// validated first (required strings; more with
    /// [`ValidationRules::STRICT`](crate::validate::ValidationRules::STRICT)); HTTP 409 is
    /// [`ShipInsureError::Duplicate`] (the tracking number is already insured), a response
    /// whose `status` is not a success is [`partner_core::Error::Rejected`] with the
    /// vendor's message. Not retried once the vendor may have acted on it (a 429 is
    /// retried).
    ///
    /// ```no_run
    /// # use chrono::Utc;
    /// # use shipinsure_client::*;
    /// # async fn run(client: ShipInsureClient) -> Result<(), ShipInsureError> {
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
    ) -> Result<SubmitDeliveryResponse, ShipInsureError> {
        self.client
            .call(OperationId::SubmitSmeDelivery, request)
            .await
            .map_err(|e| submit_error(e, &request.tracking_number))
    }

    /// API #3 - Cancel SME Delivery Order: cancels the policy API #1 issued.
    ///
    /// Signed with `md5(api_token_key + tracking_number)` by default (the document gives no
    /// formula; see [`crate::signature`]). Every field must be non-blank, in particular the
    /// `policy_id`. The document shows no response of its own: a failure `status` is
    /// [`partner_core::Error::Rejected`], and an answer without `status` (such as an echo of
    /// the cancellation, the JSON the document shows under API #3) is a success.
    ///
    /// Cancelling is retried after timeouts and 5xx answers, so the vendor may see it twice.
    /// Whenever it says the policy is already cancelled (HTTP 409 or a failure `status`
    /// whose message says "already cancelled"), the answer is
    /// [`ShipInsureError::AlreadyCancelled`]: the policy is cancelled, by this call's
    /// earlier attempt or before. Any other 409 stays an [`ShipInsureError::Core`] error.
    ///
    /// ```no_run
    /// # use chrono::Utc;
    /// # use shipinsure_client::*;
    /// # async fn run(client: ShipInsureClient, policy: SubmitDeliveryResponse) -> Result<(), ShipInsureError> {
    /// let cancel = CancelDeliveryRequest::new(
    ///     "SME0001234",
    ///     policy.policy_id,
    ///     "cs.agent@partner.example",
    ///     "customer cancelled the order",
    ///     Utc::now(),
    /// );
    /// match client.deliveries().cancel(&cancel).await {
    ///     Ok(answer) => println!("{:?}: {:?}", answer.status, answer.message),
    ///     Err(ShipInsureError::AlreadyCancelled { policy_id, .. }) => println!("{policy_id} was already cancelled"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn cancel(
        &self,
        request: &CancelDeliveryRequest,
    ) -> Result<CancelDeliveryResponse, ShipInsureError> {
        self.client
            .call(OperationId::CancelSmeDeliveryOrder, request)
            .await
            .map_err(|e| cancel_error(e, &request.tracking_number, &request.policy_id))
    }
}
