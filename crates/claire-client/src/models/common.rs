//! Values every resource uses: the identifiers API calls take as arguments, Claire users
//! (mechanics, receptionists, the creators of webhooks) and public accounts.
//!
//! Claire's ids are Go integers; the newtypes keep an appointment id from being passed where a
//! location id is expected. Ids of objects that are only ever read stay plain `i64`.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            /// The raw number.
            pub const fn get(self) -> i64 {
                self.0
            }

            /// True for Go's zero value, which Claire uses for "not set".
            pub const fn is_zero(self) -> bool {
                self.0 == 0
            }
        }

        impl From<i64> for $name {
            fn from(v: i64) -> Self {
                $name(v)
            }
        }

        impl From<$name> for i64 {
            fn from(v: $name) -> i64 {
                v.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A Claire appointment id (`AppointmentID`).
    AppointmentId
);
id_type!(
    /// A dealer location id (`DealerLocationID`).
    LocationId
);
id_type!(
    /// A dealer id (`DealerID`).
    DealerId
);
id_type!(
    /// A car id (`CarID`).
    CarId
);
id_type!(
    /// A webhook id (`WebhookID`).
    WebhookId
);

/// A Claire user (`User`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct User {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire user id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// DMS number of the user.
    #[serde(alias = "DMSNr", alias = "dms_number")]
    pub dms_nr: String,
    /// First name.
    #[serde(alias = "FirstName", alias = "firstname")]
    pub first_name: String,
    /// Last name.
    #[serde(alias = "LastName", alias = "lastname")]
    pub last_name: String,
    /// E-mail in Claire (the copy lost this field name; `Email` assumed).
    #[serde(alias = "Email")]
    pub email: String,
    /// Username in Claire.
    #[serde(alias = "Username")]
    pub username: String,
    /// Mobile phone number.
    #[serde(alias = "Mobile")]
    pub mobile: String,
    /// Phone number.
    #[serde(alias = "Phone")]
    pub phone: String,
    /// Birthdate.
    #[serde(alias = "Birthday", with = "crate::wire::nullable_time")]
    pub birthday: Option<DateTime<Utc>>,
    /// Last activity in Claire.
    #[serde(alias = "LastActive", with = "crate::wire::nullable_time")]
    pub last_active: Option<DateTime<Utc>>,
    /// Address line 1.
    #[serde(alias = "Address1", alias = "address_1")]
    pub address1: String,
    /// Address line 2.
    #[serde(alias = "Address2", alias = "address_2")]
    pub address2: String,
    /// Profile picture URL.
    #[serde(alias = "ProfilePicture")]
    pub profile_picture: String,
    /// Default location when logging in.
    #[serde(alias = "DealerLocationID")]
    pub dealer_location_id: Option<i64>,
    /// The user's account is active.
    #[serde(alias = "Active")]
    pub active: bool,
    /// The user's account is deleted.
    #[serde(alias = "Deleted")]
    pub deleted: bool,
    /// The user's account is archived.
    #[serde(alias = "Archived")]
    pub archived: bool,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The public API account that created a webhook (`PublicAccount`). The document lists no
/// fields for it, so every field is kept as sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PublicAccount {
    /// The account's fields as sent.
    pub fields: Map<String, Value>,
}
