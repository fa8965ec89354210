//! The SME delivery order resource: insuring an order (API #1 - Submit SME Delivery,
//! `submit.rs`), the policy issued for it (`policy.rs`) and cancelling that policy (API #3 -
//! Cancel SME Delivery Order, `cancel.rs`). Both calls are keyed by the order's
//! `tracking_number`.

mod cancel;
mod policy;
mod submit;

pub use cancel::{CancelDeliveryRequest, CancelDeliveryResponse};
pub use policy::{PolicyId, SubmitDeliveryResponse};
pub use submit::{Addresses, Amounts, Customer, Goods, Recipient, Sender, SubmitDeliveryRequest};
