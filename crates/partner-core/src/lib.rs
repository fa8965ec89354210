//! # partner-core
//!
//! The common ground of the `partner-clients` vendor crates: a client over a mockable
//! transport, an operation table with overridable paths, typed errors that never carry
//! secrets, retries with backoff, `Retry-After` and a shared budget, quota tracking, lazy
//! paginators, a single-flight token cache, client-side validation, multipart bodies and
//! (feature `md5`) MD5 signing.
//!
//! Vendor crates declare their operations once:
//!
//! ```
//! use partner_core::{Client, Operation, Request, http::Method};
//!
//! const OPERATIONS: &[Operation] = &[
//!     Operation::new("GetStates", Method::POST, "/api/GetStates").section("3.12"),
//!     Operation::new("CreateCase", Method::POST, "/api/CreateCase").unsafe_to_retry(),
//! ];
//!
//! let client = Client::builder("demo", OPERATIONS)
//!     .base_url("https://api.example.com")
//!     .override_path("GetStates", "/v2/states")
//!     .build()
//!     .unwrap();
//! let http = client.build_request(&Request::new("GetStates").json(&serde_json::json!({})).unwrap()).unwrap();
//! assert_eq!(http.url.as_str(), "https://api.example.com/v2/states");
//! ```

pub mod auth;
pub mod client;
pub mod decode;
pub mod endpoint;
pub mod error;
pub mod mock;
pub mod multipart;
pub mod open_enum;
pub mod options;
pub mod pagination;
pub mod ratelimit;
pub mod request;
pub mod retry;
#[cfg(feature = "md5")]
pub mod signing;
pub mod store;
mod timers;
pub mod transport;
pub mod validation;
pub mod wire;

pub use auth::{
    AuthTicket, Authenticator, BearerAuth, NoAuth, StaticKey, Token, TokenCache, TokenSource,
};
pub use client::{Client, ClientBuilder, decode_json, decode_json_secret};
pub use endpoint::{BaseUrl, Endpoints, Idempotency, Operation};
pub use error::{ConfigError, Error, RequestSent, TransportErrorKind};
pub use multipart::Multipart;
pub use options::{ClientOptions, DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES};
pub use pagination::{NumberedPage, OffsetPage, collect_capped, offset_paginator, page_paginator};
pub use ratelimit::{Quota, QuotaTracker, RateLimitHeaders};
pub use request::{CallOptions, Request};
pub use retry::{RetryBudget, RetryPolicy};
pub use store::{
    LocalQuotaStore, LocalTokenStore, ObservedQuota, QuotaStore, StoreKey, StoredToken, TokenStore,
};
pub use transport::{HttpRequest, HttpResponse, Transport, TransportError};
pub use validation::{Rule, Strictness, Validate, ValidationErrors, Validator, Violation};

pub use secrecy::{ExposeSecret, SecretString};
/// Re-exported so vendor crates and users name the same versions.
pub use {bytes, futures_core, futures_util, http, reqwest, secrecy, serde_json, url};

/// Not public API: paths the exported macros use.
#[doc(hidden)]
pub mod __private {
    pub use serde;
}

/// A `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
