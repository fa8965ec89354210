//! The common client options (issue 14): a `ClientOptions` value handed to the builder is
//! honoured (base URL, path and method overrides, transport), the one-by-one setters keep
//! working, and unknown operations fail at build time.

use std::sync::Arc;
use std::time::Duration;

use jifeline_client::{ClientOptions, Error, JifelineClient, Method, SessionTokens};
use partner_core::ConfigError;
use partner_core::mock::{MockTransport, json_response};
use serde_json::json;

fn tokens() -> SessionTokens {
    let exp = std::time::SystemTime::now() + Duration::from_secs(86_400);
    serde_json::from_value(json!({
        "id_token": "i", "access_token": jifeline_client::__unsigned_jwt(exp), "refresh_token": "r"
    }))
    .unwrap()
}

fn user_answer() -> MockTransport {
    let mock = MockTransport::new();
    mock.fallback(|_| {
        Ok(json_response(
            200,
            &json!({"id": "0777bdfc-e9de-4a02-8958-46b3d36015ce", "first_name": "John"}),
        ))
    });
    mock
}

#[tokio::test]
async fn client_options_reach_the_request() {
    let mock = user_answer();
    let options = ClientOptions::new()
        .base_url("https://customer-api.example.com/api")
        .override_path("GetUser", "/customer-api/me")
        .override_method("GetUser", Method::POST)
        .timeout(Duration::from_secs(7))
        .transport(Arc::new(mock.clone()));
    let client = JifelineClient::builder()
        .tokens(tokens())
        .options(options)
        .build()
        .unwrap();
    let user = client.user().get().await.unwrap();
    assert_eq!(user.first_name.as_deref(), Some("John"));
    let sent = &mock.requests()[0];
    assert_eq!(
        sent.method,
        Method::POST,
        "override_method changes the method"
    );
    assert_eq!(
        sent.url.as_str(),
        "https://customer-api.example.com/api/customer-api/me"
    );
    let timeout = sent.timeout.unwrap();
    assert!(timeout <= Duration::from_secs(7) && timeout > Duration::from_secs(6));
    assert!(
        sent.headers["authorization"]
            .to_str()
            .unwrap()
            .starts_with("Bearer ")
    );
}

#[tokio::test]
async fn the_one_by_one_setters_still_work() {
    let mock = user_answer();
    let client = JifelineClient::builder()
        .base_url("https://customer-api.example.com")
        .timeout(Duration::from_secs(5))
        .connect_timeout(Duration::from_secs(2))
        .override_method("GetUser", Method::PUT)
        .transport(Arc::new(mock.clone()))
        .tokens(tokens())
        .build()
        .unwrap();
    client.user().get().await.unwrap();
    let sent = &mock.requests()[0];
    assert_eq!(sent.method, Method::PUT);
    assert_eq!(sent.url.path(), "/v1/user");
}

#[test]
fn unknown_operations_fail_at_build() {
    let err = JifelineClient::builder()
        .options(ClientOptions::new().base_url("https://x.test"))
        .override_method("NoSuchOperation", Method::GET)
        .build()
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Config(ConfigError::UnknownOperation { .. })
    ));
}

/// The common `Strictness` option, on the builder or in shared `ClientOptions`, applies the
/// cart's 17-character VIN pattern to lookups; by default the document's own 16-character
/// connector VIN is sent.
#[tokio::test]
async fn the_common_strictness_option_turns_on_the_vin_pattern_on_lookups() {
    use jifeline_client::Strictness;
    use partner_core::Rule;
    const CONNECTOR_VIN: &str = "VF1CN04054456164";
    let mock = MockTransport::new();
    mock.fallback(|_| Ok(json_response(200, &json!({"result": [], "total": 0}))));

    let lenient = JifelineClient::builder()
        .base_url("https://jifeline.test")
        .transport(Arc::new(mock.clone()))
        .tokens(tokens())
        .build()
        .unwrap();
    lenient
        .vehicles()
        .search_by_vin(CONNECTOR_VIN)
        .await
        .unwrap();
    assert_eq!(mock.requests().len(), 1, "sent by default");

    let on_builder = JifelineClient::builder()
        .base_url("https://jifeline.test")
        .transport(Arc::new(mock.clone()))
        .tokens(tokens())
        .strictness(Strictness::Strict)
        .build()
        .unwrap();
    let in_options = JifelineClient::builder()
        .options(
            ClientOptions::new()
                .base_url("https://jifeline.test")
                .transport(Arc::new(mock.clone()))
                .strictness(Strictness::Strict),
        )
        .tokens(tokens())
        .build()
        .unwrap();
    for client in [on_builder, in_options] {
        let err = client
            .vehicles()
            .search_by_vin(CONNECTOR_VIN)
            .await
            .unwrap_err();
        assert!(
            err.validation()
                .is_some_and(|v| v.has("vin", &Rule::ExactLength { len: 17 })),
            "{err:?}"
        );
    }
    assert_eq!(mock.requests().len(), 1, "nothing more sent");
}
