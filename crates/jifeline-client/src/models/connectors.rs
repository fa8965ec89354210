//! Connectors: the OBD devices linked to the logged-in user, and the problem body the
//! dismiss-attention call documents.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

partner_core::open_enum! {
    /// Hardware generation of a connector.
    pub enum HardwareType {
        /// The classic connector (`"classic"`).
        Classic = "classic",
    }
}

/// A remote diagnosis device plugged into a vehicle's OBD port.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Connector {
    /// Numeric connector ID (also used to log in, deprecated).
    pub id: i64,
    /// Connector UUID (used to log in).
    pub uuid: Uuid,
    /// Whether the connector is online.
    #[serde(default)]
    pub is_online: Option<bool>,
    /// Whether the connector has Wi-Fi.
    #[serde(default)]
    pub has_wifi: Option<bool>,
    /// Software version.
    #[serde(default)]
    pub software_version: Option<i64>,
    /// Hardware version.
    #[serde(default)]
    pub hardware_version: Option<i64>,
    /// Whether the connector supports DoIP.
    #[serde(default)]
    pub supports_doip: Option<bool>,
    /// Vehicle path, `#`-separated (`AUDI#100#100 - (44, 44Q, C3)#1.8 Quattro 65KW SH`).
    #[serde(default)]
    pub vehicle_path_string: Option<String>,
    /// VIN read from the connected vehicle. Not validated: the document's own example has 16
    /// characters.
    #[serde(default)]
    pub vin_number: Option<String>,
    /// Description of the product in progress.
    #[serde(default)]
    pub product_description: Option<String>,
    /// Hardware type.
    #[serde(default)]
    pub hardware_type: Option<HardwareType>,
}

impl Connector {
    /// The parts of `vehicle_path_string` (make, model group, model, variant).
    pub fn vehicle_path(&self) -> Vec<&str> {
        self.vehicle_path_string
            .as_deref()
            .map(|p| p.split('#').collect())
            .unwrap_or_default()
    }
}

/// An RFC 7807 problem document, as shown for the dismiss-attention call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Problem {
    /// HTTP status.
    #[serde(default)]
    pub status: Option<u16>,
    /// Problem type.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// Short summary.
    #[serde(default)]
    pub title: Option<String>,
    /// Explanation.
    #[serde(default)]
    pub detail: Option<String>,
}
