//! Claire's rate limit (10,800 requests per hour per key) through the typed client, under
//! paused tokio time: the quota is read from every response, an exhausted quota is waited
//! out before sending, 429s are retried as the headers say, and tasks share one quota.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::Utc;
use claire_client::{
    ClaireClient, Error, ImportAppointment, ImportCar, ImportCustomer, ImportRequest, LocationId,
    RetryPolicy, SecretString,
};
use partner_core::mock::{MockTransport, response};
use tokio::time::Instant;

fn client(mock: &MockTransport) -> ClaireClient {
    client_with(
        mock,
        ClaireClient::default_retry_policy().with_jitter(false),
    )
}

fn client_with(mock: &MockTransport, policy: RetryPolicy) -> ClaireClient {
    ClaireClient::builder()
        .base_url("https://claire.test")
        .api_key(SecretString::from("k"))
        .retry_policy(policy)
        .transport(Arc::new(mock.clone()))
        .build()
        .unwrap()
}

/// A client whose call deadline covers Claire's one-hour window, so quota resets further away
/// than the default deadline (60 s) are waited out.
fn client_for_the_window(mock: &MockTransport) -> ClaireClient {
    ClaireClient::builder()
        .base_url("https://claire.test")
        .api_key(SecretString::from("k"))
        .retry_policy(ClaireClient::default_retry_policy().with_jitter(false))
        .deadline(Duration::from_secs(3600 + 120))
        .transport(Arc::new(mock.clone()))
        .build()
        .unwrap()
}

fn ok(remaining: &str, reset: &str) -> partner_core::HttpResponse {
    response(
        200,
        &[
            ("content-type", "application/json"),
            ("x-ratelimit-limit", "10800"),
            ("x-ratelimit-remaining", remaining),
            ("x-ratelimit-reset", reset),
        ],
        "[]",
    )
}

#[tokio::test(start_paused = true)]
async fn quota_is_exposed_after_each_response() {
    let mock = MockTransport::new();
    mock.push(ok("10799", "3599"));
    let c = client(&mock);
    assert_eq!(c.quota(), None);
    c.tags().list().await.unwrap();
    let q = c.quota().unwrap();
    assert_eq!((q.limit, q.remaining), (Some(10_800), Some(10_799)));
    let left = q
        .reset_at
        .unwrap()
        .duration_since(SystemTime::now())
        .unwrap();
    assert!(
        left > Duration::from_secs(3590) && left <= Duration::from_secs(3599),
        "{left:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn remaining_zero_waits_for_the_reset_before_sending() {
    let mock = MockTransport::new();
    mock.push(ok("0", "120"));
    mock.push(ok("10799", "3600"));
    let c = client_for_the_window(&mock);
    c.locations().list().await.unwrap();
    assert_eq!(c.quota().unwrap().remaining, Some(0));

    let start = Instant::now();
    let pending = tokio::spawn({
        let c = c.clone();
        async move { c.locations().list().await }
    });
    tokio::time::sleep(Duration::from_secs(119)).await;
    assert_eq!(mock.requests().len(), 1, "nothing is sent before the reset");
    pending.await.unwrap().unwrap();
    assert_eq!(start.elapsed(), Duration::from_secs(120));
    assert_eq!(mock.requests().len(), 2);
    assert_eq!(c.quota().unwrap().remaining, Some(10_799));
}

#[tokio::test(start_paused = true)]
async fn reset_given_as_unix_seconds_is_understood() {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let mock = MockTransport::new();
    mock.push(ok("0", &(now + 300).to_string()));
    mock.push(ok("10799", "3600"));
    let c = client_for_the_window(&mock);
    c.tags().list().await.unwrap();
    let start = Instant::now();
    c.tags().list().await.unwrap();
    let waited = start.elapsed();
    assert!(
        waited > Duration::from_secs(298) && waited <= Duration::from_secs(300),
        "{waited:?}"
    );
}

/// Every call has a deadline (partner-core's, 60 s unless set): a reset further away than
/// that is not waited for, the call fails at once with `RateLimited`, and nothing is sent.
#[tokio::test(start_paused = true)]
async fn a_quota_reset_past_the_call_deadline_fails_at_once() {
    let mock = MockTransport::new();
    mock.push(ok("0", "120"));
    let c = client(&mock);
    c.locations().list().await.unwrap();
    let start = Instant::now();
    let err = c.locations().list().await.unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { retry_after: Some(d), .. } if d == Duration::from_secs(120)),
        "{err:?}"
    );
    assert_eq!(start.elapsed(), Duration::ZERO);
    assert_eq!(mock.requests().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn too_many_requests_is_retried_after_retry_after_even_for_import() {
    let mock = MockTransport::new();
    mock.push(response(
        429,
        &[("retry-after", "7"), ("x-ratelimit-remaining", "0")],
        "Too Many Requests",
    ));
    mock.push(response(200, &[], ""));
    let c = client(&mock);
    let at = Utc::now();
    let batch = ImportRequest::new(vec![
        ImportAppointment::new(LocationId(12), "A-1", "WO-1", at, at)
            .car(ImportCar::new("C-1", "WVWZZZ1JZXW000001", "VW", "Golf"))
            .driver(ImportCustomer::new("K-1", "Jansen")),
    ]);
    let start = Instant::now();
    // Import is not safe to repeat after a failure in general, but a 429 means Claire did
    // nothing with it.
    c.appointments().import(&batch).await.unwrap();
    assert_eq!(start.elapsed(), Duration::from_secs(7));
    let sent = mock.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].body, sent[1].body);
}

#[tokio::test(start_paused = true)]
async fn too_many_requests_without_retry_after_waits_for_the_reset_header() {
    let mock = MockTransport::new();
    mock.push(response(
        429,
        &[("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "30")],
        "",
    ));
    mock.push(ok("10799", "3600"));
    let c = client(&mock);
    let start = Instant::now();
    c.questions().list().await.unwrap();
    assert_eq!(start.elapsed(), Duration::from_secs(30));
    assert_eq!(mock.requests().len(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_wait_longer_than_the_policy_allows_is_a_rate_limited_error() {
    let mock = MockTransport::new();
    mock.push(response(429, &[("retry-after", "7200")], ""));
    let c = client(&mock);
    let start = Instant::now();
    let err = c.tags().list().await.unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { retry_after: Some(d), .. } if d == Duration::from_secs(7200)),
        "{err:?}"
    );
    assert_eq!(start.elapsed(), Duration::ZERO);
    assert_eq!(mock.requests().len(), 1);

    // With retries off, even a short wait is returned to the caller.
    let mock = MockTransport::new();
    mock.push(response(429, &[("retry-after", "1")], ""));
    let err = client_with(&mock, RetryPolicy::none())
        .tags()
        .list()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
}

#[tokio::test(start_paused = true)]
async fn tasks_sharing_a_client_share_one_quota() {
    let mock = MockTransport::new();
    let start = Instant::now();
    let sent_at = Arc::new(Mutex::new(Vec::new()));
    let n = Arc::new(AtomicUsize::new(0));
    {
        let (sent_at, n) = (sent_at.clone(), n.clone());
        mock.fallback(move |_| {
            sent_at.lock().unwrap().push(start.elapsed().as_secs());
            // Three requests left in this window (one spent learning the quota), then a new one.
            let i = n.fetch_add(1, Ordering::SeqCst);
            let remaining = match i {
                0 => "2",
                1 => "1",
                2 => "0",
                _ => "10000",
            };
            Ok(ok(remaining, "60"))
        });
    }
    let c = client(&mock);
    c.tags().list().await.unwrap(); // learns: 2 left, reset in 60 s
    let tasks: Vec<_> = (0..5)
        .map(|_| {
            let c = c.clone();
            tokio::spawn(async move { c.tags().list().await })
        })
        .collect();
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    let mut times = sent_at.lock().unwrap().clone();
    times.sort_unstable();
    assert_eq!(
        times,
        [0, 0, 0, 60, 60, 60],
        "two tasks use the quota left, three wait for the reset"
    );
}
