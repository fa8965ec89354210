//! Tickets: a ticket as created or active on a connector, its state, notes and CSAT score;
//! the create request with the prepared tickets it can start from (file `tickets/create.rs`),
//! historical tickets (`tickets/historical.rs`) and the ticket id type (`tickets/id.rs`), all
//! re-exported here.

use chrono::{DateTime, FixedOffset};
use partner_core::{Validate, Validator};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::common::ProductIdGroups;

mod create;
mod historical;
mod id;

pub use create::*;
pub use historical::*;
pub use id::TicketId;

/// A ticket as returned when created and as the active ticket of a connector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Ticket {
    /// Ticket ID (a string, `"3"`, in these answers; see [`TicketId`]).
    #[serde(default)]
    pub id: Option<TicketId>,
    /// Ticket UUID.
    #[serde(default)]
    pub uuid: Option<Uuid>,
    /// VIN of the vehicle.
    #[serde(default)]
    pub vin: Option<String>,
    /// Same VIN under its older camel-case name.
    #[serde(default, rename = "vinNumber")]
    pub vin_number: Option<String>,
    /// Vehicle model.
    #[serde(default)]
    pub vehicle_model_id: Option<i64>,
    /// Vehicle model variant.
    #[serde(default)]
    pub vehicle_model_variant_id: Option<i64>,
    /// Products, as nested arrays.
    #[serde(default)]
    pub product_ids: ProductIdGroups,
    /// Chat channel of the ticket.
    #[serde(default)]
    pub chat_id: Option<String>,
    /// Connector the ticket runs on.
    #[serde(default)]
    pub connector_id: Option<i64>,
    /// State code.
    #[serde(default)]
    pub state: Option<TicketState>,
}

/// A note on a ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TicketNote {
    /// Note ID.
    pub id: Uuid,
    /// Ticket the note belongs to.
    #[serde(default)]
    pub ticket_id: Option<TicketId>,
    /// Text of the note.
    #[serde(default)]
    pub value: Option<String>,
    /// Creation time.
    #[serde(default, with = "crate::wire::rfc3339_opt")]
    pub created_at: Option<DateTime<FixedOffset>>,
    /// Last change.
    #[serde(default, with = "crate::wire::rfc3339_opt")]
    pub updated_at: Option<DateTime<FixedOffset>>,
}

/// A Customer Satisfaction Score for a ticket: `score` in -1..=1, optional comment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Csat {
    /// Score from -1 (lowest) to 1 (highest).
    pub score: f64,
    /// Comment on the score.
    #[serde(default)]
    pub comment: Option<String>,
}

impl Csat {
    /// A score without a comment.
    pub fn new(score: f64) -> Self {
        Csat {
            score,
            comment: None,
        }
    }

    /// Adds a comment.
    pub fn comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }
}

impl crate::validate::StrictValidate for Csat {}

impl Validate for Csat {
    fn validate_into(&self, v: &mut Validator) {
        // NaN fails the range check too.
        v.check(
            "score",
            (-1.0..=1.0).contains(&self.score),
            partner_core::Rule::Range { min: -1, max: 1 },
        );
    }
}

/// The state code of a ticket (`"state": 1`, `"state": 7`).
///
/// Not a named enum: the document shows state codes only as example values and never says
/// what any code means (docs/jifeline.md, "Ticket states", lists where it was searched).
/// Every code is kept as sent. [`value`](Self::value), [`from_value`](Self::from_value) and
/// the `From` conversions have the shape of `partner_core::open_int_enum!`, so code using
/// them keeps compiling if the vendor publishes names and this becomes such an enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TicketState(pub i64);

impl TicketState {
    /// The number on the wire.
    pub const fn value(self) -> i64 {
        self.0
    }

    /// Reads a wire number.
    pub const fn from_value(value: i64) -> Self {
        TicketState(value)
    }

    /// The numeric code (same as [`value`](Self::value)).
    pub const fn code(self) -> i64 {
        self.0
    }
}

impl From<i64> for TicketState {
    fn from(value: i64) -> Self {
        TicketState(value)
    }
}

impl From<TicketState> for i64 {
    fn from(state: TicketState) -> i64 {
        state.0
    }
}

impl std::fmt::Display for TicketState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "state {}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ticket_state_keeps_every_code() {
        for code in [1, 7, 42, -1] {
            let s: TicketState = serde_json::from_value(json!(code)).unwrap();
            assert_eq!((s.value(), i64::from(s)), (code, code));
            assert_eq!(s, TicketState::from_value(code));
            assert_eq!(serde_json::to_value(s).unwrap(), json!(code));
        }
        assert!(serde_json::from_value::<TicketState>(json!("closed")).is_err());
    }
}
