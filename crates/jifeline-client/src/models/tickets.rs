//! Tickets: the orders of products, their notes and CSAT, historical tickets and prepared
//! tickets, and the create request with its prerequisite answers and metadata.

use chrono::{DateTime, FixedOffset};
use partner_core::{Validate, Validator};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::common::{Discount, Money, PriceSummary, ProductIdGroups, TicketState};
use crate::validate::check_vin;

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

/// A product line of a historical ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductLine {
    /// Product.
    #[serde(default)]
    pub product_id: Option<i64>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Quantity.
    #[serde(default)]
    pub quantity: Option<i64>,
    /// Gross price.
    #[serde(default)]
    pub gross_price: Option<Money>,
    /// Net price.
    #[serde(default)]
    pub net_price: Option<Money>,
    /// Total discount.
    #[serde(default)]
    pub total_discount: Option<Discount>,
    /// Original equipment service fee, null if none applies.
    #[serde(default)]
    pub original_equipment_service_fee: Option<Money>,
    /// Discounts that make up the total.
    #[serde(default)]
    pub discounts: Vec<LineDiscount>,
}

/// One discount on a product line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LineDiscount {
    /// Product.
    #[serde(default)]
    pub product_id: Option<i64>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// The discount.
    #[serde(default)]
    pub discount: Option<Discount>,
}

/// A finished ticket with its prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HistoricalTicket {
    /// Historical ticket ID.
    pub id: i64,
    /// Connector used.
    #[serde(default)]
    pub connector_id: Option<i64>,
    /// State code.
    #[serde(default)]
    pub state: Option<TicketState>,
    /// VIN.
    #[serde(default)]
    pub vin: Option<String>,
    /// Odometer reading.
    #[serde(default)]
    pub odometer_reading: Option<i64>,
    /// The customer's reference (such as a licence plate).
    #[serde(default)]
    pub reference: Option<String>,
    /// Voucher used.
    #[serde(default)]
    pub voucher: Option<String>,
    /// Vehicle model.
    #[serde(default)]
    pub vehicle_model_id: Option<i64>,
    /// Vehicle model variant.
    #[serde(default)]
    pub vehicle_model_variant_id: Option<i64>,
    /// Subtotal.
    #[serde(default)]
    pub sub_total: Option<PriceSummary>,
    /// Total.
    #[serde(default)]
    pub total: Option<PriceSummary>,
    /// Original equipment service fee.
    #[serde(default)]
    pub original_equipment_service_fee: Option<PriceSummary>,
    /// Product lines.
    #[serde(default)]
    pub product_lines: Vec<ProductLine>,
    /// Creation time.
    #[serde(default, with = "crate::wire::rfc3339_opt")]
    pub created_at: Option<DateTime<FixedOffset>>,
    /// Finish time.
    #[serde(default, with = "crate::wire::rfc3339_opt")]
    pub finished_at: Option<DateTime<FixedOffset>>,
}

/// A product line of a prepared ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PreparedProductLine {
    /// Product.
    pub product_id: i64,
    /// Product name.
    #[serde(default)]
    pub name: Option<String>,
}

/// A ticket prepared for a customer or vehicle, to be turned into a real ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PreparedTicket {
    /// Prepared ticket ID (pass it as `prepared_ticket_id`).
    pub id: Uuid,
    /// VIN.
    #[serde(default)]
    pub vin: Option<String>,
    /// Vehicle model.
    #[serde(default)]
    pub vehicle_model_id: Option<i64>,
    /// Vehicle model variant.
    #[serde(default)]
    pub vehicle_model_variant_id: Option<i64>,
    /// Products.
    #[serde(default)]
    pub product_lines: Vec<PreparedProductLine>,
}

/// An answer to a product prerequisite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrerequisiteAnswer {
    /// The prerequisite answered (`ProductPrerequisite::id`).
    pub definition_id: i64,
    /// The answer, as text (`"true"`).
    pub value: String,
}

impl PrerequisiteAnswer {
    /// An answer.
    pub fn new(definition_id: i64, value: impl Into<String>) -> Self {
        PrerequisiteAnswer {
            definition_id,
            value: value.into(),
        }
    }
}

/// Metadata about the app creating a ticket. Every field is optional; the document sends
/// numbers as strings (`"battery_state": "67"`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TicketMetadata {
    /// App name (`Web Client`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_name: Option<String>,
    /// App version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_version: Option<String>,
    /// Platform (`Mac OS`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// Platform version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_version: Option<String>,
    /// Device manufacturer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_manufacturer: Option<String>,
    /// Device model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_model: Option<String>,
    /// Battery state, percent as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub battery_state: Option<String>,
    /// Locale (`nl_NL`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Latitude as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<String>,
    /// Longitude as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<String>,
    /// Whether the VIN was read by a reader (not typed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vin_is_found_by_reader: Option<bool>,
}

/// A new ticket: products for one vehicle on one connector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateTicket {
    /// VIN, 17 characters of `[a-zA-Z0-9]`.
    pub vin: String,
    /// Vehicle model.
    pub vehicle_model_id: i64,
    /// Vehicle model variant.
    pub vehicle_model_variant_id: i64,
    /// The connected connector.
    pub connector_id: i64,
    /// Voucher code for a discount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voucher: Option<String>,
    /// Products to purchase.
    pub product_ids: Vec<i64>,
    /// Answers to the products' prerequisites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub product_prerequisites: Vec<PrerequisiteAnswer>,
    /// Metadata (required by the document, may be empty).
    #[serde(default)]
    pub metadata: TicketMetadata,
    /// Prepared ticket this one comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepared_ticket_id: Option<Uuid>,
    /// Reference of the ticket (server default `""`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Confirms auto-outsourcing to an unattended service (server default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed_unattended_service: Option<bool>,
}

impl CreateTicket {
    /// A ticket with the required fields; add the rest with the setters.
    pub fn new(
        vin: impl Into<String>,
        vehicle_model_id: i64,
        vehicle_model_variant_id: i64,
        connector_id: i64,
        product_ids: impl IntoIterator<Item = i64>,
    ) -> Self {
        CreateTicket {
            vin: vin.into(),
            vehicle_model_id,
            vehicle_model_variant_id,
            connector_id,
            voucher: None,
            product_ids: product_ids.into_iter().collect(),
            product_prerequisites: Vec::new(),
            metadata: TicketMetadata::default(),
            prepared_ticket_id: None,
            reference: None,
            confirmed_unattended_service: None,
        }
    }

    /// Sets the voucher code.
    pub fn voucher(mut self, code: impl Into<String>) -> Self {
        self.voucher = Some(code.into());
        self
    }

    /// Adds an answer to a product prerequisite.
    pub fn answer(mut self, answer: PrerequisiteAnswer) -> Self {
        self.product_prerequisites.push(answer);
        self
    }

    /// Sets the metadata.
    pub fn metadata(mut self, metadata: TicketMetadata) -> Self {
        self.metadata = metadata;
        self
    }

    /// Links the prepared ticket.
    pub fn prepared_ticket(mut self, id: Uuid) -> Self {
        self.prepared_ticket_id = Some(id);
        self
    }

    /// Sets the reference.
    pub fn reference(mut self, reference: impl Into<String>) -> Self {
        self.reference = Some(reference.into());
        self
    }

    /// Confirms (or not) outsourcing to an unattended service.
    pub fn confirm_unattended_service(mut self, yes: bool) -> Self {
        self.confirmed_unattended_service = Some(yes);
        self
    }
}

impl Validate for CreateTicket {
    fn validate_into(&self, v: &mut Validator) {
        check_vin(v, "vin", &self.vin);
        v.check(
            "product_ids",
            !self.product_ids.is_empty(),
            partner_core::Rule::MinItems { min: 1 },
        );
        v.check(
            "vehicle_model_id",
            self.vehicle_model_id > 0,
            partner_core::Rule::Required,
        );
        v.check(
            "vehicle_model_variant_id",
            self.vehicle_model_variant_id > 0,
            partner_core::Rule::Required,
        );
        v.check(
            "connector_id",
            self.connector_id > 0,
            partner_core::Rule::Required,
        );
    }
}
