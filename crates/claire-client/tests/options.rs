//! The common client options (partner-core's `ClientOptions`) through Claire's builder: given
//! whole with `.options(..)` or one setter at a time, they reach the request; Claire's own
//! settings (the key) stay; unknown operations in overrides fail the build.

use std::sync::Arc;
use std::time::Duration;

use claire_client::{
    ClaireClient, ClientOptions, ConfigError, Error, Method, RetryPolicy, SecretString, WebhookId,
};
use partner_core::mock::{MockTransport, json_response, response};
use serde_json::json;

fn options(mock: &MockTransport) -> ClientOptions {
    ClientOptions::new()
        .base_url("https://claire.test/api")
        .override_path("GetTags", "/v2/tags")
        .override_method("DeleteWebhook", Method::DELETE)
        .timeout(Duration::from_secs(7))
        .transport(Arc::new(mock.clone()))
}

#[tokio::test]
async fn options_given_whole_reach_the_request() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &json!([{"id": 1, "name": "brakes"}])));
    mock.push(response(200, &[], ""));
    let client = ClaireClient::builder()
        .api_key(SecretString::from("k-1"))
        .options(options(&mock))
        .build()
        .unwrap();

    let tags = client.tags().list().await.unwrap();
    assert_eq!(tags[0].name, "brakes");
    client.webhooks().delete(WebhookId(9)).await.unwrap();

    let sent = mock.requests();
    assert_eq!(sent[0].method, Method::GET);
    assert_eq!(sent[0].url.as_str(), "https://claire.test/api/v2/tags");
    assert_eq!(sent[0].timeout, Some(Duration::from_secs(7)));
    assert_eq!(
        sent[0].headers["authorization"], "k-1",
        "the key set before .options(..) stays"
    );
    assert_eq!(sent[1].method, Method::DELETE, "override_method");
    assert_eq!(
        sent[1].url.as_str(),
        "https://claire.test/api/v1/webhooks/delete?webhook_id=9"
    );
}

#[tokio::test]
async fn setters_one_at_a_time_still_work() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &json!(null)));
    let client = ClaireClient::builder()
        .base_url("https://claire.test")
        .timeout(Duration::from_secs(3))
        .connect_timeout(Duration::from_secs(1))
        .override_path("GetLocations", "/v1/dealer/locations")
        .transport(Arc::new(mock.clone()))
        .api_key(SecretString::from("k-2"))
        .build()
        .unwrap();
    assert!(client.locations().list().await.unwrap().is_empty());
    let sent = mock.requests();
    assert_eq!(
        sent[0].url.as_str(),
        "https://claire.test/v1/dealer/locations"
    );
    assert_eq!(sent[0].timeout, Some(Duration::from_secs(3)));
}

#[tokio::test(start_paused = true)]
async fn retry_policy_from_options_replaces_claires_default() {
    let unavailable = || response(503, &[], "");
    // Claire's default policy retries a 503 ...
    let mock = MockTransport::new();
    mock.push(unavailable());
    mock.push(json_response(200, &json!([])));
    let client = ClaireClient::builder()
        .api_key(SecretString::from("k"))
        .options(options(&mock))
        .build()
        .unwrap();
    client.tags().list().await.unwrap();
    assert_eq!(mock.requests().len(), 2);

    // ... unless the options say otherwise.
    let mock = MockTransport::new();
    mock.push(unavailable());
    let client = ClaireClient::builder()
        .api_key(SecretString::from("k"))
        .options(options(&mock).retry_policy(RetryPolicy::none()))
        .build()
        .unwrap();
    let err = client.tags().list().await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(mock.requests().len(), 1);
}

#[test]
fn unknown_operations_in_overrides_fail_the_build() {
    let build = |options: ClientOptions| {
        ClaireClient::builder()
            .api_key(SecretString::from("k"))
            .options(options.base_url("https://claire.test"))
            .build()
            .unwrap_err()
    };
    for err in [
        build(ClientOptions::new().override_path("GetTag", "/x")),
        build(ClientOptions::new().override_method("Nope", Method::PUT)),
    ] {
        assert!(
            matches!(err, Error::Config(ConfigError::UnknownOperation { .. })),
            "{err:?}"
        );
    }
}

#[test]
fn builder_debug_shows_options_but_never_the_key() {
    let builder = ClaireClient::builder()
        .base_url("https://claire.test")
        .api_key(SecretString::from("very-secret-key"));
    let shown = format!("{builder:?}");
    assert!(shown.contains("https://claire.test"), "{shown}");
    assert!(!shown.contains("very-secret-key"), "{shown}");
}

/// The common `Strictness` option, on the builder or in shared `ClientOptions`, selects
/// `ValidationRules::STRICT` (a location-only filter is refused); the default stays lenient,
/// and explicit `validation_rules` win over it.
#[tokio::test]
async fn the_common_strictness_option_selects_the_strict_rules() {
    use claire_client::{AppointmentFilter, LocationId, Strictness, ValidationRules};
    let mock = MockTransport::new();
    mock.fallback(|_| Ok(json_response(200, &json!({"appointments": null}))));
    let location_only = AppointmentFilter::new(LocationId(12));
    let base = || {
        ClaireClient::builder()
            .api_key(SecretString::from("k-1"))
            .base_url("https://claire.test")
            .transport(Arc::new(mock.clone()))
    };

    let lenient = base().build().unwrap();
    assert_eq!(lenient.validation_rules(), &ValidationRules::LENIENT);
    lenient.appointments().list(&location_only).await.unwrap();
    assert_eq!(
        mock.requests().len(),
        1,
        "a location alone is sent by default"
    );

    let on_builder = base().strictness(Strictness::Strict).build().unwrap();
    let in_options = ClaireClient::builder()
        .api_key(SecretString::from("k-1"))
        .options(
            ClientOptions::new()
                .base_url("https://claire.test")
                .transport(Arc::new(mock.clone()))
                .strictness(Strictness::Strict),
        )
        .build()
        .unwrap();
    for client in [on_builder, in_options] {
        assert_eq!(client.validation_rules(), &ValidationRules::STRICT);
        let err = client
            .appointments()
            .list(&location_only)
            .await
            .unwrap_err();
        assert!(
            err.validation()
                .is_some_and(|v| v.for_field("dms_nr").next().is_some()),
            "{err:?}"
        );
    }
    assert_eq!(mock.requests().len(), 1, "nothing more sent");

    // Explicit rules win over the common option.
    let explicit = base()
        .strictness(Strictness::Strict)
        .validation_rules(ValidationRules::LENIENT)
        .build()
        .unwrap();
    assert_eq!(explicit.validation_rules(), &ValidationRules::LENIENT);
    explicit.appointments().list(&location_only).await.unwrap();
    assert_eq!(mock.requests().len(), 2);
}
