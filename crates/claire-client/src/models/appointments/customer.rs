//! Customers of an appointment (driver, owner, contractor): the `Customer` model, which
//! customer a DMS number belongs to (`customer_kind`), how a customer prefers to be contacted,
//! and the customer communication link: Claire puts a key in `customcom_key` once an online
//! check-in, diagnose overview or repair overview was sent, and the page opens read-only at
//! `https://mycarcheck.pro/#!/{key}` ("Customer communication" section).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use url::Url;

use crate::models::Appointment;

partner_core::open_int_enum! {
    /// How a customer prefers to be contacted (`CommunicationChannelID`).
    pub enum CommunicationChannel {
        /// 1: e-mail. The copy lost this description; e-mail is the channel the numbering implies.
        Email = 1,
        /// 2: SMS.
        Sms = 2,
        /// 3: a third party sends the communication link (webhook).
        Webhook = 3,
    }
}

zero_default!(CommunicationChannel);

partner_core::open_enum! {
    /// Which customer of an appointment a DMS number belongs to (`customer_kind`).
    pub enum CustomerKind {
        /// The driver.
        Driver = "driver",
        /// The owner.
        Owner = "owner",
        /// The contractor (lease or fleet company).
        Contractor = "contractor",
    }
}

/// A customer (`Customer`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Customer {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Customer's Claire id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// Identifies which contact of a DMS customer is meant, alongside `dms_nr` (some DMSs have several contacts per customer).
    #[serde(alias = "MetaDMSNr")]
    pub meta_dms_nr: String,
    /// Identifier in the DMS.
    #[serde(alias = "DMSNr", alias = "dms_number")]
    pub dms_nr: String,
    /// Company name.
    #[serde(alias = "Company")]
    pub company: String,
    /// The company is a lease company.
    #[serde(alias = "IsLeaseCompany")]
    pub is_lease_company: bool,
    /// Customer for internal use.
    #[serde(alias = "IsInternal")]
    pub is_internal: bool,
    /// `is_internal` was edited in Claire.
    #[serde(alias = "IsInternalEdited")]
    pub is_internal_edited: bool,
    /// Walk-in customer without appointment.
    #[serde(alias = "Passant")]
    pub passant: bool,
    /// Salutation title.
    #[serde(alias = "Title")]
    pub title: String,
    /// Initials.
    #[serde(alias = "Initials")]
    pub initials: String,
    /// First name.
    #[serde(alias = "FirstName", alias = "first_name")]
    pub firstname: String,
    /// Surname.
    #[serde(alias = "Surname")]
    pub surname: String,
    /// Street.
    #[serde(alias = "Street")]
    pub street: String,
    /// House number.
    #[serde(alias = "HouseNr")]
    pub house_nr: String,
    /// Postcode.
    #[serde(alias = "Postcode")]
    pub postcode: String,
    /// Place.
    #[serde(alias = "Place")]
    pub place: String,
    /// Country.
    #[serde(alias = "Country")]
    pub country: String,
    /// The customer opted out of communication.
    #[serde(alias = "BlockCommunication")]
    pub block_communication: bool,
    /// Preferred communication channel.
    #[serde(
        alias = "PreferredCommunicationChannel",
        alias = "preferred_communication_channel_id"
    )]
    pub preferred_communication_channel: Option<CommunicationChannel>,
    /// Private e-mail.
    #[serde(alias = "EmailPrivate")]
    pub email_private: String,
    /// Business e-mail.
    #[serde(alias = "EmailBusiness")]
    pub email_business: String,
    /// Business landline.
    #[serde(alias = "TelBusinessNr")]
    pub tel_business_nr: String,
    /// Private landline.
    #[serde(alias = "TelPrivateNr")]
    pub tel_private_nr: String,
    /// Private mobile number.
    #[serde(alias = "TelMobilePrivate")]
    pub tel_mobile_private: String,
    /// Business mobile number.
    #[serde(alias = "TelMobileBusiness")]
    pub tel_mobile_business: String,
    /// Birthday.
    #[serde(alias = "Birthday", with = "crate::wire::nullable_time")]
    pub birthday: Option<DateTime<Utc>>,
    /// Location of the customer.
    #[serde(alias = "DealerLocationID")]
    pub dealer_location_id: Option<i64>,
    /// Dealer of the customer.
    #[serde(alias = "DealerID")]
    pub dealer_id: Option<i64>,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Where customer communications open; the key goes after `#!/`.
pub const CUSTOMER_COMMUNICATION_BASE: &str = "https://mycarcheck.pro/";

/// The read-only link to a customer communication, or `None` for a blank key.
///
/// ```
/// let url = claire_client::customer_communication_url("abc123").unwrap();
/// assert_eq!(url.as_str(), "https://mycarcheck.pro/#!/abc123");
/// ```
pub fn customer_communication_url(key: &str) -> Option<Url> {
    let key = key.trim();
    if key.is_empty() {
        return None;
    }
    let mut url = Url::parse(CUSTOMER_COMMUNICATION_BASE).ok()?;
    // set_fragment percent-encodes what a fragment may not hold, so a key cannot break out.
    url.set_fragment(Some(&format!("!/{key}")));
    Some(url)
}

impl Appointment {
    /// The read-only link to the customer communication of this appointment, when one was
    /// sent (`customcom_key` is set).
    pub fn customer_communication_url(&self) -> Option<Url> {
        self.customcom_key
            .as_deref()
            .and_then(customer_communication_url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_from_key() {
        assert_eq!(customer_communication_url("  ").map(String::from), None);
        let u = customer_communication_url("a b\"<").unwrap();
        assert!(
            u.as_str().starts_with("https://mycarcheck.pro/#!/a%20b"),
            "{u}"
        );
        let appointment = Appointment {
            customcom_key: Some("K1".into()),
            ..Appointment::default()
        };
        assert_eq!(
            appointment.customer_communication_url().unwrap().as_str(),
            "https://mycarcheck.pro/#!/K1"
        );
        assert_eq!(Appointment::default().customer_communication_url(), None);
    }
}
