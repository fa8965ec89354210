//! Customers of an appointment (driver, owner, contractor): the `Customer` model.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::enums::CommunicationChannel;

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
