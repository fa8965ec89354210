//! Replays every fixture in fixtures/shipinsure/ through the typed client: the request the
//! client really sends (path, headers, JSON body including the computed signature) must
//! match the fixture, and the parsed answer (or typed error) must match its response.

use partner_testkit::{Fixture, Replay, run_contract};
use serde_json::Value;
use shipinsure_client::{
    CancelDeliveryRequest, EnvironmentConfig, Error, OPERATIONS, ShipInsureClient,
    SubmitDeliveryRequest, TrackingDetailRequest,
};

/// A non-secret key the fixtures' signatures were computed with (`printf '%s' KEY... | md5sum`).
const TEST_API_TOKEN_KEY: &str = "shipinsure-test-key";

type BoxError = Box<dyn std::error::Error + Send + Sync>;

fn client(rp: &Replay) -> ShipInsureClient {
    ShipInsureClient::builder(EnvironmentConfig::staging(
        rp.base_url(),
        TEST_API_TOKEN_KEY,
    ))
    .retry_policy(shipinsure_client::RetryPolicy::none())
    .build()
    .expect("client builds")
}

fn response_str<'a>(fx: &'a Fixture, field: &str) -> Option<&'a str> {
    fx.response
        .body
        .as_ref()
        .and_then(|b| b.get(field))
        .and_then(Value::as_str)
}

/// Checks an `Ok` against the fixture's success body, or an `Err` against its failure.
fn check<T>(
    fx: &Fixture,
    result: Result<T, Error>,
    ok: impl FnOnce(T) -> Result<(), BoxError>,
) -> Result<(), BoxError> {
    let message = response_str(fx, "message").unwrap_or_default();
    match (fx.response.status, result) {
        (200, Ok(value)) if response_str(fx, "status") == Some("success") => ok(value),
        (
            200,
            Err(Error::Rejected {
                operation,
                code,
                message: got,
            }),
        ) => {
            assert_eq!(operation, fx.operation);
            assert_eq!(code.as_deref(), response_str(fx, "status"));
            assert_eq!(got, message);
            Ok(())
        }
        (
            401,
            Err(Error::Auth {
                status: Some(401),
                message: got,
                ..
            }),
        ) => {
            assert_eq!(got, message);
            Ok(())
        }
        (status, Ok(_)) => Err(format!(
            "HTTP {status} with status {:?} was accepted",
            response_str(fx, "status")
        )
        .into()),
        (status, Err(e)) => Err(format!("HTTP {status}: unexpected error {e:?}").into()),
    }
}

#[tokio::test]
async fn contract() {
    run_contract("shipinsure", OPERATIONS, |fx: &Fixture, rp: &Replay| {
        Box::pin(async move {
            let client = client(rp);
            match fx.operation.as_str() {
                "SubmitSmeDelivery" => {
                    let request: SubmitDeliveryRequest = fx.request_body()?;
                    check(fx, client.deliveries().submit(&request).await, |policy| {
                        assert_eq!(
                            Some(policy.policy_id.as_str()),
                            response_str(fx, "policy_id")
                        );
                        assert_eq!(
                            policy.url_certificate.as_deref(),
                            response_str(fx, "url_certificate")
                        );
                        assert_eq!(policy.message.as_deref(), response_str(fx, "message"));
                        assert_eq!(policy.status, "success");
                        Ok(())
                    })
                }
                "InsertTrackingDetail" => {
                    let request: TrackingDetailRequest = fx.request_body()?;
                    check(fx, client.tracking().insert(&request).await, |answer| {
                        assert_eq!(answer.message.as_deref(), response_str(fx, "message"));
                        Ok(())
                    })
                }
                "CancelSmeDeliveryOrder" => {
                    let request: CancelDeliveryRequest = fx.request_body()?;
                    check(fx, client.deliveries().cancel(&request).await, |answer| {
                        assert_eq!(answer.message.as_deref(), response_str(fx, "message"));
                        assert_eq!(answer.policy_id, None);
                        Ok(())
                    })
                }
                other => Err(format!("no replay for {other}").into()),
            }
        })
    })
    .await;
}

#[test]
fn docs_operation_table_is_current() {
    partner_testkit::check_operation_table("shipinsure", OPERATIONS);
}

#[test]
fn fixtures_never_hold_the_key() {
    for fx in partner_testkit::load_fixtures("shipinsure").unwrap() {
        let text = serde_json::to_string(&fx).unwrap();
        assert!(
            !text.contains(TEST_API_TOKEN_KEY),
            "{} contains the key",
            fx.name
        );
    }
}
