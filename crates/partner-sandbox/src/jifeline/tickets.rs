//! Jifeline tickets: create (one active ticket per connector), the active ticket on the
//! connector, CSAT, notes, prepared tickets by VIN and historical tickets once finished.
//!
//! A ticket is active (state 1) until the operator finishes it; the sandbox has no operator,
//! so [`JifelineSandbox::finish_ticket`] plays that part. Finished tickets (state 7) are
//! listed as historical, by VIN or connector.

use axum::http::StatusCode;
use chrono::{SecondsFormat, Utc};
use jifeline_client::models::{CreateTicket, Csat};
use serde_json::{Value, json};

use super::catalogue::totals;
use super::{
    Answer, DEMO_CONNECTOR_ID, DEMO_VIN, JifelineSandbox, Problem, TicketRecord, bad_request,
    check_vin, not_found, page, path_id,
};
use crate::server::Call;

/// The prepared ticket waiting for [`DEMO_VIN`].
pub const PREPARED_TICKET_ID: &str = "ca09a970-6519-4280-b6a6-65727e2894e3";

fn active(ticket: &TicketRecord) -> Value {
    json!({
        "id": ticket.id.to_string(),
        "uuid": ticket.uuid,
        "chat_id": format!("{}_{}", ticket.id, ticket.uuid),
        "connector_id": ticket.connector_id,
        "vin": ticket.vin,
        "vinNumber": ticket.vin,
        "vehicle_model_id": ticket.model.0,
        "vehicle_model_variant_id": ticket.model.1,
        "product_ids": [ticket.product_ids],
        "state": ticket.state,
    })
}

fn historical(ticket: &TicketRecord) -> Value {
    let time = |t: chrono::DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Secs, false);
    let priced = totals(&ticket.product_ids, ticket.voucher.as_deref()).unwrap_or(Value::Null);
    json!({
        "id": ticket.id,
        "connector_id": ticket.connector_id,
        "state": ticket.state,
        "vin": ticket.vin,
        "voucher": ticket.voucher,
        "vehicle_model_id": ticket.model.0,
        "vehicle_model_variant_id": ticket.model.1,
        "created_at": time(ticket.created_at),
        "finished_at": ticket.finished_at.map(time),
        "sub_total": priced["sub_total"],
        "total": priced["total"],
        "product_lines": ticket.product_ids.iter().map(|id| json!({ "product_id": id, "quantity": 1 })).collect::<Vec<_>>(),
    })
}

impl JifelineSandbox {
    /// Ticket operations; `None` for other operations.
    pub(super) fn tickets_api(&self, name: &str, call: &Call) -> Option<Answer> {
        let answer = match name {
            "CreateTicket" => call
                .validated::<CreateTicket>()
                .and_then(|t| self.create_ticket(&t)),
            "GetConnectorActiveTicket" => path_id(call, "connectorId").and_then(|connector| {
                let state = self.state();
                let ticket = state
                    .tickets
                    .iter()
                    .find(|t| t.connector_id == connector && t.state == 1);
                ticket.map(active).ok_or_else(|| not_found("active ticket"))
            }),
            "SetTicketCsat" => call.validated::<Csat>().and_then(|csat| {
                let id = path_id(call, "ticketId")?;
                let mut state = self.state();
                let ticket = state
                    .tickets
                    .iter_mut()
                    .find(|t| t.id == id)
                    .ok_or_else(|| not_found("ticket"))?;
                ticket.csat = Some((csat.score, csat.comment));
                Ok(Value::Null)
            }),
            "ListTicketNotes" => path_id(call, "ticketId").and_then(|id| {
                let state = self.state();
                let ticket = state
                    .tickets
                    .iter()
                    .find(|t| t.id == id)
                    .ok_or_else(|| not_found("ticket"))?;
                // The operator leaves one note when finishing; none while the ticket runs.
                let notes = ticket
                    .finished_at
                    .map(|at| {
                        json!({
                            "id": format!("00000000-0000-4000-9000-{:012}", ticket.id),
                            "ticket_id": ticket.id,
                            "value": "Diagnosis done remotely; no faults left.",
                            "created_at": at.to_rfc3339_opts(SecondsFormat::Secs, false),
                        })
                    })
                    .into_iter()
                    .collect();
                page(call, notes)
            }),
            "ListHistoricalTickets" => {
                let vin = call.query("vin");
                let connector = call.query("connector_id").map(str::parse::<i64>);
                match (vin.map(check_vin).transpose(), connector.transpose()) {
                    (Err(p), _) => Err(p),
                    (_, Err(_)) => Err(bad_request("connector_id must be a number")),
                    (Ok(_), Ok(connector)) => {
                        let state = self.state();
                        let list = state
                            .tickets
                            .iter()
                            .filter(|t| t.state == 7)
                            .filter(|t| vin.is_none_or(|v| t.vin.eq_ignore_ascii_case(v)))
                            .filter(|t| connector.is_none_or(|c| t.connector_id == c))
                            .map(historical)
                            .collect();
                        page(call, list)
                    }
                }
            }
            "GetHistoricalTicket" => path_id(call, "historicalTicketId").and_then(|id| {
                let state = self.state();
                let ticket = state.tickets.iter().find(|t| t.id == id && t.state == 7);
                ticket
                    .map(historical)
                    .ok_or_else(|| not_found("historical ticket"))
            }),
            "ListPreparedTickets" => {
                let vin = call.query("vin").unwrap_or_default();
                check_vin(vin).and_then(|()| {
                    let prepared = (vin.eq_ignore_ascii_case(DEMO_VIN) && !self.prepared_used())
                        .then(|| {
                            json!({
                                "id": PREPARED_TICKET_ID,
                                "vin": DEMO_VIN,
                                "vehicle_model_id": 23_423,
                                "vehicle_model_variant_id": 34_234,
                                "product_lines": [{ "product_id": super::catalogue::FIRST_PRODUCT, "name": "Remote service 1" }],
                            })
                        })
                        .into_iter()
                        .collect();
                    page(call, prepared)
                })
            }
            _ => return None,
        };
        Some(answer)
    }

    /// A prepared ticket is used up once a ticket is created from it.
    fn prepared_used(&self) -> bool {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .tickets
            .iter()
            .any(|t| t.uuid == PREPARED_TICKET_ID)
    }

    fn create_ticket(&self, request: &CreateTicket) -> Answer {
        check_vin(&request.vin)?;
        // Prices the cart the same way `CalculateCartTotals` does: unknown products or an
        // invalid voucher refuse the ticket.
        totals(&request.product_ids, request.voucher.as_deref())?;
        if request.connector_id != DEMO_CONNECTOR_ID {
            return Err(not_found(&format!("connector {}", request.connector_id)));
        }
        let from_prepared = request.prepared_ticket_id.map(|id| id.to_string());
        if let Some(id) = &from_prepared
            && (id != PREPARED_TICKET_ID || self.prepared_used())
        {
            return Err(not_found("prepared ticket"));
        }
        let mut state = self.state();
        if state
            .tickets
            .iter()
            .any(|t| t.connector_id == request.connector_id && t.state == 1)
        {
            return Err(Problem(
                StatusCode::CONFLICT,
                "the connector already has an active ticket".to_owned(),
            ));
        }
        state.next_id += 1;
        let id = state.next_id;
        let ticket = TicketRecord {
            id,
            uuid: from_prepared.unwrap_or_else(|| format!("abcb2f39-7620-401a-8dab-{id:012}")),
            connector_id: request.connector_id,
            vin: request.vin.clone(),
            model: (request.vehicle_model_id, request.vehicle_model_variant_id),
            product_ids: request.product_ids.clone(),
            state: 1,
            created_at: Utc::now(),
            finished_at: None,
            csat: None,
            voucher: request.voucher.clone(),
        };
        let answer = active(&ticket);
        state.tickets.push(ticket);
        Ok(answer)
    }
}
