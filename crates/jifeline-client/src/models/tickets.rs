//! Tickets: a ticket as created or active on a connector, its notes and its CSAT score.

use chrono::{DateTime, FixedOffset};
use partner_core::{Validate, Validator};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::common::{ProductIdGroups, TicketState};

/// A ticket as returned when created and as the active ticket of a connector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Ticket {
    /// Ticket ID. Sent as a string (`"3"`) here, while other calls take it as an integer.
    #[serde(with = "crate::wire::text_opt", default)]
    pub id: Option<String>,
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
    pub ticket_id: Option<i64>,
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
