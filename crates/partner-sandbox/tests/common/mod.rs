//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::time::Duration;

use partner_core::RetryPolicy;

/// Retries quickly so fault tests do not sleep in real time.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy::default()
        .with_max_attempts(4)
        .with_backoff(Duration::from_millis(1), Duration::from_millis(5))
        .with_jitter(false)
}

/// Tiny latency, for tests that exercise the latency fault.
pub const TINY: Duration = Duration::from_millis(5);
