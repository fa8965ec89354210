//! Sessions: one login shared by many calls, renewal before the JWT `exp`, the pluggable
//! refresher, seeded tokens, 401 handling and secrets kept out of Debug.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use jifeline_client::models::SessionTokens;
use jifeline_client::{__unsigned_jwt as jwt, Credentials, Error, JifelineClient, Strictness};
use partner_core::ConfigError;
use partner_core::mock::{MockTransport, json_response, response};
use serde_json::json;

const UUID: &str = "6ec2911c-a09a-11ee-8c90-0242ac120002";

fn user() -> serde_json::Value {
    json!({"id": "0777bdfc-e9de-4a02-8958-46b3d36015ce", "first_name": "John"})
}

/// Serves logins (each with a new token valid for `lifetime`) and `/v1/user`.
fn server(lifetime: Duration) -> (MockTransport, Arc<AtomicUsize>) {
    let mock = MockTransport::new();
    let logins = Arc::new(AtomicUsize::new(0));
    let n = logins.clone();
    mock.fallback(move |req| {
        if req.url.path().starts_with("/v1/login/") {
            let i = n.fetch_add(1, Ordering::SeqCst) + 1;
            let access = format!("{}{i}", jwt(SystemTime::now() + lifetime));
            Ok(json_response(200, &json!({"id_token": format!("id{i}"), "access_token": access, "refresh_token": format!("r{i}")})))
        } else {
            Ok(json_response(200, &user()))
        }
    });
    (mock, logins)
}

fn client(mock: &MockTransport) -> JifelineClient {
    JifelineClient::builder()
        .base_url("https://jifeline.test")
        .transport(Arc::new(mock.clone()))
        .credentials(Credentials::connector_uuid(UUID.parse().unwrap(), "1234"))
        .build()
        .unwrap()
}

fn auth(req: &partner_core::HttpRequest) -> Option<String> {
    req.headers
        .get("authorization")
        .map(|v| v.to_str().unwrap().to_owned())
}

#[tokio::test(start_paused = true)]
async fn one_login_then_calls_reuse_the_token() {
    let (mock, logins) = server(Duration::from_secs(3600));
    let c = client(&mock);
    for _ in 0..3 {
        assert_eq!(
            c.user().get().await.unwrap().first_name.as_deref(),
            Some("John")
        );
    }
    assert_eq!(logins.load(Ordering::SeqCst), 1);
    let sent = mock.requests();
    assert_eq!(sent.len(), 4);
    let login = &sent[0];
    assert_eq!(login.url.path(), "/v1/login/connector-uuid");
    assert_eq!(auth(login), None, "the login goes out without credentials");
    assert_eq!(
        login.json_body().unwrap(),
        json!({"connector_uuid": UUID, "pincode": "1234"})
    );
    let tokens: std::collections::BTreeSet<String> =
        sent[1..].iter().map(|r| auth(r).unwrap()).collect();
    assert_eq!(tokens.len(), 1, "every call carries the same token");
    let token = tokens.into_iter().next().unwrap();
    assert!(
        token.starts_with("Bearer ") && token.ends_with('1'),
        "the first login's token"
    );
    assert!(sent[1..].iter().all(|r| r.url.path() == "/v1/user"));
    assert_eq!(c.token_fetches(), 1);
    assert!(c.session_tokens().unwrap().access_expires_at().is_some());
}

#[tokio::test(start_paused = true)]
async fn expiry_logs_in_again_before_the_token_runs_out() {
    let (mock, logins) = server(Duration::from_secs(600));
    let c = client(&mock);
    c.user().get().await.unwrap();
    tokio::time::advance(Duration::from_secs(200)).await; // 400 s left: still used
    c.user().get().await.unwrap();
    assert_eq!(logins.load(Ordering::SeqCst), 1);
    tokio::time::advance(Duration::from_secs(150)).await; // 250 s left: inside the 5 min margin
    c.user().get().await.unwrap();
    assert_eq!(
        logins.load(Ordering::SeqCst),
        2,
        "renewed with the stored credentials"
    );
    let last = mock.requests().pop().unwrap();
    assert!(auth(&last).unwrap().ends_with('2'), "the new token is used");
}

#[tokio::test(start_paused = true)]
async fn a_refresher_replaces_the_login_when_plugged_in() {
    let (mock, logins) = server(Duration::from_secs(600));
    let refreshed = Arc::new(AtomicUsize::new(0));
    let r = refreshed.clone();
    let c = JifelineClient::builder()
        .base_url("https://jifeline.test")
        .transport(Arc::new(mock.clone()))
        .credentials(Credentials::connector_uuid(UUID.parse().unwrap(), "1234"))
        .refresh_ahead(Duration::from_secs(60))
        .refresher(move |previous: SessionTokens| {
            let r = r.clone();
            async move {
                use partner_core::ExposeSecret;
                assert_eq!(previous.refresh_token.expose_secret(), "r1");
                r.fetch_add(1, Ordering::SeqCst);
                let access = format!(
                    "{}refreshed",
                    jwt(SystemTime::now() + Duration::from_secs(600))
                );
                Ok(serde_json::from_value::<SessionTokens>(
                    json!({"id_token": "i", "access_token": access, "refresh_token": "r2"}),
                )
                .unwrap())
            }
        })
        .build()
        .unwrap();
    c.user().get().await.unwrap();
    tokio::time::advance(Duration::from_secs(545)).await;
    c.user().get().await.unwrap();
    assert_eq!(logins.load(Ordering::SeqCst), 1);
    assert_eq!(refreshed.load(Ordering::SeqCst), 1);
    assert!(
        auth(&mock.requests().pop().unwrap())
            .unwrap()
            .ends_with("refreshed")
    );
}

#[tokio::test(start_paused = true)]
async fn a_refused_token_is_replaced_once() {
    let (mock, logins) = server(Duration::from_secs(3600));
    let c = client(&mock);
    c.user().get().await.unwrap();
    mock.push(response(401, &[], "expired"));
    c.user().get().await.unwrap();
    assert_eq!(logins.load(Ordering::SeqCst), 2);
}

#[tokio::test(start_paused = true)]
async fn seeded_tokens_are_used_and_without_credentials_expiry_is_a_config_error() {
    let (mock, logins) = server(Duration::from_secs(3600));
    let tokens: SessionTokens = serde_json::from_value(json!({
        "id_token": "i", "access_token": jwt(SystemTime::now() + Duration::from_secs(400)), "refresh_token": "r"
    }))
    .unwrap();
    let c = JifelineClient::builder()
        .base_url("https://jifeline.test")
        .transport(Arc::new(mock.clone()))
        .tokens(tokens)
        .build()
        .unwrap();
    c.user().get().await.unwrap();
    assert_eq!(logins.load(Ordering::SeqCst), 0);
    // 400 s token: renewed when half its life (200 s) is left.
    tokio::time::advance(Duration::from_secs(150)).await;
    c.user().get().await.unwrap();
    tokio::time::advance(Duration::from_secs(100)).await;
    let err = c.user().get().await.unwrap_err();
    assert!(
        matches!(err, Error::Config(ConfigError::MissingCredential { .. })),
        "{err:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn otp_and_deprecated_connector_id_logins_send_their_bodies() {
    let (mock, _) = server(Duration::from_secs(3600));
    let c = JifelineClient::builder()
        .base_url("https://jifeline.test")
        .transport(Arc::new(mock.clone()))
        .credentials(Credentials::otp("bafd50b7"))
        .build()
        .unwrap();
    c.user().get().await.unwrap();
    let login = &mock.requests()[0];
    assert_eq!(login.url.path(), "/v1/login/otp");
    assert_eq!(login.json_body().unwrap(), json!({"otp": "bafd50b7"}));

    #[allow(deprecated)]
    let creds = Credentials::connector_id(940201044, "4321");
    let (mock, _) = server(Duration::from_secs(3600));
    let c = JifelineClient::builder()
        .base_url("https://jifeline.test")
        .transport(Arc::new(mock.clone()))
        .credentials(creds)
        .build()
        .unwrap();
    c.user().get().await.unwrap();
    let login = &mock.requests()[0];
    assert_eq!(login.url.path(), "/v1/login/connector-id");
    assert_eq!(
        login.json_body().unwrap(),
        json!({"connector_id": "940201044", "pincode": "4321"})
    );
}

#[tokio::test(start_paused = true)]
async fn failed_login_is_an_auth_error_and_nothing_leaks_in_debug() {
    let mock = MockTransport::new();
    mock.fallback(|_| Ok(json_response(401, &json!({"message": "wrong pincode"}))));
    let c = client(&mock);
    let err = c.user().get().await.unwrap_err();
    assert!(
        matches!(
            &err,
            Error::Auth {
                operation: "LoginWithConnectorUuid",
                ..
            }
        ),
        "{err:?}"
    );
    let creds = Credentials::connector_uuid(UUID.parse().unwrap(), "98765");
    let builder = JifelineClient::builder().credentials(creds.clone());
    let text = format!("{creds:?} {builder:?} {c:?}");
    assert!(!text.contains("98765") && !text.contains("1234"), "{text}");
}

#[tokio::test(start_paused = true)]
async fn tokens_from_a_direct_login_can_be_installed() {
    let (mock, logins) = server(Duration::from_secs(3600));
    let c = JifelineClient::builder()
        .base_url("https://jifeline.test")
        .transport(Arc::new(mock.clone()))
        .build()
        .unwrap();
    let tokens = c.sessions().login_with_otp("bafd50b7").await.unwrap();
    assert_eq!(auth(&mock.requests()[0]), None);
    c.use_tokens(tokens);
    c.user().get().await.unwrap();
    c.user().get().await.unwrap();
    assert_eq!(logins.load(Ordering::SeqCst), 1, "only the direct login");
    let sent = mock.requests();
    assert!(sent[1..].iter().all(|r| auth(r).unwrap().ends_with('1')));
    assert!(c.session_tokens().is_some());
}

#[tokio::test(start_paused = true)]
async fn a_token_shorter_than_the_margin_is_not_renewed_on_every_call() {
    // A 2-minute token is inside the default 5-minute margin from the moment it arrives: it
    // must still serve calls, and be renewed at half its life instead.
    let (mock, logins) = server(Duration::from_secs(120));
    let c = client(&mock);
    for _ in 0..3 {
        c.user().get().await.unwrap();
    }
    assert_eq!(
        logins.load(Ordering::SeqCst),
        1,
        "one login serves the calls"
    );
    tokio::time::advance(Duration::from_secs(50)).await; // 70 s left: more than half
    c.user().get().await.unwrap();
    assert_eq!(logins.load(Ordering::SeqCst), 1);
    tokio::time::advance(Duration::from_secs(15)).await; // 55 s left: under half its life
    c.user().get().await.unwrap();
    assert_eq!(
        logins.load(Ordering::SeqCst),
        2,
        "renewed before it runs out"
    );
}

#[tokio::test(start_paused = true)]
async fn a_token_already_expired_by_the_local_clock_is_used_until_refused() {
    // Clock skew: the server's token looks expired here. Logging in again would give another
    // such token, so the client uses it until the server answers 401.
    let mock = MockTransport::new();
    let logins = Arc::new(AtomicUsize::new(0));
    let n = logins.clone();
    mock.fallback(move |req| {
        if req.url.path().starts_with("/v1/login/") {
            n.fetch_add(1, Ordering::SeqCst);
            let access = jwt(SystemTime::now() - Duration::from_secs(30));
            Ok(json_response(
                200,
                &json!({"id_token": "i", "access_token": access, "refresh_token": "r"}),
            ))
        } else {
            Ok(json_response(200, &user()))
        }
    });
    let c = client(&mock);
    for _ in 0..3 {
        c.user().get().await.unwrap();
    }
    assert_eq!(logins.load(Ordering::SeqCst), 1);
}

#[tokio::test(start_paused = true)]
async fn empty_credentials_are_sent_unless_the_client_is_strict() {
    // Sessions: the document marks no login field required and sets no rule for them, so
    // the server judges an empty pincode or OTP; a strict client refuses them unsent.
    let (mock, logins) = server(Duration::from_secs(3600));
    let builder = || {
        JifelineClient::builder()
            .base_url("https://jifeline.test")
            .transport(Arc::new(mock.clone()))
            .credentials(Credentials::connector_uuid(UUID.parse().unwrap(), ""))
    };
    let lenient = builder().build().unwrap();
    lenient.user().get().await.unwrap();
    lenient.sessions().login_with_otp("").await.unwrap();
    assert_eq!(logins.load(Ordering::SeqCst), 2);
    let login = &mock.requests()[0];
    assert_eq!(login.json_body().unwrap()["pincode"], "");

    let strict = builder().strictness(Strictness::Strict).build().unwrap();
    let err = strict.user().get().await.unwrap_err();
    assert!(
        err.validation()
            .is_some_and(|v| v.has("pincode", &partner_core::Rule::Required)),
        "{err:?}"
    );
    let err = strict.sessions().login_with_otp("").await.unwrap_err();
    assert!(
        err.validation()
            .is_some_and(|v| v.has("otp", &partner_core::Rule::Required)),
        "{err:?}"
    );
    assert_eq!(
        logins.load(Ordering::SeqCst),
        2,
        "a strict client sent nothing"
    );
}

#[tokio::test]
async fn a_login_answer_needs_only_an_access_token() {
    let mock = MockTransport::new();
    // No id or refresh token: the session works with the access token alone.
    let access = jwt(SystemTime::now() + Duration::from_secs(3600));
    mock.push(json_response(
        200,
        &json!({"access_token": access, "id_token": null}),
    ));
    // No access token: a decode error naming it, without quoting the answer.
    mock.push(json_response(
        200,
        &json!({"id_token": "eyJsecret", "refresh_token": null}),
    ));
    let c = client(&mock);
    let tokens = c
        .sessions()
        .login_with_connector_uuid(UUID.parse().unwrap(), "1234")
        .await
        .unwrap();
    assert!(tokens.access_expires_at().is_some());
    let err = c
        .sessions()
        .login_with_connector_uuid(UUID.parse().unwrap(), "1234")
        .await
        .unwrap_err();
    match &err {
        Error::Decode { path, .. } => assert_eq!(path, "access_token"),
        other => panic!("{other:?}"),
    }
    assert!(!format!("{err} {err:?}").contains("eyJsecret"));
}
