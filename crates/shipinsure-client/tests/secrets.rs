//! The `api_token_key` never leaves the process in clear: not in requests, Debug output,
//! errors (tracing output: tests/tracing.rs).

mod common;

use common::{mock_builder, submit, tracking};
use serde_json::json;
use shipinsure_client::{EnvironmentConfig, Md5Concat, OperationId, ShipInsureClient};

const SECRET: &str = "SUPER-SECRET-KEY-0042";

#[test]
fn debug_output_never_shows_the_key() {
    let config = EnvironmentConfig::production("https://api.shipinsure.example", SECRET);
    let builder = ShipInsureClient::builder(config.clone());
    let client = ShipInsureClient::builder(config.clone()).build().unwrap();
    for text in [
        format!("{config:?}"),
        format!("{builder:?}"),
        format!("{client:?}"),
        format!("{client:#?}"),
    ] {
        assert!(!text.contains(SECRET), "{text}");
    }
    assert!(format!("{client:?}").contains("Production"));
}

#[tokio::test]
async fn requests_and_errors_never_carry_the_key() {
    let (builder, mock) = mock_builder(SECRET, json!({"status": "fail", "message": "rejected"}));
    let client = builder
        .signature_scheme(
            OperationId::InsertTrackingDetail,
            Md5Concat::key_then(&["missing_field"]),
        )
        .build()
        .unwrap();
    let mut errors = vec![
        client
            .deliveries()
            .submit(&submit("T1", 1))
            .await
            .unwrap_err(),
        client
            .deliveries()
            .submit(&submit("", -1))
            .await
            .unwrap_err(),
        client.tracking().insert(&tracking("T1")).await.unwrap_err(),
    ];
    let (builder, _) = mock_builder(SECRET, json!({"status": "success"}));
    errors.push(
        builder
            .build()
            .unwrap()
            .deliveries()
            .submit(&submit("T1", 1))
            .await
            .unwrap_err(),
    );
    assert_eq!(errors.len(), 4);
    for err in &errors {
        let text = format!("{err} {err:?}");
        assert!(!text.contains(SECRET), "{text}");
    }
    let sent = mock.requests();
    assert_eq!(sent.len(), 1, "only the valid, signable submit was sent");
    assert!(!String::from_utf8_lossy(&sent[0].body).contains(SECRET));
    assert!(!format!("{sent:?}").contains(SECRET));
}
