//! The logged-in user with their company (client) and service provider.

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Address {
    /// ISO country code (`NL`).
    #[serde(default)]
    pub country: Option<String>,
    /// City.
    #[serde(default)]
    pub locality: Option<String>,
    /// Street and number.
    #[serde(default)]
    pub street: Option<String>,
    /// Postal code.
    #[serde(default)]
    pub postal_code: Option<String>,
}

/// The user's company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserClient {
    /// Company name.
    #[serde(default)]
    pub name: Option<String>,
    /// Reference.
    #[serde(default)]
    pub reference: Option<String>,
    /// Whether tickets without product are allowed.
    #[serde(default)]
    pub allow_tickets_without_product: Option<bool>,
    /// Address.
    #[serde(default)]
    pub address: Option<Address>,
}

/// Prepaid wallet settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PrepaidWalletSettings {
    /// Balance (sent as a string, `"120"`).
    #[serde(default, with = "crate::wire::decimal_str_opt")]
    pub balance: Option<Decimal>,
}

/// Opening and scheduling state of the provider's service center.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServiceCenterStatus {
    /// Whether it is open.
    #[serde(default)]
    pub is_open: Option<bool>,
    /// Until when ticket scheduling is active.
    #[serde(default, with = "crate::wire::rfc3339_opt")]
    pub tickets_scheduler_active_until: Option<DateTime<FixedOffset>>,
    /// Whether ticket scheduling is on.
    #[serde(default)]
    pub tickets_scheduler_enabled: Option<bool>,
    /// Scheduling message.
    #[serde(default)]
    pub tickets_scheduler_message: Option<String>,
    /// Service message.
    #[serde(default)]
    pub service_message: Option<String>,
    /// Whether the service message is shown.
    #[serde(default)]
    pub service_message_active: Option<bool>,
}

/// Portal look of the service provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PortalUi {
    /// Company name.
    #[serde(default)]
    pub company_name: Option<String>,
    /// Header background colour (`#fff`).
    #[serde(default)]
    pub portal_header_background_color: Option<String>,
    /// Header logo path.
    #[serde(default)]
    pub portal_headerlogo_path: Option<String>,
    /// Theme colour.
    #[serde(default)]
    pub theme_color: Option<String>,
}

/// The service provider the user is linked to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServiceProvider {
    /// Provider ID.
    pub id: i64,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Whether a prepaid wallet exists.
    #[serde(default)]
    pub has_prepaid_wallet: Option<bool>,
    /// Wallet settings.
    #[serde(default)]
    pub prepaid_wallet_settings: Option<PrepaidWalletSettings>,
    /// Whether payment is by prepaid balance.
    #[serde(default)]
    pub payment_by_prepaid_balance: Option<bool>,
    /// Service center status.
    #[serde(default)]
    pub service_center: Option<ServiceCenterStatus>,
    /// Currency.
    #[serde(default)]
    pub currency: Option<String>,
    /// Portal look.
    #[serde(default)]
    pub ui: Option<PortalUi>,
}

/// The logged-in user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// User ID.
    pub id: Uuid,
    /// First name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Middle name.
    #[serde(default)]
    pub middle_name: Option<String>,
    /// Last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// The user's company.
    #[serde(default)]
    pub client: Option<UserClient>,
    /// The service provider.
    #[serde(default)]
    pub service_provider: Option<ServiceProvider>,
}
