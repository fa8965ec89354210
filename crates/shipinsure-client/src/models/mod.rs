//! Request and response models, one module per API resource: [`deliveries`] (API #1 and
//! #3, keyed by the order's `tracking_number`) and [`tracking`] (API #2), plus the response
//! envelope they share in [`common`].
//!
//! Rust names say what a field is; `#[serde(rename)]` keeps the wire names of the document,
//! typos included (`drop_up_address`, `tracking_desctiption`). Required fields are
//! required by the constructors, optional ones are `Option` and left out of the JSON when
//! `None`. Requests carry no `signature` field: the client computes and adds it. The rules
//! requests are checked against before sending are in [`crate::validate`].

/// `with_<field>` setters for optional text fields, so request models stay buildable
/// without struct literals (they are `#[non_exhaustive]`, or may become so).
macro_rules! optional_text_setters {
    ($ty:ident { $($(#[$doc:meta])* $setter:ident => $field:ident),+ $(,)? }) => {
        impl $ty {
            $(
                $(#[$doc])*
                pub fn $setter(mut self, value: impl Into<String>) -> Self {
                    self.$field = Some(value.into());
                    self
                }
            )+
        }
    };
}

pub mod common;
pub mod deliveries;
pub mod tracking;

pub use common::StatusRule;
pub use deliveries::{
    Addresses, Amounts, CancelDeliveryRequest, CancelDeliveryResponse, Customer, Goods, PolicyId,
    Recipient, Sender, SubmitDeliveryRequest, SubmitDeliveryResponse,
};
pub use tracking::{DeliveryStatus, TrackingDetailRequest, TrackingDetailResponse, TrackingEvent};
