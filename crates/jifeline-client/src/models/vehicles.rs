//! The vehicle catalogue (makes, model groups, models, variants), the VIN search result and
//! the vehicles the customer serviced.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// A vehicle brand (`Ford`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VehicleMake {
    /// Make ID.
    pub id: i64,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
}

/// A model group of a make (`Focus`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VehicleModelGroup {
    /// Model group ID.
    pub id: i64,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Make.
    #[serde(default)]
    pub vehicle_make_id: Option<i64>,
    /// Make name.
    #[serde(default)]
    pub vehicle_make_name: Option<String>,
}

/// A vehicle model (`FOCUS - II (DA_, HCP, DP) (2004 - 2013)`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VehicleModel {
    /// Model ID.
    pub id: i64,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// First manufacturing date (`2019-09-08`).
    #[serde(default)]
    pub manufactured_from: Option<NaiveDate>,
    /// Last manufacturing date.
    #[serde(default)]
    pub manufactured_to: Option<NaiveDate>,
    /// Model group.
    #[serde(default)]
    pub vehicle_model_group_id: Option<i64>,
    /// Model group name.
    #[serde(default)]
    pub vehicle_model_group_name: Option<String>,
    /// Make.
    #[serde(default)]
    pub vehicle_make_id: Option<i64>,
    /// Make name.
    #[serde(default)]
    pub vehicle_make_name: Option<String>,
    /// Whether diagnosis needs a DoIP connector.
    #[serde(default)]
    pub requires_doip: Option<bool>,
}

/// A variant of a model (`1.4 59KW ASDA, ASDB (2004 - 2012)`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VehicleModelVariant {
    /// Variant ID.
    pub id: i64,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// First manufacturing date.
    #[serde(default)]
    pub manufactured_from: Option<NaiveDate>,
    /// Last manufacturing date.
    #[serde(default)]
    pub manufactured_to: Option<NaiveDate>,
    /// Model.
    #[serde(default)]
    pub vehicle_model_id: Option<i64>,
    /// Model name.
    #[serde(default)]
    pub vehicle_model_name: Option<String>,
    /// Model group.
    #[serde(default)]
    pub vehicle_model_group_id: Option<i64>,
    /// Model group name.
    #[serde(default)]
    pub vehicle_model_group_name: Option<String>,
    /// Make.
    #[serde(default)]
    pub vehicle_make_id: Option<i64>,
    /// Make name.
    #[serde(default)]
    pub vehicle_make_name: Option<String>,
    /// Whether diagnosis needs a DoIP connector.
    #[serde(default)]
    pub requires_doip: Option<bool>,
}

/// What a VIN search found: make, model group, model and variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VinSearchResult {
    /// Make.
    #[serde(default)]
    pub make: Option<VehicleMake>,
    /// Model group.
    #[serde(default)]
    pub model_group: Option<VehicleModelGroup>,
    /// Model.
    #[serde(default)]
    pub model: Option<VehicleModel>,
    /// Variant.
    #[serde(default)]
    pub model_variant: Option<VehicleModelVariant>,
}

/// A vehicle the customer had serviced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServicedVehicle {
    /// Make.
    #[serde(default)]
    pub make_id: Option<i64>,
    /// Make name.
    #[serde(default)]
    pub make_name: Option<String>,
    /// Model group.
    #[serde(default)]
    pub model_group_id: Option<i64>,
    /// Model group name.
    #[serde(default)]
    pub model_group_name: Option<String>,
    /// Model.
    #[serde(default)]
    pub model_id: Option<i64>,
    /// Model name.
    #[serde(default)]
    pub model_name: Option<String>,
    /// Variant.
    #[serde(default)]
    pub model_variant_id: Option<i64>,
    /// Variant name.
    #[serde(default)]
    pub model_variant_name: Option<String>,
    /// VIN.
    #[serde(default)]
    pub vin: Option<String>,
    /// Last service.
    #[serde(default, with = "crate::wire::rfc3339_opt")]
    pub last_serviced_at: Option<DateTime<FixedOffset>>,
}
