//! Ordering: the create-ticket request with prerequisite answers and app metadata, and the
//! prepared tickets a new ticket can start from.

use partner_core::{Validate, Validator};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::validate::{StrictValidate, Strictness, check_vin, check_vin_lookup};

/// A product line of a prepared ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PreparedProductLine {
    /// Product.
    pub product_id: i64,
    /// Product name.
    #[serde(default)]
    pub name: Option<String>,
}

/// A ticket prepared for a customer or vehicle, to be turned into a real ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PreparedTicket {
    /// Prepared ticket ID (pass it as `prepared_ticket_id`).
    pub id: Uuid,
    /// VIN.
    #[serde(default)]
    pub vin: Option<String>,
    /// Vehicle model.
    #[serde(default)]
    pub vehicle_model_id: Option<i64>,
    /// Vehicle model variant.
    #[serde(default)]
    pub vehicle_model_variant_id: Option<i64>,
    /// Products (`null` or absent read as none).
    #[serde(default, deserialize_with = "partner_core::wire::null_as_empty")]
    pub product_lines: Vec<PreparedProductLine>,
}

/// An answer to a product prerequisite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PrerequisiteAnswer {
    /// The prerequisite answered (`ProductPrerequisite::id`).
    pub definition_id: i64,
    /// The answer, as text (`"true"`).
    pub value: String,
}

impl PrerequisiteAnswer {
    /// An answer.
    pub fn new(definition_id: i64, value: impl Into<String>) -> Self {
        PrerequisiteAnswer {
            definition_id,
            value: value.into(),
        }
    }
}

/// Metadata about the app creating a ticket. Every field is optional; the document sends
/// numbers as strings (`"battery_state": "67"`). Start from `TicketMetadata::default()` and
/// set the fields you know.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TicketMetadata {
    /// App name (`Web Client`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_name: Option<String>,
    /// App version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_version: Option<String>,
    /// Platform (`Mac OS`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// Platform version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_version: Option<String>,
    /// Device manufacturer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_manufacturer: Option<String>,
    /// Device model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_model: Option<String>,
    /// Battery state, percent as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub battery_state: Option<String>,
    /// Locale (`nl_NL`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Latitude as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<String>,
    /// Longitude as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<String>,
    /// Whether the VIN was read by a reader (not typed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vin_is_found_by_reader: Option<bool>,
}

/// A new ticket: products for one vehicle on one connector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateTicket {
    /// VIN. The document gives this field no pattern: any non-blank VIN is sent (the
    /// 17-character rule applies under [`Strictness::Strict`](crate::validate::Strictness)).
    pub vin: String,
    /// Vehicle model.
    pub vehicle_model_id: i64,
    /// Vehicle model variant.
    pub vehicle_model_variant_id: i64,
    /// The connected connector.
    pub connector_id: i64,
    /// Voucher code for a discount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voucher: Option<String>,
    /// Products to purchase (required; may be empty unless the client is strict).
    #[serde(default, deserialize_with = "partner_core::wire::null_as_empty")]
    pub product_ids: Vec<i64>,
    /// Answers to the products' prerequisites.
    #[serde(
        default,
        deserialize_with = "partner_core::wire::null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub product_prerequisites: Vec<PrerequisiteAnswer>,
    /// Metadata (required by the document, may be empty).
    #[serde(default)]
    pub metadata: TicketMetadata,
    /// Prepared ticket this one comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepared_ticket_id: Option<Uuid>,
    /// Reference of the ticket (server default `""`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Confirms auto-outsourcing to an unattended service (server default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed_unattended_service: Option<bool>,
}

impl CreateTicket {
    /// A ticket with the required fields; add the rest with the setters.
    pub fn new(
        vin: impl Into<String>,
        vehicle_model_id: i64,
        vehicle_model_variant_id: i64,
        connector_id: i64,
        product_ids: impl IntoIterator<Item = i64>,
    ) -> Self {
        CreateTicket {
            vin: vin.into(),
            vehicle_model_id,
            vehicle_model_variant_id,
            connector_id,
            voucher: None,
            product_ids: product_ids.into_iter().collect(),
            product_prerequisites: Vec::new(),
            metadata: TicketMetadata::default(),
            prepared_ticket_id: None,
            reference: None,
            confirmed_unattended_service: None,
        }
    }

    /// Sets the voucher code.
    pub fn voucher(mut self, code: impl Into<String>) -> Self {
        self.voucher = Some(code.into());
        self
    }

    /// Adds an answer to a product prerequisite.
    pub fn answer(mut self, answer: PrerequisiteAnswer) -> Self {
        self.product_prerequisites.push(answer);
        self
    }

    /// Sets the metadata.
    pub fn metadata(mut self, metadata: TicketMetadata) -> Self {
        self.metadata = metadata;
        self
    }

    /// Links the prepared ticket.
    pub fn prepared_ticket(mut self, id: Uuid) -> Self {
        self.prepared_ticket_id = Some(id);
        self
    }

    /// Sets the reference.
    pub fn reference(mut self, reference: impl Into<String>) -> Self {
        self.reference = Some(reference.into());
        self
    }

    /// Confirms (or not) outsourcing to an unattended service.
    pub fn confirm_unattended_service(mut self, yes: bool) -> Self {
        self.confirmed_unattended_service = Some(yes);
        self
    }
}

impl Validate for CreateTicket {
    /// Only a non-blank VIN: the document states no pattern, no minimum of products and no
    /// range for the ids here (its own examples carry ids of 0).
    fn validate_into(&self, v: &mut Validator) {
        check_vin_lookup(v, "vin", &self.vin, Strictness::Lenient);
    }
}

impl StrictValidate for CreateTicket {
    /// The cart's 17-character VIN pattern, and at least one product.
    fn validate_strict_into(&self, v: &mut Validator) {
        if !self.vin.trim().is_empty() {
            check_vin(v, "vin", &self.vin);
        }
        v.check(
            "product_ids",
            !self.product_ids.is_empty(),
            partner_core::Rule::MinItems { min: 1 },
        );
    }
}
