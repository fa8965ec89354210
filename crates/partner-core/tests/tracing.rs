//! Tracing output of a call: the span names the call, and no secret appears.
//!
//! Alone in its test binary on purpose: tracing caches per-callsite interest process-wide, so
//! a test running in parallel without a subscriber could switch the span off for this one.

use std::sync::Arc;

use partner_core::http::Method;
use partner_core::mock::{MockTransport, json_response, response};
use partner_core::{Client, Operation, Request, RetryPolicy, SecretString, StaticKey};
use serde_json::json;

const OPS: &[Operation] = &[Operation::new("GetThing", Method::GET, "/things/{id}")];

fn client(mock: &MockTransport, policy: RetryPolicy) -> Client {
    Client::builder("demo", OPS)
        .base_url("https://api.example.com/v1")
        .transport(Arc::new(mock.clone()))
        .retry_policy(policy)
        .build()
        .unwrap()
}

/// A writer collecting tracing output in memory.
#[derive(Clone, Default)]
struct Captured(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn tracing_spans_name_the_call_and_never_the_secret() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let mock = MockTransport::new();
    mock.push(response(503, &[], ""));
    mock.push(json_response(200, &json!({"token": "hunter2"})));
    let key = StaticKey::query("api_key", SecretString::from("hunter2"));
    let c = client(&mock, RetryPolicy::default()).with_auth(Arc::new(key));
    c.send(Request::new("GetThing").path_param("id", 9))
        .await
        .unwrap();

    let text = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(text.contains("partner.request"), "{text}");
    assert!(text.contains("operation=\"GetThing\""), "{text}");
    assert!(text.contains("path=\"/things/{id}\""), "{text}");
    assert!(text.contains("retrying"), "{text}");
    assert!(!text.contains("hunter2"), "{text}");
}
