//! The common client options (`partner_core::ClientOptions`) reach the requests: given at once
//! through `.options(..)` or one by one, path and method overrides, the documented base URL
//! as the default, and unknown operations refused when the client is built.

mod common;

use std::sync::Arc;
use std::time::Duration;

use bigfix_client::{BigfixClient, BigfixError, ClientOptions, SecretString, ops};
use partner_core::ConfigError;
use partner_core::http::Method;
use partner_core::mock::{MockTransport, json_response};
use serde_json::json;

fn tracking_body() -> serde_json::Value {
    json!({"Success": "True", "Status_code": "200", "DATA": {
        "current_status": {"date": "23-11-2026 10:00:00", "status": "created"},
        "tracking_details": [{"date": "23-11-2026 10:00:00", "status": "created"}]}})
}

#[tokio::test]
async fn options_given_at_once_reach_the_request() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &tracking_body()));
    let options = ClientOptions::new()
        .base_url("https://staging.bigfix.example")
        .override_path(ops::TRACK_ORDER, "/v2/track/")
        .override_method(ops::TRACK_ORDER, Method::POST)
        .timeout(Duration::from_secs(7))
        .transport(Arc::new(mock.clone()));
    let client = BigfixClient::builder()
        .options(options)
        .api_key(SecretString::from("k-123"))
        .build()
        .unwrap();
    let t = client.tracking().get("R1").await.unwrap();
    assert!(t.has_started());
    let sent = mock.requests();
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0].url.as_str(),
        "https://staging.bigfix.example/v2/track/?ReferenceID=R1"
    );
    assert_eq!(sent[0].method, Method::POST, "override_method is honoured");
    assert_eq!(sent[0].timeout, Some(Duration::from_secs(7)));
    assert_eq!(sent[0].headers["x-api-key"], "k-123");
}

#[tokio::test]
async fn single_setters_still_work_and_the_documented_host_is_the_default() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &tracking_body()));
    mock.push(json_response(200, &common::created_body()));
    // `Builder::new().base_url(..).timeout(..)`-style code keeps compiling; without a base
    // URL the documented host is used.
    let client = BigfixClient::builder()
        .transport(Arc::new(mock.clone()))
        .timeout(Duration::from_secs(9))
        .api_key(SecretString::from("k"))
        .jwt(SecretString::from("jwt-abc"))
        .jwt_scheme(String::from("JWT "))
        .build()
        .unwrap();
    client.tracking().get("R2").await.unwrap();
    client.orders().create(&common::order()).await.unwrap();
    let sent = mock.requests();
    assert_eq!(
        sent[0].url.as_str(),
        "https://api.bigfix.in/api/warrantify/claim/tracking/?ReferenceID=R2"
    );
    assert_eq!(sent[0].method, Method::GET);
    assert_eq!(sent[0].timeout, Some(Duration::from_secs(9)));
    assert_eq!(
        sent[1].headers["authorization"], "JWT jwt-abc",
        "a scheme read from configuration (a String)"
    );
}

#[test]
fn unknown_operations_are_refused_when_building() {
    for builder in [
        BigfixClient::builder().override_path("Nope", "/x"),
        BigfixClient::builder().override_method("Nope", Method::PUT),
        BigfixClient::builder().options(ClientOptions::new().override_path("Nope", "/x")),
    ] {
        match builder.build() {
            Err(BigfixError::Core(partner_core::Error::Config(
                ConfigError::UnknownOperation { .. },
            ))) => {}
            other => panic!("expected UnknownOperation, got {other:?}"),
        }
    }
}

#[test]
fn later_options_replace_the_common_settings_but_keep_credentials() {
    let builder = BigfixClient::builder()
        .api_key(SecretString::from("key-s3cret"))
        .base_url("https://first.example")
        .options(ClientOptions::new().base_url("https://second.example"));
    let text = format!("{builder:?}");
    assert!(text.contains("second.example") && !text.contains("first.example"));
    assert!(!text.contains("s3cret"), "{text}");
    let client = builder.build().unwrap();
    assert_eq!(
        client.core().base_url().to_string(),
        "https://second.example/"
    );
}

#[tokio::test]
async fn the_template_may_be_larger_than_partner_cores_default_answer_limit() {
    // The template is a file: BigFix's default limit is 64 MiB, not partner-core's 16 MiB.
    let client = BigfixClient::builder().build().unwrap();
    assert!(
        format!("{:?}", client.core()).contains(&format!(
            "max_response_bytes: {}",
            bigfix_client::DEFAULT_MAX_RESPONSE_BYTES
        )),
        "{:?}",
        client.core()
    );
    let own = BigfixClient::builder()
        .max_response_bytes(1024)
        .build()
        .unwrap();
    assert!(format!("{:?}", own.core()).contains("max_response_bytes: 1024"));

    let mock = MockTransport::new();
    let mut big = b"PK\x03\x04".to_vec();
    big.resize(20 * 1024 * 1024, 0);
    mock.push(partner_core::mock::response(
        200,
        &[("content-type", bigfix_client::XLSX_CONTENT_TYPE)],
        big.clone(),
    ));
    let template = common::mock_client(&mock)
        .template()
        .download()
        .await
        .unwrap();
    assert_eq!(template.bytes.len(), big.len());
}

/// The common `Strictness` option, on the builder or in shared `ClientOptions`, selects
/// `ValidationRules::STRICT` (a City with a space is refused before sending); the default
/// stays lenient, and explicit `validation_rules` win over it.
#[tokio::test]
async fn the_common_strictness_option_selects_the_strict_rules() {
    use bigfix_client::{Strictness, ValidationRules};
    let mock = MockTransport::new();
    mock.fallback(|_| Ok(json_response(200, &common::created_body())));
    let mut o = common::order();
    o.city = "New Delhi".into();
    let base = || {
        BigfixClient::builder()
            .transport(Arc::new(mock.clone()))
            .jwt(SecretString::from("j"))
    };

    let lenient = base().build().unwrap();
    assert_eq!(lenient.rules(), &ValidationRules::LENIENT);
    lenient.orders().create(&o).await.unwrap();
    assert_eq!(mock.requests().len(), 1, "sent by default");

    let on_builder = base().strictness(Strictness::Strict).build().unwrap();
    let in_options = BigfixClient::builder()
        .options(
            ClientOptions::new()
                .transport(Arc::new(mock.clone()))
                .strictness(Strictness::Strict),
        )
        .jwt(SecretString::from("j"))
        .build()
        .unwrap();
    for client in [on_builder, in_options] {
        assert_eq!(client.rules(), &ValidationRules::STRICT);
        let err = client.orders().create(&o).await.unwrap_err();
        assert!(
            err.validation()
                .is_some_and(|v| v.for_field("City").next().is_some()),
            "{err}"
        );
    }
    assert_eq!(mock.requests().len(), 1, "nothing more sent");

    // Explicit rules win over the common option.
    let explicit = base()
        .strictness(Strictness::Strict)
        .validation_rules(ValidationRules::allowing_spaces_in_place_names())
        .build()
        .unwrap();
    explicit.orders().create(&o).await.unwrap();
    assert_eq!(mock.requests().len(), 2);
}
