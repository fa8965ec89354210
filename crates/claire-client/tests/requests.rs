//! The exact requests the client sends (httpmock on 127.0.0.1), what it refuses to send, and
//! configuration errors.

use chrono::{NaiveDate, TimeZone, Utc};
use claire_client::{
    AppointmentFilter, AppointmentId, ClaireClient, CustomerKind, Error, KeyPlacement, LocationId,
    SecretString, ValidationRules, Webhook, WebhookId, WebhookTriggerId,
};
use httpmock::prelude::*;
use partner_core::validation::Rule;
use serde_json::json;

const KEY: &str = "sk-claire-123";

fn client(server: &MockServer) -> ClaireClient {
    ClaireClient::builder()
        .base_url(server.base_url())
        .api_key(SecretString::from(KEY))
        .build()
        .unwrap()
}

#[tokio::test]
async fn key_goes_in_the_authorization_header_without_prefix() {
    let server = MockServer::start_async().await;
    let mock = server.mock_async(|when, then| {
        when.method(GET)
            .path("/v1/appointments/4711")
            .header("authorization", KEY)
            .header_exists("user-agent")
            .query_param_missing("api_key");
        then.status(200).json_body(json!({"id": 4711, "workorder_number": "WO-1", "appointment_status_identifier": -1}));
    }).await;
    let a = client(&server)
        .appointments()
        .get(AppointmentId(4711))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(a.wo_nr, "WO-1");
    assert_eq!(a.status, claire_client::StatusIdentifier::Cancelled);
}

#[tokio::test]
async fn key_in_the_query_when_asked() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/v1/tags")
                .query_param("api_key", KEY)
                .header_missing("authorization");
            then.status(200).json_body(json!(null));
        })
        .await;
    let c = ClaireClient::builder()
        .base_url(server.base_url())
        .api_key(SecretString::from(KEY))
        .key_placement(KeyPlacement::Query)
        .build()
        .unwrap();
    assert!(
        c.tags().list().await.unwrap().is_empty(),
        "null list reads as empty"
    );
    mock.assert_async().await;
}

#[tokio::test]
async fn list_filter_body_and_pinned() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/v1/appointments/list")
                .json_body(json!({
                    "location_id": 12, "dms_nr": "K-501", "customer_kind": "owner",
                    "date": "2026-11-23T00:00:00Z", "is_pinned": true
                }));
            then.status(200)
                .json_body(json!({"appointments": [{"id": 1}, {"id": 2}]}));
        })
        .await;
    let filter = AppointmentFilter::new(LocationId(12))
        .dms_nr("K-501")
        .customer_kind(CustomerKind::Owner)
        .date(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        .pinned();
    let list = client(&server).appointments().list(&filter).await.unwrap();
    mock.assert_async().await;
    assert_eq!(list.iter().map(|a| a.id.get()).collect::<Vec<_>>(), [1, 2]);
}

#[tokio::test]
async fn invalid_filters_are_refused_before_sending() {
    let server = MockServer::start_async().await;
    let any = server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200);
        })
        .await;
    let c = client(&server);
    // What the document forbids outright: no location ("required: true"), `is_pinned: false`
    // ("False is not accepted"), a customer kind outside driver/owner/contractor.
    let mut bad = AppointmentFilter::default();
    bad.is_pinned = Some(false);
    let err = c.appointments().list(&bad).await.unwrap_err();
    let v = err.validation().expect("validation error");
    assert!(v.has("location_id", &Rule::Required));
    assert!(v.for_field("is_pinned").count() == 1);
    assert_eq!(v.violations().len(), 2, "{v}");

    let kind = AppointmentFilter::new(LocationId(1))
        .dms_nr("K")
        .customer_kind(CustomerKind::from_wire("fleet"));
    let err = c.appointments().list(&kind).await.unwrap_err();
    assert!(matches!(
        err.validation().unwrap().violations()[0].rule,
        Rule::OneOf { .. }
    ));

    assert!(
        c.appointments()
            .get(AppointmentId(0))
            .await
            .unwrap_err()
            .validation()
            .is_some()
    );
    let zero = c.checks().list(AppointmentId(0)).await.unwrap_err();
    assert!(
        zero.validation()
            .unwrap()
            .has("appointment_id", &Rule::Required)
    );
    assert!(
        c.cars()
            .find_by_vin("  ")
            .await
            .unwrap_err()
            .validation()
            .unwrap()
            .has("vin", &Rule::Required)
    );
    for err in [
        c.webhooks().get(WebhookId(0)).await.unwrap_err(),
        c.webhooks().delete(WebhookId(0)).await.unwrap_err(),
        c.webhooks().errors(WebhookId(0)).page(1).await.unwrap_err(),
    ] {
        assert!(
            err.validation().unwrap().has("webhook_id", &Rule::Required),
            "{err:?}"
        );
    }
    #[allow(deprecated)]
    let dms = c
        .appointments()
        .by_dms_number(LocationId(0), "")
        .send()
        .await
        .unwrap_err();
    assert_eq!(dms.validation().unwrap().violations().len(), 2);
    any.assert_calls_async(0).await;
}

/// "At least one filter must be used" beside a required `location_id`, and `customer_kind`
/// "required only if the DMS number is of a customer": two readings each. The lenient one is
/// the default (sent, Claire judges), the strict one refuses before sending.
#[tokio::test]
async fn ambiguous_filter_rules_are_lenient_unless_strict_is_asked_for() {
    let server = MockServer::start_async().await;
    let list = server
        .mock_async(|when, then| {
            when.method(POST).path("/v1/appointments/list");
            then.status(200).json_body(json!({"appointments": null}));
        })
        .await;
    let location_only = AppointmentFilter::new(LocationId(12));
    let kind_only = AppointmentFilter::new(LocationId(12)).customer_kind(CustomerKind::Driver);
    let blank_nr = AppointmentFilter::new(LocationId(12)).dms_nr(" ");

    let lenient = client(&server);
    assert_eq!(lenient.validation_rules(), &ValidationRules::LENIENT);
    for filter in [&location_only, &kind_only, &blank_nr] {
        assert!(
            lenient
                .appointments()
                .list(filter)
                .await
                .unwrap()
                .is_empty()
        );
    }
    list.assert_calls_async(3).await;

    let strict = ClaireClient::builder()
        .base_url(server.base_url())
        .api_key(SecretString::from(KEY))
        .validation_rules(ValidationRules::STRICT)
        .build()
        .unwrap();
    let err = strict
        .appointments()
        .list(&location_only)
        .await
        .unwrap_err();
    assert!(
        err.validation()
            .unwrap()
            .for_field("dms_nr")
            .any(|x| x.rule.to_string().contains("at least one filter")),
        "{err}"
    );
    let err = strict.appointments().list(&kind_only).await.unwrap_err();
    assert!(
        err.validation()
            .unwrap()
            .for_field("customer_kind")
            .any(|x| x.rule.to_string().contains("together with dms_nr")),
        "{err}"
    );
    let err = strict.appointments().list(&blank_nr).await.unwrap_err();
    assert!(err.validation().unwrap().has("dms_nr", &Rule::Required));
    list.assert_calls_async(3).await;
}

/// The document states no rules for a webhook's fields: by default only an update's id is
/// checked; the strict rules want a name, a trigger, an http(s) URL and named headers.
#[tokio::test]
async fn webhook_fields_are_checked_only_when_strict() {
    let server = MockServer::start_async().await;
    let create = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/v1/webhooks/create")
                .json_body_includes(
                    json!({"name": "", "webhook_trigger_id": 0, "url": ""}).to_string(),
                );
            then.status(200).json_body(json!({"ID": 10}));
        })
        .await;
    let bare = Webhook::new("", WebhookTriggerId::Unknown(0), "");
    assert_eq!(
        client(&server).webhooks().create(&bare).await.unwrap(),
        WebhookId(10)
    );
    create.assert_async().await;
    let err = client(&server).webhooks().update(&bare).await.unwrap_err();
    assert!(err.validation().unwrap().has("id", &Rule::Required));

    let strict = ClaireClient::builder()
        .base_url(server.base_url())
        .api_key(SecretString::from(KEY))
        .validation_rules(ValidationRules::STRICT)
        .build()
        .unwrap();
    let err = strict.webhooks().create(&bare).await.unwrap_err();
    let v = err.validation().unwrap();
    for field in ["name", "webhook_trigger_id", "url"] {
        assert!(v.has(field, &Rule::Required), "{field}: {v}");
    }
    create.assert_calls_async(1).await;
}

#[tokio::test]
#[allow(deprecated)]
async fn deprecated_lookup_by_dms_number() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/v1/appointments")
                .query_param("location_id", "12")
                .query_param("dms_nr", "A-1001")
                .query_param_missing("customer_kind");
            then.status(200)
                .json_body(json!([{"id": 7, "dms_number": "A-1001"}]));
        })
        .await;
    let found = client(&server)
        .appointments()
        .by_dms_number(LocationId(12), "A-1001")
        .send()
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(found[0].dms_nr, "A-1001");
}

#[tokio::test]
async fn car_by_vin_and_not_found() {
    let server = MockServer::start_async().await;
    let found = server.mock_async(|when, then| {
        when.method(GET).path("/v1/car").query_param("vin", "WVWZZZ1JZXW000001");
        then.status(200).json_body(json!({"id": 77, "make": "Volkswagen", "mcc_status": 9, "warranty_date_end": "2028-01-31T00:00:00Z"}));
    }).await;
    let missing = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/v1/car")
                .query_param("vin", "UNKNOWN0000000000");
            then.status(404).body("not found");
        })
        .await;
    let c = client(&server);
    let car = c
        .cars()
        .find_by_vin("WVWZZZ1JZXW000001")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(car.mcc_status, Some(claire_client::MccStatus::Unknown(9)));
    assert_eq!(
        car.warranty_date_end,
        Some(Utc.with_ymd_and_hms(2028, 1, 31, 0, 0, 0).unwrap())
    );
    assert_eq!(
        c.cars().find_by_vin("UNKNOWN0000000000").await.unwrap(),
        None
    );
    found.assert_async().await;
    missing.assert_async().await;
}

#[tokio::test]
async fn create_update_delete_webhook() {
    let server = MockServer::start_async().await;
    let create = server.mock_async(|when, then| {
        when.method(POST).path("/v1/webhooks/create").json_body_includes(
            json!({"name": "imports", "webhook_trigger_id": 19, "dealer_location_id": 12, "url": "https://example.com/h",
                   "active": true, "created_on": "0001-01-01T00:00:00Z",
                   "headers": [{"id": 0, "name": "X-Secret", "value": "v4lue", "webhook_id": 0}]})
            .to_string(),
        );
        then.status(200).json_body(json!({"ID": 9}));
    }).await;
    let update = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/v1/webhooks/update")
                .json_body_includes(
                    json!({"id": 9, "name": "import results", "active": false, "headers": null})
                        .to_string(),
                );
            then.status(200);
        })
        .await;
    let delete = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/v1/webhooks/delete")
                .query_param("webhook_id", "9");
            then.status(200);
        })
        .await;
    let c = client(&server);
    let hook = Webhook::new(
        "imports",
        WebhookTriggerId::PublicApiAppointmentImported,
        "https://example.com/h",
    )
    .location(LocationId(12))
    .header("X-Secret", "v4lue");
    assert!(
        !format!("{hook:?}").contains("v4lue"),
        "header values never show in Debug"
    );
    let id = c.webhooks().create(&hook).await.unwrap();
    assert_eq!(id, WebhookId(9));
    let mut updated = Webhook::new(
        "imports",
        WebhookTriggerId::PublicApiAppointmentImported,
        "https://example.com/h",
    )
    .name("import results")
    .active(false);
    updated.id = id;
    c.webhooks().update(&updated).await.unwrap();
    c.webhooks().delete(id).await.unwrap();
    create.assert_async().await;
    update.assert_async().await;
    delete.assert_async().await;
}

#[tokio::test]
async fn create_is_not_retried_after_a_server_error() {
    let server = MockServer::start_async().await;
    let create = server
        .mock_async(|when, then| {
            when.method(POST).path("/v1/webhooks/create");
            then.status(503)
                .json_body(json!({"message": "maintenance"}));
        })
        .await;
    let hook = Webhook::new("x", WebhookTriggerId::CarReady, "https://example.com/h");
    let err = client(&server).webhooks().create(&hook).await.unwrap_err();
    assert!(
        matches!(&err, Error::Status { status: 503, message, .. } if message == "maintenance"),
        "{err:?}"
    );
    create.assert_calls_async(1).await;
}

#[tokio::test]
async fn path_overrides_apply() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET).path("/v2/locations");
            then.status(200)
                .json_body(json!([{"id": 12, "name": "Utrecht"}]));
        })
        .await;
    let c = ClaireClient::builder()
        .base_url(server.base_url())
        .api_key(SecretString::from(KEY))
        .override_path("GetLocations", "/v2/locations")
        .build()
        .unwrap();
    assert_eq!(c.locations().list().await.unwrap()[0].name, "Utrecht");
    mock.assert_async().await;
}

#[test]
fn configuration_errors_and_no_secret_in_debug() {
    let no_key = ClaireClient::builder()
        .base_url("https://claire.test")
        .build()
        .unwrap_err();
    assert!(matches!(
        no_key,
        Error::Config(partner_core::ConfigError::MissingSetting {
            setting: "api_key",
            ..
        })
    ));
    let blank_key = ClaireClient::builder()
        .base_url("https://claire.test")
        .api_key(SecretString::from(" "))
        .build()
        .unwrap_err();
    assert!(matches!(
        blank_key,
        Error::Config(partner_core::ConfigError::MissingSetting {
            setting: "api_key",
            ..
        })
    ));
    let no_url = ClaireClient::builder()
        .api_key(SecretString::from(KEY))
        .build()
        .unwrap_err();
    assert!(matches!(
        no_url,
        Error::Config(partner_core::ConfigError::MissingBaseUrl { .. })
    ));
    let bad_op = ClaireClient::builder()
        .base_url("https://claire.test")
        .api_key(SecretString::from(KEY))
        .override_path("Nope", "/x")
        .build()
        .unwrap_err();
    assert!(matches!(
        bad_op,
        Error::Config(partner_core::ConfigError::UnknownOperation { .. })
    ));
    let bad_key = ClaireClient::builder()
        .base_url("https://claire.test")
        .api_key(SecretString::from("a\nb"))
        .build();
    assert!(
        bad_key.is_err(),
        "a key that is not a valid header value is refused"
    );

    let builder = ClaireClient::builder()
        .base_url("https://claire.test")
        .api_key(SecretString::from(KEY));
    assert!(!format!("{builder:?}").contains(KEY));
    let c = builder.build().unwrap();
    assert!(!format!("{c:?}").contains(KEY));
}
