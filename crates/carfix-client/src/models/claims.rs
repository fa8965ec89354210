//! Workshop claims: the claim list (4.4) and one claim with its repair estimate (4.5).

use chrono::NaiveDateTime;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::models::common::ClaimStatus;
use crate::wire::MarkedAmount;
use crate::wire::datetime::dotnet;
use crate::wire::money::decimal;

/// One claim of 4.4.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ClaimSummary {
    /// The claim key, for [`crate::Claims::get`].
    pub key: String,
    /// Claim type ("OD Notification").
    #[serde(rename = "ClaimType", default)]
    pub claim_type: Option<String>,
    /// Vehicle registration number.
    #[serde(rename = "VehicleNo", default)]
    pub vehicle_no: Option<String>,
    /// When the accident happened (local time).
    #[serde(rename = "AccidentDate", default, with = "dotnet::option")]
    pub accident_date: Option<NaiveDateTime>,
    /// Insured's name.
    #[serde(rename = "InsuredName", default)]
    pub insured_name: Option<String>,
    /// Make and model ("MAZDA CX30").
    #[serde(rename = "MakeModel", default)]
    pub make_model: Option<String>,
    /// Insurer name.
    #[serde(rename = "Insurer", default)]
    pub insurer: Option<String>,
    /// Claim status.
    #[serde(rename = "ClaimStatus", default)]
    pub claim_status: Option<ClaimStatus>,
}

/// The answer to 4.5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ClaimDetail {
    /// The claim.
    #[serde(rename = "ClaimDetail")]
    pub claim: ClaimInfo,
    /// The repair estimate, when there is one.
    #[serde(rename = "EstimateDetail", default)]
    pub estimate: Option<Estimate>,
}

/// The claim part of 4.5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ClaimInfo {
    /// Insurance company name.
    #[serde(rename = "InCompanyName", default)]
    pub insurance_company_name: Option<String>,
    /// Car registration number.
    #[serde(rename = "CarRegNo", default)]
    pub car_reg_no: Option<String>,
    /// When the accident happened (local time).
    #[serde(rename = "AccidentDate", default, with = "dotnet::option")]
    pub accident_date: Option<NaiveDateTime>,
    /// Where it happened.
    #[serde(rename = "AccidentPlace", default)]
    pub accident_place: Option<String>,
    /// Policy number.
    #[serde(rename = "PolicyNo", default)]
    pub policy_no: Option<String>,
    /// Policy cover (empty in the example).
    #[serde(rename = "PolicyCover", default)]
    pub policy_cover: Option<String>,
    /// Claim type ("Own Damage").
    #[serde(rename = "ClaimType", default)]
    pub claim_type: Option<String>,
    /// Make.
    #[serde(rename = "Make", default)]
    pub make: Option<String>,
    /// Model.
    #[serde(rename = "Model", default)]
    pub model: Option<String>,
    /// Vehicle year (text: the document shows only `null`).
    #[serde(rename = "VehYear", default, deserialize_with = "text_or_number")]
    pub vehicle_year: Option<String>,
    /// Engine number.
    #[serde(rename = "EngineNo", default)]
    pub engine_no: Option<String>,
    /// Chassis number.
    #[serde(rename = "ChassisNo", default)]
    pub chassis_no: Option<String>,
    /// Insured's name.
    #[serde(rename = "InsuredName", default)]
    pub insured_name: Option<String>,
    /// Insured's email.
    #[serde(rename = "InsuredEmail", default)]
    pub insured_email: Option<String>,
    /// Driver's name.
    #[serde(rename = "DriverName", default)]
    pub driver_name: Option<String>,
}

fn text_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}

/// The repair estimate of 4.5, every amount exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Estimate {
    /// Parts subtotal.
    #[serde(rename = "Parts", default, with = "decimal::option")]
    pub parts: Option<Decimal>,
    /// Labour subtotal.
    #[serde(rename = "Labour", default, with = "decimal::option")]
    pub labour: Option<Decimal>,
    /// Paintwork labour subtotal.
    #[serde(rename = "PaintworkLabour", default, with = "decimal::option")]
    pub paintwork_labour: Option<Decimal>,
    /// Paint materials subtotal.
    #[serde(rename = "PaintMaterials", default, with = "decimal::option")]
    pub paint_materials: Option<Decimal>,
    /// Towing subtotal.
    #[serde(rename = "Towing", default, with = "decimal::option")]
    pub towing: Option<Decimal>,
    /// Miscellaneous subtotal. Wire name `Miscellenous` (sic).
    #[serde(rename = "Miscellenous", default, with = "decimal::option")]
    pub miscellaneous: Option<Decimal>,
    /// Estimate total.
    #[serde(rename = "Total", default, with = "decimal::option")]
    pub total: Option<Decimal>,
    /// Part lines.
    #[serde(
        rename = "EstimateParts",
        default,
        deserialize_with = "partner_core::wire::null_as_empty"
    )]
    pub parts_lines: Vec<EstimatePart>,
    /// Miscellaneous lines (empty in the example; kept as JSON).
    #[serde(
        rename = "EstimateMiscellaneous",
        default,
        deserialize_with = "partner_core::wire::null_as_empty"
    )]
    pub miscellaneous_lines: Vec<serde_json::Value>,
    /// Labour lines.
    #[serde(
        rename = "EstimateLabours",
        default,
        deserialize_with = "partner_core::wire::null_as_empty"
    )]
    pub labour_lines: Vec<EstimateLabour>,
}

/// One part line of an estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EstimatePart {
    /// Description ("*BONNET").
    #[serde(rename = "Description", default)]
    pub description: Option<String>,
    /// Part number.
    #[serde(rename = "PartNo", default)]
    pub part_no: Option<String>,
    /// Source code (1 in the example; meaning undocumented).
    #[serde(rename = "Src", default)]
    pub src: Option<serde_json::Value>,
    /// Quantity.
    #[serde(rename = "Qty", default, with = "decimal::option")]
    pub qty: Option<Decimal>,
    /// Unit price with its markers (`"*1,000.00"`).
    #[serde(rename = "Price", default)]
    pub price: Option<MarkedAmount>,
    /// Discount.
    #[serde(rename = "Disc", default, with = "decimal::option")]
    pub discount: Option<Decimal>,
    /// Betterment.
    #[serde(rename = "Btmt", default, with = "decimal::option")]
    pub betterment: Option<Decimal>,
    /// Line total with its markers (`"1,000.00F"`).
    #[serde(rename = "Total", default)]
    pub total: Option<MarkedAmount>,
}

/// One labour line of an estimate; hours come as text (`"0.60"`), blank when none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EstimateLabour {
    /// Description ("Bonnet").
    #[serde(rename = "Description", default)]
    pub description: Option<String>,
    /// Source code ("T" in the example; meaning undocumented).
    #[serde(rename = "Src", default)]
    pub src: Option<String>,
    /// Remove and refit hours (MET).
    #[serde(rename = "MET", default, with = "decimal::option")]
    pub met: Option<Decimal>,
    /// Panel hours.
    #[serde(rename = "Panel", default, with = "decimal::option")]
    pub panel: Option<Decimal>,
    /// Paint hours.
    #[serde(rename = "Paint", default, with = "decimal::option")]
    pub paint: Option<Decimal>,
    /// CP hours.
    #[serde(rename = "CP", default, with = "decimal::option")]
    pub cp: Option<Decimal>,
    /// Other hours.
    #[serde(rename = "Other", default, with = "decimal::option")]
    pub other: Option<Decimal>,
    /// Line total.
    #[serde(rename = "Total", default, with = "decimal::option")]
    pub total: Option<Decimal>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimate_lines_are_exact() {
        let p: EstimatePart = serde_json::from_str(
            r#"{ "Description": "*BONNET", "PartNo": null, "Src": 1, "Qty": 1, "Price": "*1,000.00", "Disc": 0.00, "Btmt": 0.00, "Total": "1,000.00F" }"#,
        )
        .unwrap();
        let price = p.price.as_ref().unwrap();
        assert_eq!(
            (price.prefix(), price.amount()),
            ("*", Decimal::new(100000, 2))
        );
        assert_eq!(p.total.as_ref().unwrap().suffix(), "F");
        assert_eq!(p.qty, Some(Decimal::ONE));
        let l: EstimateLabour = serde_json::from_str(
            r#"{ "Description": "Bonnet", "Src": "T", "MET": "0.60", "Panel": "0.40", "Paint": "6.10", "CP": "0.40", "Other": "", "Total": 7.50 }"#,
        )
        .unwrap();
        assert_eq!(l.met, Some(Decimal::new(60, 2)));
        assert_eq!(l.other, None);
        assert_eq!(l.total, Some(Decimal::new(75, 1)));
        let sum = l.met.unwrap() + l.panel.unwrap() + l.paint.unwrap() + l.cp.unwrap();
        assert_eq!(sum, l.total.unwrap());
    }
}
