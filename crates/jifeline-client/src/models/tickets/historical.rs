//! Historical (finished) tickets with their totals and priced product lines.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{TicketId, TicketState};
use crate::models::common::{Discount, Money, PriceSummary};

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
    /// Discounts that make up the total (`null` or absent read as none).
    #[serde(default, deserialize_with = "partner_core::wire::null_as_empty")]
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
    /// Historical ticket ID (a number in the document; taken to be the ticket's id, see
    /// [`TicketId`]).
    pub id: TicketId,
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
    /// Product lines (`null` or absent read as none).
    #[serde(default, deserialize_with = "partner_core::wire::null_as_empty")]
    pub product_lines: Vec<ProductLine>,
    /// Creation time.
    #[serde(default, with = "crate::wire::rfc3339_opt")]
    pub created_at: Option<DateTime<FixedOffset>>,
    /// Finish time.
    #[serde(default, with = "crate::wire::rfc3339_opt")]
    pub finished_at: Option<DateTime<FixedOffset>>,
}
