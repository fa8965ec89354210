//! # partner-redis
//!
//! Quotas and login tokens of the `partner-clients` vendor crates, shared on Redis by many
//! processes: N workers on one Claire API key stay under its quota together, N pods with one
//! CarFix or Jifeline credential log in once between them.
//!
//! ```no_run
//! use std::sync::Arc;
//! use partner_redis::{RedisQuotaStore, RedisStore, RedisTokenStore};
//!
//! # fn run() -> Result<(), partner_redis::redis::RedisError> {
//! let redis = RedisStore::open("redis://127.0.0.1:6379/")?;
//! let options = partner_core::ClientOptions::new()
//!     .quota_store(Arc::new(RedisQuotaStore::new(redis.clone())))
//!     .token_store(Arc::new(RedisTokenStore::new(redis)));
//! // Hand `options` to the vendor builders: `ClaireClient::builder().options(options)`.
//! # let _ = options; Ok(()) }
//! ```
//!
//! - [`RedisQuotaStore`] implements `partner_core::store::QuotaStore`: one Lua script
//!   reserves a request slot atomically across processes, another reconciles each answer's
//!   `X-RateLimit-*` headers into the shared count (the server's `remaining` wins only when
//!   lower). While the window is unknown (at the start, and after each reset) a single probe
//!   request goes first and the others wait for its answer instead of bursting.
//! - [`RedisTokenStore`] implements `partner_core::store::TokenStore`: the token with its
//!   expiry, and a refresh lock with a TTL (`SET NX PX`), so one process logs in while the
//!   others wait for its token, and a crashed holder blocks nobody past the TTL.
//! - Keys are namespaced by vendor and a hash of the credential, never the credential:
//!   `partner:quota:{claire:<hash>}`, `partner:token:{carfix:<hash>}` (see [`RedisStore`]).
//! - Redis failing never fails a call: each store falls back to in-process state with a
//!   (rate-limited) warning and tries Redis again a moment later.
//!
//! `docs/SCALING.md` in the repository explains when to use it, the failure modes and the
//! measured costs.

mod connection;
mod quota;
mod token;

pub use connection::{RedisStore, RedisStoreBuilder};
pub use quota::RedisQuotaStore;
pub use token::RedisTokenStore;

/// The `redis` crate, re-exported so users name the same version.
pub use redis;

/// The README's example compiles as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
