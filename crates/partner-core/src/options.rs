//! The settings every vendor client shares, declared once.
//!
//! [`ClientOptions`] holds what is not vendor-specific: base URL, path and method overrides,
//! timeouts, the per-call deadline, retry policy and budget, the HTTP client or transport,
//! the largest answer read into memory, the stores shared by several processes and the
//! validation [`Strictness`]. Every
//! vendor builder carries one and exposes the same setters through
//! [`client_options_methods!`](crate::client_options_methods), so the methods and their
//! documentation are written here and nowhere else (the way smithy-rs services share one
//! config builder). Build a `ClientOptions` once and hand it to several builders
//! to share it, for example CarFix's affiliate and workshop clients:
//!
//! ```
//! use partner_core::ClientOptions;
//! use std::time::Duration;
//!
//! let common = ClientOptions::new()
//!     .base_url("https://carfix.example")
//!     .timeout(Duration::from_secs(20))
//!     .deadline(Duration::from_secs(45));
//! assert_eq!(common.deadline_or_default(), Duration::from_secs(45));
//! ```

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::Method;

use crate::retry::{RetryBudget, RetryPolicy};
use crate::store::{QuotaStore, TokenStore};
use crate::transport::Transport;
use crate::validation::Strictness;

/// The default deadline of one call, over every attempt, backoff and quota wait.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(60);

/// The default largest answer read into memory (16 MiB). Vendors whose answers are files
/// (BigFix's Excel template) raise their own default.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// Settings shared by every vendor client. Unset values fall back to the vendor's defaults.
///
/// Cheap to clone: transports, budgets and stores are shared, not copied, between the clients
/// built from clones.
#[derive(Clone, Default)]
#[must_use]
pub struct ClientOptions {
    pub(crate) base_url: Option<String>,
    pub(crate) path_overrides: Vec<(String, String)>,
    pub(crate) method_overrides: Vec<(String, Method)>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) connect_timeout: Option<Duration>,
    pub(crate) deadline: Option<Duration>,
    pub(crate) retry: Option<RetryPolicy>,
    pub(crate) retry_budget: Option<Arc<RetryBudget>>,
    pub(crate) http_client: Option<reqwest::Client>,
    pub(crate) transport: Option<Arc<dyn Transport>>,
    pub(crate) max_response_bytes: Option<usize>,
    pub(crate) quota_store: Option<Arc<dyn QuotaStore>>,
    pub(crate) token_store: Option<Arc<dyn TokenStore>>,
    pub(crate) strictness: Option<Strictness>,
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOptions")
            .field("base_url", &self.base_url)
            .field("path_overrides", &self.path_overrides)
            .field("method_overrides", &self.method_overrides)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("deadline", &self.deadline)
            .field("retry", &self.retry)
            .field("own_http_client", &self.http_client.is_some())
            .field("own_transport", &self.transport.is_some())
            .field("max_response_bytes", &self.max_response_bytes)
            .field("shared_quota_store", &self.quota_store.is_some())
            .field("shared_token_store", &self.token_store.is_some())
            .field("strictness", &self.strictness)
            .finish()
    }
}

impl ClientOptions {
    /// Empty options: every setting takes the vendor's default.
    pub fn new() -> Self {
        Self::default()
    }

    /// The vendor's base URL (https, or plain http to a loopback host).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Replaces the path template of one operation, by its name in the vendor's
    /// `OPERATIONS` table. An unknown name fails when the client is built.
    pub fn override_path(mut self, operation: &str, path: impl Into<String>) -> Self {
        self.path_overrides
            .push((operation.to_owned(), path.into()));
        self
    }

    /// Replaces the HTTP method of one operation (the vendor told you `PUT` where the table
    /// says `POST`). An unknown name fails when the client is built.
    pub fn override_method(mut self, operation: &str, method: Method) -> Self {
        self.method_overrides.push((operation.to_owned(), method));
        self
    }

    /// The timeout of each attempt (default 30 s). The whole call is bounded by
    /// [`deadline`](Self::deadline).
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = Some(d);
        self
    }

    /// The connect timeout of the built-in HTTP client (default 10 s).
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.connect_timeout = Some(d);
        self
    }

    /// The deadline of one call over every attempt, backoff and quota wait (default 60 s);
    /// a call may lower it with `CallOptions::deadline`. Past it the call ends with
    /// `Error::Timeout`, which says whether the request may have been sent.
    pub fn deadline(mut self, d: Duration) -> Self {
        self.deadline = Some(d);
        self
    }

    /// The retry policy (default: the vendor's, usually partner-core's 3 attempts).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Shares one retry budget between clients (by default each client has its own).
    pub fn retry_budget(mut self, budget: Arc<RetryBudget>) -> Self {
        self.retry_budget = Some(budget);
        self
    }

    /// Uses your own `reqwest::Client` (proxy, TLS roots, pool settings).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    /// Uses your own transport (`partner_core::mock::MockTransport` in tests, a recorder).
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.transport = Some(transport);
        self
    }

    /// The largest answer body read into memory (default 16 MiB; BigFix's template more).
    /// A larger answer is not read and the call fails with `Error::ResponseTooLarge`.
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = Some(bytes);
        self
    }

    /// Counts the vendor's quota in `store` (keyed by vendor and a hash of the credential)
    /// instead of in this process, so several processes on one key stay under the quota
    /// together (`partner_redis::RedisQuotaStore`). Without it each client counts alone.
    pub fn quota_store(mut self, store: Arc<dyn QuotaStore>) -> Self {
        self.quota_store = Some(store);
        self
    }

    /// Keeps login tokens in `store` (keyed by vendor and a hash of the credential), so
    /// several processes with one credential log in once between them
    /// (`partner_redis::RedisTokenStore`). Without it each client logs in for itself.
    pub fn token_store(mut self, store: Arc<dyn TokenStore>) -> Self {
        self.token_store = Some(store);
        self
    }

    /// Which reading of the vendor's document requests are checked against before sending:
    /// [`Strictness::Lenient`] (the default) refuses only what the document unambiguously
    /// forbids, [`Strictness::Strict`] also the stricter readings the vendor's
    /// `docs/VENDOR.md` lists. Vendors with finer switches let them win when set.
    pub fn strictness(mut self, strictness: Strictness) -> Self {
        self.strictness = Some(strictness);
        self
    }

    /// The strictness in effect: the one set, else [`Strictness::Lenient`].
    pub fn strictness_value(&self) -> Strictness {
        self.strictness.unwrap_or_default()
    }

    /// The shared quota store, when set.
    pub fn quota_store_value(&self) -> Option<&Arc<dyn QuotaStore>> {
        self.quota_store.as_ref()
    }

    /// The shared token store, when set.
    pub fn token_store_value(&self) -> Option<&Arc<dyn TokenStore>> {
        self.token_store.as_ref()
    }

    /// The base URL, when set.
    pub fn base_url_value(&self) -> Option<&str> {
        self.base_url.as_deref()
    }

    /// The deadline in effect: the one set, else [`DEFAULT_DEADLINE`].
    pub fn deadline_or_default(&self) -> Duration {
        self.deadline.unwrap_or(DEFAULT_DEADLINE)
    }

    /// The retry policy set, if any.
    pub fn retry_policy_value(&self) -> Option<&RetryPolicy> {
        self.retry.as_ref()
    }
}

/// Expands, inside a vendor builder's `impl` block, to the common setters of
/// [`ClientOptions`], delegating to a field named `options` of that type. Written once here
/// so every vendor builder has the same methods with the same documentation.
///
/// ```
/// use partner_core::ClientOptions;
///
/// /// A vendor builder.
/// #[derive(Default)]
/// pub struct DemoBuilder {
///     options: ClientOptions,
/// }
///
/// impl DemoBuilder {
///     partner_core::client_options_methods!();
/// }
///
/// let b = DemoBuilder::default().base_url("https://demo.example").override_path("A", "/a");
/// assert_eq!(b.options.base_url_value(), Some("https://demo.example"));
/// ```
#[macro_export]
macro_rules! client_options_methods {
    () => {
        /// Applies shared `partner_core::ClientOptions`, replacing every common setting made
        /// so far (vendor-specific settings such as credentials stay).
        pub fn options(mut self, options: $crate::ClientOptions) -> Self {
            self.options = options;
            self
        }

        /// The vendor's base URL (https, or plain http to a loopback host).
        pub fn base_url(mut self, url: impl Into<String>) -> Self {
            self.options = self.options.base_url(url);
            self
        }

        /// Replaces the path template of one operation, by its name in this crate's
        /// `OPERATIONS` table. An unknown name fails when the client is built.
        pub fn override_path(mut self, operation: &str, path: impl Into<String>) -> Self {
            self.options = self.options.override_path(operation, path);
            self
        }

        /// Replaces the HTTP method of one operation. An unknown name fails when the client
        /// is built.
        pub fn override_method(mut self, operation: &str, method: $crate::http::Method) -> Self {
            self.options = self.options.override_method(operation, method);
            self
        }

        /// The timeout of each attempt (default 30 s); the whole call is bounded by
        /// `deadline`.
        pub fn timeout(mut self, d: ::std::time::Duration) -> Self {
            self.options = self.options.timeout(d);
            self
        }

        /// The connect timeout of the built-in HTTP client (default 10 s).
        pub fn connect_timeout(mut self, d: ::std::time::Duration) -> Self {
            self.options = self.options.connect_timeout(d);
            self
        }

        /// The deadline of one call over every attempt, backoff and quota wait (default
        /// 60 s). Past it the call fails with a timeout error saying whether the request may
        /// have been sent.
        pub fn deadline(mut self, d: ::std::time::Duration) -> Self {
            self.options = self.options.deadline(d);
            self
        }

        /// The retry policy (default: this vendor's).
        pub fn retry_policy(mut self, policy: $crate::RetryPolicy) -> Self {
            self.options = self.options.retry_policy(policy);
            self
        }

        /// Shares one retry budget between clients.
        pub fn retry_budget(mut self, budget: ::std::sync::Arc<$crate::RetryBudget>) -> Self {
            self.options = self.options.retry_budget(budget);
            self
        }

        /// Uses your own `reqwest::Client` (proxy, TLS roots, pool settings).
        pub fn http_client(mut self, client: $crate::reqwest::Client) -> Self {
            self.options = self.options.http_client(client);
            self
        }

        /// Uses your own transport (a mock or recorder in tests).
        pub fn transport(mut self, transport: ::std::sync::Arc<dyn $crate::Transport>) -> Self {
            self.options = self.options.transport(transport);
            self
        }

        /// The largest answer body read into memory; a larger answer fails the call without
        /// being read.
        pub fn max_response_bytes(mut self, bytes: usize) -> Self {
            self.options = self.options.max_response_bytes(bytes);
            self
        }

        /// Counts the vendor's quota in a store shared by several processes (such as
        /// `partner_redis::RedisQuotaStore`) instead of in this process alone.
        pub fn quota_store(
            mut self,
            store: ::std::sync::Arc<dyn $crate::store::QuotaStore>,
        ) -> Self {
            self.options = self.options.quota_store(store);
            self
        }

        /// Keeps login tokens in a store shared by several processes (such as
        /// `partner_redis::RedisTokenStore`), so they log in once between them.
        pub fn token_store(
            mut self,
            store: ::std::sync::Arc<dyn $crate::store::TokenStore>,
        ) -> Self {
            self.options = self.options.token_store(store);
            self
        }

        /// Which reading of the vendor's document requests are checked against before
        /// sending: `Strictness::Lenient` (the default) refuses only what the document
        /// unambiguously forbids; `Strictness::Strict` also applies the stricter readings
        /// this vendor's documentation lists. The vendor's server is the final judge.
        pub fn strictness(mut self, strictness: $crate::Strictness) -> Self {
            self.options = self.options.strictness(strictness);
            self
        }
    };
}
