//! The service center of the logged-in user: its information and whether it accepts tickets.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::wire;

/// Service center information.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServiceCenter {
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Whether payment is by prepaid wallet.
    #[serde(default)]
    pub payment_by_prepaid_wallet: Option<bool>,
    /// Pricing version.
    #[serde(default)]
    pub pricing_version: Option<i64>,
    /// Primary background colour.
    #[serde(default)]
    pub primary_background_color: Option<String>,
    /// Logo path.
    #[serde(default)]
    pub logo: Option<String>,
    /// Service message.
    #[serde(default)]
    pub service_message: Option<String>,
    /// Primary colour.
    #[serde(default)]
    pub primary_color: Option<String>,
    /// Whether CSAT scores are collected.
    #[serde(default)]
    pub csat_enabled: Option<bool>,
}

partner_core::open_enum! {
    /// Whether the service center takes new tickets. Only `opened` is documented.
    pub enum ServiceCenterStateKind {
        /// Open for new tickets.
        Opened = "opened",
    }
}

/// State of the service center and until when it lasts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServiceCenterState {
    /// The state.
    pub state: ServiceCenterStateKind,
    /// When it ends (`2023-05-22T12:44:36+0200`).
    #[serde(default, with = "wire::compact_offset_opt")]
    pub ends_at: Option<DateTime<FixedOffset>>,
    /// Message to show.
    #[serde(default)]
    pub message: Option<String>,
}
