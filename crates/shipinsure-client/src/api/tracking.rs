//! Tracking events (API #2): every event that changes a tracking number's status, and the
//! delivery status it leads to.

use crate::client::ShipInsureClient;
use crate::error::ShipInsureError;
use crate::models::{TrackingDetailRequest, TrackingDetailResponse};
use crate::operations::OperationId;

/// Handler for tracking calls; get one with [`ShipInsureClient::tracking`].
#[derive(Debug, Clone, Copy)]
pub struct Tracking<'a> {
    client: &'a ShipInsureClient,
}

impl<'a> Tracking<'a> {
    pub(crate) fn new(client: &'a ShipInsureClient) -> Self {
        Tracking { client }
    }

    /// API #2 - insert tracking detail: reports events of an insured order and its new
    /// `delivery_status`.
    ///
    /// Signed with `md5(api_token_key + tracking_number)` by default (the document gives no
    /// formula; see [`crate::signature`]). Needs a non-blank `tracking_number` and a
    /// `delivery_status` (at least one event and a documented status only with
    /// [`ValidationRules::STRICT`](crate::validate::ValidationRules::STRICT)). Not retried once the vendor may have acted on it (events could be logged
    /// twice); a 429 is retried.
    ///
    /// ```no_run
    /// # use chrono::Utc;
    /// # use shipinsure_client::*;
    /// # async fn run(client: ShipInsureClient) -> Result<(), ShipInsureError> {
    /// let event = TrackingEvent::new(Utc::now())
    ///     .with_tracking_status("Out for delivery")
    ///     .with_handler_name("Tran Van B")
    ///     .with_vehicle_type("motorbike");
    /// let update = TrackingDetailRequest::new("SME0001234", DeliveryStatus::InDelivery, vec![event]);
    /// client.tracking().insert(&update).await?;
    /// # Ok(()) }
    /// ```
    pub async fn insert(
        &self,
        request: &TrackingDetailRequest,
    ) -> Result<TrackingDetailResponse, ShipInsureError> {
        Ok(self
            .client
            .call(OperationId::InsertTrackingDetail, request)
            .await?)
    }
}
