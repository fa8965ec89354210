//! Vendor quotas read from response headers, shared by every task using one client.
//!
//! After each response the tracker records `limit`, `remaining` and the reset time. Each send
//! spends one unit locally, so concurrent tasks do not overshoot; when nothing remains, senders
//! wait for the reset instead of collecting 429s. Waiting uses tokio's clock, so tests run it
//! with paused time.

use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use http::HeaderMap;
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

#[derive(Debug)]
struct State {
    quota: Quota,
    /// The reset on tokio's clock, used for waiting.
    reset_instant: Option<Instant>,
}

/// Tracks one vendor quota; share it through the client.
#[derive(Debug)]
pub struct QuotaTracker {
    headers: RateLimitHeaders,
    state: Mutex<Option<State>>,
}

impl QuotaTracker {
    /// A tracker reading the given headers.
    pub fn new(headers: RateLimitHeaders) -> Self {
        QuotaTracker {
            headers,
            state: Mutex::new(None),
        }
    }

    /// The last quota seen, if any response carried one.
    pub fn last(&self) -> Option<Quota> {
        self.lock().as_ref().map(|s| s.quota)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<State>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records the quota a response reported.
    pub fn observe(&self, headers: &HeaderMap) {
        let num = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
        };
        let limit = num(self.headers.limit);
        let remaining = num(self.headers.remaining);
        let reset_in = headers
            .get(self.headers.reset)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| crate::retry::parse_reset(v.trim(), SystemTime::now()));
        if limit.is_none() && remaining.is_none() && reset_in.is_none() {
            return;
        }
        let mut state = self.lock();
        *state = Some(State {
            quota: Quota {
                limit,
                remaining,
                reset_at: reset_in.map(|d| SystemTime::now() + d),
            },
            reset_instant: reset_in.map(|d| Instant::now() + d),
        });
    }

    /// How long to wait before sending, spending one unit of quota when sending now.
    fn reserve(&self) -> Option<Duration> {
        let mut guard = self.lock();
        let state = guard.as_mut()?;
        match state.quota.remaining {
            Some(0) => {
                let now = Instant::now();
                match state.reset_instant {
                    Some(at) if at > now => Some(at - now),
                    // The window has reset: forget the old numbers until the next response.
                    _ => {
                        *guard = None;
                        None
                    }
                }
            }
            Some(n) => {
                state.quota.remaining = Some(n - 1);
                None
            }
            None => None,
        }
    }

    /// Waits until a request may be sent under the quota.
    pub async fn acquire(&self) {
        while let Some(wait) = self.reserve() {
            tracing::debug!(
                wait_ms = wait.as_millis() as u64,
                "quota exhausted, waiting for reset"
            );
            tokio::time::sleep(wait).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
