//! Replays every fixture in fixtures/shipinsure/ through the typed client: the request the
//! client really sends (path, headers, JSON body including the computed signature) must
//! match the fixture, and the parsed answer (or typed error) must match its response.

use partner_testkit::{Fixture, Replay, run_contract};
use serde_json::Value;
use shipinsure_client::{
    CancelDeliveryRequest, EnvironmentConfig, Error, OPERATIONS, ShipInsureClient, ShipInsureError,
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

/// A readable problem for the contract report instead of a panic.
fn expect_eq<T: PartialEq + std::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), BoxError> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: parsed {got:?}, fixture has {want:?}").into())
    }
}

/// Checks an `Ok` against the fixture's success body, or an `Err` against its failure.
fn check<T>(
    fx: &Fixture,
    result: Result<T, ShipInsureError>,
    ok: impl FnOnce(T) -> Result<(), BoxError>,
) -> Result<(), BoxError> {
    let message = response_str(fx, "message");
    // The fixtures hold no 409, so every failure is one of partner-core's.
    let result = match result {
        Ok(value) => Ok(value),
        Err(ShipInsureError::Core(e)) => Err(e),
        Err(other) => return Err(format!("unexpected {other:?}").into()),
    };
    match (fx.response.status, result) {
        // API #3 may answer with a bare echo: no `status` is not a failure.
        (200, Ok(value)) if matches!(response_str(fx, "status"), Some("success") | None) => {
            ok(value)
        }
        (
            200,
            Err(Error::Rejected {
                operation,
                code,
                message: got,
            }),
        ) => {
            expect_eq("operation", operation, fx.operation.as_str())?;
            expect_eq("status", code.as_deref(), response_str(fx, "status"))?;
            expect_eq("message", Some(got.as_str()), message)
        }
        (
            401,
            Err(Error::Auth {
                status: Some(401),
                message: got,
                ..
            }),
        ) => expect_eq("message", Some(got.as_str()), message),
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
                        expect_eq(
                            "policy_id",
                            Some(policy.policy_id.as_str()),
                            response_str(fx, "policy_id"),
                        )?;
                        expect_eq(
                            "url_certificate",
                            policy.url_certificate.as_deref(),
                            response_str(fx, "url_certificate"),
                        )?;
                        expect_eq(
                            "message",
                            policy.message.as_deref(),
                            response_str(fx, "message"),
                        )?;
                        expect_eq(
                            "status",
                            Some(policy.status.as_str()),
                            response_str(fx, "status"),
                        )
                    })
                }
                "InsertTrackingDetail" => {
                    let request: TrackingDetailRequest = fx.request_body()?;
                    check(fx, client.tracking().insert(&request).await, |answer| {
                        expect_eq(
                            "message",
                            answer.message.as_deref(),
                            response_str(fx, "message"),
                        )?;
                        expect_eq(
                            "status",
                            Some(answer.status.as_str()),
                            response_str(fx, "status"),
                        )
                    })
                }
                "CancelSmeDeliveryOrder" => {
                    let request: CancelDeliveryRequest = fx.request_body()?;
                    check(fx, client.deliveries().cancel(&request).await, |answer| {
                        let time = answer
                            .cancellation_time
                            .map(|t| shipinsure_client::wire::timestamp::format(&t));
                        for (field, got) in [
                            ("status", answer.status.as_deref()),
                            ("message", answer.message.as_deref()),
                            ("tracking_number", answer.tracking_number.as_deref()),
                            ("policy_id", answer.policy_id.as_ref().map(|p| p.as_str())),
                            ("canceled_by", answer.canceled_by.as_deref()),
                            ("cancellation_reason", answer.cancellation_reason.as_deref()),
                            ("cancellation_time", time.as_deref()),
                        ] {
                            expect_eq(field, got, response_str(fx, field))?;
                        }
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
