//! Products and how they are grouped: product groups, bundles of products with blocks,
//! products with their prices, and the prerequisites to meet before ordering them.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::common::{Discount, Money, ProductIdGroups};
use crate::wire;

/// The first layer grouping products (`Multimedia, Infotainment Settings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductGroup {
    /// Group ID (use as `product_group_id`).
    pub id: i64,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
}

/// A block of a bundle: products that belong together, optionally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BundleBlock {
    /// Whether the block is optional.
    #[serde(default)]
    pub optional: Option<bool>,
    /// Products of the block, as nested arrays.
    #[serde(default)]
    pub product_ids: ProductIdGroups,
}

/// Products that share a goal (`Navigation`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductBundle {
    /// Bundle ID (use as `product_bundle_id`).
    pub id: Uuid,
    /// Group the bundle belongs to.
    #[serde(default)]
    pub product_group_id: Option<i64>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Reference.
    #[serde(default)]
    pub reference: Option<String>,
    /// Blocks (`null` or absent read as none).
    #[serde(default, deserialize_with = "partner_core::wire::null_as_empty")]
    pub blocks: Vec<BundleBlock>,
}

/// The deprecated `price` object of a product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LegacyPrice {
    /// Original price.
    #[serde(
        default,
        with = "wire::decimal_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub price_original: Option<Decimal>,
    /// Final price.
    #[serde(
        default,
        with = "wire::decimal_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub price_final: Option<Decimal>,
    /// Partner price.
    #[serde(
        default,
        with = "wire::decimal_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub partner_price: Option<Decimal>,
    /// Whether a discount is included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contains_discount: Option<bool>,
    /// Currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// A service offered for a vehicle, with its prices.
///
/// Also the request body of "add favorite": pass a product from a listing, or build one
/// with [`Product::with_id`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Product {
    /// Product ID.
    pub id: i64,
    /// Item number (SKU). A string in the schema, a number in the example: both are read.
    #[serde(
        default,
        with = "wire::text_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub item_number: Option<String>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Universal (internal, English) name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Marked as favorite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_favorite: Option<bool>,
    /// Executed by an unattended process.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_unattended: Option<bool>,
    /// Gross price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gross_price: Option<Money>,
    /// Net price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_price: Option<Money>,
    /// Total discount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_discount: Option<Discount>,
    /// Original equipment service fee, null if none applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_equipment_service_fee: Option<Money>,
    /// Deprecated price object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<LegacyPrice>,
}

impl Product {
    /// A product reference carrying only its ID (enough to flag it as favorite).
    pub fn with_id(id: i64) -> Self {
        Product {
            id,
            item_number: None,
            name: None,
            internal_name: None,
            description: None,
            is_favorite: None,
            is_unattended: None,
            gross_price: None,
            net_price: None,
            total_discount: None,
            original_equipment_service_fee: None,
            price: None,
        }
    }
}

/// A possible answer to a prerequisite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PrerequisiteOption {
    /// Option ID.
    pub id: i64,
    /// The prerequisite it belongs to.
    #[serde(default, rename = "productPrerequisiteId")]
    pub product_prerequisite_id: Option<i64>,
    /// Value to send as the answer.
    #[serde(default)]
    pub value: Option<String>,
}

/// Something to check before a product can be executed (`Battery charger`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductPrerequisite {
    /// Prerequisite ID (answer it as `definition_id`).
    pub id: i64,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Question to ask the user.
    #[serde(default)]
    pub question: Option<String>,
    /// Whether it must be answered.
    #[serde(default)]
    pub required: Option<bool>,
    /// Answer type. The document only shows the placeholder `"string"`, so it stays text.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// Allowed answers (`null` or absent read as none).
    #[serde(default, deserialize_with = "partner_core::wire::null_as_empty")]
    pub options: Vec<PrerequisiteOption>,
}
