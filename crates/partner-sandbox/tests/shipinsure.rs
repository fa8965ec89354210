//! shipinsure against the sandbox: the worked flow, bad signatures, duplicates (typed),
//! validation, and retries around faults (429 storms retried, dropped connections only when
//! safe, a resent cancel told the policy is already cancelled).

mod common;

use chrono::Utc;
use partner_core::{Error, RequestSent};
use partner_sandbox::shipinsure::DEMO_API_TOKEN_KEY;
use partner_sandbox::{Fault, FaultConfig, Sandbox, Vendor};
use shipinsure_client::{
    Addresses, Amounts, CancelDeliveryRequest, Customer, DeliveryStatus, EnvironmentConfig, Goods,
    Md5Concat, OperationId, ShipInsureClient, ShipInsureError, SubmitDeliveryRequest,
    TrackingDetailRequest, TrackingEvent,
};

async fn sandbox() -> Sandbox {
    Sandbox::builder()
        .only(&[Vendor::ShipInsure])
        .start()
        .await
        .unwrap()
}

fn client(sandbox: &Sandbox, key: &str) -> ShipInsureClient {
    ShipInsureClient::builder(EnvironmentConfig::staging(
        sandbox.base_url(Vendor::ShipInsure),
        key,
    ))
    .retry_policy(common::fast_retries())
    .build()
    .unwrap()
}

fn order(tracking_number: &str) -> SubmitDeliveryRequest {
    SubmitDeliveryRequest::new(
        tracking_number,
        "ahasme",
        Customer::new("Nguyen Van A", "0901234567"),
        Addresses::new("12 Le Loi", "45 Hai Ba Trung"),
        Goods::new("electronics", "Bluetooth speaker", 1),
        Amounts::new(0, 1_500_000, 15_000),
        Utc::now(),
    )
}

fn event(status: DeliveryStatus, tracking_number: &str) -> TrackingDetailRequest {
    TrackingDetailRequest::new(
        tracking_number,
        status,
        vec![TrackingEvent::new(Utc::now())],
    )
}

#[tokio::test]
async fn worked_flow_insure_track_cancel() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, DEMO_API_TOKEN_KEY);
    let policy = client.deliveries().submit(&order("T-1")).await.unwrap();
    assert!(
        policy
            .url_certificate
            .unwrap()
            .contains(policy.policy_id.as_str())
    );

    for status in [
        DeliveryStatus::InProcess,
        DeliveryStatus::InDelivery,
        DeliveryStatus::Success,
    ] {
        client
            .tracking()
            .insert(&event(status, "T-1"))
            .await
            .unwrap();
    }
    let held = sandbox.shipinsure().policy("T-1").unwrap();
    assert_eq!((held.delivery_status.as_str(), held.events), ("success", 3));

    let cancel = CancelDeliveryRequest::new(
        "T-1",
        policy.policy_id.clone(),
        "agent",
        "refund",
        Utc::now(),
    );
    client.deliveries().cancel(&cancel).await.unwrap();
    assert_eq!(
        sandbox
            .shipinsure()
            .policy("T-1")
            .unwrap()
            .cancelled
            .as_deref(),
        Some("refund")
    );
    // Tracking a cancelled policy is refused inside a 200, as the vendor does.
    let err = client
        .tracking()
        .insert(&event(DeliveryStatus::Returned, "T-1"))
        .await
        .unwrap_err();
    assert!(
        matches!(err.core(), Some(Error::Rejected { .. })),
        "{err:?}"
    );
    // Cancelling again is refused with a 409 the client reads as "already cancelled".
    let err = client.deliveries().cancel(&cancel).await.unwrap_err();
    assert!(err.is_already_cancelled(), "{err:?}");
}

#[tokio::test]
async fn a_bad_signature_is_refused_with_401() {
    let sandbox = sandbox().await;
    let wrong_key = client(&sandbox, "not-the-demo-key");
    let err = wrong_key
        .deliveries()
        .submit(&order("T-2"))
        .await
        .unwrap_err();
    assert!(matches!(err.core(), Some(Error::Auth { .. })), "{err:?}");

    // The right key with a formula the sandbox does not use (premium left out) is refused too.
    let wrong_formula = ShipInsureClient::builder(EnvironmentConfig::staging(
        sandbox.base_url(Vendor::ShipInsure),
        DEMO_API_TOKEN_KEY,
    ))
    .signature_scheme(
        OperationId::SubmitSmeDelivery,
        Md5Concat::key_then(&["tracking_number"]),
    )
    .build()
    .unwrap();
    let err = wrong_formula
        .deliveries()
        .submit(&order("T-2"))
        .await
        .unwrap_err();
    assert!(matches!(err.core(), Some(Error::Auth { .. })), "{err:?}");
    assert!(sandbox.shipinsure().policy("T-2").is_none());
}

#[tokio::test]
async fn duplicates_and_unknown_orders_are_rejected() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, DEMO_API_TOKEN_KEY);
    client.deliveries().submit(&order("T-3")).await.unwrap();
    let err = client.deliveries().submit(&order("T-3")).await.unwrap_err();
    match err {
        ShipInsureError::Duplicate {
            tracking_number,
            message,
        } => {
            assert_eq!(tracking_number, "T-3");
            assert!(message.contains("already insured"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(sandbox.shipinsure().policies().len(), 1);
    let err = client
        .tracking()
        .insert(&event(DeliveryStatus::InDelivery, "NOPE"))
        .await
        .unwrap_err();
    assert!(
        matches!(err.core(), Some(Error::Rejected { .. })),
        "{err:?}"
    );
    let undocumented = DeliveryStatus::from_wire("teleported");
    let err = client
        .tracking()
        .insert(&event(undocumented, "T-3"))
        .await
        .unwrap_err();
    // The client sends a status the vendor may have added; this server knows only seven.
    assert!(
        matches!(err.core(), Some(Error::Status { status: 400, .. })),
        "{err:?}"
    );
}

#[tokio::test]
async fn the_sandbox_checks_what_the_client_checks() {
    // A hand-made body that skips the client's validation still meets the same rules.
    let sandbox = sandbox().await;
    let mut body = serde_json::to_value(order("T-4")).unwrap();
    body["good_quantity"] = 0.into();
    body["customer_name"] = "".into();
    let sig = partner_core::signing::md5_hex([DEMO_API_TOKEN_KEY, "T-4", "15000"]);
    body["signature"] = sig.into();
    let url = format!(
        "{}/api/v1/sme-delivery/submit",
        sandbox.base_url(Vendor::ShipInsure)
    );
    let answer = reqwest::Client::new()
        .post(url)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 400);
    let text = answer.text().await.unwrap();
    assert!(
        text.contains("good_quantity") && text.contains("customer_name"),
        "{text}"
    );
}

#[tokio::test]
async fn a_429_storm_is_retried_after_retry_after() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, DEMO_API_TOKEN_KEY);
    sandbox.faults(Vendor::ShipInsure).storm(2, 0);
    // 429 means the vendor refused it, so even the unsafe submit is re-sent.
    client.deliveries().submit(&order("T-5")).await.unwrap();
    assert_eq!(sandbox.faults(Vendor::ShipInsure).stats().rate_limited, 2);
    assert_eq!(sandbox.shipinsure().policies().len(), 1);
}

#[tokio::test]
async fn a_dropped_connection_is_retried_only_when_safe() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, DEMO_API_TOKEN_KEY);
    let faults = sandbox.faults(Vendor::ShipInsure);

    // Submitting is unsafe: the drop surfaces, though the sandbox did insure the order.
    faults.push([Fault::DropConnection]);
    let err = client.deliveries().submit(&order("T-6")).await.unwrap_err();
    assert!(
        matches!(err.core(), Some(Error::Transport { .. })),
        "{err:?}"
    );
    assert_eq!(err.request_sent(), RequestSent::Maybe);
    let policy = sandbox
        .shipinsure()
        .policy("T-6")
        .expect("the vendor saw the request");
    assert_eq!(faults.stats().requests, 1, "not re-sent");

    // Cancelling is safe to repeat: the drop (after the sandbox cancelled) is retried, and
    // the vendor's 409 "Policy already cancelled" reads as the typed answer, not a conflict.
    faults.push([Fault::DropConnection]);
    let cancel = CancelDeliveryRequest::new(
        "T-6",
        shipinsure_client::PolicyId::new(policy.policy_id),
        "a",
        "b",
        Utc::now(),
    );
    let err = client.deliveries().cancel(&cancel).await.unwrap_err();
    match &err {
        ShipInsureError::AlreadyCancelled {
            tracking_number,
            message,
            ..
        } => {
            assert_eq!(tracking_number, "T-6");
            assert_eq!(message, "Policy already cancelled");
        }
        other => panic!("expected AlreadyCancelled, got {other:?}"),
    }
    assert_eq!(
        sandbox
            .shipinsure()
            .policy("T-6")
            .unwrap()
            .cancelled
            .as_deref(),
        Some("b")
    );
    assert_eq!(faults.stats().dropped, 2);
}

#[tokio::test]
async fn seeded_server_errors_are_retried_on_safe_calls() {
    let sandbox = Sandbox::builder()
        .only(&[Vendor::ShipInsure])
        .seed(11)
        .start()
        .await
        .unwrap();
    let client = client(&sandbox, DEMO_API_TOKEN_KEY);
    let policy = client.deliveries().submit(&order("T-7")).await.unwrap();

    // Set at run time: half the answers 500/503, a few milliseconds of latency.
    let faults = sandbox.faults(Vendor::ShipInsure);
    faults
        .set(FaultConfig {
            latency: common::TINY,
            server_error_rate: 0.5,
            ..FaultConfig::none()
        })
        .unwrap();
    let cancel = CancelDeliveryRequest::new("T-7", policy.policy_id, "agent", "test", Utc::now());
    client.deliveries().cancel(&cancel).await.unwrap();
    for _ in 0..2 {
        let err = client.deliveries().cancel(&cancel).await.unwrap_err();
        assert!(err.is_already_cancelled(), "{err:?}");
    }
    let stats = faults.stats();
    assert!(stats.server_errors > 0, "{stats:?}");
    assert_eq!(stats.requests, 1 + 3 + stats.server_errors);
}
