//! The Redis connection shared by the stores, with its failure policy: every operation is
//! bounded by a timeout, a failure switches the stores to in-process state for a while (one
//! warning, not one per call), and Redis is tried again afterwards.

use std::fmt;
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{Client, RedisError, RedisResult};

/// A Redis connection for [`RedisQuotaStore`](crate::RedisQuotaStore) and
/// [`RedisTokenStore`](crate::RedisTokenStore). Cheap to clone; clones share the connection.
///
/// Nothing connects until the first operation, so a process starts even while Redis is down
/// (it then runs on in-process state until Redis answers).
///
/// Key layout, under the prefix (default `partner`), `{...}` being a Redis Cluster hash tag
/// so that each entry and its lock live on one shard:
///
/// | key | type | holds |
/// |---|---|---|
/// | `partner:quota:{vendor:hash}` | hash | `remaining`, `limit`, `reset_at` (ms, Redis clock); expires at the reset plus a margin |
/// | `partner:quota:{vendor:hash}:probe` | string | the lease of the one request sent while the window is unknown |
/// | `partner:token:{vendor:hash}` | hash | `token`, `fp` (its SHA-256), `issued_ms`, `expires_ms`; expires an hour after the token |
/// | `partner:token:{vendor:hash}:lock` | string | the refresh lock holder's random id, with a TTL |
///
/// `hash` is partner-core's `StoreKey` hash: 128 bits of SHA-256 over the vendor and the
/// credential identity. The token itself is stored (other processes need it): protect the
/// Redis instance as you protect the credentials (ACLs, TLS with a `rediss://` URL and the
/// `redis` crate's TLS feature, a private network).
#[derive(Clone)]
pub struct RedisStore {
    inner: Arc<Inner>,
}

struct Inner {
    client: Client,
    manager: tokio::sync::OnceCell<ConnectionManager>,
    prefix: String,
    op_timeout: Duration,
    retry_after: Duration,
    warn_every: Duration,
    down_until: Mutex<Option<Instant>>,
    last_warning: Mutex<Option<Instant>>,
    down: AtomicBool,
    fallbacks: AtomicU64,
    suppressed: AtomicU64,
}

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The URL may carry a password: only the address is shown.
        let info = self.inner.client.get_connection_info();
        f.debug_struct("RedisStore")
            .field("addr", &info.addr().to_string())
            .field("prefix", &self.inner.prefix)
            .field("op_timeout", &self.inner.op_timeout)
            .field("retry_after", &self.inner.retry_after)
            .field("fallbacks", &self.fallbacks())
            .finish()
    }
}

/// Settings of a [`RedisStore`].
#[derive(Debug, Clone)]
#[must_use]
pub struct RedisStoreBuilder {
    url: String,
    prefix: String,
    op_timeout: Duration,
    retry_after: Duration,
    warn_every: Duration,
}

impl RedisStoreBuilder {
    /// The key prefix (default `partner`), to separate environments sharing one Redis.
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// The longest a Redis operation may take before the stores fall back to in-process
    /// state (default 500 ms; connecting is bounded by the same time).
    pub fn op_timeout(mut self, d: Duration) -> Self {
        self.op_timeout = d;
        self
    }

    /// How long after a failure the stores stay on in-process state before trying Redis
    /// again (default 1 s).
    pub fn retry_after(mut self, d: Duration) -> Self {
        self.retry_after = d;
        self
    }

    /// The least time between two warnings about Redis failing (default 30 s).
    pub fn warn_every(mut self, d: Duration) -> Self {
        self.warn_every = d;
        self
    }

    /// The store. Fails only on a malformed URL; nothing connects yet.
    pub fn build(self) -> RedisResult<RedisStore> {
        let client = Client::open(self.url.as_str())?;
        Ok(RedisStore {
            inner: Arc::new(Inner {
                client,
                manager: tokio::sync::OnceCell::new(),
                prefix: self.prefix,
                op_timeout: self.op_timeout,
                retry_after: self.retry_after,
                warn_every: self.warn_every,
                down_until: Mutex::new(None),
                last_warning: Mutex::new(None),
                down: AtomicBool::new(false),
                fallbacks: AtomicU64::new(0),
                suppressed: AtomicU64::new(0),
            }),
        })
    }
}

impl RedisStore {
    /// A store on `url` (`redis://host:port/db`, `redis://:password@host/`,
    /// `redis+unix:///path`) with default settings.
    pub fn open(url: &str) -> RedisResult<RedisStore> {
        Self::builder(url).build()
    }

    /// A builder for the prefix, timeouts and warning rate.
    pub fn builder(url: impl Into<String>) -> RedisStoreBuilder {
        RedisStoreBuilder {
            url: url.into(),
            prefix: "partner".to_owned(),
            op_timeout: Duration::from_millis(500),
            retry_after: Duration::from_secs(1),
            warn_every: Duration::from_secs(30),
        }
    }

    /// How many store operations were answered from in-process state because Redis failed
    /// or was being given time to recover.
    pub fn fallbacks(&self) -> u64 {
        self.inner.fallbacks.load(Ordering::Relaxed)
    }

    /// Whether the last Redis operation failed (the stores are on in-process state).
    pub fn is_down(&self) -> bool {
        self.inner.down.load(Ordering::Relaxed)
    }

    /// The key of `kind` (`quota`, `token`) for a store key.
    pub(crate) fn key(&self, kind: &str, key: &partner_core::StoreKey) -> String {
        format!(
            "{}:{kind}:{{{}:{}}}",
            self.inner.prefix,
            key.vendor(),
            key.hash()
        )
    }

    async fn manager(&self) -> RedisResult<ConnectionManager> {
        let inner = &self.inner;
        inner
            .manager
            .get_or_try_init(|| async {
                let config = ConnectionManagerConfig::new()
                    .set_connection_timeout(Some(inner.op_timeout))
                    .set_response_timeout(Some(inner.op_timeout))
                    .set_number_of_retries(1)
                    .set_max_delay(inner.retry_after);
                ConnectionManager::new_lazy_with_config(inner.client.clone(), config)
            })
            .await
            .cloned()
    }

    /// Runs one Redis operation, or returns `None` (the caller then answers from in-process
    /// state) when Redis fails, times out or failed less than `retry_after` ago.
    pub(crate) async fn run<T, F, Fut>(&self, what: &'static str, op: F) -> Option<T>
    where
        F: FnOnce(ConnectionManager) -> Fut,
        Fut: Future<Output = RedisResult<T>>,
    {
        let inner = &self.inner;
        let resting = inner
            .down_until
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some_and(|until| Instant::now() < until);
        if resting {
            inner.fallbacks.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        let attempt = async {
            let manager = self.manager().await?;
            op(manager).await
        };
        let result = match tokio::time::timeout(inner.op_timeout, attempt).await {
            Ok(result) => result,
            Err(_) => Err(RedisError::from(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                format!("no answer within {:?}", inner.op_timeout),
            ))),
        };
        match result {
            Ok(value) => {
                if inner.down.swap(false, Ordering::Relaxed) {
                    tracing::info!(
                        target: "partner_redis",
                        fallbacks = inner.fallbacks.load(Ordering::Relaxed),
                        "redis answers again: quotas and tokens are shared across processes again"
                    );
                }
                Some(value)
            }
            Err(error) => {
                self.failed(what, &error);
                None
            }
        }
    }

    fn failed(&self, what: &'static str, error: &RedisError) {
        let inner = &self.inner;
        inner.fallbacks.fetch_add(1, Ordering::Relaxed);
        inner.down.store(true, Ordering::Relaxed);
        let now = Instant::now();
        *inner.down_until.lock().unwrap_or_else(|e| e.into_inner()) = Some(now + inner.retry_after);
        let mut last = inner.last_warning.lock().unwrap_or_else(|e| e.into_inner());
        if last.is_some_and(|at| now.duration_since(at) < inner.warn_every) {
            inner.suppressed.fetch_add(1, Ordering::Relaxed);
            tracing::debug!(target: "partner_redis", operation = what, %error, "redis failed");
            return;
        }
        *last = Some(now);
        let suppressed = inner.suppressed.swap(0, Ordering::Relaxed);
        tracing::warn!(
            target: "partner_redis",
            operation = what,
            %error,
            retry_in_ms = inner.retry_after.as_millis() as u64,
            similar_failures_not_logged = suppressed,
            "redis failed: falling back to in-process quota and token state (calls go on)"
        );
    }
}
