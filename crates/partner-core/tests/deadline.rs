//! One deadline per call, waits that never outlive it, and answers with bounds. Every waiting
//! test runs on paused tokio time, so "an hour" costs nothing and the assertions are exact.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use partner_core::error::{RequestSent, TransportErrorKind};
use partner_core::futures_util::future::BoxFuture;
use partner_core::http::Method;
use partner_core::mock::{MockTransport, json_response, response};
use partner_core::{
    Client, Error, HttpRequest, HttpResponse, Operation, RateLimitHeaders, Request, RetryPolicy,
    Transport, TransportError,
};
use serde_json::json;
use tokio::time::Instant;

const OPS: &[Operation] = &[
    Operation::new("ListThings", Method::GET, "/things"),
    Operation::new("CreateThing", Method::POST, "/things").unsafe_to_retry(),
];

fn claire_like(mock: &MockTransport) -> Client {
    // Claire's old default: server waits of up to an hour accepted by the policy.
    Client::builder("demo", OPS)
        .base_url("https://api.example.com")
        .transport(Arc::new(mock.clone()))
        .retry_policy(
            RetryPolicy::default()
                .with_jitter(false)
                .with_max_server_wait(Duration::from_secs(3600))
                .with_max_elapsed(Duration::from_secs(3720)),
        )
        .rate_limit(RateLimitHeaders::X_RATELIMIT)
        .build()
        .unwrap()
}

const QUOTA_LEFT: &[(&str, &str)] = &[
    ("x-ratelimit-limit", "10800"),
    ("x-ratelimit-remaining", "10800"),
    ("x-ratelimit-reset", "3600"),
];

#[tokio::test(start_paused = true)]
async fn a_503_with_quota_left_retries_by_backoff_not_the_window_reset() {
    let mock = MockTransport::new();
    mock.push(response(503, QUOTA_LEFT, ""));
    mock.push(json_response(200, &json!([])));
    let c = claire_like(&mock);
    let start = Instant::now();
    c.send(Request::new("ListThings")).await.unwrap();
    assert_eq!(start.elapsed(), Duration::from_millis(200));
    assert_eq!(mock.requests().len(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_429_with_quota_left_and_no_retry_after_retries_by_backoff() {
    let mock = MockTransport::new();
    mock.push(response(429, QUOTA_LEFT, ""));
    mock.push(json_response(200, &json!({})));
    let c = claire_like(&mock);
    let start = Instant::now();
    // A create too: a 429 was refused before the vendor acted on it.
    c.send(Request::new("CreateThing")).await.unwrap();
    assert_eq!(start.elapsed(), Duration::from_millis(200));
}

#[tokio::test(start_paused = true)]
async fn a_spent_quota_whose_reset_is_past_the_deadline_fails_at_once() {
    let mock = MockTransport::new();
    mock.push(response(
        429,
        &[
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", "1800"),
        ],
        "",
    ));
    let c = claire_like(&mock);
    let start = Instant::now();
    let err = c.send(Request::new("ListThings")).await.unwrap_err();
    assert_eq!(start.elapsed(), Duration::ZERO);
    match err {
        Error::RateLimited {
            retry_after, sent, ..
        } => {
            assert_eq!(retry_after, Some(Duration::from_secs(1800)));
            assert_eq!(sent, RequestSent::Yes);
        }
        other => panic!("{other:?}"),
    }
    // The tracked quota is now spent: the next call is refused before sending.
    let err = c.send(Request::new("ListThings")).await.unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { sent: RequestSent::No, retry_after: Some(d), .. } if d <= Duration::from_secs(1800)),
        "{err:?}"
    );
    assert_eq!(mock.requests().len(), 1);
    assert_eq!(start.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn a_spent_quota_resetting_within_the_deadline_is_waited_out() {
    let mock = MockTransport::new();
    mock.push(response(
        200,
        &[("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "20")],
        "{}",
    ));
    mock.push(json_response(200, &json!({})));
    let c = claire_like(&mock);
    c.send(Request::new("ListThings")).await.unwrap();
    let start = Instant::now();
    c.send(Request::new("ListThings")).await.unwrap();
    assert_eq!(start.elapsed(), Duration::from_secs(20));
}

/// Answers after a fixed delay on tokio's clock, counting calls.
struct Slow {
    delay: Duration,
    calls: AtomicUsize,
}

impl Transport for Slow {
    fn send(&self, _: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        Box::pin(async move {
            tokio::time::sleep(self.delay).await;
            Ok(response(503, &[], ""))
        })
    }
}

fn slow_client(delay: Duration, deadline: Duration) -> (Client, Arc<Slow>) {
    let slow = Arc::new(Slow {
        delay,
        calls: AtomicUsize::new(0),
    });
    let c = Client::builder("demo", OPS)
        .base_url("https://api.example.com")
        .transport(slow.clone())
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(100)
                .with_jitter(false),
        )
        // Attempts may take long: the deadline is what bounds these calls.
        .timeout(Duration::from_secs(3600))
        .deadline(deadline)
        .build()
        .unwrap();
    (c, slow)
}

#[tokio::test(start_paused = true)]
async fn the_deadline_covers_every_attempt_and_backoff() {
    let (c, slow) = slow_client(Duration::from_secs(4), Duration::from_secs(10));
    let start = Instant::now();
    let err = c.send(Request::new("ListThings")).await.unwrap_err();
    // 4 s, backoff 0.2 s, 4 s, then 0.4 s of backoff would leave 1.4 s: a third attempt
    // starts and the deadline cuts it at 10 s, or the backoff does not fit and the last 503
    // is returned; either way no later than the deadline.
    assert!(
        start.elapsed() <= Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    assert!(slow.calls.load(Ordering::SeqCst) >= 2);
    match err {
        Error::Timeout { deadline, sent, .. } => {
            assert_eq!(deadline, Duration::from_secs(10));
            // Earlier attempts were answered (503): the vendor has seen the request.
            assert_eq!(sent, RequestSent::Yes);
        }
        Error::Status { status: 503, .. } => {}
        other => panic!("{other:?}"),
    }
}

#[tokio::test(start_paused = true)]
async fn a_call_lowers_the_deadline_and_a_stuck_create_says_it_may_have_been_sent() {
    let (c, slow) = slow_client(Duration::from_secs(600), Duration::from_secs(60));
    let start = Instant::now();
    let err = c
        .send(Request::new("CreateThing").deadline(Duration::from_secs(5)))
        .await
        .unwrap_err();
    assert_eq!(start.elapsed(), Duration::from_secs(5));
    assert_eq!(slow.calls.load(Ordering::SeqCst), 1);
    assert!(
        matches!(err, Error::Timeout { sent: RequestSent::Maybe, deadline, .. } if deadline == Duration::from_secs(5)),
        "{err:?}"
    );
    assert_eq!(err.request_sent(), RequestSent::Maybe);
    assert!(err.to_string().contains("may have been received"), "{err}");
    // A call cannot raise the client's deadline.
    let start = Instant::now();
    let err = c
        .send(Request::new("CreateThing").deadline(Duration::from_secs(7200)))
        .await
        .unwrap_err();
    assert_eq!(start.elapsed(), Duration::from_secs(60));
    assert!(matches!(err, Error::Timeout { .. }));
}

#[tokio::test]
async fn answers_that_are_not_json_say_so_plainly() {
    let mock = MockTransport::new();
    let html = format!("<html>{}</html>", "x".repeat(5107));
    mock.push(response(
        200,
        &[("content-type", "text/html; charset=utf-8")],
        html,
    ));
    mock.push(response(200, &[("content-type", "application/json")], ""));
    mock.push(response(
        200,
        &[("content-type", "application/json")],
        "{\"a\": 1",
    ));
    let c = claire_like(&mock);
    let err = c
        .send_json::<serde_json::Value>(Request::new("ListThings"))
        .await
        .unwrap_err();
    match &err {
        Error::Decode {
            message,
            status,
            content_type,
            ..
        } => {
            assert_eq!(message, "expected JSON, got text/html, 5,120 bytes");
            assert_eq!(*status, Some(200));
            assert_eq!(content_type.as_deref(), Some("text/html; charset=utf-8"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.request_sent(), RequestSent::Yes);
    let err = c
        .send_json::<serde_json::Value>(Request::new("ListThings"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Decode { message, .. } if message == "empty body"),
        "{err:?}"
    );
    let err = c
        .send_json::<serde_json::Value>(Request::new("ListThings"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Decode { message, status: Some(200), .. } if message.contains("EOF")),
        "{err:?}"
    );
}

#[tokio::test]
async fn an_answer_over_the_limit_is_a_typed_error() {
    let mock = MockTransport::new();
    mock.push(response(200, &[], vec![b' '; 2048]));
    let c = Client::builder("demo", OPS)
        .base_url("https://api.example.com")
        .transport(Arc::new(mock.clone()))
        .max_response_bytes(1024)
        .build()
        .unwrap();
    let err = c.send(Request::new("ListThings")).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::ResponseTooLarge {
                limit: 1024,
                status: 200,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(!err.is_retryable());
    assert_eq!(
        mock.requests().len(),
        1,
        "an oversized answer is not retried"
    );
}

#[tokio::test]
async fn a_cut_short_answer_to_a_create_says_it_was_received_and_is_not_resent() {
    let mock = MockTransport::new();
    mock.push_error(TransportError::new(
        TransportErrorKind::CutShort,
        RequestSent::Yes,
        "body ended early",
    ));
    let c = claire_like(&mock);
    let err = c.send(Request::new("CreateThing")).await.unwrap_err();
    assert_eq!(err.request_sent(), RequestSent::Yes);
    assert!(err.to_string().contains("answer cut short"), "{err}");
    assert!(err.to_string().contains("request received"), "{err}");
    assert_eq!(mock.requests().len(), 1);
}

/// Serves one raw HTTP answer per connection on 127.0.0.1, then closes the connection.
fn raw_server(answer: &'static [u8]) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let Ok(mut stream) = stream else { return };
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(answer);
        }
    });
    format!("http://{addr}")
}

#[tokio::test]
async fn over_reqwest_a_body_cut_short_after_the_status_line_was_received() {
    let url = raw_server(
        b"HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"id\":",
    );
    let c = Client::builder("demo", OPS).base_url(url).build().unwrap();
    let err = c.send(Request::new("CreateThing")).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: TransportErrorKind::CutShort,
                sent: RequestSent::Yes,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn over_reqwest_an_announced_oversized_body_is_not_read() {
    let url = raw_server(b"HTTP/1.1 200 OK\r\ncontent-length: 104857600\r\n\r\n{}");
    let c = Client::builder("demo", OPS)
        .base_url(url)
        .max_response_bytes(1 << 20)
        .build()
        .unwrap();
    let err = c.send(Request::new("ListThings")).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::ResponseTooLarge {
                limit: 1048576,
                status: 200,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn each_attempt_has_its_own_timer_even_over_a_transport_that_ignores_timeouts() {
    let slow = Arc::new(Slow {
        delay: Duration::from_secs(600),
        calls: AtomicUsize::new(0),
    });
    let c = Client::builder("demo", OPS)
        .base_url("https://api.example.com")
        .transport(slow.clone())
        .retry_policy(RetryPolicy::default().with_jitter(false))
        .timeout(Duration::from_secs(2))
        .deadline(Duration::from_secs(60))
        .build()
        .unwrap();
    let start = Instant::now();
    let err = c.send(Request::new("ListThings")).await.unwrap_err();
    // Three attempts of 2 s with 0.2 s and 0.4 s of backoff between them.
    assert_eq!(start.elapsed(), Duration::from_millis(6600));
    assert_eq!(slow.calls.load(Ordering::SeqCst), 3);
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: TransportErrorKind::Timeout,
                sent: RequestSent::Maybe,
                ..
            }
        ),
        "{err:?}"
    );
    // A create is not resent after its attempt timed out.
    let start = Instant::now();
    let err = c.send(Request::new("CreateThing")).await.unwrap_err();
    assert_eq!(start.elapsed(), Duration::from_secs(2));
    assert_eq!(err.request_sent(), RequestSent::Maybe);
}
