//! The client's behaviour end to end: retries, idempotency, re-login, quota, decoding, secrets.
//! Waiting tests run on the in-memory transport under paused tokio time; one test goes through
//! reqwest to httpmock on 127.0.0.1.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use partner_core::error::{RequestSent, TransportErrorKind};
use partner_core::http::Method;
use partner_core::mock::{MockTransport, json_response, response};
use partner_core::{
    BearerAuth, Client, ConfigError, Error, Operation, RateLimitHeaders, Request, RetryPolicy,
    SecretString, StaticKey, Token, TokenCache, TransportError,
};
use serde::Deserialize;
use serde_json::json;
use tokio::time::Instant;

const OPS: &[Operation] = &[
    Operation::new("ListThings", Method::GET, "/things"),
    Operation::new("CreateThing", Method::POST, "/things").unsafe_to_retry(),
    Operation::new("GetThing", Method::GET, "/things/{id}"),
];

fn client(mock: &MockTransport, policy: RetryPolicy) -> Client {
    Client::builder("demo", OPS)
        .base_url("https://api.example.com/v1")
        .transport(Arc::new(mock.clone()))
        .retry_policy(policy)
        .build()
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn retry_honours_retry_after_and_stops_at_the_bound() {
    let mock = MockTransport::new();
    mock.push(response(503, &[("retry-after", "7")], ""));
    mock.push(response(429, &[("retry-after", "3")], ""));
    mock.push(response(500, &[], ""));
    let c = client(
        &mock,
        RetryPolicy::default()
            .with_max_attempts(3)
            .with_jitter(false),
    );
    let start = Instant::now();
    let err = c.send(Request::new("ListThings")).await.unwrap_err();
    assert!(matches!(err, Error::Status { status: 500, .. }), "{err:?}");
    assert_eq!(mock.requests().len(), 3, "stops at max_attempts");
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(10),
        "waited exactly 7 s then 3 s"
    );
}

#[tokio::test(start_paused = true)]
async fn retry_after_longer_than_the_policy_returns_rate_limited() {
    let mock = MockTransport::new();
    mock.push(response(429, &[("retry-after", "3600")], ""));
    let c = client(&mock, RetryPolicy::default());
    let err = c.send(Request::new("ListThings")).await.unwrap_err();
    match err {
        Error::RateLimited { retry_after, .. } => {
            assert_eq!(retry_after, Some(Duration::from_secs(3600)));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(mock.requests().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_create_is_not_resent_after_a_timeout_but_is_after_a_refused_connection() {
    let mock = MockTransport::new();
    mock.push_error(TransportError::new(
        TransportErrorKind::Timeout,
        RequestSent::Maybe,
        "timed out",
    ));
    let c = client(&mock, RetryPolicy::default());
    let err = c
        .send(Request::new("CreateThing").json(&json!({"a": 1})).unwrap())
        .await
        .unwrap_err();
    assert_eq!(err.request_sent(), RequestSent::Maybe);
    assert!(err.is_retryable());
    assert_eq!(mock.requests().len(), 1, "not re-sent");

    let mock = MockTransport::new();
    mock.push_error(TransportError::new(
        TransportErrorKind::Connect,
        RequestSent::No,
        "refused",
    ));
    mock.push(json_response(201, &json!({"id": 1})));
    let c = client(&mock, RetryPolicy::default());
    c.send(Request::new("CreateThing").json(&json!({"a": 1})).unwrap())
        .await
        .unwrap();
    assert_eq!(
        mock.requests().len(),
        2,
        "surely never sent: safe to resend"
    );

    // The caller may opt in for a call it knows is harmless to repeat.
    let mock = MockTransport::new();
    mock.push_error(TransportError::new(
        TransportErrorKind::Timeout,
        RequestSent::Maybe,
        "timed out",
    ));
    mock.push(json_response(201, &json!({"id": 1})));
    let c = client(&mock, RetryPolicy::default());
    c.send(Request::new("CreateThing").retry_unsafe(true))
        .await
        .unwrap();
    assert_eq!(mock.requests().len(), 2);
}

#[tokio::test(start_paused = true)]
async fn the_shared_budget_stops_retry_storms() {
    let mock = MockTransport::new();
    mock.fallback(|_| Ok(response(503, &[], "")));
    let c = Client::builder("demo", OPS)
        .base_url("https://api.example.com")
        .transport(Arc::new(mock.clone()))
        .retry_budget(Arc::new(partner_core::RetryBudget::new(10)))
        .build()
        .unwrap();
    for _ in 0..5 {
        assert!(c.send(Request::new("ListThings")).await.is_err());
    }
    // 10 tokens pay for two retries in all; every other call is sent once.
    assert_eq!(mock.requests().len(), 5 + 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_login_for_100_concurrent_calls_and_one_relogin_after_401() {
    let logins = Arc::new(AtomicUsize::new(0));
    let l = logins.clone();
    let cache = Arc::new(TokenCache::new(move || {
        let n = l.fetch_add(1, Ordering::SeqCst);
        async move {
            tokio::time::sleep(Duration::from_millis(20)).await;
            Ok(Token::new(
                SecretString::from(format!("token-{n}")),
                Some(Duration::from_secs(3600)),
            ))
        }
    }));
    let mock = MockTransport::new();
    mock.fallback(|req| {
        let auth = req
            .headers
            .get("authorization")
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        Ok(
            if auth == "Bearer token-0" && req.url.path() == "/v1/things/expired" {
                response(401, &[], "")
            } else {
                json_response(200, &json!({"auth": auth}))
            },
        )
    });
    let c =
        client(&mock, RetryPolicy::default()).with_auth(Arc::new(BearerAuth::new(cache.clone())));
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let c = c.clone();
            tokio::spawn(async move {
                c.send_json::<serde_json::Value>(Request::new("ListThings"))
                    .await
            })
        })
        .collect();
    for call in calls {
        assert_eq!(call.await.unwrap().unwrap()["auth"], "Bearer token-0");
    }
    assert_eq!(logins.load(Ordering::SeqCst), 1);

    let v: serde_json::Value = c
        .send_json(Request::new("GetThing").path_param("id", "expired"))
        .await
        .unwrap();
    assert_eq!(v["auth"], "Bearer token-1");
    assert_eq!(logins.load(Ordering::SeqCst), 2, "exactly one re-login");
}

#[tokio::test]
async fn a_second_401_is_an_auth_error_not_a_loop() {
    let mock = MockTransport::new();
    mock.fallback(|_| Ok(json_response(401, &json!({"message": "bad key"}))));
    let cache = Arc::new(TokenCache::new(|| async {
        Ok(Token::new(SecretString::from("t"), None))
    }));
    let c =
        client(&mock, RetryPolicy::default()).with_auth(Arc::new(BearerAuth::new(cache.clone())));
    let err = c.send(Request::new("ListThings")).await.unwrap_err();
    assert!(
        matches!(&err, Error::Auth { status: Some(401), message, .. } if message == "bad key"),
        "{err:?}"
    );
    assert_eq!(mock.requests().len(), 2);
    assert_eq!(cache.logins(), 2);
}

#[tokio::test(start_paused = true)]
async fn quota_shared_by_tasks_waits_for_reset() {
    let mock = MockTransport::new();
    mock.push(response(
        200,
        &[
            ("x-ratelimit-limit", "10800"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", "40"),
        ],
        "{}",
    ));
    mock.fallback(|_| Ok(response(200, &[("x-ratelimit-remaining", "10799")], "{}")));
    let c = Client::builder("demo", OPS)
        .base_url("https://api.example.com")
        .transport(Arc::new(mock.clone()))
        .rate_limit(RateLimitHeaders::X_RATELIMIT)
        .build()
        .unwrap();
    let start = Instant::now();
    c.send(Request::new("ListThings")).await.unwrap();
    assert_eq!(c.quota().unwrap().remaining, Some(0));
    assert_eq!(c.quota().unwrap().limit, Some(10800));
    let c2 = c.clone();
    c2.send(Request::new("ListThings")).await.unwrap();
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(40),
        "the second call waited for the reset"
    );
    assert_eq!(mock.requests().len(), 2);
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Thing {
    items: Vec<Item>,
}
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Item {
    price: u32,
}

#[tokio::test]
async fn decode_errors_name_the_json_path() {
    let mock = MockTransport::new();
    mock.push(json_response(
        200,
        &json!({"items": [{"price": 1}, {"price": "free"}]}),
    ));
    let c = client(&mock, RetryPolicy::default());
    let err = c
        .send_json::<Thing>(Request::new("ListThings"))
        .await
        .unwrap_err();
    match &err {
        Error::Decode { path, excerpt, .. } => {
            assert_eq!(path, "items[1].price");
            assert!(excerpt.contains("free"));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("items[1].price"));
}

#[test]
fn secret_bodies_decode_without_quoting_them() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Login {
        access_token: String,
        expires_in: u64,
    }
    let body = br#"{"access_token": "eyJhunter2", "expires_in": "eyJhunter2"}"#;
    let err = partner_core::decode_json_secret::<Login>("Login", body).unwrap_err();
    assert!(
        matches!(&err, Error::Decode { path, .. } if path == "expires_in"),
        "{err:?}"
    );
    assert!(!format!("{err} {err:?}").contains("hunter2"));
    // The ordinary decoder quotes the body, which is why logins use the other one.
    let err = partner_core::decode_json::<Login>("Login", body).unwrap_err();
    assert!(format!("{err}").contains("hunter2"));
    // A missing key is named: serde quotes the key, not a value.
    let err =
        partner_core::decode_json_secret::<Login>("Login", br#"{"expires_in": 5}"#).unwrap_err();
    assert!(
        matches!(&err, Error::Decode { message, .. } if message == "missing field `access_token`"),
        "{err:?}"
    );
}

#[test]
fn plain_http_to_a_remote_host_is_refused() {
    let err = Client::builder("demo", OPS)
        .base_url("http://api.example.com")
        .build()
        .unwrap_err();
    assert!(matches!(err, ConfigError::InsecureBaseUrl { .. }));
    assert!(err.to_string().contains("https"));
    let err = Client::builder("demo", OPS)
        .base_url("https://x.example")
        .override_path("Nope", "/x")
        .build()
        .unwrap_err();
    assert!(matches!(err, ConfigError::UnknownOperation { .. }));
}

#[tokio::test]
async fn secrets_never_show_in_debug_or_errors() {
    let mock = MockTransport::new();
    mock.push(json_response(403, &json!({"message": "forbidden"})));
    let key = StaticKey::header("X-API-Key", "", SecretString::from("sk_live_hunter2")).unwrap();
    let c = client(&mock, RetryPolicy::default()).with_auth(Arc::new(key.clone()));
    let err = c.send(Request::new("ListThings")).await.unwrap_err();
    let sent = &mock.requests()[0];
    assert_eq!(sent.headers["x-api-key"], "sk_live_hunter2");
    for text in [
        format!("{c:?}"),
        format!("{key:?}"),
        format!("{err}"),
        format!("{err:?}"),
        format!("{sent:?}"),
    ] {
        assert!(!text.contains("hunter2"), "{text}");
    }
    let q = StaticKey::query("api_key", SecretString::from("hunter2"));
    let mock = MockTransport::new();
    mock.push(json_response(200, &json!({})));
    let c = client(&mock, RetryPolicy::default()).with_auth(Arc::new(q));
    c.send(Request::new("ListThings")).await.unwrap();
    let sent = &mock.requests()[0];
    assert_eq!(sent.url.query(), Some("api_key=hunter2"));
    assert!(!format!("{sent:?}").contains("hunter2"));
}

#[tokio::test]
async fn over_the_default_transport_to_a_local_server() {
    let server = httpmock::MockServer::start_async().await;
    let m = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/v1/things/a%20b")
                .query_param("page", "2")
                .header("accept", "application/json")
                .header_matches("user-agent", "^demo-client/1 partner-core/");
            then.status(200).json_body(json!({"items": []}));
        })
        .await;
    let c = Client::builder("demo", OPS)
        .base_url(format!("{}/v1", server.base_url()))
        .user_agent("demo-client/1")
        .build()
        .unwrap();
    let v: serde_json::Value = c
        .send_json(
            Request::new("GetThing")
                .path_param("id", "a b")
                .query("page", 2),
        )
        .await
        .unwrap();
    assert_eq!(v, json!({"items": []}));
    m.assert_async().await;

    // Nothing listens on port 1: a connect error, surely not sent.
    let c = Client::builder("demo", OPS)
        .base_url("http://127.0.0.1:1")
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let err = c.send(Request::new("CreateThing")).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: TransportErrorKind::Connect,
                sent: RequestSent::No,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn method_override_is_checked_and_used() {
    let err = Client::builder("demo", OPS)
        .base_url("https://api.example.com")
        .override_method("Nope", Method::PUT)
        .build()
        .unwrap_err();
    assert!(matches!(err, ConfigError::UnknownOperation { ref name, .. } if name == "Nope"));
    let mock = MockTransport::new();
    mock.push(json_response(200, &json!({})));
    let c = Client::builder("demo", OPS)
        .base_url("https://api.example.com")
        .transport(Arc::new(mock.clone()))
        .override_method("CreateThing", Method::PUT)
        .build()
        .unwrap();
    c.send(Request::new("CreateThing")).await.unwrap();
    assert_eq!(mock.requests()[0].method, Method::PUT);
}

#[tokio::test]
async fn a_top_level_list_reads_null_as_empty() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &json!(null)));
    mock.push(json_response(200, &json!([1, 2])));
    let c = client(&mock, RetryPolicy::none());
    let empty: Vec<u8> = c.send_json_list(Request::new("ListThings")).await.unwrap();
    assert!(empty.is_empty());
    let two: Vec<u8> = c.send_json_list(Request::new("ListThings")).await.unwrap();
    assert_eq!(two, [1, 2]);
}

#[tokio::test]
async fn a_redirect_is_not_followed_and_says_where_it_pointed() {
    let server = httpmock::MockServer::start_async().await;
    let moved = server
        .mock_async(|when, then| {
            when.method("POST").path("/v1/things");
            then.status(301).header(
                "location",
                "https://elsewhere.example/v2/things?token=s3cr3t",
            );
        })
        .await;
    let c = Client::builder("demo", OPS)
        .base_url(format!("{}/v1", server.base_url()))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let err = c
        .send_json::<serde_json::Value>(Request::new("CreateThing"))
        .await
        .unwrap_err();
    match &err {
        Error::Status {
            status, message, ..
        } => {
            assert_eq!(*status, 301);
            assert_eq!(
                message,
                "redirect to https://elsewhere.example/v2/things?token=%3Credacted%3E (not followed)"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(!err.to_string().contains("s3cr3t"));
    moved.assert_calls_async(1).await;
}
