//! The common client options (partner-core's `ClientOptions`) through ShipInsure's builder:
//! the common `Strictness` selects the strict validation rules unless explicit
//! `validation_rules` are set.

mod common;

use std::sync::Arc;

use common::{KEY, tracking};
use partner_core::mock::{MockTransport, json_response};
use serde_json::json;
use shipinsure_client::{
    ClientOptions, DeliveryStatus, EnvironmentConfig, ShipInsureClient, Strictness, ValidationRules,
};

/// `.strictness(Strictness::Strict)`, on the builder or in shared `ClientOptions`, refuses a
/// `delivery_status` outside the seven documented ones before sending; by default it is sent
/// as given, and explicit `validation_rules` win over the common option.
#[tokio::test]
async fn the_common_strictness_option_selects_the_strict_rules() {
    let mock = MockTransport::new();
    mock.fallback(|_| Ok(json_response(200, &json!({"status": "success"}))));
    let base = || {
        ShipInsureClient::builder(EnvironmentConfig::staging(
            "https://staging.shipinsure.example",
            KEY,
        ))
        .transport(Arc::new(mock.clone()))
    };
    let mut update = tracking("T1");
    update.delivery_status = DeliveryStatus::Unknown("lost".into());

    let lenient = base().build().unwrap();
    lenient.tracking().insert(&update).await.unwrap();
    assert_eq!(mock.requests().len(), 1, "sent by default");

    let on_builder = base().strictness(Strictness::Strict).build().unwrap();
    let in_options = base()
        .options(
            ClientOptions::new()
                .transport(Arc::new(mock.clone()))
                .strictness(Strictness::Strict),
        )
        .build()
        .unwrap();
    for client in [on_builder, in_options] {
        let err = client.tracking().insert(&update).await.unwrap_err();
        assert!(
            err.validation()
                .is_some_and(|v| v.for_field("delivery_status").next().is_some()),
            "{err:?}"
        );
    }
    assert_eq!(mock.requests().len(), 1, "nothing more sent");

    // Explicit rules win over the common option.
    let explicit = base()
        .strictness(Strictness::Strict)
        .validation_rules(ValidationRules::STRICT.with_documented_statuses_only(false))
        .build()
        .unwrap();
    explicit.tracking().insert(&update).await.unwrap();
    assert_eq!(mock.requests().len(), 2);
}
