//! Order tracking: `GET /api/warrantify/claim/tracking/?ReferenceID=...` with `X-API-Key`.

use partner_core::Request;
use partner_core::validation::{Rule, Validator};

use crate::client::{BigfixClient, Credential};
use crate::error::BigfixError;
use crate::models::Tracking;
use crate::ops;
use crate::wire::read_answer;

/// Handler for tracking, from [`BigfixClient::tracking`].
#[derive(Debug, Clone, Copy)]
pub struct TrackingApi<'a> {
    client: &'a BigfixClient,
}

impl<'a> TrackingApi<'a> {
    pub(crate) fn new(client: &'a BigfixClient) -> Self {
        TrackingApi { client }
    }

    /// The current status and history of an order. `reference_id` is case-sensitive and sent
    /// exactly as given (only an empty one is refused before sending, or a blank one with
    /// [`ValidationRules::trim_before_checking`](crate::ValidationRules::trim_before_checking)).
    /// An order without tracking yet gives an empty [`Tracking`] ([`Tracking::has_started`] is
    /// false); an unknown id gives [`BigfixError::NotFound`]; a 200 that cannot be read
    /// [`BigfixError::OutcomeUnknown`].
    ///
    /// ```no_run
    /// # async fn run(client: bigfix_client::BigfixClient) -> Result<(), bigfix_client::BigfixError> {
    /// use bigfix_client::StatusCode;
    /// let t = client.tracking().get("REPAIR202611230042").await?;
    /// for event in &t.history {
    ///     println!("{}  {} (visit {:?})", event.date, event.status.code, event.status.visit);
    /// }
    /// println!("visits: {}", t.count(&StatusCode::ReachedCustomerLocation));
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, reference_id: &str) -> Result<Tracking, BigfixError> {
        let mut v = Validator::new();
        let missing = self.client.rules().is_missing(reference_id);
        v.check("ReferenceID", !missing, Rule::Required);
        v.finish()?;
        let op = ops::TRACK_ORDER;
        let http = self.client.authed(op, Credential::ApiKey)?;
        let resp = http
            .send_raw(Request::new(op).query("ReferenceID", reference_id))
            .await?;
        let resp = self.client.check(http, op, resp)?;
        read_answer(op, &resp, |body| Tracking::from_json(reference_id, body))
    }
}
