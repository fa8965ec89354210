//! Fault injection: added latency, a share of 500/503 answers, 429 storms with
//! `Retry-After`, connections dropped mid-response, and a chaos share drawing from every
//! failure a client meets in the field ([`Fault::CHAOS`]), per vendor.
//!
//! Random faults draw from a seeded generator, so a test that fixes the seed sees the same
//! faults on every run. Tests that need an exact sequence queue faults with
//! [`Faults::push`] or [`Faults::storm`]: queued faults are served first, one per request,
//! before any random draw.
//!
//! A dropped connection runs the vendor handler first (the state changes, as on a real
//! server) and then breaks the response body after its first bytes. That is the case a
//! client cannot tell apart from a lost request, which is why only operations that are
//! safe to repeat may be retried after it.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::SandboxError;

/// A `Duration` as whole milliseconds.
mod millis {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        u64::deserialize(d).map(Duration::from_millis)
    }
}

/// The longest latency a [`FaultConfig`] may add (ten minutes).
pub const MAX_LATENCY: Duration = Duration::from_secs(600);

/// The random faults of one vendor. The default injects nothing.
///
/// As JSON (the `/__sandbox/faults` endpoint) every field is optional and the latency is in
/// milliseconds: `{"latency_ms": 20, "server_error_rate": 0.1, "rate_limit_rate": 0.05,
/// "retry_after_secs": 1, "drop_rate": 0.02}`. As text (the binary's `--faults`):
/// `latency=20ms,errors=0.1,rate-limit=0.05,retry-after=1,drop=0.02`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FaultConfig {
    /// Added before every answer (keep it tiny in tests).
    #[serde(rename = "latency_ms", with = "millis")]
    pub latency: Duration,
    /// Share (0..=1) of requests answered 500 or 503 (half each) without reaching the vendor.
    pub server_error_rate: f64,
    /// Share (0..=1) of requests answered 429 with `Retry-After`.
    pub rate_limit_rate: f64,
    /// The `Retry-After` of injected 429s, in whole seconds (0 tells clients to retry now).
    pub retry_after_secs: u64,
    /// Share (0..=1) of requests whose connection is dropped mid-response.
    pub drop_rate: f64,
    /// Share (0..=1) of requests answered with one of the [`Fault::CHAOS`] faults, drawn
    /// evenly: every status, body and connection failure a client meets in the field.
    pub chaos_rate: f64,
}

impl FaultConfig {
    /// No faults.
    pub fn none() -> Self {
        Self::default()
    }

    /// Checks every share is within 0..=1, the shares add up to at most 1 and the latency
    /// is at most [`MAX_LATENCY`].
    pub fn validate(&self) -> Result<(), SandboxError> {
        for (field, value) in [
            ("server_error_rate", self.server_error_rate),
            ("rate_limit_rate", self.rate_limit_rate),
            ("drop_rate", self.drop_rate),
            ("chaos_rate", self.chaos_rate),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return Err(SandboxError::InvalidFault {
                    field,
                    reason: format!("{value} is not a share between 0 and 1"),
                });
            }
        }
        // Longer would only hang the caller; real timeouts are tested well below this.
        if self.latency > MAX_LATENCY {
            return Err(SandboxError::InvalidFault {
                field: "latency_ms",
                reason: format!("{:?} is longer than {MAX_LATENCY:?}", self.latency),
            });
        }
        if self.server_error_rate + self.rate_limit_rate + self.drop_rate + self.chaos_rate > 1.0 {
            return Err(SandboxError::InvalidFault {
                field: "server_error_rate + rate_limit_rate + drop_rate + chaos_rate",
                reason: "the shares add up to more than 1".to_owned(),
            });
        }
        Ok(())
    }
}

impl std::str::FromStr for FaultConfig {
    type Err = SandboxError;

    /// Reads `latency=20ms,errors=0.1,rate-limit=0.05,retry-after=1,drop=0.02` (any subset,
    /// any order; `none` or an empty text for no faults), then checks the shares.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad =
            |field: &'static str, reason: String| SandboxError::InvalidFault { field, reason };
        let share = |field: &'static str, v: &str| {
            v.parse::<f64>()
                .map_err(|e| bad(field, format!("`{v}`: {e}")))
        };
        let mut config = FaultConfig::none();
        for item in text
            .split(',')
            .map(str::trim)
            .filter(|i| !i.is_empty() && *i != "none")
        {
            let (key, value) = item
                .split_once('=')
                .ok_or_else(|| bad("faults", format!("`{item}` is not key=value")))?;
            match key.trim() {
                "latency" => {
                    let ms = value.trim().trim_end_matches("ms");
                    let ms = ms
                        .parse::<u64>()
                        .map_err(|e| bad("latency", format!("`{value}`: {e}")))?;
                    config.latency = Duration::from_millis(ms);
                }
                "errors" => config.server_error_rate = share("server_error_rate", value)?,
                "rate-limit" => config.rate_limit_rate = share("rate_limit_rate", value)?,
                "drop" => config.drop_rate = share("drop_rate", value)?,
                "chaos" => config.chaos_rate = share("chaos_rate", value)?,
                "retry-after" => {
                    config.retry_after_secs = value
                        .trim()
                        .parse()
                        .map_err(|e| bad("retry_after_secs", format!("`{value}`: {e}")))?;
                }
                other => {
                    return Err(bad(
                        "faults",
                        format!(
                            "unknown setting `{other}` (latency, errors, rate-limit, retry-after, drop, chaos)"
                        ),
                    ));
                }
            }
        }
        config.validate()?;
        Ok(config)
    }
}

/// One injected fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// `500 Internal Server Error`; the vendor never sees the request.
    InternalError,
    /// `503 Service Unavailable`; the vendor never sees the request.
    Unavailable,
    /// `429 Too Many Requests` with `Retry-After: secs`; the vendor never sees the request.
    TooManyRequests {
        /// The `Retry-After` value in seconds.
        retry_after_secs: u64,
    },
    /// The vendor handles the request, then the connection drops mid-response.
    DropConnection,
    /// `502 Bad Gateway` with a proxy's HTML page; the vendor never sees the request.
    BadGatewayHtml,
    /// `504 Gateway Timeout`; the vendor never sees the request.
    GatewayTimeout,
    /// `429` without `Retry-After`, its quota headers showing requests left (a transient
    /// refusal: the client must back off, not wait for the window's reset).
    TooManyRequestsQuotaLeft,
    /// `429` with `X-RateLimit-Remaining: 0` and `X-RateLimit-Reset: 1`: the quota is spent.
    TooManyRequestsQuotaSpent,
    /// `200` carrying a proxy's HTML login page; the vendor never sees the request.
    LoginPage,
    /// `200` with an empty body; the vendor never sees the request.
    EmptyOk,
    /// The vendor handles the request, then its JSON answer is cut in half (the length
    /// header matching the cut, so only the JSON is broken).
    TruncatedJson,
    /// `200` with a 10 MB body that is not the answer; the vendor never sees the request.
    HugeBody,
    /// The vendor handles the request, but the answer comes only after 2 s (past a short
    /// client timeout).
    SlowAnswer,
}

impl Fault {
    /// The faults a chaos draw picks from, evenly.
    pub const CHAOS: &'static [Fault] = &[
        Fault::InternalError,
        Fault::Unavailable,
        Fault::BadGatewayHtml,
        Fault::GatewayTimeout,
        Fault::TooManyRequests {
            retry_after_secs: 0,
        },
        Fault::TooManyRequestsQuotaLeft,
        Fault::TooManyRequestsQuotaSpent,
        Fault::DropConnection,
        Fault::LoginPage,
        Fault::EmptyOk,
        Fault::TruncatedJson,
        Fault::HugeBody,
        Fault::SlowAnswer,
    ];

    /// Whether the vendor's handler runs (its state changes) before the fault shows.
    pub fn reaches_vendor(self) -> bool {
        matches!(
            self,
            Fault::DropConnection | Fault::TruncatedJson | Fault::SlowAnswer
        )
    }
}

/// How many faults a vendor has injected so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FaultStats {
    /// Requests seen (faulty or not).
    pub requests: u64,
    /// 500 and 503 answers injected.
    pub server_errors: u64,
    /// 429 answers injected.
    pub rate_limited: u64,
    /// Connections dropped.
    pub dropped: u64,
    /// Other faults injected (chaos draws: bodies, gateways, slow answers).
    pub other: u64,
}

#[derive(Debug)]
struct State {
    config: FaultConfig,
    rng: fastrand::Rng,
    /// Runs of queued faults (fault, how many more times), so a storm of any length
    /// takes one entry.
    queued: VecDeque<(Fault, usize)>,
    stats: FaultStats,
}

/// The fault settings of one vendor, changeable while the sandbox runs.
#[derive(Debug)]
pub struct Faults {
    state: Mutex<State>,
}

/// What the fault layer does with one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decision {
    pub(crate) latency: Duration,
    pub(crate) fault: Option<Fault>,
}

impl Faults {
    pub(crate) fn new(config: FaultConfig, seed: u64) -> Self {
        Faults {
            state: Mutex::new(State {
                config,
                rng: fastrand::Rng::with_seed(seed),
                queued: VecDeque::new(),
                stats: FaultStats::default(),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic elsewhere never leaves the fault state half-written; keep serving.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Replaces the random fault settings (queued faults stay queued).
    pub fn set(&self, config: FaultConfig) -> Result<(), SandboxError> {
        config.validate()?;
        self.lock().config = config;
        Ok(())
    }

    /// The random fault settings in effect.
    pub fn config(&self) -> FaultConfig {
        self.lock().config.clone()
    }

    /// Removes every fault: random settings and queue.
    pub fn clear(&self) {
        let mut state = self.lock();
        state.config = FaultConfig::none();
        state.queued.clear();
    }

    /// Restarts the random generator from `seed`.
    pub fn reseed(&self, seed: u64) {
        self.lock().rng = fastrand::Rng::with_seed(seed);
    }

    /// Queues faults for the next requests, one each, in order.
    pub fn push(&self, faults: impl IntoIterator<Item = Fault>) {
        self.lock()
            .queued
            .extend(faults.into_iter().map(|f| (f, 1)));
    }

    /// A 429 storm: the next `requests` requests are answered 429 with `Retry-After`.
    pub fn storm(&self, requests: usize, retry_after_secs: u64) {
        if requests > 0 {
            let fault = Fault::TooManyRequests { retry_after_secs };
            self.lock().queued.push_back((fault, requests));
        }
    }

    /// Faults still queued.
    pub fn queued(&self) -> usize {
        self.lock()
            .queued
            .iter()
            .fold(0, |sum, (_, n)| sum.saturating_add(*n))
    }

    /// Counts of requests and injected faults.
    pub fn stats(&self) -> FaultStats {
        self.lock().stats
    }

    /// Decides the fate of one request and counts it.
    pub(crate) fn decide(&self) -> Decision {
        let mut state = self.lock();
        let fault = match next_queued(&mut state.queued) {
            Some(fault) => Some(fault),
            None => {
                let config = state.config.clone();
                // One draw per request, split into bands, so the shares never overlap.
                let draw = state.rng.f64();
                let server = config.server_error_rate;
                let limited = server + config.rate_limit_rate;
                let dropped = limited + config.drop_rate;
                let chaos = dropped + config.chaos_rate;
                if draw < server {
                    Some(if state.rng.bool() {
                        Fault::InternalError
                    } else {
                        Fault::Unavailable
                    })
                } else if draw < limited {
                    Some(Fault::TooManyRequests {
                        retry_after_secs: config.retry_after_secs,
                    })
                } else if draw < dropped {
                    Some(Fault::DropConnection)
                } else if draw < chaos {
                    Some(Fault::CHAOS[state.rng.usize(..Fault::CHAOS.len())])
                } else {
                    None
                }
            }
        };
        state.stats.requests += 1;
        match fault {
            Some(Fault::InternalError | Fault::Unavailable) => state.stats.server_errors += 1,
            Some(
                Fault::TooManyRequests { .. }
                | Fault::TooManyRequestsQuotaLeft
                | Fault::TooManyRequestsQuotaSpent,
            ) => state.stats.rate_limited += 1,
            Some(Fault::DropConnection) => state.stats.dropped += 1,
            Some(_) => state.stats.other += 1,
            None => {}
        }
        Decision {
            latency: state.config.latency,
            fault,
        }
    }
}

/// Takes one fault off the front run of the queue.
fn next_queued(queue: &mut VecDeque<(Fault, usize)>) -> Option<Fault> {
    let (fault, left) = queue.front_mut()?;
    let fault = *fault;
    *left -= 1;
    if *left == 0 {
        queue.pop_front();
    }
    Some(fault)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queued_faults_come_first_then_random_draws() {
        let faults = Faults::new(FaultConfig::none(), 7);
        faults.storm(2, 0);
        faults.push([Fault::DropConnection]);
        let seen: Vec<_> = (0..4).map(|_| faults.decide().fault).collect();
        assert_eq!(
            seen,
            [
                Some(Fault::TooManyRequests {
                    retry_after_secs: 0
                }),
                Some(Fault::TooManyRequests {
                    retry_after_secs: 0
                }),
                Some(Fault::DropConnection),
                None
            ]
        );
        assert_eq!(faults.stats().rate_limited, 2);
        assert_eq!(faults.stats().requests, 4);
        assert_eq!(faults.queued(), 0);
    }

    #[test]
    fn a_storm_of_any_length_is_one_queue_entry() {
        let faults = Faults::new(FaultConfig::none(), 7);
        faults.storm(usize::MAX, 3);
        faults.storm(usize::MAX, 3);
        faults.storm(0, 3);
        assert_eq!(faults.queued(), usize::MAX);
        assert_eq!(
            faults.decide().fault,
            Some(Fault::TooManyRequests {
                retry_after_secs: 3
            })
        );
        faults.clear();
        assert_eq!(faults.queued(), 0);
    }

    #[test]
    fn the_same_seed_gives_the_same_faults() {
        let config = FaultConfig {
            server_error_rate: 0.3,
            rate_limit_rate: 0.2,
            drop_rate: 0.1,
            ..FaultConfig::none()
        };
        let run = || {
            let faults = Faults::new(config.clone(), 42);
            (0..50).map(|_| faults.decide().fault).collect::<Vec<_>>()
        };
        let first = run();
        assert_eq!(first, run());
        assert!(first.iter().any(Option::is_some));
        assert!(first.iter().any(Option::is_none));
    }

    #[test]
    fn text_and_json_forms() {
        let config: FaultConfig =
            "latency=20ms, errors=0.1,rate-limit=0.05,retry-after=2,drop=0.02"
                .parse()
                .unwrap();
        assert_eq!(config.latency, Duration::from_millis(20));
        assert_eq!(
            (
                config.server_error_rate,
                config.rate_limit_rate,
                config.drop_rate
            ),
            (0.1, 0.05, 0.02)
        );
        assert_eq!(config.retry_after_secs, 2);
        assert_eq!("none".parse::<FaultConfig>().unwrap(), FaultConfig::none());
        assert!("errors=2".parse::<FaultConfig>().is_err());
        assert!("speed=1".parse::<FaultConfig>().is_err());
        let json: FaultConfig =
            serde_json::from_str(r#"{"latency_ms": 20, "drop_rate": 0.5}"#).unwrap();
        assert_eq!(
            (json.latency, json.drop_rate),
            (Duration::from_millis(20), 0.5)
        );
        assert_eq!(serde_json::to_value(&json).unwrap()["latency_ms"], 20);
        assert!(serde_json::from_str::<FaultConfig>(r#"{"latency": 1}"#).is_err());
    }

    #[test]
    fn shares_are_checked() {
        let bad = FaultConfig {
            server_error_rate: 1.5,
            ..FaultConfig::none()
        };
        assert!(bad.validate().is_err());
        let too_much = FaultConfig {
            server_error_rate: 0.6,
            drop_rate: 0.6,
            ..FaultConfig::none()
        };
        assert!(too_much.validate().is_err());
        let forever = FaultConfig {
            latency: MAX_LATENCY + Duration::from_millis(1),
            ..FaultConfig::none()
        };
        assert!(forever.validate().is_err());
        let longest = FaultConfig {
            latency: MAX_LATENCY,
            ..FaultConfig::none()
        };
        assert!(longest.validate().is_ok());
    }
}
