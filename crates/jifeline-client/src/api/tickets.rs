//! `client.tickets()`: create tickets, rate them (CSAT), read notes, historical tickets and
//! prepared tickets.

use partner_core::{Error, Request, Rule, Validator};

use super::list::ListQuery;
use crate::client::{JifelineClient, validated};
use crate::models::{
    CreateTicket, Csat, HistoricalTicket, PreparedTicket, Ticket, TicketId, TicketNote,
};
use crate::operations as ops;
use crate::validate::StrictValidate;

/// Ticket calls. Get it from [`JifelineClient::tickets`].
#[derive(Debug, Clone, Copy)]
pub struct Tickets<'a> {
    pub(crate) client: &'a JifelineClient,
}

impl Tickets<'_> {
    /// Creates a ticket for products on a vehicle. Fails if the connector has a pending
    /// ticket. Not retried automatically (it would order twice).
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// use jifeline_client::models::{CreateTicket, PrerequisiteAnswer};
    /// let req = CreateTicket::new("JFL91010104391010", 284841, 284841, 910101043, [52351])
    ///     .voucher("234MD23")
    ///     .answer(PrerequisiteAnswer::new(1, "true"));
    /// let ticket = client.tickets().create(&req).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create(&self, ticket: &CreateTicket) -> Result<Ticket, Error> {
        validated(self.client, ticket)?;
        self.client
            .get(Request::new(ops::CREATE_TICKET).json(ticket)?)
            .await
    }

    /// Adds or updates the CSAT score (-1..=1) and comment of a ticket. Takes the id of a
    /// created ticket (`ticket.id`), of a historical one, or an integer.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// use jifeline_client::models::Csat;
    /// client.tickets().rate(7014044, &Csat::new(1.0).comment("Very friendly operator")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn rate(&self, ticket_id: impl Into<TicketId>, csat: &Csat) -> Result<(), Error> {
        let ticket_id = ticket_id.into();
        let mut v = Validator::new();
        check_ticket_id(&mut v, "ticket_id", &ticket_id);
        if let Err(errors) = csat.validate_with(self.client.strictness) {
            v.extend(errors);
        }
        v.finish()?;
        self.client
            .send_empty(
                Request::new(ops::SET_TICKET_CSAT)
                    .path_param("ticketId", ticket_id)
                    .json(csat)?,
            )
            .await
    }

    /// Lists the notes of a ticket.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let notes = client.tickets().notes(7014044).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn notes(&self, ticket_id: impl Into<TicketId>) -> ListQuery<TicketNote> {
        let ticket_id = ticket_id.into();
        let q = ListQuery::new(self.client, ops::LIST_TICKET_NOTES);
        let q = if ticket_id.as_str().trim().is_empty() {
            q.violation("ticket_id", Rule::Required)
        } else {
            q
        };
        q.path_param("ticketId", ticket_id)
    }

    /// Lists historical tickets, optionally for one VIN and/or connector. Any non-blank VIN
    /// is sent: the document gives this parameter no pattern.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let page = client.tickets().historical(Some("JFL91010104491010"), None).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn historical(
        &self,
        vin: Option<&str>,
        connector_id: Option<i64>,
    ) -> ListQuery<HistoricalTicket> {
        let q = ListQuery::new(self.client, ops::LIST_HISTORICAL_TICKETS);
        let q = match vin {
            Some(vin) => q.vin("vin", vin),
            None => q,
        };
        match connector_id {
            Some(id) => q.param("connector_id", id),
            None => q,
        }
    }

    /// Gets one historical ticket, by the id of a historical ticket (see [`TicketId`]).
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let ticket = client.tickets().historical_ticket(7014044).await?;
    /// # Ok(()) }
    /// ```
    pub async fn historical_ticket(
        &self,
        historical_ticket_id: impl Into<TicketId>,
    ) -> Result<HistoricalTicket, Error> {
        let historical_ticket_id = historical_ticket_id.into();
        let mut v = Validator::new();
        check_ticket_id(&mut v, "historical_ticket_id", &historical_ticket_id);
        v.finish()?;
        self.client
            .get(
                Request::new(ops::GET_HISTORICAL_TICKET)
                    .path_param("historicalTicketId", historical_ticket_id),
            )
            .await
    }

    /// Lists the prepared tickets available for a vehicle. Any non-blank VIN is sent: the
    /// document gives this parameter no pattern.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let prepared = client.tickets().prepared("JFL91010104491010").send().await?;
    /// # Ok(()) }
    /// ```
    pub fn prepared(&self, vin: &str) -> ListQuery<PreparedTicket> {
        ListQuery::new(self.client, ops::LIST_PREPARED_TICKETS).vin("vin", vin)
    }
}

/// A ticket id goes into the path: a blank one would call another path.
fn check_ticket_id(v: &mut Validator, field: &str, id: &TicketId) {
    v.required(field, id.as_str());
}
