//! Request and response models, one file per call (plus the shared delivery status).
//!
//! Rust names say what a field is; `#[serde(rename)]` keeps the wire names of the document,
//! typos included (`drop_up_address`, `tracking_desctiption`). Required fields are
//! required by the constructors, optional ones are `Option` and left out of the JSON when
//! `None`. Requests carry no `signature` field: the client computes and adds it.

use std::borrow::Cow;

use partner_core::validation::Rule;

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

// partner-core gap: `Rule` has no lower-bound-only variant; `Range { max: i64::MAX }` would
// print the bound as 9223372036854775807, so the two bounds used here are named rules.
/// The rule an amount breaks when it is negative (`cod_amount`, `item_value`, `premium_amount`).
pub const NOT_NEGATIVE: Rule = Rule::Other(Cow::Borrowed("must not be negative"));
/// The rule `good_quantity` breaks when it is below 1.
pub const AT_LEAST_ONE: Rule = Rule::Other(Cow::Borrowed("must be at least 1"));
