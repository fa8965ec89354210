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
//! # async fn run() -> Result<(), shipinsure_client::ShipInsureError> {
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
//! Every call returns [`ShipInsureError`]. Its two variants of its own are the answers the
//! vendor gives a meaning: [`ShipInsureError::Duplicate`] (HTTP 409 to a submit: the
//! tracking number is already insured) and [`ShipInsureError::AlreadyCancelled`] (a cancel
//! of a policy that is already cancelled, such as the resend of a cancel whose first attempt
//! timed out). Everything else is [`ShipInsureError::Core`] with a [`partner_core::Error`]
//! (re-exported as [`Error`], which [`ShipInsureClientBuilder::build`] returns):
//! `Validation` lists every broken rule before anything is sent ([`validate`]); `Rejected`
//! is a 2xx answer whose `status` is not a success (its `code` is the status, its `message`
//! the vendor's; API #3, which documents no response, may also answer without `status`: a
//! success); `Auth` is a 401/403; `Status` any other non-2xx; `Decode` names the JSON path
//! that did not fit. Which `status` values count as success is a guess the document forces
//! ([`ShipInsureClientBuilder::success_status`]).
//!
//! ## Testing your code
//!
//! [`ShipInsureClientBuilder::transport`] takes any [`partner_core::Transport`], such as
//! [`partner_core::mock::MockTransport`], so your tests can script the vendor's answers
//! and inspect the signed bodies without a network.

pub mod api;
mod client;
mod error;
pub mod models;
pub mod operations;
pub mod signature;
pub mod validate;
pub mod wire;

pub use api::{Deliveries, Tracking};
pub use client::{Environment, EnvironmentConfig, ShipInsureClient, ShipInsureClientBuilder};
pub use error::ShipInsureError;
pub use models::{
    Addresses, Amounts, CancelDeliveryRequest, CancelDeliveryResponse, Customer, DeliveryStatus,
    Goods, PolicyId, Recipient, Sender, StatusRule, SubmitDeliveryRequest, SubmitDeliveryResponse,
    TrackingDetailRequest, TrackingDetailResponse, TrackingEvent,
};
pub use operations::{OPERATIONS, OperationId, VENDOR};
pub use signature::{Md5Concat, SignatureInput, SignaturePart, SignatureScheme};
pub use validate::{ValidateWith, ValidationRules};
#[doc(no_inline)]
pub use wire::timestamp;
pub use wire::timestamp::TimestampFormat;

/// Re-exported so users name the same versions as this crate.
pub use partner_core::{
    ClientOptions, Error, ExposeSecret, RequestSent, RetryPolicy, SecretString, Strictness,
};

/// The README's quickstart, compiled as a doctest so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
