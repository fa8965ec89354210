//! Vendor quotas read from response headers, shared by every task using one client.
//!
//! After each response the tracker records `limit`, `remaining` and the reset time. Each send
//! spends one unit locally, so concurrent tasks do not overshoot; when nothing remains, senders
//! wait for the reset instead of collecting 429s. Waiting uses tokio's clock, so tests run it
//! with paused time. The counting itself is done by a [`QuotaStore`]: in process by default,
//! or shared by many processes (`partner-redis`).

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use futures_util::FutureExt;
use http::{HeaderMap, HeaderName};

use crate::store::{LocalQuotaStore, ObservedQuota, QuotaStore, StoreKey};
#[cfg(test)]
use tokio::time::Instant;

/// The header names a vendor uses for its quota.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimitHeaders {
    /// Requests allowed per window.
    pub limit: &'static str,
    /// Requests left in the window.
    pub remaining: &'static str,
    /// When the window resets (seconds from now, or a Unix time).
    pub reset: &'static str,
}

impl RateLimitHeaders {
    /// `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset`.
    pub const X_RATELIMIT: RateLimitHeaders = RateLimitHeaders {
        limit: "x-ratelimit-limit",
        remaining: "x-ratelimit-remaining",
        reset: "x-ratelimit-reset",
    };
}

/// The last quota a vendor reported (adjusted for requests sent since).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    /// Requests allowed per window.
    pub limit: Option<u64>,
    /// Requests left.
    pub remaining: Option<u64>,
    /// When the window resets, by the wall clock.
    pub reset_at: Option<SystemTime>,
}

/// Tracks one vendor quota; share it through the client.
///
/// The counting happens in a [`QuotaStore`]: by default an in-process [`LocalQuotaStore`] of
/// its own, or a shared one ([`QuotaTracker::with_store`]) so that many processes on one key
/// stay under the vendor's quota together.
pub struct QuotaTracker {
    headers: RateLimitHeaders,
    /// The three header names, parsed once (a `&str` lookup parses and hashes each call).
    names: [HeaderName; 3],
    store: Arc<dyn QuotaStore>,
    /// The same store when it is this tracker's own in-process one: called directly, with no
    /// boxed future, on every call.
    local: Option<Arc<LocalQuotaStore>>,
    key: StoreKey,
}

impl fmt::Debug for QuotaTracker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("QuotaTracker")
            .field("headers", &self.headers)
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

impl QuotaTracker {
    /// A tracker reading the given headers, counting in process.
    pub fn new(headers: RateLimitHeaders) -> Self {
        let local = Arc::new(LocalQuotaStore::new());
        QuotaTracker {
            names: names(&headers),
            headers,
            store: local.clone(),
            local: Some(local),
            key: StoreKey::new("local", &[]),
        }
    }

    /// A tracker counting in `store` under `key` (the vendor and a hash of its credential).
    pub fn with_store(
        headers: RateLimitHeaders,
        store: Arc<dyn QuotaStore>,
        key: StoreKey,
    ) -> Self {
        QuotaTracker {
            names: names(&headers),
            headers,
            store,
            local: None,
            key,
        }
    }

    /// The key this tracker counts under.
    pub fn key(&self) -> &StoreKey {
        &self.key
    }

    /// The last quota seen, if any response carried one.
    pub fn last(&self) -> Option<Quota> {
        self.store.last(&self.key)
    }

    /// Reads the quota headers of a response.
    pub fn parse(&self, headers: &HeaderMap) -> ObservedQuota {
        let [limit, remaining, reset] = &self.names;
        let num = |name: &HeaderName, fraction: bool| {
            headers
                .get(name)
                .and_then(|v| header_u64(v.as_bytes(), fraction))
        };
        ObservedQuota {
            limit: num(limit, false),
            remaining: num(remaining, false),
            reset_in: num(reset, true).map(|n| crate::retry::reset_after(n, SystemTime::now)),
        }
    }

    /// Records the quota a response reported, and waits until the store has it. Prefer this
    /// to [`observe`](Self::observe) in async code: with a shared store, the next
    /// [`reserve_wait`](Self::reserve_wait) then sees the answer.
    pub async fn record(&self, headers: &HeaderMap) {
        if self.record_ready(headers) {
            return;
        }
        let seen = self.parse(headers);
        if !seen.is_empty() {
            self.store.observe(&self.key, seen).await;
        }
    }

    /// Records the quota a response reported. An in-process store records it at once; a
    /// shared store that needs I/O records it on a spawned task (inside a Tokio runtime).
    pub fn observe(&self, headers: &HeaderMap) {
        let seen = self.parse(headers);
        if seen.is_empty() {
            return;
        }
        let store = Arc::clone(&self.store);
        let key = self.key.clone();
        let mut pending = Box::pin(async move { store.observe(&key, seen).await });
        if (&mut pending).now_or_never().is_none() {
            match tokio::runtime::Handle::try_current() {
                Ok(runtime) => {
                    runtime.spawn(pending);
                }
                Err(_) => tracing::debug!("quota observation dropped: no Tokio runtime"),
            }
        }
    }

    /// Spends one unit of quota (`None`: send now), or says how long to wait before asking
    /// again (`Some`). Never sleeps: the caller decides whether the wait fits its deadline.
    pub async fn reserve_wait(&self) -> Option<Duration> {
        match &self.local {
            Some(local) => local.reserve_now(&self.key),
            None => self.store.reserve(&self.key).await,
        }
    }

    /// [`reserve_wait`](Self::reserve_wait) without a future when the store is this
    /// tracker's own in-process one; `None` when the store needs I/O.
    pub(crate) fn reserve_ready(&self) -> Option<Option<Duration>> {
        self.local
            .as_ref()
            .map(|local| local.reserve_now(&self.key))
    }

    /// [`record`](Self::record) without a future when the store is in process (or the answer
    /// carried no quota); false when the store needs I/O and `record` must be awaited.
    pub(crate) fn record_ready(&self, headers: &HeaderMap) -> bool {
        let Some(local) = &self.local else {
            return false;
        };
        local.observe_now(&self.key, self.parse(headers));
        true
    }

    /// Waits until a request may be sent under the quota.
    pub async fn acquire(&self) {
        while let Some(wait) = self.reserve_wait().await {
            tracing::debug!(
                wait_ms = wait.as_millis() as u64,
                "quota exhausted, waiting for reset"
            );
            tokio::time::sleep(wait).await;
        }
    }
}

/// A header's decimal value, blanks around it allowed, read straight from its bytes: quota
/// headers come with every answer, and this costs a fraction of `to_str`, `trim` and
/// `str::parse` (which it matches: an optional `+`, digits, `None` on overflow). With
/// `fraction`, whatever follows a `.` is dropped (`12.5` reads as 12), as for reset times.
fn header_u64(value: &[u8], fraction: bool) -> Option<u64> {
    let value = value.trim_ascii();
    let digits = value.strip_prefix(b"+").unwrap_or(value);
    let end = if fraction {
        digits
            .iter()
            .position(|&b| b == b'.')
            .unwrap_or(digits.len())
    } else {
        digits.len()
    };
    let digits = &digits[..end];
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u64, |n, &b| {
        if b.is_ascii_digit() {
            n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
        } else {
            None
        }
    })
}

/// The header names of `headers`; names that are not valid header names never match.
fn names(headers: &RateLimitHeaders) -> [HeaderName; 3] {
    let name = |n: &str| {
        HeaderName::try_from(n).unwrap_or_else(|_| HeaderName::from_static("x-invalid-header-name"))
    };
    [
        name(headers.limit),
        name(headers.remaining),
        name(headers.reset),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte reader agrees with what it replaces (`to_str`, `trim`, `str::parse`, and for
    /// resets the part before a `.`).
    #[test]
    fn header_numbers_read_as_str_parse_reads_them() {
        let cases: &[&[u8]] = &[
            b"0",
            b"42",
            b" 42 ",
            b"\t7",
            b"+5",
            b"-5",
            b"",
            b" ",
            b"4 2",
            b"12.5",
            b"12.",
            b".5",
            b"abc",
            b"18446744073709551615",
            b"18446744073709551616",
            b"1e3",
            b"\xff1",
            b"++1",
            b"+",
            b"7\t",
        ];
        for &case in cases {
            let text = std::str::from_utf8(case).ok();
            let whole = text.and_then(|t| t.trim().parse::<u64>().ok());
            let before_dot = text.and_then(|t| t.trim().split('.').next()?.parse::<u64>().ok());
            assert_eq!(header_u64(case, false), whole, "{case:?}");
            assert_eq!(header_u64(case, true), before_dot, "{case:?} as a reset");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn waits_for_reset_when_exhausted() {
        let t = QuotaTracker::new(RateLimitHeaders::X_RATELIMIT);
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-limit", "10800".parse().unwrap());
        h.insert("x-ratelimit-remaining", "1".parse().unwrap());
        h.insert("x-ratelimit-reset", "30".parse().unwrap());
        t.observe(&h);
        let start = Instant::now();
        t.acquire().await; // spends the last unit
        assert_eq!(start.elapsed(), Duration::ZERO);
        assert_eq!(t.last().unwrap().remaining, Some(0));
        t.acquire().await; // must wait for the reset
        assert_eq!(start.elapsed(), Duration::from_secs(30));
        assert_eq!(t.last(), None);
    }
}
