//! When to send a request again, and how long to wait first.
//!
//! [`decide`] is a pure function of the policy, the attempt so far and the outcome; it is
//! tested as a table. [`RetryBudget`] is the client-wide part: every retry spends tokens and
//! every success refunds a little, so a vendor that keeps failing gets at most a bounded amount
//! of extra load from all tasks together rather than every call tripling it.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime};

use http::{HeaderMap, StatusCode};

use crate::error::{RequestSent, TransportErrorKind};

/// How a client retries. Per-call options can only lower these bounds, never raise them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Attempts in all, including the first (1 means no retry).
    pub max_attempts: u32,
    /// Wait before the first retry; doubles each time.
    pub initial_backoff: Duration,
    /// Longest computed backoff.
    pub max_backoff: Duration,
    /// No retry starts once this much time has passed since the first attempt.
    pub max_elapsed: Duration,
    /// The longest server-requested wait (Retry-After, rate-limit reset) we accept; longer
    /// waits stop with a rate-limited error instead of sleeping.
    pub max_server_wait: Duration,
    /// Randomise waits (equal jitter) so many clients do not retry in lockstep.
    pub jitter: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            max_elapsed: Duration::from_secs(60),
            max_server_wait: Duration::from_secs(60),
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Sets the number of attempts (at least 1).
    pub fn with_max_attempts(mut self, n: u32) -> Self {
        self.max_attempts = n.max(1);
        self
    }

    /// Sets initial and maximum backoff.
    pub fn with_backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max.max(initial);
        self
    }

    /// Sets the elapsed-time bound.
    pub fn with_max_elapsed(mut self, d: Duration) -> Self {
        self.max_elapsed = d;
        self
    }

    /// Sets the longest accepted server-requested wait.
    pub fn with_max_server_wait(mut self, d: Duration) -> Self {
        self.max_server_wait = d;
        self
    }

    /// Turns jitter on or off.
    pub fn with_jitter(mut self, jitter: bool) -> Self {
        self.jitter = jitter;
        self
    }

    /// The backoff before retry number `retry` (1-based), before jitter.
    pub fn backoff(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.saturating_sub(1));
        self.initial_backoff
            .saturating_mul(factor)
            .min(self.max_backoff)
    }
}

/// What happened on one attempt, as far as retrying cares.
#[derive(Debug, Clone, Copy)]
pub enum Outcome<'a> {
    /// The vendor answered.
    Response {
        /// Status.
        status: StatusCode,
        /// Headers (for Retry-After and rate-limit resets).
        headers: &'a HeaderMap,
    },
    /// No answer.
    Transport {
        /// Kind of failure.
        kind: TransportErrorKind,
        /// Whether it may have been received.
        sent: RequestSent,
    },
}

/// Where the attempt stands.
#[derive(Debug, Clone, Copy)]
pub struct Attempt {
    /// Attempts made so far, including the one that just finished (1-based).
    pub number: u32,
    /// Time since the first attempt started.
    pub elapsed: Duration,
    /// Whether the operation (or the caller's opt-in) allows resending.
    pub idempotent: bool,
    /// Attempts allowed for this call (policy combined with per-call options).
    pub max_attempts: u32,
    /// Time left before the call's deadline.
    pub deadline_left: Duration,
}

/// Why retrying stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// The outcome is final (success, or an error retrying cannot fix).
    Final,
    /// Retryable, but the operation is not safe to repeat and may have been received.
    NotIdempotent,
    /// No attempts left.
    AttemptsExhausted,
    /// The elapsed-time bound would be passed.
    ElapsedExhausted,
    /// The server asked for a longer wait than the policy accepts.
    ServerWaitTooLong(Duration),
    /// The wait (server-requested or backoff) would end past the call's deadline.
    PastDeadline(Duration),
}

/// The decision after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Send again after waiting.
    RetryAfter(Duration),
    /// Stop and return this outcome.
    Stop(StopReason),
}

/// Statuses worth retrying: timeouts, rate limits and transient server failures.
pub fn is_retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// Decides whether to retry. `jitter` is a number in `[0, 1)`; `now` dates HTTP-date headers.
///
/// A 429 is resent even for unsafe operations: the vendor refused it before doing anything.
/// Other failures are resent for unsafe operations only when the request surely never left.
/// The wait is what the server asked for ([`requested_wait`]), else exponential backoff; a
/// wait that would end past the deadline stops at once, so the caller decides.
pub fn decide(
    policy: &RetryPolicy,
    attempt: Attempt,
    outcome: Outcome<'_>,
    jitter: f64,
    now: SystemTime,
) -> Decision {
    let (retryable, safe_anyway, server_wait) = match outcome {
        Outcome::Response { status, headers } => {
            let code = status.as_u16();
            (
                is_retryable_status(code),
                code == 429,
                requested_wait(code, headers, now),
            )
        }
        Outcome::Transport { kind, sent } => (
            kind.is_retryable() || sent == RequestSent::No,
            sent == RequestSent::No,
            None,
        ),
    };
    if !retryable {
        return Decision::Stop(StopReason::Final);
    }
    if !attempt.idempotent && !safe_anyway {
        return Decision::Stop(StopReason::NotIdempotent);
    }
    if attempt.number >= attempt.max_attempts.min(policy.max_attempts) {
        return Decision::Stop(StopReason::AttemptsExhausted);
    }
    let wait = match server_wait {
        Some(wait) if wait > policy.max_server_wait => {
            return Decision::Stop(StopReason::ServerWaitTooLong(wait));
        }
        Some(wait) => wait,
        None => {
            let base = policy.backoff(attempt.number);
            if policy.jitter {
                // Equal jitter: half fixed, half random, so waits still grow.
                base / 2 + base.mul_f64(jitter.clamp(0.0, 1.0) / 2.0)
            } else {
                base
            }
        }
    };
    if wait > attempt.deadline_left {
        return Decision::Stop(StopReason::PastDeadline(wait));
    }
    if attempt.elapsed + wait > policy.max_elapsed {
        return Decision::Stop(StopReason::ElapsedExhausted);
    }
    Decision::RetryAfter(wait)
}

/// How long the server asked us to wait before sending again, by the status and headers:
///
/// - `Retry-After` (seconds or HTTP-date) on any retryable status;
/// - a rate-limit reset (`X-RateLimit-Reset`, `RateLimit-Reset`) only on a 429 whose answer
///   shows the quota spent (`X-RateLimit-Remaining: 0`) or does not say: a 429 with quota
///   left, and any 5xx, are transient and wait by backoff instead. (Claire sends its reset on
///   every answer; waiting for it after a 503 stalled calls for up to an hour.)
pub fn requested_wait(status: u16, headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    if !is_retryable_status(status) {
        return None;
    }
    if let Some(v) = header_str(headers, "retry-after") {
        return parse_retry_after(v, now);
    }
    if status != 429 {
        return None;
    }
    let remaining = ["x-ratelimit-remaining", "ratelimit-remaining"]
        .iter()
        .find_map(|name| header_str(headers, name))
        .and_then(|v| v.parse::<u64>().ok());
    if remaining.is_some_and(|n| n > 0) {
        return None;
    }
    ["x-ratelimit-reset", "ratelimit-reset"]
        .iter()
        .find_map(|name| header_str(headers, name))
        .and_then(|v| parse_reset(v, now))
}

/// How long the server asked us to wait: `Retry-After` (seconds or HTTP-date), else a
/// rate-limit reset header (`X-RateLimit-Reset` / `RateLimit-Reset`, delta seconds or epoch).
pub fn server_wait(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    if let Some(v) = header_str(headers, "retry-after") {
        return parse_retry_after(v, now);
    }
    ["x-ratelimit-reset", "ratelimit-reset"]
        .iter()
        .find_map(|name| header_str(headers, name))
        .and_then(|v| parse_reset(v, now))
}

fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

/// Parses `Retry-After`: delta seconds or an HTTP-date (a date in the past means now).
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let at = SystemTime::from(date.with_timezone(&chrono::Utc));
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Values above this are read as a Unix time rather than a number of seconds.
const EPOCH_THRESHOLD: u64 = 1_000_000_000;

/// Parses a rate-limit reset: seconds from now, or a Unix time in seconds.
pub fn parse_reset(value: &str, now: SystemTime) -> Option<Duration> {
    let n: u64 = value.split('.').next()?.parse().ok()?;
    Some(reset_after(n, || now))
}

/// A reset of `n`: seconds from now, or (from [`EPOCH_THRESHOLD`] on) a Unix time, read
/// against `now`, which only a Unix time needs.
pub(crate) fn reset_after(n: u64, now: impl FnOnce() -> SystemTime) -> Duration {
    if n >= EPOCH_THRESHOLD {
        let at = SystemTime::UNIX_EPOCH + Duration::from_secs(n);
        at.duration_since(now()).unwrap_or(Duration::ZERO)
    } else {
        Duration::from_secs(n)
    }
}

/// A token bucket shared by every call of a client (and its clones).
///
/// Each retry costs [`RetryBudget::RETRY_COST`] tokens (timeouts cost double), each first-try
/// success refunds one. When the bucket is empty, failures are returned instead of retried.
#[derive(Debug)]
pub struct RetryBudget {
    capacity: u32,
    tokens: AtomicU32,
}

impl Default for RetryBudget {
    fn default() -> Self {
        Self::new(500)
    }
}

impl RetryBudget {
    /// Tokens a retry costs.
    pub const RETRY_COST: u32 = 5;
    /// Tokens a retry after a timeout costs.
    pub const TIMEOUT_RETRY_COST: u32 = 10;

    /// A full bucket of `capacity` tokens.
    pub fn new(capacity: u32) -> Self {
        RetryBudget {
            capacity,
            tokens: AtomicU32::new(capacity),
        }
    }

    /// Takes `cost` tokens if there are enough.
    pub fn try_acquire(&self, cost: u32) -> bool {
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| t.checked_sub(cost))
            .is_ok()
    }

    /// Returns tokens after a success, up to capacity.
    pub fn refund(&self, n: u32) {
        // Every first-try success refunds: a full bucket (the usual state) costs one load.
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                (t < self.capacity).then(|| t.saturating_add(n).min(self.capacity))
            });
    }

    /// Tokens left.
    pub fn available(&self) -> u32 {
        self.tokens.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    fn at(n: u32, idempotent: bool) -> Attempt {
        Attempt {
            number: n,
            elapsed: Duration::ZERO,
            idempotent,
            max_attempts: u32::MAX,
            deadline_left: Duration::from_secs(3600),
        }
    }

    #[test]
    fn decision_table() {
        let p = RetryPolicy::default().with_jitter(false);
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let none = HeaderMap::new();
        let ra = headers(&[("retry-after", "7")]);
        let ra_date = headers(&[("retry-after", "Tue, 14 Nov 2023 22:13:40 GMT")]); // now + 20 s
        let reset = headers(&[("x-ratelimit-reset", "1700000030")]);
        let long = headers(&[("retry-after", "3600")]);
        // Claire sends its quota on every answer, errors included.
        let quota_left = headers(&[
            ("x-ratelimit-limit", "10800"),
            ("x-ratelimit-remaining", "10800"),
            ("x-ratelimit-reset", "3600"),
        ]);
        let quota_spent = headers(&[("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "30")]);
        let quota_left_ra = headers(&[("x-ratelimit-remaining", "5"), ("retry-after", "2")]);
        let near = |n| Attempt {
            number: n,
            elapsed: Duration::ZERO,
            idempotent: true,
            max_attempts: u32::MAX,
            deadline_left: Duration::from_secs(10),
        };
        let resp = |s: u16, h| Outcome::Response {
            status: StatusCode::from_u16(s).unwrap(),
            headers: h,
        };
        let tr = |kind, sent| Outcome::Transport { kind, sent };
        use Decision::*;
        use StopReason::*;
        let ms = Duration::from_millis;
        let table: Vec<(Attempt, Outcome<'_>, Decision)> = vec![
            (at(1, true), resp(200, &none), Stop(Final)),
            (at(1, true), resp(400, &none), Stop(Final)),
            (at(1, true), resp(404, &none), Stop(Final)),
            (at(1, true), resp(500, &none), RetryAfter(ms(200))),
            (at(2, true), resp(503, &none), RetryAfter(ms(400))),
            (at(3, true), resp(503, &none), Stop(AttemptsExhausted)),
            (
                at(1, true),
                resp(429, &ra),
                RetryAfter(Duration::from_secs(7)),
            ),
            (
                at(1, true),
                resp(503, &ra_date),
                RetryAfter(Duration::from_secs(20)),
            ),
            (
                at(1, true),
                resp(429, &reset),
                RetryAfter(Duration::from_secs(30)),
            ),
            (
                at(1, true),
                resp(429, &long),
                Stop(ServerWaitTooLong(Duration::from_secs(3600))),
            ),
            (
                at(1, false),
                resp(429, &ra),
                RetryAfter(Duration::from_secs(7)),
            ),
            (at(1, false), resp(503, &none), Stop(NotIdempotent)),
            (
                at(1, false),
                tr(TransportErrorKind::Timeout, RequestSent::Maybe),
                Stop(NotIdempotent),
            ),
            (
                at(1, false),
                tr(TransportErrorKind::Connect, RequestSent::No),
                RetryAfter(ms(200)),
            ),
            (
                at(1, true),
                tr(TransportErrorKind::Timeout, RequestSent::Maybe),
                RetryAfter(ms(200)),
            ),
            (
                at(1, true),
                tr(TransportErrorKind::Other, RequestSent::Maybe),
                Stop(Final),
            ),
            (
                Attempt {
                    number: 1,
                    elapsed: Duration::from_secs(59),
                    idempotent: true,
                    max_attempts: 9,
                    deadline_left: Duration::from_secs(3600),
                },
                resp(500, &none),
                RetryAfter(ms(200)),
            ),
            (
                Attempt {
                    number: 1,
                    elapsed: Duration::from_secs(55),
                    idempotent: true,
                    max_attempts: 9,
                    deadline_left: Duration::from_secs(3600),
                },
                resp(429, &ra),
                Stop(ElapsedExhausted),
            ),
            (
                Attempt {
                    number: 1,
                    elapsed: Duration::ZERO,
                    idempotent: true,
                    max_attempts: 1,
                    deadline_left: Duration::from_secs(3600),
                },
                resp(500, &none),
                Stop(AttemptsExhausted),
            ),
        ];
        let claire_rows: Vec<(Attempt, Outcome<'_>, Decision)> = vec![
            // A 503 waits by backoff, never for the quota window's reset.
            (at(1, true), resp(503, &quota_left), RetryAfter(ms(200))),
            // A 429 with quota left and no Retry-After is transient: backoff.
            (at(1, true), resp(429, &quota_left), RetryAfter(ms(200))),
            // A 429 with quota left and a Retry-After waits as told.
            (
                at(1, true),
                resp(429, &quota_left_ra),
                RetryAfter(Duration::from_secs(2)),
            ),
            // A 429 with the quota spent waits for the reset.
            (
                at(1, true),
                resp(429, &quota_spent),
                RetryAfter(Duration::from_secs(30)),
            ),
            // ... unless the reset lies past the deadline: stop now, the caller decides.
            (
                near(1),
                resp(429, &quota_spent),
                Stop(PastDeadline(Duration::from_secs(30))),
            ),
            (near(1), resp(503, &ra), RetryAfter(Duration::from_secs(7))),
            (
                near(1),
                resp(503, &ra_date),
                Stop(PastDeadline(Duration::from_secs(20))),
            ),
            // Backoff never sleeps past the deadline either.
            (
                Attempt {
                    deadline_left: ms(150),
                    ..at(1, true)
                },
                resp(502, &none),
                Stop(PastDeadline(ms(200))),
            ),
            // A 5xx Retry-After is honoured; a 4xx other than 408/429 never waits.
            (
                at(1, true),
                resp(502, &ra),
                RetryAfter(Duration::from_secs(7)),
            ),
            (at(1, true), resp(400, &ra), Stop(Final)),
        ];
        for (i, (attempt, outcome, expected)) in claire_rows.into_iter().enumerate() {
            assert_eq!(
                decide(&p, attempt, outcome, 0.5, now),
                expected,
                "claire row {i}"
            );
        }
        for (i, (attempt, outcome, expected)) in table.into_iter().enumerate() {
            assert_eq!(decide(&p, attempt, outcome, 0.5, now), expected, "row {i}");
        }
    }

    #[test]
    fn backoff_grows_caps_and_jitters_within_half() {
        let p = RetryPolicy::default();
        assert_eq!(p.backoff(1), Duration::from_millis(200));
        assert_eq!(p.backoff(4), Duration::from_millis(1600));
        assert_eq!(p.backoff(30), Duration::from_secs(10));
        let h = HeaderMap::new();
        let o = Outcome::Response {
            status: StatusCode::BAD_GATEWAY,
            headers: &h,
        };
        let now = SystemTime::now();
        assert_eq!(
            decide(&p, at(1, true), o, 0.0, now),
            Decision::RetryAfter(Duration::from_millis(100))
        );
        let Decision::RetryAfter(d) = decide(&p, at(1, true), o, 0.999_999, now) else {
            panic!()
        };
        assert!(
            d > Duration::from_millis(199) && d < Duration::from_millis(200),
            "{d:?}"
        );
    }

    #[test]
    fn retry_after_formats() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(parse_retry_after("0", now), Some(Duration::ZERO));
        assert_eq!(
            parse_retry_after("Tue, 14 Nov 2023 22:13:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_reset("12", now), Some(Duration::from_secs(12)));
    }

    #[test]
    fn budget_drains_and_refunds() {
        let b = RetryBudget::new(10);
        assert!(b.try_acquire(RetryBudget::RETRY_COST));
        assert!(b.try_acquire(RetryBudget::RETRY_COST));
        assert!(!b.try_acquire(RetryBudget::RETRY_COST));
        b.refund(100);
        assert_eq!(b.available(), 10);
    }

    /// The bucket is one atomic: threads racing for it never take more than it holds, and
    /// refunds never push it past its capacity.
    #[test]
    fn budget_holds_under_racing_threads() {
        let b = std::sync::Arc::new(RetryBudget::new(500));
        let taken: u32 = (0..8)
            .map(|_| {
                let b = b.clone();
                std::thread::spawn(move || (0..1000).filter(|_| b.try_acquire(1)).count() as u32)
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .sum();
        assert_eq!(taken, 500);
        assert_eq!(b.available(), 0);
        let refunders: Vec<_> = (0..8)
            .map(|_| {
                let b = b.clone();
                std::thread::spawn(move || (0..1000).for_each(|_| b.refund(1)))
            })
            .collect();
        refunders.into_iter().for_each(|t| t.join().unwrap());
        assert_eq!(b.available(), 500);
    }
}
