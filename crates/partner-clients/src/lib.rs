//! # partner-clients
//!
//! One dependency for the partner APIs, each vendor behind a cargo feature of the same name
//! (`carfix`, `jifeline`, `claire`, `bigfix`, `shipinsure`, or `full`). A build with one
//! feature compiles only that vendor's crate and its dependencies. No vendor is enabled by
//! default: choose the ones you integrate.
//!
//! ```toml
//! [dependencies]
//! partner-clients = { version = "0.1", features = ["claire"] }
//! ```
//!
//! The shared machinery (errors, retry policy, operation table, mock transport) is
//! re-exported as [`core`]. Feature `redis` adds `partner_clients::redis`: quotas and tokens
//! shared by many processes through Redis.

#![cfg_attr(docsrs, feature(doc_cfg))]

pub use partner_core as core;

/// CarFix: roadside assistance and claims (Affiliate and Workshop APIs).
#[cfg(feature = "carfix")]
pub use carfix_client as carfix;

/// Jifeline: remote vehicle diagnostics (Customer API).
#[cfg(feature = "jifeline")]
pub use jifeline_client as jifeline;

/// Claire: dealer workshop appointments, checks and webhooks.
#[cfg(feature = "claire")]
pub use claire_client as claire;

/// BigFix: device repair orders, Excel bulk upload and tracking.
#[cfg(feature = "bigfix")]
pub use bigfix_client as bigfix;

/// shipinsure: MD5-signed delivery-insurance calls.
#[cfg(feature = "shipinsure")]
pub use shipinsure_client as shipinsure;

/// Quotas and login tokens shared by many processes on Redis (`partner-redis`): hand
/// `RedisQuotaStore` / `RedisTokenStore` to a vendor builder's `quota_store` / `token_store`.
#[cfg(feature = "redis")]
pub use partner_redis as redis;

/// The workspace README's quickstart, compiled as a doc test so it cannot drift from the API.
#[cfg(all(doctest, feature = "claire"))]
#[doc = include_str!("../../../README.md")]
mod readme {}
