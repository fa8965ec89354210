//! Request and response models, one file per call (plus the shared delivery status).
//!
//! Rust names say what a field is; `#[serde(rename)]` keeps the wire names of the document,
//! typos included (`drop_up_address`, `tracking_desctiption`). Required fields are
//! required by the constructors, optional ones are `Option` and left out of the JSON when
//! `None`. Requests carry no `signature` field: the client computes and adds it.

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

mod cancel;
mod delivery;
mod policy;
mod status;
mod tracking;

pub use cancel::{CancelDeliveryRequest, CancelDeliveryResponse};
pub use delivery::{Addresses, Amounts, Customer, Goods, Recipient, Sender, SubmitDeliveryRequest};
pub use policy::{PolicyId, SubmitDeliveryResponse};
pub use status::DeliveryStatus;
pub use tracking::{TrackingDetailRequest, TrackingDetailResponse, TrackingEvent};
