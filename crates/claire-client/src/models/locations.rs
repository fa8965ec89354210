//! The Locations resource (`GET /v1/locations`): the dealer's locations.
//!
//! The locations example mixes snake_case keys with Go PascalCase ones (`NotifierKey`,
//! `DMSLocationIDs`, ...); the wire names below are exactly the example's.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::models::LocationId;

/// A dealer location (`DealerLocation`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct DealerLocation {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire dealer location id.
    pub id: LocationId,
    /// Notifier key (not described by the document).
    #[serde(rename = "NotifierKey")]
    pub notifier_key: String,
    /// DMS data source of the location.
    pub dms_location_source: String,
    /// Name.
    pub name: String,
    /// Commercial name.
    pub commercial_name: String,
    /// Headline.
    pub headline: String,
    /// Footer line.
    pub footerline: String,
    /// Logo URL.
    pub logo: String,
    /// Official stamp of approval of the location.
    pub company_stamp: String,
    /// Street.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Country.
    pub country: String,
    /// Phone number.
    pub phone_nr: String,
    /// Desk check-in is enabled.
    #[serde(rename = "DeskCheckInEnabled")]
    pub desk_check_in_enabled: bool,
    /// Desk checkout opens when the car leaves the shop.
    #[serde(rename = "IsOpenDeskCheckoutOnCarOutOfShopEnabled")]
    pub is_open_desk_checkout_on_car_out_of_shop_enabled: bool,
    /// Keyloop events are enabled.
    #[serde(rename = "IsKeyloopEventEnabled")]
    pub is_keyloop_event_enabled: bool,
    /// Sharebox is enabled.
    #[serde(rename = "IsShareboxEnabled")]
    pub is_sharebox_enabled: bool,
    /// Location ids in the DMS, as one string.
    #[serde(rename = "DMSLocationIDs")]
    pub dms_location_ids: String,
}
