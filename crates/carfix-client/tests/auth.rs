//! Logging in: token reuse and refresh (on paused time), re-login once on 401, refused and
//! malformed logins, and credentials kept out of Debug and errors.

mod common;

use std::time::Duration;

use carfix_client::*;
use common::{auth_header, mock_affiliate, token};
use partner_core::mock::{MockTransport, json_response, response};
use partner_core::{ConfigError, Error};
use serde_json::json;

#[tokio::test(start_paused = true)]
async fn token_is_reused_then_refreshed_ahead_of_expiry() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &token(7200.0, "t1")))
        .push(json_response(200, &json!([])))
        .push(json_response(200, &json!([])))
        .push(json_response(200, &token(7200.0, "t2")))
        .push(json_response(200, &json!([])));
    let carfix = mock_affiliate(&mock);
    carfix.lookups().states().await.unwrap();
    carfix.lookups().car_makes().await.unwrap();
    assert_eq!(carfix.login_count(), 1, "second call reuses the token");
    // Two hours of validity, refreshed one hour ahead: after 3601 s the token is replaced.
    tokio::time::advance(Duration::from_secs(3601)).await;
    carfix.lookups().states().await.unwrap();
    assert_eq!(carfix.login_count(), 2);
    let reqs = mock.requests();
    let paths: Vec<&str> = reqs.iter().map(|r| r.url.path()).collect();
    assert_eq!(
        paths,
        [
            "/api/Affiliate/Token",
            "/api/Affiliate/GetStates",
            "/api/Affiliate/GetCarMakes",
            "/api/Affiliate/Token",
            "/api/Affiliate/GetStates"
        ]
    );
    assert_eq!(auth_header(&reqs[1]), "Bearer t1");
    assert_eq!(auth_header(&reqs[2]), "Bearer t1");
    assert_eq!(auth_header(&reqs[4]), "Bearer t2");
    assert!(
        reqs[0].headers.get("authorization").is_none(),
        "the login sends no token"
    );
    assert_eq!(
        reqs[0].json_body().unwrap(),
        json!({"clientusername": "CARFIX-REFERRED", "clientkey": "k3y-s3cret"})
    );
}

#[tokio::test(start_paused = true)]
async fn a_token_shorter_than_the_refresh_margin_is_still_reused() {
    // A server issuing 10-minute tokens (a test environment, say) against the default
    // one-hour margin: the token serves calls until half its life, not one call each.
    let mock = MockTransport::new();
    mock.push(json_response(200, &token(600.0, "short1")))
        .push(json_response(200, &json!([])))
        .push(json_response(200, &json!([])))
        .push(json_response(200, &token(600.0, "short2")))
        .push(json_response(200, &json!([])));
    let carfix = mock_affiliate(&mock);
    carfix.lookups().states().await.unwrap();
    tokio::time::advance(Duration::from_secs(299)).await;
    carfix.lookups().states().await.unwrap();
    assert_eq!(carfix.login_count(), 1, "reused until half-life");
    tokio::time::advance(Duration::from_secs(2)).await;
    carfix.lookups().states().await.unwrap();
    assert_eq!(carfix.login_count(), 2, "replaced after half-life");
    assert_eq!(auth_header(&mock.requests()[4]), "Bearer short2");
}

#[tokio::test(start_paused = true)]
async fn a_401_logs_in_again_once() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &token(215999.9, "old")))
        .push(response(401, &[], "expired"))
        .push(json_response(200, &token(215999.9, "new")))
        .push(json_response(200, &json!({"Result": true})));
    let carfix = mock_affiliate(&mock);
    carfix.cases().mark_resolved("C1").await.unwrap();
    assert_eq!(carfix.login_count(), 2);
    let reqs = mock.requests();
    assert_eq!(reqs.len(), 4);
    assert_eq!(auth_header(&reqs[3]), "Bearer new");

    // A second 401 right after the re-login is reported, not looped on.
    let mock = MockTransport::new();
    mock.push(json_response(200, &token(215999.9, "a")))
        .push(response(401, &[], "no"))
        .push(json_response(200, &token(215999.9, "b")))
        .push(response(
            401,
            &[("content-type", "application/json")],
            r#"{"Message": "Authorization has been denied"}"#,
        ));
    let err = mock_affiliate(&mock)
        .cases()
        .mark_resolved("C1")
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Auth { status: Some(401), message, .. } if message.contains("denied")),
        "{err}"
    );
    assert_eq!(mock.requests().len(), 4);
}

#[tokio::test(start_paused = true)]
async fn refused_login_is_an_auth_error_and_no_call_is_sent() {
    let mock = MockTransport::new();
    mock.push(response(
        400,
        &[("content-type", "application/json")],
        r#"{"error": "invalid_grant", "error_description": "The user name or password is incorrect."}"#,
    ));
    let err = mock_affiliate(&mock).lookups().states().await.unwrap_err();
    assert!(
        matches!(&err, Error::Auth { operation: "AffiliateLogin", status: Some(400), message } if message.contains("incorrect")),
        "{err}"
    );
    assert_eq!(mock.requests().len(), 1);
    assert!(!err.to_string().contains("k3y-s3cret"));
}

#[tokio::test(start_paused = true)]
async fn a_login_answer_that_does_not_decode_keeps_the_token_out_of_the_error() {
    for body in [
        // Another field fails: serde's message is kept, the body excerpt is not.
        r#"{"access_token": "tok-SECRET-1", "token_type": "bearer", "expires_in": "soon"}"#,
        // The token itself fails: serde would quote it.
        r#"{"access_token": 4711000999, "token_type": "bearer"}"#,
    ] {
        let mock = MockTransport::new();
        mock.push(response(200, &[("content-type", "application/json")], body));
        let err = mock_affiliate(&mock).login().await.unwrap_err();
        let shown = format!("{err} {err:?}");
        assert!(
            matches!(
                &err,
                Error::Decode {
                    operation: "AffiliateLogin",
                    ..
                }
            ),
            "{shown}"
        );
        assert!(
            !shown.contains("SECRET") && !shown.contains("4711000999"),
            "{shown}"
        );
    }
    // A 2xx without a token (absent, null or blank) is a decode error naming access_token.
    for body in [
        json!({"token_type": "bearer", "expires_in": 215999.9}),
        json!({"access_token": null}),
        json!({"access_token": " "}),
    ] {
        let mock = MockTransport::new();
        mock.push(json_response(200, &body));
        let err = mock_affiliate(&mock).login().await.unwrap_err();
        assert!(
            matches!(&err, Error::Decode { operation: "AffiliateLogin", path, .. } if path == "access_token"),
            "{body}: {err:?}"
        );
        assert_eq!(mock.requests().len(), 1);
    }
    // expires_in as a numeric string is read, not refused.
    let mock = MockTransport::new();
    mock.push(json_response(
        200,
        &json!({"access_token": "t", "expires_in": "3599"}),
    ))
    .push(json_response(200, &json!([])));
    let carfix = mock_affiliate(&mock);
    carfix.lookups().states().await.unwrap();
    assert_eq!(carfix.login_count(), 1);
}

#[test]
fn builder_checks_configuration_and_hides_the_key() {
    let err = AffiliateClient::builder()
        .base_url("https://carfix.example")
        .build()
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Config(ConfigError::MissingCredential { .. })
    ));
    let err = WorkshopClient::builder()
        .credentials("u", "k")
        .build()
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Config(ConfigError::MissingBaseUrl { .. })
    ));
    let err = WorkshopClient::builder()
        .base_url("http://carfix.example")
        .credentials("u", "k")
        .build()
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Config(ConfigError::InsecureBaseUrl { .. })
    ));
    let err = AffiliateClient::builder()
        .base_url("https://carfix.example")
        .credentials("u", "k")
        .override_path("NoSuchCall", "/x")
        .build()
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Config(ConfigError::UnknownOperation { .. })
    ));
    let builder = AffiliateClient::builder()
        .base_url("https://carfix.example")
        .credentials("CARFIX-REFERRED", "hunter2");
    assert!(!format!("{builder:?}").contains("hunter2"));
    let client = builder.build().unwrap();
    assert!(!format!("{client:?}").contains("hunter2"));
    assert!(format!("{client:?}").contains("CARFIX-REFERRED"));
}
