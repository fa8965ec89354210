//! # jifeline-client
//!
//! A typed async client for the Jifeline Networks Customer API: OBD connectors, the vehicle
//! catalogue, products and prices, tickets, employees, customer details and messenger
//! channels. Built on `partner-core` (retries, timeouts, token cache, pagination, errors).
//!
//! ```no_run
//! use futures_util::TryStreamExt;
//! use jifeline_client::{CartTotalsRequest, CreateTicket, Credentials, JifelineClient};
//!
//! # async fn run() -> Result<(), jifeline_client::Error> {
//! let client = JifelineClient::builder()
//!     .base_url("https://customer-api.example.com")
//!     .credentials(Credentials::connector_uuid("6ec2911c-a09a-11ee-8c90-0242ac120002".parse().unwrap(), "1234"))
//!     .build()?;
//! let vehicle = client.vehicles().search_by_vin("JFL91010104591010").await?;
//! let (model, variant) = (vehicle.model.unwrap().id, vehicle.model_variant.unwrap().id);
//! let products: Vec<_> = client.products().list(model, variant).stream().try_collect().await?;
//! let ids: Vec<i64> = products.iter().take(1).map(|p| p.id).collect();
//! let totals = client.cart().totals(&CartTotalsRequest::new(model, variant, ids.clone()).voucher("234MD23")).await?;
//! let ticket = client.tickets().create(&CreateTicket::new("JFL91010104591010", model, variant, 910101043, ids)).await?;
//! # Ok(()) }
//! ```
//!
//! Paths are not given by the document: every operation has an assumed default under `/v1`
//! (see [`OPERATIONS`] and docs/jifeline.md) that
//! [`JifelineClientBuilder::override_path`] replaces; the methods were lost too, and
//! [`JifelineClientBuilder::override_method`] replaces those. The settings every vendor
//! client shares are one [`ClientOptions`] value. Sessions, token expiry, the validation
//! rules ([`validate::Strictness`]) and the choices made where the document is silent are
//! described in docs/jifeline.md.
//!
//! Layout: `client.rs` ([`JifelineClient`] and its builder), [`operations`] (the operation
//! table), [`api`] (one handler per resource of the document), [`models`] (the wire models
//! of each resource), [`validate`] (the document's rules), `auth.rs` (credentials, login and
//! the token source) and `wire.rs` (the document's number and date formats). Every public
//! type is also re-exported here.

pub mod api;
mod auth;
mod client;
pub mod models;
pub mod operations;
pub mod validate;
mod wire;

pub use api::{
    Cart, Channels, Connectors, Customer, Employees, FavoriteFilter, ListQuery, ProductList,
    ProductScope, Products, ServiceCenters, Sessions, Tickets, Translations, Users, Vehicles,
};
pub use auth::{Credentials, SessionRefresher};
pub use client::{JifelineClient, JifelineClientBuilder, VENDOR};
pub use models::*;
pub use operations::OPERATIONS;
pub use partner_core::http::Method;
pub use partner_core::{ClientOptions, Error, RetryPolicy, SecretString};
pub use uuid::Uuid;
pub use validate::{StrictValidate, Strictness};
pub use wire::{COMPACT_OFFSET_FORMAT, parse_compact_offset};

/// A `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[doc(hidden)]
pub use auth::jwt::unsigned_with_exp as __unsigned_jwt;

/// Compiles the README's quickstart as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// Compiles the worked flow of docs/jifeline.md as a doctest, so the page keeps matching the
/// API. Only in doctests: the page lives outside the crate and is not packaged.
#[doc = include_str!("../../../docs/jifeline.md")]
#[cfg(doctest)]
pub struct DocsPageDoctests;
