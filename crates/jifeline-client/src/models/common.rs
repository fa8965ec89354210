//! Shapes shared by several resources: the list envelope, money, discounts, totals and the
//! nested product-id lists.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::wire;

/// One page of a list endpoint: `{"result": [...], "total": 234, "offset": 200, "limit": 20}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of this page (`null` or absent read as none).
    #[serde(
        default = "Vec::new",
        deserialize_with = "partner_core::wire::null_as_empty"
    )]
    pub result: Vec<T>,
    /// Number of items across all pages.
    #[serde(default)]
    pub total: Option<u64>,
    /// Items skipped before this page.
    #[serde(default)]
    pub offset: Option<u64>,
    /// Page size the server applied.
    #[serde(default)]
    pub limit: Option<u32>,
}

/// An amount in the service provider's currency and in the customer's local currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Money {
    /// ISO 4217 code of `value` (`EUR`).
    pub currency: String,
    /// Amount in `currency`.
    #[serde(with = "wire::decimal")]
    pub value: Decimal,
    /// Amount in `localized_currency`.
    #[serde(
        default,
        with = "wire::decimal_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub localized_value: Option<Decimal>,
    /// ISO 4217 code of `localized_value` (`GBP`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub localized_currency: Option<String>,
}

partner_core::open_enum! {
    /// How a discount is expressed.
    pub enum DiscountType {
        /// A percentage off (`"percentual"`), with the resulting amount in `price`.
        Percentual = "percentual",
    }
}

/// A discount: its kind, percentage and the amount it takes off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Discount {
    /// Kind of discount.
    #[serde(rename = "type")]
    pub kind: DiscountType,
    /// Percentage for percentual discounts (`30.35` means 30.35 %).
    #[serde(
        default,
        with = "wire::decimal_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub percentage: Option<Decimal>,
    /// The discounted amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Money>,
}

/// Gross, net and discount of a total (`sub_total`, `total`, fees).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PriceSummary {
    /// Price before discounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gross_price: Option<Money>,
    /// Price after discounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_price: Option<Money>,
    /// Discount applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_discount: Option<Discount>,
}

/// Groups of product ids, sent as nested arrays (`"product_ids": [[324234]]`).
///
/// The document shows tickets and bundle blocks with an array of arrays. A flat array
/// (`[1, 2]`) is also accepted and read as one group per id, so either shape decodes; `null`
/// (for the whole list or one group) reads as no ids.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ProductIdGroups(pub Vec<Vec<i64>>);

impl ProductIdGroups {
    /// Every id, in order, without the grouping.
    pub fn flatten(&self) -> Vec<i64> {
        self.0.iter().flatten().copied().collect()
    }

    /// The groups.
    pub fn groups(&self) -> &[Vec<i64>] {
        &self.0
    }
}

impl<'de> Deserialize<'de> for ProductIdGroups {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Entry {
            Group(Vec<i64>),
            Single(i64),
            Null(()),
        }
        let entries = Option::<Vec<Entry>>::deserialize(d)?.unwrap_or_default();
        Ok(ProductIdGroups(
            entries
                .into_iter()
                .filter_map(|e| match e {
                    Entry::Group(g) => Some(g),
                    Entry::Single(id) => Some(vec![id]),
                    Entry::Null(()) => None,
                })
                .collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn discount_and_money() {
        let d: Discount = serde_json::from_value(json!({
            "type": "percentual", "percentage": 30.35,
            "price": {"currency": "EUR", "value": 100, "localized_value": 110, "localized_currency": "GBP"}
        }))
        .unwrap();
        assert_eq!(d.kind, DiscountType::Percentual);
        assert_eq!(d.percentage, Some("30.35".parse().unwrap()));
        let price = d.price.unwrap();
        assert_eq!(price.value, Decimal::from(100));
        assert_eq!(price.localized_currency.as_deref(), Some("GBP"));
        let other: Discount = serde_json::from_value(json!({"type": "fixed"})).unwrap();
        assert_eq!(other.kind, DiscountType::Unknown("fixed".into()));
        assert_eq!(
            serde_json::to_value(&other).unwrap(),
            json!({"type": "fixed"})
        );
    }

    #[test]
    fn product_ids_nested_or_flat() {
        let nested: ProductIdGroups = serde_json::from_value(json!([[52351, 52352], [7]])).unwrap();
        assert_eq!(nested.groups(), &[vec![52351, 52352], vec![7]]);
        assert_eq!(nested.flatten(), vec![52351, 52352, 7]);
        assert_eq!(
            serde_json::to_value(&nested).unwrap(),
            json!([[52351, 52352], [7]])
        );
        let flat: ProductIdGroups = serde_json::from_value(json!([1, 2])).unwrap();
        assert_eq!(flat.groups(), &[vec![1], vec![2]]);
        let null: ProductIdGroups = serde_json::from_value(json!(null)).unwrap();
        assert!(null.groups().is_empty());
        let inner_null: ProductIdGroups = serde_json::from_value(json!([[1], null])).unwrap();
        assert_eq!(inner_null.groups(), &[vec![1]]);
        let page: Page<i64> = serde_json::from_value(json!({"result": null})).unwrap();
        assert!(page.result.is_empty());
    }
}
