//! The `api_token_key` never appears in tracing output (captured at TRACE level with span
//! events).
//!
//! Alone in its test binary on purpose: tracing caches per-callsite interest process-wide, so
//! a test running in parallel without a subscriber could switch spans off for this one.

mod common;

use std::io;
use std::sync::{Arc, Mutex};

use common::{cancel, submit};
use partner_core::mock::{MockTransport, json_response};
use serde_json::json;
use shipinsure_client::{EnvironmentConfig, RetryPolicy, ShipInsureClient};
use tracing_subscriber::fmt::format::FmtSpan;

const SECRET: &str = "SUPER-SECRET-KEY-0042";

/// A writer collecting everything the subscriber prints.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Capture {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

#[tokio::test(start_paused = true)]
async fn tracing_output_never_shows_the_key() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(FmtSpan::FULL)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    // A retried call, a rejected one and a successful one: every log path of a call.
    let mock = MockTransport::new();
    mock.push(json_response(
        503,
        &json!({"status": "fail", "message": "busy"}),
    ));
    mock.push(json_response(
        200,
        &json!({"status": "fail", "message": "already cancelled"}),
    ));
    mock.fallback(|_| Ok(json_response(200, &common::success_body())));
    let client = ShipInsureClient::builder(EnvironmentConfig::staging(
        "https://staging.shipinsure.example",
        SECRET,
    ))
    .transport(Arc::new(mock.clone()))
    .retry_policy(RetryPolicy::default().with_max_attempts(3))
    .build()
    .unwrap();
    assert!(
        client
            .deliveries()
            .cancel(&cancel("T1", "POL-1"))
            .await
            .is_err()
    );
    client.deliveries().submit(&submit("T1", 1)).await.unwrap();

    let logs = capture.text();
    // The capture really saw the calls, so the absence below means something.
    for expected in [
        "partner.request",
        "CancelSmeDeliveryOrder",
        "SubmitSmeDelivery",
        "request signed",
        "retrying",
        "rejected",
    ] {
        assert!(logs.contains(expected), "missing {expected:?} in:\n{logs}");
    }
    assert!(!logs.contains(SECRET), "the key leaked into:\n{logs}");
}
