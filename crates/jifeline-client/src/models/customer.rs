//! The customer (company) of the logged-in user: details, the edit body and branding.

use serde::{Deserialize, Serialize};

use crate::wire;

/// Company details of the logged-in user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomerDetails {
    /// Company name.
    #[serde(default)]
    pub name: Option<String>,
    /// Customer reference (a number in the example, kept as text).
    #[serde(default, with = "wire::text_opt")]
    pub reference: Option<String>,
    /// Street.
    #[serde(default)]
    pub street: Option<String>,
    /// House number.
    #[serde(default)]
    pub number: Option<String>,
    /// Postal code.
    #[serde(default)]
    pub postal_code: Option<String>,
    /// City.
    #[serde(default)]
    pub city: Option<String>,
    /// Country code.
    #[serde(default)]
    pub country: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email_address: Option<String>,
    /// Financial department e-mail address.
    #[serde(default)]
    pub financial_email_address: Option<String>,
    /// Phone number (a number in the example, kept as text so leading zeros and `+` survive).
    #[serde(default, with = "wire::text_opt")]
    pub phone: Option<String>,
    /// Currency.
    #[serde(default)]
    pub currency: Option<String>,
}

/// Company details to change; fields left `None` are not sent. Start from
/// `CustomerDetailsEdit::default()` and set the fields to change.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomerDetailsEdit {
    /// Company name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Street.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// House number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<String>,
    /// Financial department e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financial_email_address: Option<String>,
    /// Phone number, sent as a string (the schema's type).
    #[serde(
        default,
        with = "wire::text_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub phone: Option<String>,
}

impl partner_core::Validate for CustomerDetailsEdit {
    /// Nothing: the document (Customer: Edit authenticated user's customer details) types
    /// every field as a plain optional string, the e-mail fields without an `<email>` format.
    fn validate_into(&self, _v: &mut partner_core::Validator) {}
}

impl crate::validate::StrictValidate for CustomerDetailsEdit {
    /// The e-mail fields must look like e-mail addresses.
    fn validate_strict_into(&self, v: &mut partner_core::Validator) {
        for (field, value) in [
            ("email_address", &self.email_address),
            ("financial_email_address", &self.financial_email_address),
        ] {
            if let Some(value) = value {
                crate::validate::check_email(v, field, value);
            }
        }
    }
}

/// Branding of the logged-in user's portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Branding {
    /// Brand name.
    #[serde(default)]
    pub branding_name: Option<String>,
    /// Customer portal host (`customer-portal.obd.help`).
    #[serde(default)]
    pub customer_portal_url: Option<String>,
}
