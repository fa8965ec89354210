//! The worked flow of docs/shipinsure.md against a local mock of the vendor:
//! insure an order, report its tracking events up to delivery, insure and cancel another.
//! The mock only answers requests carrying the expected MD5 `signature` (computed
//! independently with `printf '%s' ... | md5sum`), so the run also shows the client signs.
//!
//! Run with `cargo run -p shipinsure-client --example insure_flow`.

use chrono::{Duration, Utc};
use httpmock::MockServer;
use serde_json::json;
use shipinsure_client::{
    Addresses, Amounts, CancelDeliveryRequest, Customer, DeliveryStatus, EnvironmentConfig, Error,
    Goods, OperationId, Recipient, ShipInsureClient, ShipInsureError, SubmitDeliveryRequest,
    TrackingDetailRequest, TrackingEvent,
};

/// The key the mock expects; in real use it comes from the vendor, never from source code.
const KEY: &str = "example-staging-key";

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The vendor's staging server, played by httpmock on 127.0.0.1.
    let server = MockServer::start_async().await;
    mock_vendor(&server).await;

    // In real use: EnvironmentConfig::from_env(Environment::Staging) with the URL and key
    // the vendor gave you at onboarding.
    let client =
        ShipInsureClient::builder(EnvironmentConfig::staging(server.base_url(), KEY)).build()?;
    println!("client: {client:?}");
    for operation in OperationId::ALL {
        println!(
            "   {operation} is signed {:?}",
            client.signature_scheme(operation)
        );
    }

    // 1. Insure order SME0001234 (API #1).
    let created = Utc::now() - Duration::hours(3);
    let order = SubmitDeliveryRequest::new(
        "SME0001234",
        "ahasme",
        Customer::new("Nguyen Van A", "0901234567").with_email("nguyen.a@example.com"),
        Addresses::new("12 Le Loi, District 1", "45 Hai Ba Trung, District 3"),
        Goods::new("electronics", "Bluetooth speaker", 1),
        Amounts::new(0, 1_500_000, 15_000),
        created,
    )
    .with_recipient(
        Recipient::default()
            .with_name("Le Thi C")
            .with_phone("0907654321"),
    );
    let policy = client.deliveries().submit(&order).await?;
    println!(
        "1. insured {} as policy {} (certificate {:?})",
        order.tracking_number, policy.policy_id, policy.url_certificate
    );

    // 2. Report its tracking events as they happen (API #2), up to delivery.
    let steps = [
        (DeliveryStatus::InProcess, "Arrived at sorting hub", 1),
        (DeliveryStatus::InDelivery, "Out for delivery", 2),
        (DeliveryStatus::Success, "Delivered to recipient", 3),
    ];
    for (status, text, hours) in steps {
        let event = TrackingEvent::new(created + Duration::hours(hours))
            .with_tracking_status(text)
            .with_handler_name("Tran Van B")
            .with_vehicle_type("motorbike");
        let update =
            TrackingDetailRequest::new(&order.tracking_number, status.clone(), vec![event]);
        let answer = client.tracking().insert(&update).await?;
        println!("2. reported {status} ({text}): {}", answer.status);
    }

    // 3. Insure another order, then cancel it with the policy id the submit returned (API #3).
    let mut other = order.clone();
    other.tracking_number = "SME0005678".into();
    let other_policy = client.deliveries().submit(&other).await?;
    println!(
        "3. insured {} as policy {}",
        other.tracking_number, other_policy.policy_id
    );
    let cancel = CancelDeliveryRequest::new(
        &other.tracking_number,
        other_policy.policy_id,
        "cs.agent@partner.example",
        "Customer cancelled the order",
        Utc::now(),
    );
    let answer = client.deliveries().cancel(&cancel).await?;
    println!(
        "3. cancelled {}: {:?}",
        other.tracking_number, answer.message
    );

    // 4. A cancellation the vendor refuses comes back as a typed error, not an Ok.
    let mut refused = cancel;
    refused.tracking_number = "SME0009999".into();
    match client.deliveries().cancel(&refused).await {
        Err(ShipInsureError::Core(Error::Rejected { code, message, .. })) => {
            println!("4. refused ({code:?}): {message}");
        }
        other => return Err(format!("4. expected a rejection, got {other:?}").into()),
    }
    Ok(())
}

/// Answers like the vendor would (the document shows only the response field names), and
/// only to the signature it expects: anything else gets httpmock's 404, which the flow
/// would report as `ShipInsureError::Core(Error::Status { .. })`.
async fn mock_vendor(server: &MockServer) {
    let submits = [
        // printf '%s' 'example-staging-keySME000123415000' | md5sum
        (
            "SME0001234",
            "POL-2026-000123",
            "41b7988466ce76648cf1e43d6eff4038",
        ),
        // printf '%s' 'example-staging-keySME000567815000' | md5sum
        (
            "SME0005678",
            "POL-2026-000124",
            "506e9df70fbd979f9f4be2f8e9da3d7b",
        ),
    ];
    for (tracking_number, policy, signature) in submits {
        server
            .mock_async(|when, then| {
                when.method("POST")
                    .path("/api/v1/sme-delivery/submit")
                    .json_body_includes(
                        json!({"tracking_number": tracking_number, "signature": signature})
                            .to_string(),
                    );
                then.status(200).json_body(json!({
                    "status": "success",
                    "message": "Policy created",
                    "policy_id": policy,
                    "url_certificate": format!("https://certificates.shipinsure.example/{policy}.pdf"),
                }));
            })
            .await;
    }
    server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/api/v1/sme-delivery/tracking")
                // printf '%s' 'example-staging-keySME0001234' | md5sum
                .json_body_includes(
                    json!({"signature": "bdf5128e547abac46c2b654927e9c8a6"}).to_string(),
                );
            then.status(200)
                .json_body(json!({"status": "success", "message": "Tracking detail inserted"}));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/api/v1/sme-delivery/cancel")
                .json_body_includes(json!({"tracking_number": "SME0009999"}).to_string());
            then.status(200).json_body(
                json!({"status": "fail", "message": "tracking_number SME0009999 is not insured"}),
            );
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/api/v1/sme-delivery/cancel")
                // printf '%s' 'example-staging-keySME0005678' | md5sum
                .json_body_includes(
                    json!({"tracking_number": "SME0005678", "signature": "d9a5066b25de7f97e543c8baaf18c6a1"})
                        .to_string(),
                );
            then.status(200)
                .json_body(json!({"status": "success", "message": "Policy cancelled"}));
        })
        .await;
}
