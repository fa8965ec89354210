//! One handler per API resource, each borrowed from a [`ShipInsureClient`]:
//! [`Deliveries`] for SME delivery orders (API #1 Submit SME Delivery and API #3 Cancel SME
//! Delivery Order) and [`Tracking`] for tracking details (API #2 insert tracking detail).
//!
//! [`ShipInsureClient`]: crate::ShipInsureClient

mod deliveries;
mod tracking;

pub use deliveries::Deliveries;
pub use tracking::Tracking;
