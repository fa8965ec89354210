//! Webhooks: receiving Claire's calls (payload parsing, sender check) and the paged error
//! listing as a lazy stream.

use std::net::IpAddr;
use std::sync::Arc;

use claire_client::webhook::{
    DEVELOPMENT_SENDER, ImportOutcome, PRODUCTION_SENDER, ReceiveError, WebhookPayload,
    WebhookReceiver,
};
use claire_client::{
    AppointmentId, ClaireClient, CustomerKind, SecretString, WebhookId, WebhookTriggerId,
};
use futures_util::{StreamExt, TryStreamExt};
use partner_core::mock::{MockTransport, json_response};
use serde_json::{Value, json};

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

#[test]
fn import_success_and_failure_payloads() {
    let ok = br#"{"webhook_trigger_id": 19, "dealer_id": 3, "dealer_location_id": 12, "wo_nr": "WO-1001", "appointment_id": 4711}"#;
    let p = WebhookPayload::from_slice(ok).unwrap();
    assert_eq!(
        p.webhook_trigger_id,
        Some(WebhookTriggerId::PublicApiAppointmentImported)
    );
    assert_eq!(
        (
            p.dealer_id.get(),
            p.dealer_location_id.get(),
            p.wo_nr.as_str()
        ),
        (3, 12, "WO-1001")
    );
    assert_eq!(
        p.import_outcome(),
        Some(ImportOutcome::Imported {
            appointment_id: AppointmentId(4711)
        })
    );

    let failed = br#"{"webhook_trigger_id": 19, "dealer_id": 3, "dealer_location_id": 12, "wo_nr": "WO-1002",
        "appointment_import_error": "car: vin is required"}"#;
    let p = WebhookPayload::from_slice(failed).unwrap();
    assert_eq!(p.appointment_id, None);
    assert_eq!(
        p.import_outcome(),
        Some(ImportOutcome::Failed {
            error: "car: vin is required".into()
        })
    );
}

#[test]
fn communication_payload_with_optional_fields() {
    let body = json!({
        "appointment_id": 4711, "dealer_id": 3, "dealer_location_id": 12, "wo_nr": "WO-1001",
        "communication_key": "k3y", "customer_dmsnr": "K-501", "customer_type": "owner",
        "receptionist_name": "Anna"
    });
    let p = WebhookPayload::from_slice(body.to_string().as_bytes()).unwrap();
    assert_eq!(p.import_outcome(), None, "not an import result");
    assert_eq!(p.customer_type, Some(CustomerKind::Owner));
    assert_eq!(p.customer_dmsnr.as_deref(), Some("K-501"));
    assert_eq!(
        p.customer_communication_url().unwrap().as_str(),
        "https://mycarcheck.pro/#!/k3y"
    );
    assert_eq!(
        p.extra["receptionist_name"],
        json!("Anna"),
        "undocumented fields are kept"
    );
    // Only the documented non-optional fields are required.
    let minimal = WebhookPayload::from_slice(
        br#"{"appointment_id": 1, "dealer_id": 3, "dealer_location_id": 12, "wo_nr": ""}"#,
    )
    .unwrap();
    assert_eq!(
        (minimal.communication_key, minimal.customer_type),
        (None, None)
    );
}

#[test]
fn malformed_payloads_name_the_field() {
    let err = WebhookPayload::from_slice(
        br#"{"dealer_id": "three", "dealer_location_id": 12, "wo_nr": "x"}"#,
    )
    .unwrap_err();
    assert!(
        matches!(&err, ReceiveError::Malformed { path, .. } if path == "dealer_id"),
        "{err:?}"
    );
    let err = WebhookPayload::from_slice(br#"{"dealer_id": 3, "wo_nr": "x"}"#).unwrap_err();
    assert!(
        matches!(&err, ReceiveError::Malformed { message, .. } if message.contains("dealer_location_id")),
        "{err:?}"
    );
    assert!(WebhookPayload::from_slice(b"not json").is_err());
    assert!(
        WebhookPayload::from_slice(
            br#"{"dealer_id": 3, "dealer_location_id": 1, "wo_nr": "x"} trailing"#
        )
        .is_err()
    );
}

#[test]
fn pascal_case_payload_of_a_test_call_is_read_too() {
    let p = WebhookPayload::from_slice(
        br#"{"WebhookTriggerID": 19, "AppointmentID": 0, "DealerID": 3, "DealerLocationID": 12,
             "WONr": "WO-7", "CustomerType": null, "AppointmentImportError": "car: vin missing",
             "ReceptionistName": null}"#,
    )
    .unwrap();
    assert_eq!(
        (
            p.dealer_id.get(),
            p.dealer_location_id.get(),
            p.wo_nr.as_str()
        ),
        (3, 12, "WO-7")
    );
    assert_eq!(
        p.import_outcome(),
        Some(ImportOutcome::Failed {
            error: "car: vin missing".into()
        })
    );
    assert!(p.extra.contains_key("ReceptionistName"));
}

#[test]
fn sender_check() {
    let body = br#"{"appointment_id": 1, "dealer_id": 3, "dealer_location_id": 12, "wo_nr": "WO"}"#;
    let prod = WebhookReceiver::production();
    assert!(prod.receive(body, Some(PRODUCTION_SENDER)).is_ok());
    assert!(
        prod.receive(body, Some(ip("::ffff:34.91.154.69"))).is_ok(),
        "IPv4-mapped IPv6"
    );
    assert_eq!(
        prod.receive(body, Some(DEVELOPMENT_SENDER)).unwrap_err(),
        ReceiveError::UnknownSender {
            ip: ip("34.91.177.194")
        }
    );
    assert_eq!(
        prod.receive(body, None).unwrap_err(),
        ReceiveError::MissingPeer
    );
    let dev = WebhookReceiver::development().allow(ip("127.0.0.1"));
    assert!(dev.receive(body, Some(ip("34.91.177.194"))).is_ok());
    assert!(dev.receive(body, Some(ip("127.0.0.1"))).is_ok());
    assert!(!dev.is_allowed(PRODUCTION_SENDER));
    // Without a list every sender is accepted, even an unknown one.
    assert!(WebhookReceiver::new().receive(body, None).is_ok());
    // The sender is checked before the body is even parsed.
    assert_eq!(
        prod.receive(b"garbage", Some(ip("10.1.1.1"))).unwrap_err(),
        ReceiveError::UnknownSender { ip: ip("10.1.1.1") }
    );
}

fn error_page(page_items: &[i64], nb_pages: u64) -> Value {
    let items: Vec<Value> = page_items
        .iter()
        .map(|id| json!({"id": id, "webhook_id": 9, "reason": format!("failure {id}")}))
        .collect();
    json!({"items": items, "nb_pages": nb_pages})
}

fn mocked(mock: &MockTransport) -> ClaireClient {
    ClaireClient::builder()
        .base_url("https://claire.test")
        .api_key(SecretString::from("k"))
        .transport(Arc::new(mock.clone()))
        .build()
        .unwrap()
}

fn sent_pages(mock: &MockTransport) -> Vec<Value> {
    mock.requests()
        .iter()
        .map(|r| serde_json::from_slice::<Value>(&r.body).unwrap())
        .collect()
}

#[tokio::test]
async fn error_stream_is_lazy_and_stops_at_nb_pages() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &error_page(&[1, 2], 3)));
    mock.push(json_response(200, &error_page(&[3, 4], 3)));
    mock.push(json_response(200, &error_page(&[5], 3)));
    let c = mocked(&mock);
    let stream = c.webhooks().errors(WebhookId(9)).stream();
    let mut stream = std::pin::pin!(stream);
    assert_eq!(stream.next().await.unwrap().unwrap().id, 1);
    assert_eq!(mock.requests().len(), 1, "only the first page is fetched");
    let rest: Vec<i64> = stream.map_ok(|e| e.id).try_collect().await.unwrap();
    assert_eq!(rest, [2, 3, 4, 5]);
    assert_eq!(
        sent_pages(&mock),
        [
            json!({"WebhookID": 9, "Page": 1}),
            json!({"WebhookID": 9, "Page": 2}),
            json!({"WebhookID": 9, "Page": 3})
        ]
    );
    assert_eq!(mock.requests()[0].url.path(), "/v1/webhooks/list_errors");
}

#[tokio::test]
async fn error_stream_from_page_zero_and_empty_listing() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &error_page(&[1], 2)));
    mock.push(json_response(200, &error_page(&[2], 2)));
    let c = mocked(&mock);
    let all: Vec<_> = c
        .webhooks()
        .errors(WebhookId(9))
        .first_page(0)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(
        sent_pages(&mock),
        [
            json!({"WebhookID": 9, "Page": 0}),
            json!({"WebhookID": 9, "Page": 1})
        ]
    );

    let mock = MockTransport::new();
    mock.push(json_response(200, &json!({"items": null, "nb_pages": 0})));
    let none: Vec<_> = mocked(&mock)
        .webhooks()
        .errors(WebhookId(9))
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert!(none.is_empty());
    assert_eq!(mock.requests().len(), 1);
}

#[tokio::test]
async fn error_stream_surfaces_failures() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &error_page(&[1], 2)));
    mock.push(json_response(400, &json!({"message": "bad page"})));
    let c = ClaireClient::builder()
        .base_url("https://claire.test")
        .api_key(SecretString::from("k"))
        .retry_policy(claire_client::RetryPolicy::none())
        .transport(Arc::new(mock.clone()))
        .build()
        .unwrap();
    let got: Vec<_> = c.webhooks().errors(WebhookId(9)).stream().collect().await;
    assert_eq!(got.len(), 2);
    assert!(got[0].is_ok());
    assert!(
        matches!(&got[1], Err(claire_client::Error::Status { status: 400, message, .. }) if message == "bad page")
    );
}
