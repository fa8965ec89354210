//! Signature vectors: every expected value was computed independently with
//! `printf '%s' '<key><fields>' | md5sum` and pasted here as a literal.

mod common;

use common::{KEY, cancel, mock_client, sent_body, submit, tracking};
use partner_core::Error;
use serde_json::Value;
use shipinsure_client::signature::FnScheme;
use shipinsure_client::{
    EnvironmentConfig, ExposeSecret, Md5Concat, OperationId, SecretString, ShipInsureClient,
    SignatureInput, SignaturePart, SignatureScheme, SubmitDeliveryRequest,
};

/// The signature the client sends for `order` under `key`, and the premium as sent.
async fn submitted(key: &str, order: &SubmitDeliveryRequest) -> (String, Value) {
    let (client, mock) = mock_client(key);
    client.deliveries().submit(order).await.unwrap();
    let body = sent_body(&mock, 0);
    let signature = body["signature"].as_str().unwrap_or_default().to_owned();
    (signature, body["premium_amount"].clone())
}

#[tokio::test]
async fn submit_signs_key_tracking_number_and_premium() {
    // (key, tracking_number, premium_amount, `printf '%s' KEY+TN+PREMIUM | md5sum`)
    let vectors: [(&str, &str, i64, &str); 4] = [
        // staging-keySME000123415000
        (KEY, "SME0001234", 15000, "115abe6fc82693e97ce0a9fd83d85d35"),
        // prod-keySME000123415000: each environment signs with its own key
        (
            "prod-key",
            "SME0001234",
            15000,
            "209e9724a5d3ea9e0ca93fd27ce58122",
        ),
        // khóa-bí-mậtĐH-0010: UTF-8 bytes, a zero premium written as `0`
        (
            "khóa-bí-mật",
            "ĐH-001",
            0,
            "0a8b7323b01b6219763f50178e2518b2",
        ),
        // kT9007199254740993: above 2^53, written exactly (no float on the way)
        (
            "k",
            "T",
            9_007_199_254_740_993,
            "8ff99bbbf8c1f072da04223ad78b8ab6",
        ),
    ];
    for (key, tracking_number, premium, expected) in vectors {
        let (signature, sent_premium) = submitted(key, &submit(tracking_number, premium)).await;
        assert_eq!(signature, expected, "{key} {tracking_number} {premium}");
        assert_eq!(sent_premium.as_i64(), Some(premium));
    }
}

#[tokio::test]
async fn tracking_and_cancel_default_to_key_and_tracking_number() {
    let (client, mock) = mock_client(KEY);
    client
        .tracking()
        .insert(&tracking("SME0001234"))
        .await
        .unwrap();
    client
        .deliveries()
        .cancel(&cancel("SME0005678", "POL-1"))
        .await
        .unwrap();
    // printf '%s' 'staging-keySME0001234' | md5sum
    assert_eq!(
        sent_body(&mock, 0)["signature"],
        "45340191d4fcad23537175f638deabe3"
    );
    // printf '%s' 'staging-keySME0005678' | md5sum
    assert_eq!(
        sent_body(&mock, 1)["signature"],
        "e3be8d95886f72efb465e06e1d1de4e1"
    );
}

#[tokio::test]
async fn a_replaced_scheme_applies_to_its_operation_only() {
    let (builder, mock) = common::mock_builder(KEY, common::success_body());
    let client = builder
        .signature_scheme(
            OperationId::CancelSmeDeliveryOrder,
            Md5Concat::key_then(&["tracking_number", "policy_id"]),
        )
        .build()
        .unwrap();
    client
        .deliveries()
        .cancel(&cancel("SME0005678", "POL-1"))
        .await
        .unwrap();
    client
        .tracking()
        .insert(&tracking("SME0001234"))
        .await
        .unwrap();
    // printf '%s' 'staging-keySME0005678POL-1' | md5sum
    assert_eq!(
        sent_body(&mock, 0)["signature"],
        "47ad1e078126f4c9306898f35b6a76f4"
    );
    // Tracking keeps its default.
    assert_eq!(
        sent_body(&mock, 1)["signature"],
        "45340191d4fcad23537175f638deabe3"
    );
    assert_eq!(
        format!(
            "{:?}",
            client.signature_scheme(OperationId::CancelSmeDeliveryOrder)
        ),
        "md5(api_token_key + tracking_number + policy_id)"
    );
}

#[tokio::test]
async fn a_function_scheme_sees_the_wire_body() {
    let (builder, mock) = common::mock_builder(KEY, common::success_body());
    let upper =
        FnScheme::new(
            "upper-case md5",
            |key: &SecretString, input: &SignatureInput<'_>| {
                assert_eq!(input.operation(), OperationId::SubmitSmeDelivery);
                assert!(
                    input.body().get("signature").is_none(),
                    "the signature is not signed"
                );
                let tn = input.field("tracking_number")?;
                let premium = input.field("premium_amount")?;
                Ok(partner_core::signing::md5_hex([
                    key.expose_secret(),
                    tn.as_str(),
                    premium.as_str(),
                ])
                .to_uppercase())
            },
        );
    let client = builder
        .signature_scheme(OperationId::SubmitSmeDelivery, upper)
        .build()
        .unwrap();
    client
        .deliveries()
        .submit(&submit("SME0001234", 15000))
        .await
        .unwrap();
    assert_eq!(
        sent_body(&mock, 0)["signature"],
        "115ABE6FC82693E97CE0A9FD83D85D35"
    );
}

#[tokio::test]
async fn a_scheme_naming_a_missing_field_fails_before_sending() {
    let (builder, mock) = common::mock_builder(KEY, common::success_body());
    let client = builder
        .signature_scheme(
            OperationId::InsertTrackingDetail,
            Md5Concat::key_then(&["tracking_number", "premium_amount"]),
        )
        .build()
        .unwrap();
    let err = client
        .tracking()
        .insert(&tracking("SME0001234"))
        .await
        .unwrap_err();
    assert!(
        matches!(err.core(), Some(Error::Encode { operation: "InsertTrackingDetail", message }) if message.contains("premium_amount")),
        "{err:?}"
    );
    assert!(mock.requests().is_empty());
}

#[test]
fn key_position_is_configurable() {
    let scheme = Md5Concat::new([SignaturePart::Field("tracking_number"), SignaturePart::Key]);
    let body = serde_json::json!({"tracking_number": "SME0001234"});
    let input = SignatureInput::new(OperationId::InsertTrackingDetail, body.as_object().unwrap());
    let sig = scheme.sign(&SecretString::from(KEY), &input).unwrap();
    // printf '%s' 'SME0001234staging-key' | md5sum
    assert_eq!(sig, "383e07530988ad8da415389a8c4454e1");
}

#[test]
fn blank_keys_are_refused_when_building() {
    let err = ShipInsureClient::builder(EnvironmentConfig::staging("https://s.example", "  "))
        .build()
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Config(partner_core::ConfigError::MissingSetting {
            setting: "api_token_key",
            ..
        })
    ));
}
