//! Cart totals: the request naming products, vehicle and voucher, and the priced result.

use partner_core::{Rule, Validate, Validator};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::common::{Discount, Money, PriceSummary};
use crate::validate::{StrictValidate, check_vin};

/// Products, vehicle and voucher code to calculate totals for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CartTotalsRequest {
    /// Voucher code for a discount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voucher: Option<String>,
    /// Vehicle model.
    pub vehicle_model_id: i64,
    /// Vehicle model variant.
    pub vehicle_model_variant_id: i64,
    /// VIN, 17 characters of `[a-zA-Z0-9]` (the document's rule for this field), or none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vin: Option<String>,
    /// Prepared ticket the cart comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepared_ticket_id: Option<Uuid>,
    /// Products to price (required; may be empty unless the client is strict).
    #[serde(default, deserialize_with = "partner_core::wire::null_as_empty")]
    pub product_ids: Vec<i64>,
}

impl CartTotalsRequest {
    /// A cart for a vehicle with products.
    pub fn new(
        vehicle_model_id: i64,
        vehicle_model_variant_id: i64,
        product_ids: impl IntoIterator<Item = i64>,
    ) -> Self {
        CartTotalsRequest {
            voucher: None,
            vehicle_model_id,
            vehicle_model_variant_id,
            vin: None,
            prepared_ticket_id: None,
            product_ids: product_ids.into_iter().collect(),
        }
    }

    /// Applies a voucher code.
    pub fn voucher(mut self, code: impl Into<String>) -> Self {
        self.voucher = Some(code.into());
        self
    }

    /// Sets the VIN.
    pub fn vin(mut self, vin: impl Into<String>) -> Self {
        self.vin = Some(vin.into());
        self
    }

    /// Links a prepared ticket.
    pub fn prepared_ticket(mut self, id: Uuid) -> Self {
        self.prepared_ticket_id = Some(id);
        self
    }
}

impl Validate for CartTotalsRequest {
    /// The VIN pattern, the one the document states ("Cart: `vin` string or null = 17
    /// characters ^[a-zA-Z0-9]{17}$"). Ids and products have no documented range or minimum.
    fn validate_into(&self, v: &mut Validator) {
        if let Some(vin) = &self.vin {
            check_vin(v, "vin", vin);
        }
    }
}

impl StrictValidate for CartTotalsRequest {
    /// At least one product.
    fn validate_strict_into(&self, v: &mut Validator) {
        v.check(
            "product_ids",
            !self.product_ids.is_empty(),
            Rule::MinItems { min: 1 },
        );
    }
}

/// One priced product of the cart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CartItem {
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Product.
    pub product_id: i64,
    /// Item number (SKU).
    #[serde(default, with = "crate::wire::text_opt")]
    pub product_item_number: Option<String>,
    /// Product name.
    #[serde(default)]
    pub product_name: Option<String>,
    /// Internal product name.
    #[serde(default)]
    pub product_internal_name: Option<String>,
    /// Product description.
    #[serde(default)]
    pub product_description: Option<String>,
    /// Executed by an unattended process.
    #[serde(default)]
    pub product_is_unattended: Option<bool>,
    /// Gross price.
    #[serde(default)]
    pub gross_price: Option<Money>,
    /// Net price.
    #[serde(default)]
    pub net_price: Option<Money>,
    /// Total discount.
    #[serde(default)]
    pub total_discount: Option<Discount>,
    /// Original equipment service fee.
    #[serde(default)]
    pub original_equipment_service_fee: Option<Money>,
}

/// The priced cart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CartTotals {
    /// Voucher applied.
    #[serde(default)]
    pub voucher: Option<String>,
    /// Discount of the voucher.
    #[serde(default)]
    pub voucher_discount: Option<Discount>,
    /// Vehicle model.
    #[serde(default)]
    pub vehicle_model_id: Option<i64>,
    /// Vehicle model variant.
    #[serde(default)]
    pub vehicle_model_variant_id: Option<i64>,
    /// True when ordering needs `confirmed_unattended_service` on the ticket.
    #[serde(default)]
    pub needs_confirmation_for_unattended_service: Option<bool>,
    /// Subtotal.
    #[serde(default)]
    pub sub_total: Option<PriceSummary>,
    /// Subtotal after the voucher.
    #[serde(default)]
    pub voucher_sub_total: Option<PriceSummary>,
    /// Original equipment service fee.
    #[serde(default)]
    pub original_equipment_service_fee: Option<PriceSummary>,
    /// Total.
    #[serde(default)]
    pub total: Option<PriceSummary>,
    /// Priced products (`null` or absent read as none).
    #[serde(default, deserialize_with = "partner_core::wire::null_as_empty")]
    pub items: Vec<CartItem>,
}
