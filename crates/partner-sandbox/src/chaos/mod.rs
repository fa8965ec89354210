//! The chaos soak: every vendor's reads and creates, with the real client crates, against the
//! sandbox with a share of every field failure injected ([`crate::faults::Fault::CHAOS`]):
//! 500/502/503/504, 429 with and without `Retry-After` and quota headers, connections dropped
//! mid-answer, JSON cut short, an HTML page where JSON belongs, an empty 200, a 10 MB body,
//! an answer slower than the attempt timeout.
//!
//! It counts, per vendor: calls, faults injected, calls that succeeded, calls that failed with
//! a typed error (by kind), retries (requests the sandbox saw beyond one per call), duplicate
//! creates (from the sandbox's own state: one create call must never leave two records),
//! panics, and the worst call latency against the deadline. `cargo xtask chaos` runs it and
//! writes docs/RELIABILITY.md; CI runs a short version and fails on any duplicate, panic or
//! deadline overrun.

mod vendors;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use futures_util::future::BoxFuture;

use crate::faults::FaultConfig;
use crate::{Sandbox, SandboxError, Vendor};

/// How a soak runs.
#[derive(Debug, Clone)]
pub struct ChaosConfig {
    /// Calls per vendor (half reads, half creates).
    pub calls: usize,
    /// Seeds the sandbox's fault draws: the same seed injects the same faults.
    pub seed: u64,
    /// Share of requests given a fault.
    pub fault_rate: f64,
    /// The clients' per-call deadline.
    pub deadline: Duration,
    /// The clients' per-attempt timeout (below the sandbox's 2 s slow answer).
    pub attempt_timeout: Duration,
    /// Calls in flight at once per vendor.
    pub concurrency: usize,
}

impl Default for ChaosConfig {
    fn default() -> Self {
        ChaosConfig {
            calls: 600,
            seed: 7,
            fault_rate: 0.3,
            deadline: Duration::from_secs(3),
            attempt_timeout: Duration::from_secs(1),
            concurrency: 8,
        }
    }
}

/// The outcome of one call, as the soak counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallOutcome {
    /// The call returned its typed answer.
    Ok,
    /// The call returned a typed error of this kind (such as `Status 503`, `Timeout`).
    Failed(String),
}

/// One vendor's workload: call `i` (reads on even numbers, creates on odd ones), and the
/// sandbox's own count of records left twice by one create.
pub(crate) trait Workload: Send + Sync {
    /// Call `i`: its outcome and the time the client call took.
    fn call<'a>(&'a self, sandbox: &'a Sandbox, i: usize)
    -> BoxFuture<'a, (CallOutcome, Duration)>;
    fn duplicates(&self, sandbox: &Sandbox) -> u64;
}

/// What the soak saw for one vendor.
#[derive(Debug, Clone, Default)]
pub struct VendorReport {
    /// The vendor.
    pub vendor: &'static str,
    /// Calls made.
    pub calls: u64,
    /// Faults the sandbox injected.
    pub faults: u64,
    /// Calls that returned their answer.
    pub succeeded: u64,
    /// Calls that returned a typed error.
    pub failed: u64,
    /// Typed errors by kind.
    pub errors: BTreeMap<String, u64>,
    /// Requests beyond one per call (retries and re-logins).
    pub retries: u64,
    /// Records a single create left twice, by the sandbox's state.
    pub duplicate_creates: u64,
    /// Calls that panicked.
    pub panics: u64,
    /// The slowest call.
    pub worst_latency: Duration,
    /// The deadline the clients had.
    pub deadline: Duration,
}

impl VendorReport {
    /// Whether the soak's promises held: no duplicate, no panic, no call past the deadline
    /// by more than `margin`.
    pub fn holds(&self, margin: Duration) -> bool {
        self.duplicate_creates == 0
            && self.panics == 0
            && self.worst_latency <= self.deadline + margin
    }
}

/// Starts a sandbox with chaos faults on every vendor and soaks each in turn.
pub async fn run(config: &ChaosConfig) -> Result<Vec<VendorReport>, SandboxError> {
    let faults = FaultConfig {
        chaos_rate: config.fault_rate,
        ..FaultConfig::none()
    };
    let mut builder = Sandbox::builder().seed(config.seed);
    for vendor in Vendor::ALL {
        builder = builder.faults(vendor, faults.clone());
    }
    let sandbox = builder.start().await?;
    let mut reports = Vec::new();
    for vendor in Vendor::ALL {
        let workload = vendors::workload(&sandbox, vendor, config).await?;
        reports.push(soak(&sandbox, vendor, workload.as_ref(), config).await);
    }
    Ok(reports)
}

async fn soak(
    sandbox: &Sandbox,
    vendor: Vendor,
    workload: &dyn Workload,
    config: &ChaosConfig,
) -> VendorReport {
    use futures_util::StreamExt;
    let before = sandbox.faults(vendor).stats();
    let mut report = VendorReport {
        vendor: vendor.name(),
        deadline: config.deadline,
        ..VendorReport::default()
    };
    let outcomes: Vec<(Result<CallOutcome, ()>, Duration)> =
        futures_util::stream::iter(0..config.calls)
            .map(|i| async move {
                let start = Instant::now();
                // A panic inside the client must not end the soak: it is what we count.
                let call = std::panic::AssertUnwindSafe(workload.call(sandbox, i));
                match futures_util::FutureExt::catch_unwind(call).await {
                    Ok((outcome, latency)) => (Ok(outcome), latency),
                    Err(_) => (Err(()), start.elapsed()),
                }
            })
            .buffer_unordered(config.concurrency.max(1))
            .collect()
            .await;
    for (outcome, latency) in outcomes {
        report.calls += 1;
        report.worst_latency = report.worst_latency.max(latency);
        match outcome {
            Ok(CallOutcome::Ok) => report.succeeded += 1,
            Ok(CallOutcome::Failed(kind)) => {
                report.failed += 1;
                *report.errors.entry(kind).or_default() += 1;
            }
            Err(()) => report.panics += 1,
        }
    }
    let after = sandbox.faults(vendor).stats();
    report.faults = (after.server_errors + after.rate_limited + after.dropped + after.other)
        - (before.server_errors + before.rate_limited + before.dropped + before.other);
    report.retries = (after.requests - before.requests).saturating_sub(report.calls);
    report.duplicate_creates = workload.duplicates(sandbox);
    report
}

/// The kind of a client error, from its `Debug` form (errors never hold secrets): the
/// innermost variant name, with the status for `Status`.
pub(crate) fn kind_of(err: &impl std::fmt::Debug) -> String {
    let text = format!("{err:?}");
    let mut rest = text.as_str();
    // Vendor errors wrap partner-core's: `Core(Status { .. })` reads as `Status`.
    while let Some(inner) = rest
        .strip_prefix("Core(")
        .or_else(|| rest.strip_prefix("Api("))
    {
        rest = inner;
    }
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let detail = |key: &str| {
        rest.split(key).nth(1).map(|t| {
            t.trim_start_matches([' ', ':'])
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect::<String>()
        })
    };
    match name.as_str() {
        "Status" => format!("Status {}", detail("status").unwrap_or_default()),
        "Transport" => format!("Transport {}", detail("kind").unwrap_or_default()),
        "Timeout" => format!("Timeout (sent: {})", detail("sent").unwrap_or_default()),
        _ => name,
    }
}

/// The reports as the markdown tables of docs/RELIABILITY.md.
pub fn markdown(reports: &[VendorReport], config: &ChaosConfig, machine: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!-- Written by `cargo xtask chaos`; do not edit by hand. -->\n# Reliability under faults\n"
    );
    let _ = writeln!(
        out,
        "`cargo xtask chaos --calls {} --seed {}` on {machine}: each vendor's reads and creates \
         with the real clients against the sandbox, {:.0}% of requests given one of every field \
         failure (500, 502 with an HTML page, 503, 504, 429 with `Retry-After`, 429 with quota \
         left and no `Retry-After`, 429 with the quota spent, connection dropped mid-answer, \
         JSON cut short, a proxy's login page, an empty 200, a 10 MB body, an answer past the \
         attempt timeout). Clients: deadline {:?}, attempt timeout {:?}, {} calls in flight.\n",
        config.calls,
        config.seed,
        config.fault_rate * 100.0,
        config.deadline,
        config.attempt_timeout,
        config.concurrency,
    );
    let _ = writeln!(
        out,
        "| vendor | calls | faults injected | succeeded | failed (typed error) | retries | duplicate creates | panics | worst latency / deadline |\n|---|---|---|---|---|---|---|---|---|"
    );
    for r in reports {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {:.2} s / {:.0} s |",
            r.vendor,
            r.calls,
            r.faults,
            r.succeeded,
            r.failed,
            r.retries,
            r.duplicate_creates,
            r.panics,
            r.worst_latency.as_secs_f64(),
            r.deadline.as_secs_f64()
        );
    }
    let _ = writeln!(
        out,
        "\nHow to read it: half the calls are reads (retried on any retryable failure), half \
         creates (resent only when surely not sent, or refused with 429); ShipInsure documents \
         no read, so all its calls are creates, hence its fewer retries and more failures. \
         Duplicate creates are counted from the sandbox's own records (one create call must \
         never leave two; BigFix and ShipInsure refuse a repeated reference with 409, so a \
         resend would show as a `Duplicate` answer to a reference sent once). Every failure is \
         a typed error: `Decode` is an answer that is not the vendor's JSON (an HTML page, an \
         empty or cut body, the 10 MB body), BigFix's `OutcomeUnknown` the same after a 2xx \
         (sent, outcome unreadable), `Transport Body` a dropped connection, `Transport Timeout` \
         an attempt past its timeout, `Status` a 5xx left after the retries, `RateLimited` a \
         429 left after them. No call may end later than its deadline plus 0.5 s of scheduling."
    );
    let _ = writeln!(out, "\nTyped errors by kind:\n");
    for r in reports {
        let kinds: Vec<String> = r.errors.iter().map(|(k, n)| format!("{k}: {n}")).collect();
        let _ = writeln!(out, "- {}: {}", r.vendor, kinds.join(", "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    #[allow(dead_code)]
    enum VendorError {
        Core(partner_core::Error),
        Duplicate { reference: String },
    }

    #[test]
    fn kinds_name_the_innermost_variant() {
        let status = partner_core::Error::Status {
            operation: "GetThing",
            status: 503,
            message: "busy".into(),
            body_excerpt: String::new(),
        };
        assert_eq!(kind_of(&status), "Status 503");
        assert_eq!(kind_of(&VendorError::Core(status)), "Status 503");
        let timeout = partner_core::Error::Timeout {
            operation: "GetThing",
            deadline: Duration::from_secs(3),
            sent: partner_core::RequestSent::Maybe,
        };
        assert_eq!(kind_of(&timeout), "Timeout (sent: Maybe)");
        let dup = VendorError::Duplicate {
            reference: "R1".into(),
        };
        assert_eq!(kind_of(&dup), "Duplicate");
    }

    #[test]
    fn a_report_holds_only_without_duplicates_panics_or_overruns() {
        let ok = VendorReport {
            deadline: Duration::from_secs(3),
            worst_latency: Duration::from_millis(3200),
            ..VendorReport::default()
        };
        assert!(ok.holds(Duration::from_millis(500)));
        assert!(
            !VendorReport {
                duplicate_creates: 1,
                ..ok.clone()
            }
            .holds(Duration::ZERO + Duration::from_secs(1))
        );
        assert!(
            !VendorReport {
                panics: 1,
                ..ok.clone()
            }
            .holds(Duration::from_secs(1))
        );
        assert!(!ok.holds(Duration::from_millis(100)));
    }
}
