//! The exact requests the client sends (httpmock), credentials, validation before any I/O,
//! and how answers map to errors.

mod common;

use std::sync::Arc;

use bigfix_client::{BigfixClient, BigfixError, SecretString, ValidationRules, write_sheet};
use common::{created_body, mock_client, order, rows};
use httpmock::prelude::*;
use partner_core::mock::{MockTransport, json_response, response};
use partner_core::validation::Rule;
use partner_core::{ConfigError, Error};
use serde_json::json;

#[tokio::test]
async fn single_order_sends_the_jwt_and_the_exact_json() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/api/warrantify/repair/single-order/")
                .header("authorization", "Bearer jwt-abc")
                .header("content-type", "application/json")
                .header_missing("x-api-key")
                .json_body(serde_json::to_value(order()).unwrap());
            then.status(200).json_body(created_body());
        })
        .await;
    let client = BigfixClient::builder()
        .base_url(server.base_url())
        .jwt(SecretString::from("jwt-abc"))
        .api_key(SecretString::from("k-123"))
        .build()
        .unwrap();
    let created = client.orders().create(&order()).await.unwrap();
    mock.assert_async().await;
    assert_eq!(created.data.request_id.as_str(), "REPAIR202611230042");
    assert_eq!(
        created.message.as_deref(),
        Some("Repair request has been raised successfully")
    );
}

#[tokio::test]
async fn jwt_scheme_and_paths_can_be_overridden() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/v2/order")
                .header("authorization", "JWT jwt-abc");
            then.status(200).json_body(created_body());
        })
        .await;
    let client = BigfixClient::builder()
        .base_url(server.base_url())
        .jwt(SecretString::from("jwt-abc"))
        .jwt_scheme("JWT ")
        .override_path(bigfix_client::ops::CREATE_REPAIR_ORDER, "/v2/order")
        .build()
        .unwrap();
    client.orders().create(&order()).await.unwrap();
    mock.assert_async().await;
    assert!(
        BigfixClient::builder()
            .override_path("Nope", "/x")
            .build()
            .is_err()
    );
}

#[tokio::test]
async fn tracking_sends_the_key_and_the_reference_as_given() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/api/warrantify/claim/tracking/")
                .query_param("ReferenceID", "Repair 20/11")
                .header("x-api-key", "k-123")
                .header_missing("authorization");
            then.status(200)
                .json_body(json!({"Success": "True", "Status_code": "200", "DATA": {
                "current_status": {"date": "23-11-2026 09:00:00", "status": "assigned"},
                "tracking_details": [{"date": "23-11-2026 08:00:00", "status": "created"},
                                     {"date": "23-11-2026 09:00:00", "status": "assigned"}]}}));
        })
        .await;
    let client = BigfixClient::builder()
        .base_url(server.base_url())
        .api_key(SecretString::from("k-123"))
        .build()
        .unwrap();
    let t = client.tracking().get("Repair 20/11").await.unwrap();
    mock.assert_async().await;
    assert_eq!(t.history.len(), 2);
    assert_eq!(
        t.current_status().unwrap().status.code,
        bigfix_client::StatusCode::Assigned
    );
}

#[tokio::test]
async fn template_asks_for_the_workbook_with_the_key() {
    let server = MockServer::start_async().await;
    let bytes = write_sheet(&rows(1)).unwrap();
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/api/warrantify/sample-template/")
                .header("x-api-key", "k-123");
            then.status(200)
                .header("content-type", bigfix_client::XLSX_CONTENT_TYPE)
                .body(bytes.clone());
        })
        .await;
    let client = BigfixClient::builder()
        .base_url(server.base_url())
        .api_key(SecretString::from("k-123"))
        .build()
        .unwrap();
    let t = client.template().download().await.unwrap();
    mock.assert_async().await;
    assert_eq!(t.bytes.as_ref(), bytes.as_slice());
    assert_eq!(t.file_name, None);
    let dir = std::env::temp_dir().join(format!("bigfix-template-{}.xlsx", std::process::id()));
    t.save_to(&dir).unwrap();
    assert_eq!(std::fs::read(&dir).unwrap(), bytes);
    std::fs::remove_file(&dir).unwrap();
}

#[tokio::test]
async fn a_template_answer_that_is_not_a_workbook_is_rejected() {
    let mock = MockTransport::new();
    mock.push(json_response(
        200,
        &json!({"Success": "False", "Message": "Template file not found on server"}),
    ));
    match mock_client(&mock).template().download().await.unwrap_err() {
        BigfixError::Core(Error::Rejected {
            operation, message, ..
        }) => {
            assert_eq!(operation, "DownloadTemplate");
            assert_eq!(
                message,
                "expected an .xlsx file, got: Template file not found on server"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_missing_credential_fails_before_sending() {
    let mock = MockTransport::new();
    let only_key = BigfixClient::builder()
        .transport(Arc::new(mock.clone()))
        .api_key(SecretString::from("k"))
        .build()
        .unwrap();
    match only_key.orders().create(&order()).await {
        Err(BigfixError::Core(Error::Config(ConfigError::MissingCredential {
            operation,
            credential,
        }))) => {
            assert_eq!(operation, "CreateRepairOrder");
            assert!(credential.contains("JWT"));
        }
        other => panic!("{other:?}"),
    }
    let only_jwt = BigfixClient::builder()
        .transport(Arc::new(mock.clone()))
        .jwt(SecretString::from("j"))
        .build()
        .unwrap();
    for result in [
        only_jwt.tracking().get("R1").await.map(|_| ()),
        only_jwt.template().download().await.map(|_| ()),
        only_jwt
            .bulk()
            .upload("a@b.in", "Acme", &rows(1))
            .send()
            .await
            .map(|_| ()),
    ] {
        assert!(
            matches!(
                result,
                Err(BigfixError::Core(Error::Config(
                    ConfigError::MissingCredential { .. }
                )))
            ),
            "{result:?}"
        );
    }
    assert!(mock.requests().is_empty());
}

#[tokio::test]
async fn invalid_input_is_reported_whole_and_nothing_is_sent() {
    let mock = MockTransport::new();
    let client = mock_client(&mock);
    let mut bad = order();
    bad.customer_mobile = "12345".into();
    bad.pincode = "ABCDEF".into();
    bad.city = "Bangalore!".into();
    let err = client.orders().create(&bad).await.unwrap_err();
    let v = err.validation().expect("a validation error");
    assert_eq!(v.violations().len(), 3, "{v}");
    assert!(
        client
            .tracking()
            .get("")
            .await
            .unwrap_err()
            .validation()
            .unwrap()
            .has("ReferenceID", &Rule::Required)
    );
    let strict = BigfixClient::builder()
        .transport(Arc::new(mock.clone()))
        .api_key(SecretString::from("k"))
        .validation_rules(ValidationRules::STRICT)
        .build()
        .unwrap();
    let err = strict.tracking().get("   ").await.unwrap_err();
    assert!(
        err.validation()
            .unwrap()
            .has("ReferenceID", &Rule::Required)
    );
    let err = client
        .bulk()
        .upload("not-an-email", "", &rows(2))
        .file_name("orders.csv")
        .send()
        .await
        .unwrap_err();
    let v = err.validation().unwrap();
    assert!(v.has(
        "Client Email",
        &Rule::Format {
            expected: "an e-mail address".into()
        }
    ));
    assert!(v.has("Client Name", &Rule::Required));
    assert!(v.has(
        "customFile",
        &Rule::Format {
            expected: "a file name ending in .xlsx".into()
        }
    ));
    assert!(mock.requests().is_empty());
}

#[tokio::test]
async fn multi_word_place_names_are_sent_by_default_and_refused_only_when_strict() {
    // "Tamil Nadu", "Uttar Pradesh", "West Bengal", "New Delhi" were refused before sending.
    let mock = MockTransport::new();
    mock.fallback(|_| Ok(json_response(200, &created_body())));
    let client = mock_client(&mock);
    let strict = BigfixClient::builder()
        .transport(Arc::new(mock.clone()))
        .jwt(SecretString::from("j"))
        .validation_rules(ValidationRules::refusing_spaces_in_place_names())
        .build()
        .unwrap();
    for (city, state) in [
        ("Chennai", "Tamil Nadu"),
        ("Lucknow", "Uttar Pradesh"),
        ("Kolkata", "West Bengal"),
        ("New Delhi", "Delhi"),
    ] {
        let mut o = order();
        o.city = city.into();
        o.state = state.into();
        client.orders().create(&o).await.unwrap();
        let sent = mock.requests().pop().unwrap().json_body().unwrap();
        assert_eq!(
            (sent["City"].as_str(), sent["State"].as_str()),
            (Some(city), Some(state))
        );
        let before = mock.requests().len();
        let err = strict.orders().create(&o).await.unwrap_err();
        assert!(err.validation().is_some(), "{err}");
        assert_eq!(
            mock.requests().len(),
            before,
            "strict: refused before sending"
        );
    }
    assert_eq!(mock.requests().len(), 4);
}

#[tokio::test]
async fn success_false_in_a_200_is_a_rejection() {
    let mock = MockTransport::new();
    mock.push(json_response(
        200,
        &json!({"Success": "False", "Status_code": "200", "Message": "Could not save"}),
    ));
    let err = mock_client(&mock)
        .orders()
        .create(&order())
        .await
        .unwrap_err();
    match err {
        BigfixError::Core(Error::Rejected {
            operation,
            code,
            message,
        }) => {
            assert_eq!(
                (operation, code.as_deref(), message.as_str()),
                ("CreateRepairOrder", Some("200"), "Could not save")
            );
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_409_is_a_duplicate_carrying_the_reference_even_without_a_json_body() {
    let mock = MockTransport::new();
    mock.push(response(409, &[], "Conflict: duplicate"));
    match mock_client(&mock)
        .orders()
        .create_retrying(&order())
        .await
        .unwrap_err()
    {
        BigfixError::Duplicate {
            repair_ref_no,
            message,
        } => {
            assert_eq!(repair_ref_no, "REP10001");
            assert_eq!(message, "Conflict: duplicate");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn debug_output_never_shows_credentials() {
    let builder = BigfixClient::builder()
        .api_key(SecretString::from("key-s3cret"))
        .jwt(SecretString::from("jwt-s3cret"));
    let text = format!("{builder:?}");
    let client = builder.build().unwrap();
    let text = format!("{text} {client:?}");
    assert!(!text.contains("s3cret"), "{text}");
    assert!(text.contains("<redacted>"));
}
