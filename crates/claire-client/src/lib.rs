//! # claire-client
//!
//! A typed async client for the [Claire Automotive Support](https://claireit.com) Public API:
//! appointments (list with filters, get, batch import), checks, locations, tags, questions,
//! cars by VIN and webhooks, with Claire's rate limit (10,800 requests per hour per key)
//! respected across every task sharing a client, and helpers to receive Claire's webhook
//! calls.
//!
//! ```no_run
//! # async fn run() -> Result<(), claire_client::Error> {
//! use claire_client::{AppointmentFilter, ClaireClient, SecretString};
//!
//! let client = ClaireClient::builder()
//!     .base_url("https://api.claire.example")
//!     .api_key(SecretString::from("key from the Claire dashboard"))
//!     .build()?;
//! for location in client.locations().list().await? {
//!     let today = claire_client::Utc::now().date_naive();
//!     let filter = AppointmentFilter::new(location.id).date(today);
//!     for appointment in client.appointments().list(&filter).await? {
//!         println!("{} {} {:?}", appointment.wo_nr, appointment.reg_number, appointment.status);
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! Every operation is declared once in [`OPERATIONS`]; `docs/claire.md` in the repository
//! lists them with the choices made where the document is silent.
//!
//! ## Layout
//!
//! - [`ClaireClient`] and [`ClaireClientBuilder`], the operation table ([`operations`]);
//! - one handler per resource of the document ([`api`]) and its request and response models
//!   ([`models`]);
//! - Claire's wire formats: Go zero times, `null` slices, money ([`wire`]);
//! - the document's rules, checked before sending ([`validate`]);
//! - receiving Claire's webhook calls and the test call's body ([`webhook`]).
//!
//! Everything a caller needs is also re-exported here at the crate root.

pub mod api;
mod client;
pub mod models;
pub mod operations;
pub mod validate;
pub mod webhook;
pub mod wire;

/// The receiver's former path, kept so existing imports compile; the same items are at
/// [`webhook`] and at the crate root.
pub use webhook::receiver as webhook_receiver;

pub use api::{
    AppointmentsByDmsNumber, AppointmentsHandler, CarsHandler, ChecksHandler, LocationsHandler,
    QuestionsHandler, TagsHandler, WebhookErrors, WebhooksHandler,
};
pub use chrono::{DateTime, NaiveDate, Utc};
pub use client::{ClaireClient, ClaireClientBuilder, KeyPlacement, VENDOR};
pub use models::*;
pub use operations::OPERATIONS;
pub use partner_core::http::Method;
pub use partner_core::{
    ClientOptions, ConfigError, Error, Quota, RetryBudget, RetryPolicy, Rule, SecretString,
    Strictness, Transport, Validate, ValidationErrors,
};
pub use rust_decimal::Decimal;
pub use url::Url;
pub use validate::{ValidateWith, ValidationRules};
pub use webhook::{
    DEVELOPMENT_SENDER, ImportOutcome, PRODUCTION_SENDER, ReceiveError, WebhookPayload,
    WebhookReceiver, WebhookTestMessage, WebhookTestPayload,
};

/// The crate README's quickstart, compiled as a doc test so it cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
mod readme {}

/// The worked flow of `docs/claire.md`, compiled as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../../../docs/claire.md")]
mod docs_page {}
