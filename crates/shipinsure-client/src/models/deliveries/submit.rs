//! API #1 - Submit SME Delivery: insuring one delivery order, keyed by its
//! `tracking_number`, and the policy the vendor issues for it.
//!
//! The policy it returns is in `policy.rs`. The wire body is flat; here the documented fields are grouped (customer, addresses,
//! goods, amounts, sender, recipient) so the constructor stays readable. The groups are
//! flattened back into the documented names on the wire.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The person who ordered the delivery (`customer_*`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Customer {
    /// `customer_name` (required).
    #[serde(rename = "customer_name")]
    pub name: String,
    /// `customer_phone` (required).
    #[serde(rename = "customer_phone")]
    pub phone: String,
    /// `customer_email`.
    #[serde(
        rename = "customer_email",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub email: Option<String>,
}

impl Customer {
    /// A customer with the required name and phone.
    pub fn new(name: impl Into<String>, phone: impl Into<String>) -> Self {
        Customer {
            name: name.into(),
            phone: phone.into(),
            email: None,
        }
    }
}

optional_text_setters!(Customer {
    /// Adds `customer_email`.
    with_email => email,
});

/// Where the parcel is picked up and dropped off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Addresses {
    /// `pickup_address` (required).
    #[serde(rename = "pickup_address")]
    pub pickup: String,
    /// `drop_up_address` on the wire (the document's spelling; a drop-off address).
    #[serde(rename = "drop_up_address")]
    pub drop_off: String,
}

impl Addresses {
    /// Both addresses, both required.
    pub fn new(pickup: impl Into<String>, drop_off: impl Into<String>) -> Self {
        Addresses {
            pickup: pickup.into(),
            drop_off: drop_off.into(),
        }
    }
}

/// What is being delivered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Goods {
    /// `type_of_goods` (required), a category such as "electronics".
    #[serde(rename = "type_of_goods")]
    pub kind: String,
    /// `goods_description` (required).
    #[serde(rename = "goods_description")]
    pub description: String,
    /// `good_quantity` (required, at least 1).
    #[serde(rename = "good_quantity")]
    pub quantity: i64,
}

impl Goods {
    /// Kind, description and quantity, all required.
    pub fn new(kind: impl Into<String>, description: impl Into<String>, quantity: i64) -> Self {
        Goods {
            kind: kind.into(),
            description: description.into(),
            quantity,
        }
    }
}

/// The money of the order, as integers in the vendor's currency unit ("interger" in the
/// document; no decimals are sent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Amounts {
    /// `cod_amount`: cash to collect on delivery (0 when none).
    pub cod_amount: i64,
    /// `item_value`: the declared value of the goods.
    pub item_value: i64,
    /// `premium_amount`: the insurance premium; part of the signature.
    pub premium_amount: i64,
}

impl Amounts {
    /// Cash on delivery, item value and premium, all required and non-negative.
    pub fn new(cod_amount: i64, item_value: i64, premium_amount: i64) -> Self {
        Amounts {
            cod_amount,
            item_value,
            premium_amount,
        }
    }
}

/// The optional sender details (`sender_*`): start from `Sender::default()`.
///
/// ```
/// use shipinsure_client::Sender;
/// let sender = Sender::default().with_name("Shop ABC").with_phone("0281234567");
/// assert_eq!(sender.email, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Sender {
    /// `sender_name`.
    #[serde(
        rename = "sender_name",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// `sender_phone`.
    #[serde(
        rename = "sender_phone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub phone: Option<String>,
    /// `sender_email`.
    #[serde(
        rename = "sender_email",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub email: Option<String>,
}

optional_text_setters!(Sender {
    /// Sets `sender_name`.
    with_name => name,
    /// Sets `sender_phone`.
    with_phone => phone,
    /// Sets `sender_email`.
    with_email => email,
});

/// The optional recipient details (`recipient_*`; the document has no recipient email):
/// start from `Recipient::default()`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Recipient {
    /// `recipient_name`.
    #[serde(
        rename = "recipient_name",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// `recipient_phone`.
    #[serde(
        rename = "recipient_phone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub phone: Option<String>,
}

optional_text_setters!(Recipient {
    /// Sets `recipient_name`.
    with_name => name,
    /// Sets `recipient_phone`.
    with_phone => phone,
});

/// The body of API #1, without the `signature` (the client adds it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubmitDeliveryRequest {
    /// `tracking_number` (required): the delivery order's unique key; part of the signature.
    pub tracking_number: String,
    /// `product_code` (required), such as `"ahasme"`.
    pub product_code: String,
    /// `customer_name`, `customer_phone`, `customer_email`.
    #[serde(flatten)]
    pub customer: Customer,
    /// `pickup_address`, `drop_up_address`.
    #[serde(flatten)]
    pub addresses: Addresses,
    /// `type_of_goods`, `goods_description`, `good_quantity`.
    #[serde(flatten)]
    pub goods: Goods,
    /// `cod_amount`, `item_value`, `premium_amount`.
    #[serde(flatten)]
    pub amounts: Amounts,
    /// `order_created_time` (required), sent as `2022-04-06T06:05:00.528Z`.
    #[serde(with = "crate::wire::timestamp")]
    pub order_created_time: DateTime<Utc>,
    /// `sender_name`, `sender_phone`, `sender_email`.
    #[serde(flatten)]
    pub sender: Sender,
    /// `recipient_name`, `recipient_phone`.
    #[serde(flatten)]
    pub recipient: Recipient,
}

impl SubmitDeliveryRequest {
    /// A request with every required field; add the optional sender and recipient with
    /// [`SubmitDeliveryRequest::with_sender`] and [`SubmitDeliveryRequest::with_recipient`].
    pub fn new(
        tracking_number: impl Into<String>,
        product_code: impl Into<String>,
        customer: Customer,
        addresses: Addresses,
        goods: Goods,
        amounts: Amounts,
        order_created_time: DateTime<Utc>,
    ) -> Self {
        SubmitDeliveryRequest {
            tracking_number: tracking_number.into(),
            product_code: product_code.into(),
            customer,
            addresses,
            goods,
            amounts,
            order_created_time,
            sender: Sender::default(),
            recipient: Recipient::default(),
        }
    }

    /// Sets the sender details.
    pub fn with_sender(mut self, sender: Sender) -> Self {
        self.sender = sender;
        self
    }

    /// Sets the recipient details.
    pub fn with_recipient(mut self, recipient: Recipient) -> Self {
        self.recipient = recipient;
        self
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use serde_json::json;

    use super::*;

    fn request() -> SubmitDeliveryRequest {
        SubmitDeliveryRequest::new(
            "T1",
            "ahasme",
            Customer::new("An", "0901"),
            Addresses::new("A st", "B st"),
            Goods::new("food", "rice", 2),
            Amounts::new(0, 100, 5),
            Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap(),
        )
    }

    #[test]
    fn serialises_flat_with_documented_names() {
        let req = request()
            .with_sender(Sender::default().with_name("S"))
            .with_recipient(Recipient::default().with_phone("0902"));
        let got = serde_json::to_value(&req).unwrap();
        assert_eq!(
            got,
            json!({
                "tracking_number": "T1", "product_code": "ahasme",
                "customer_name": "An", "customer_phone": "0901",
                "pickup_address": "A st", "drop_up_address": "B st",
                "type_of_goods": "food", "goods_description": "rice", "good_quantity": 2,
                "cod_amount": 0, "item_value": 100, "premium_amount": 5,
                "order_created_time": "2026-01-02T03:04:05.000Z",
                "sender_name": "S", "recipient_phone": "0902"
            })
        );
        let back: SubmitDeliveryRequest = serde_json::from_value(got).unwrap();
        assert_eq!(back, req);
    }

    #[test]
    fn every_optional_setter_fills_its_own_wire_field() {
        let mut req = request()
            .with_sender(
                Sender::default()
                    .with_name("SN")
                    .with_phone("SP")
                    .with_email("SE"),
            )
            .with_recipient(Recipient::default().with_name("RN").with_phone("RP"));
        req.customer = req.customer.clone().with_email("CE");
        let got = serde_json::to_value(&req).unwrap();
        for (field, value) in [
            ("sender_name", "SN"),
            ("sender_phone", "SP"),
            ("sender_email", "SE"),
            ("recipient_name", "RN"),
            ("recipient_phone", "RP"),
            ("customer_email", "CE"),
        ] {
            assert_eq!(got[field], value, "{field}");
        }
        // 13 required fields (the client adds `signature`) + 6 optional ones: nothing else.
        assert_eq!(got.as_object().map(|o| o.len()), Some(19));
    }
}
