//! Models of the single repair order call: the request with all 18 documented fields, its
//! `Engagement_Type`, the response and the generated `REPAIR{YYYYMMDD}{4 digits}` id.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A new repair request (section "Repair Request API", request body parameters).
///
/// Every field except `address_line2` is required; [`RepairOrder::validate_with`] (in
/// [`crate::validate`]) checks the documented rules. Wire names are the document's
/// (`CustomerMobile`, `Engagement_Type`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepairOrder {
    /// Your unique repair reference number (a second order with it gets HTTP 409).
    pub repair_ref_no: String,
    /// Partner / client company name.
    pub client_name: String,
    /// Customer name.
    #[serde(rename = "Name")]
    pub name: String,
    /// 10-digit mobile number.
    #[serde(rename = "CustomerMobile")]
    pub customer_mobile: String,
    /// Customer e-mail address.
    #[serde(rename = "CustomerEmail")]
    pub customer_email: String,
    /// Home, Pickup or Walk-in.
    #[serde(rename = "Engagement_Type")]
    pub engagement_type: EngagementType,
    /// Primary address line.
    #[serde(rename = "AddressLine1")]
    pub address_line1: String,
    /// Secondary address line (optional; omitted from the JSON when `None`).
    #[serde(
        rename = "AddressLine2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub address_line2: Option<String>,
    /// City: letters and hyphens only.
    #[serde(rename = "City")]
    pub city: String,
    /// State: letters and hyphens only.
    #[serde(rename = "State")]
    pub state: String,
    /// 6-digit postal code.
    #[serde(rename = "Pincode")]
    pub pincode: String,
    /// Device category ("Mobile", "Laptop").
    #[serde(rename = "AssetType")]
    pub asset_type: String,
    /// Device brand.
    #[serde(rename = "Make")]
    pub make: String,
    /// Device model.
    #[serde(rename = "Model")]
    pub model: String,
    /// IMEI or serial number.
    #[serde(rename = "IMEINo")]
    pub imei_no: String,
    /// Repair centre city.
    pub centre_city: String,
    /// Problem description.
    #[serde(rename = "Issue")]
    pub issue: String,
    /// Device size / model number.
    #[serde(rename = "Size")]
    pub size: String,
}

partner_core::open_enum! {
    /// How the customer is served (single orders: "Home", "Pickup" or "Walk-in"). Read
    /// case-insensitively, always sent in the documented spelling; anything else is kept as
    /// `Unknown` and refused by validation.
    pub enum EngagementType {
        /// "Home": a technician visits the customer.
        Home = "Home",
        /// "Pickup": the device is picked up.
        Pickup = "Pickup",
        /// "Walk-in": the customer brings the device.
        WalkIn = "Walk-in",
    }
}

/// The answer to a successful single order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreatedOrder {
    /// `Success`: the string "True" on the wire (absent or `null` reads as true: the HTTP
    /// status said success).
    #[serde(
        rename = "Success",
        with = "crate::wire::success_flag",
        default = "crate::wire::success_flag::absent"
    )]
    pub success: bool,
    /// `Message` ("Repair request has been raised successfully").
    #[serde(rename = "Message", default)]
    pub message: Option<String>,
    /// `Status_code`: the string "200" on the wire.
    #[serde(
        rename = "Status_code",
        with = "crate::wire::status_code_text",
        default
    )]
    pub status_code: Option<u16>,
    /// `DATA`.
    #[serde(rename = "DATA")]
    pub data: CreatedOrderData,
}

impl CreatedOrder {
    /// Reads the body of a 2xx answer to `CreateRepairOrder` as the client does: a
    /// `"Success": "False"` body is [`partner_core::Error::Rejected`], a body without the
    /// documented shape [`partner_core::Error::Decode`] naming the JSON path. (The client
    /// reports the latter as [`BigfixError::OutcomeUnknown`](crate::BigfixError::OutcomeUnknown),
    /// since the order may have been created.)
    pub fn from_json(body: &[u8]) -> Result<Self, partner_core::Error> {
        crate::wire::decode_success(crate::ops::CREATE_REPAIR_ORDER, body)
    }
}

/// `DATA` of a successful single order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreatedOrderData {
    /// The generated order id: store it, tracking uses it.
    pub request_id: RequestId,
    /// Your `repair_ref_no`, echoed.
    pub service_request_id: String,
}

/// A BigFix order id, documented as `REPAIR{YYYYMMDD}{4-digit-random}`.
///
/// Kept as the string the server sent (so a changed format never breaks decoding); the parts
/// are available through [`RequestId::date`] and [`RequestId::suffix`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RequestId(String);

impl RequestId {
    /// Wraps an id.
    pub fn new(id: impl Into<String>) -> Self {
        RequestId(id.into())
    }

    /// The id as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn parts(&self) -> Option<(NaiveDate, u16)> {
        let rest = self.0.strip_prefix("REPAIR")?;
        if rest.len() != 12 || !rest.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let date = NaiveDate::parse_from_str(&rest[..8], "%Y%m%d").ok()?;
        Some((date, rest[8..].parse().ok()?))
    }

    /// True when the id has the documented shape with a real calendar date.
    pub fn is_well_formed(&self) -> bool {
        self.parts().is_some()
    }

    /// The date embedded in the id (the day the order was created, server time).
    pub fn date(&self) -> Option<NaiveDate> {
        self.parts().map(|(d, _)| d)
    }

    /// The 4-digit random suffix.
    pub fn suffix(&self) -> Option<u16> {
        self.parts().map(|(_, n)| n)
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for RequestId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests;
