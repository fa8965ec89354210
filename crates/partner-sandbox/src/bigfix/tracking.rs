//! Order tracking: each order follows one of the three documented workflows, one status at
//! a time. The first tracking call of an order answers "No tracking information available"
//! (documented: tracking may not exist right after creation) and starts it; each later call
//! reveals the next status until `delivered`. Tests can jump with
//! [`super::BigfixSandbox::advance`].

use axum::http::StatusCode;
use bigfix_client::Workflow;
use chrono::Utc;
use serde_json::{Value, json};

use super::{BigfixSandbox, Order, Refusal, envelope, find_mut};
use crate::server::Call;

const SERVICE_CENTRE: &[&str] = &[
    "created",
    "assigned",
    "accepted",
    "reached customer location - 1",
    "customer not in location",
    "reached customer location - 2",
    "pickup done",
    "estimation raised",
    "verified date",
    "reached service centre",
    "part demanded",
    "awaiting approval",
    "approved",
    "handed over to ASP",
    "part allocated",
    "part received",
    "performing service",
    "devicecollectedfromasp",
    "repair completed",
    "delivered",
];

const TECHNICIAN: &[&str] = &[
    "created",
    "assigned",
    "accepted",
    "reached customer location",
    "estimation raised",
    "verified date",
    "part demanded",
    "awaiting approval",
    "approved",
    "part allocated",
    "part received",
    "technician visit",
    "performing service",
    "repair completed",
    "delivered",
];

const NO_PART_CALL: &[&str] = &[
    "created",
    "assigned",
    "accepted",
    "reached customer location",
    "diagnosis complete",
    "awaiting approval",
    "approved",
    "performing service",
    "repair completed",
    "delivered",
];

/// The statuses an order on `workflow` goes through, in order (a happy path through the
/// document's table; the Service Center flow shows a missed visit, numbered as documented).
pub fn workflow_statuses(workflow: Workflow) -> &'static [&'static str] {
    match workflow {
        Workflow::ServiceCentre => SERVICE_CENTRE,
        Workflow::Technician => TECHNICIAN,
        _ => NO_PART_CALL,
    }
}

/// Reveals the next status of `order`, stamped now; nothing once delivered.
pub(super) fn reveal_next(order: &mut Order) {
    if order.revealed.len() < workflow_statuses(order.workflow).len() {
        order.revealed.push(Utc::now().naive_utc());
    }
}

fn events(order: &Order) -> Vec<Value> {
    workflow_statuses(order.workflow)
        .iter()
        .zip(&order.revealed)
        .map(|(status, at)| json!({ "date": at.format("%d-%m-%Y %H:%M:%S").to_string(), "status": status }))
        .collect()
}

impl BigfixSandbox {
    pub(super) fn track(&self, call: &Call) -> Result<Value, Refusal> {
        // Case-sensitive and untrimmed, as documented.
        let reference = call
            .query("ReferenceID")
            .filter(|r| !r.is_empty())
            .ok_or_else(|| {
                Refusal(
                    StatusCode::BAD_REQUEST,
                    "ReferenceID is required as a query parameter".to_owned(),
                )
            })?;
        let mut state = self.state();
        let order = find_mut(&mut state, reference).ok_or_else(|| {
            Refusal(
                StatusCode::NOT_FOUND,
                "Reference ID does not exist".to_owned(),
            )
        })?;
        if !order.started {
            order.started = true;
            let mut body = envelope(StatusCode::OK, "No tracking information available", false);
            body["Success"] = json!("False");
            return Ok(body);
        }
        reveal_next(order);
        let events = events(order);
        let current = events.last().cloned().unwrap_or(Value::Null);
        Ok(json!({
            "Success": "True",
            "Status_code": "200",
            "DATA": { "current_status": current, "tracking_details": events },
        }))
    }
}
