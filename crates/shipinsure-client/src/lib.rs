//! # shipinsure-client
//!
//! A typed async client for the shipinsure delivery-insurance API: insure an SME delivery
//! order (API #1), report its tracking events (API #2) and cancel its policy (API #3).
//!
//! Every call carries an MD5 `signature` that this crate computes from your
//! `api_token_key`; you never pass it by hand. API #1 uses the documented
//! `md5(api_token_key + tracking_number + premium_amount)`; the document gives no formula
//! for #2 and #3, so they default to `md5(api_token_key + tracking_number)` and each
//! operation's [`SignatureScheme`] can be replaced (see [`signature`]).
//!
//! The document leaves the base URLs and paths blank: you supply the URL of the staging
//! or production [`Environment`], and the default paths in [`OPERATIONS`] are assumptions
//! you can override per operation.
//!
//! ```no_run
//! use chrono::Utc;
//! use shipinsure_client::{
//!     Addresses, Amounts, Customer, EnvironmentConfig, Goods, ShipInsureClient, SubmitDeliveryRequest,
//! };
//!
//! # async fn run() -> Result<(), partner_core::Error> {
//! let client = ShipInsureClient::builder(EnvironmentConfig::staging(
//!     "https://staging.shipinsure.example",
//!     std::env::var("SHIPINSURE_STAGING_API_TOKEN_KEY").unwrap_or_default(),
//! ))
//! .build()?;
//!
//! let order = SubmitDeliveryRequest::new(
//!     "SME0001234",
//!     "ahasme",
//!     Customer::new("Nguyen Van A", "0901234567"),
//!     Addresses::new("12 Le Loi, District 1", "45 Hai Ba Trung, District 3"),
//!     Goods::new("electronics", "Bluetooth speaker", 1),
//!     Amounts::new(0, 1_500_000, 15_000),
//!     Utc::now(),
//! );
//! let policy = client.deliveries().submit(&order).await?;
//! println!("insured as {}", policy.policy_id);
//! # Ok(()) }
//! ```
//!
//! ## Errors
//!
//! Every method returns [`partner_core::Error`] (re-exported as [`Error`]):
//! `Validation` lists every broken rule before anything is sent; `Rejected` is a 2xx answer
//! whose `status` is not a success (its `code` is the status, its `message` the vendor's;
//! API #3, which documents no response, may also answer without `status`: a success);
//! `Auth` is a 401/403; `Status` any other non-2xx; `Decode` names the JSON path that did
//! not fit. Which `status` values count as success is a guess the document forces
//! ([`ShipInsureClientBuilder::success_status`]).
//!
//! ## Testing your code
//!
//! [`ShipInsureClientBuilder::transport`] takes any [`partner_core::Transport`], such as
//! [`partner_core::mock::MockTransport`], so your tests can script the vendor's answers
//! and inspect the signed bodies without a network.

mod client;
pub mod deliveries;
mod environment;
pub mod models;
mod response;
pub mod signature;
pub mod timestamp;
pub mod tracking;

use partner_core::Operation;
use partner_core::http::Method;

pub use client::{ShipInsureClient, ShipInsureClientBuilder, StatusRule};
pub use environment::{Environment, EnvironmentConfig};
pub use models::{
    Addresses, Amounts, CancelDeliveryRequest, CancelDeliveryResponse, Customer, DeliveryStatus,
    Goods, PolicyId, Recipient, Sender, SubmitDeliveryRequest, SubmitDeliveryResponse,
    TrackingDetailRequest, TrackingDetailResponse, TrackingEvent,
};
pub use signature::{Md5Concat, SignatureInput, SignaturePart, SignatureScheme};
pub use timestamp::TimestampFormat;

/// Re-exported so users name the same versions as this crate.
pub use partner_core::{Error, ExposeSecret, RetryPolicy, SecretString};

/// The vendor name used in errors, tracing and fixtures.
pub const VENDOR: &str = "shipinsure";

/// The three documented calls, by name. Non-exhaustive: the vendor may add calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum OperationId {
    /// API #1 - Submit SME Delivery.
    SubmitSmeDelivery,
    /// API #2 - insert tracking detail.
    InsertTrackingDetail,
    /// API #3 - Cancel SME Delivery Order.
    CancelSmeDeliveryOrder,
}

impl OperationId {
    /// Every operation, in document order.
    pub const ALL: [OperationId; 3] = [
        OperationId::SubmitSmeDelivery,
        OperationId::InsertTrackingDetail,
        OperationId::CancelSmeDeliveryOrder,
    ];

    /// The name used in [`OPERATIONS`], errors, tracing and fixture files.
    pub const fn name(self) -> &'static str {
        match self {
            OperationId::SubmitSmeDelivery => "SubmitSmeDelivery",
            OperationId::InsertTrackingDetail => "InsertTrackingDetail",
            OperationId::CancelSmeDeliveryOrder => "CancelSmeDeliveryOrder",
        }
    }

    /// The entry of [`OPERATIONS`] for this operation.
    pub const fn operation(self) -> &'static Operation {
        &OPERATIONS[self as usize]
    }
}

impl std::fmt::Display for OperationId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Every documented operation. The document gives no paths: these are assumed (override
/// them with [`ShipInsureClientBuilder::override_path`]). Submitting and tracking are not
/// retried once they may have reached the vendor (a repeat could insure or log twice);
/// cancelling the same policy twice changes nothing more, so it is retried.
pub const OPERATIONS: &[Operation] = &[
    Operation::new(
        OperationId::SubmitSmeDelivery.name(),
        Method::POST,
        "/api/v1/sme-delivery/submit",
    )
    .section("API #1 - Submit SME Delivery")
    .unsafe_to_retry(),
    Operation::new(
        OperationId::InsertTrackingDetail.name(),
        Method::POST,
        "/api/v1/sme-delivery/tracking",
    )
    .section("API #2 - insert tracking detail")
    .unsafe_to_retry(),
    Operation::new(
        OperationId::CancelSmeDeliveryOrder.name(),
        Method::POST,
        "/api/v1/sme-delivery/cancel",
    )
    .section("API #3 - Cancel SME Delivery Order"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_ids_index_the_table() {
        for id in OperationId::ALL {
            assert_eq!(id.operation().name, id.name());
        }
        assert_eq!(OPERATIONS.len(), OperationId::ALL.len());
        assert!(!OperationId::SubmitSmeDelivery.operation().is_idempotent());
        assert!(
            !OperationId::InsertTrackingDetail
                .operation()
                .is_idempotent()
        );
        assert!(
            OperationId::CancelSmeDeliveryOrder
                .operation()
                .is_idempotent()
        );
    }
}

/// The README's quickstart, compiled as a doctest so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
