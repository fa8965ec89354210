//! What the client sends and how it reads answers: exact requests on a local mock server,
//! path overrides, validation before any I/O, failure statuses as typed errors, retries.

mod common;

use std::sync::Arc;

use common::{KEY, cancel, mock_builder, submit, tracking};
use httpmock::MockServer;
use partner_core::ConfigError;
use partner_core::http::Method;
use partner_core::mock::{MockTransport, json_response};
use partner_core::validation::Rule;
use serde_json::json;
use shipinsure_client::{
    ClientOptions, DeliveryStatus, EnvironmentConfig, Error, OperationId, PolicyId, RetryPolicy,
    ShipInsureClient, ShipInsureError, ValidationRules,
};

fn client_for(server: &MockServer) -> ShipInsureClient {
    ShipInsureClient::builder(EnvironmentConfig::staging(server.base_url(), KEY))
        .build()
        .unwrap()
}

#[tokio::test]
async fn submit_sends_the_documented_body_and_reads_the_policy() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/api/v1/sme-delivery/submit")
                .header("content-type", "application/json")
                .header_includes("user-agent", "shipinsure-client/")
                .json_body(json!({
                    "tracking_number": "SME0001234", "product_code": "ahasme",
                    "customer_name": "Nguyen Van A", "customer_phone": "0901234567",
                    "pickup_address": "12 Le Loi", "drop_up_address": "45 Hai Ba Trung",
                    "type_of_goods": "electronics", "goods_description": "speaker", "good_quantity": 1,
                    "cod_amount": 0, "item_value": 1_500_000, "premium_amount": 15000,
                    "order_created_time": "2026-11-23T06:05:00.000Z",
                    // printf '%s' 'staging-keySME000123415000' | md5sum
                    "signature": "115abe6fc82693e97ce0a9fd83d85d35"
                }));
            then.status(200).json_body(json!({
                "status": "success", "message": "Policy created",
                "policy_id": "POL-9", "url_certificate": "https://c.example/POL-9.pdf"
            }));
        })
        .await;
    let policy = client_for(&server)
        .deliveries()
        .submit(&submit("SME0001234", 15000))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(policy.policy_id, PolicyId::new("POL-9"));
    assert_eq!(
        policy.url_certificate.as_deref(),
        Some("https://c.example/POL-9.pdf")
    );
    assert_eq!(policy.message.as_deref(), Some("Policy created"));
    assert_eq!(policy.status, "success");
}

#[tokio::test]
async fn tracking_sends_events_and_status() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/api/v1/sme-delivery/tracking")
                .json_body(json!({
                    "tracking_number": "SME0001234", "delivery_status": "in_delivery",
                    "tracking_detail": [{"tracking_time": "2026-11-23T09:15:00.000Z"}],
                    // printf '%s' 'staging-keySME0001234' | md5sum
                    "signature": "45340191d4fcad23537175f638deabe3"
                }));
            then.status(200)
                .json_body(json!({"status": "success", "message": "inserted"}));
        })
        .await;
    let answer = client_for(&server)
        .tracking()
        .insert(&tracking("SME0001234"))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(answer.message.as_deref(), Some("inserted"));
}

#[tokio::test]
async fn overridden_paths_join_the_base_url_path() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/partner/v2/cancel-order")
                .header("content-type", "application/json")
                .json_body(json!({
                    "tracking_number": "T1", "policy_id": "POL-1",
                    "canceled_by": "cs.agent", "cancellation_reason": "customer request",
                    "cancellation_time": "2026-11-23T10:00:00.000Z",
                    // printf '%s' 'staging-keyT1' | md5sum
                    "signature": "dc777479bbe8ee8f643ad27ca484d4c9"
                }));
            then.status(200).json_body(
                json!({"status": "success", "tracking_number": "T1", "policy_id": "POL-1"}),
            );
        })
        .await;
    let client = ShipInsureClient::builder(EnvironmentConfig::production(
        format!("{}/partner", server.base_url()),
        KEY,
    ))
    .override_path(
        OperationId::CancelSmeDeliveryOrder.name(),
        "/v2/cancel-order",
    )
    .build()
    .unwrap();
    let answer = client
        .deliveries()
        .cancel(&cancel("T1", "POL-1"))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(answer.policy_id, Some(PolicyId::new("POL-1")));
    assert_eq!(answer.tracking_number.as_deref(), Some("T1"));
    assert_eq!(answer.message, None);
}

#[tokio::test]
async fn a_bare_echo_of_the_cancellation_is_a_success() {
    // The JSON shown under API #3, returned as is: no `status`, so nothing says failure.
    let (builder, _) = mock_builder(
        KEY,
        json!({
            "tracking_number": "T1", "policy_id": "POL-1", "canceled_by": "cs.agent",
            "cancellation_time": "2026-11-23T10:00:00.000Z",
            "cancellation_reason": "customer request", "signature": "ignored"
        }),
    );
    let answer = builder
        .build()
        .unwrap()
        .deliveries()
        .cancel(&cancel("T1", "POL-1"))
        .await
        .unwrap();
    assert_eq!(answer.status, None);
    assert_eq!(answer.policy_id, Some(PolicyId::new("POL-1")));
    assert_eq!(answer.canceled_by.as_deref(), Some("cs.agent"));
    assert_eq!(
        answer.cancellation_reason.as_deref(),
        Some("customer request")
    );
    assert_eq!(
        answer.cancellation_time,
        Some(common::cancel("T1", "POL-1").cancellation_time)
    );
}

#[tokio::test]
async fn submit_and_tracking_answers_need_a_status() {
    let (builder, _) = mock_builder(KEY, json!({"message": "ok", "policy_id": "POL-1"}));
    let client = builder.build().unwrap();
    let err = client
        .deliveries()
        .submit(&submit("T1", 1))
        .await
        .unwrap_err();
    assert!(
        matches!(err.core(), Some(Error::Decode { operation: "SubmitSmeDelivery", message, .. }) if message.contains("status")),
        "{err:?}"
    );
    let err = client.tracking().insert(&tracking("T1")).await.unwrap_err();
    assert!(
        matches!(err.core(), Some(Error::Decode { operation: "InsertTrackingDetail", message, .. }) if message.contains("status")),
        "{err:?}"
    );
}

#[tokio::test]
async fn invalid_requests_report_every_violation_and_send_nothing() {
    let (builder, mock) = mock_builder(KEY, common::success_body());
    let client = builder
        .validation_rules(ValidationRules::STRICT)
        .build()
        .unwrap();
    let mut order = submit("", -1);
    order.goods.quantity = 0;
    order.customer.name = "   ".into();
    let err = client.deliveries().submit(&order).await.unwrap_err();
    let v = err.validation().expect("a validation error");
    assert!(v.has("tracking_number", &Rule::Required));
    assert!(v.has("customer_name", &Rule::Required));
    assert!(v.has("premium_amount", &partner_core::Rule::Min { min: 0 }));
    assert!(v.has("good_quantity", &partner_core::Rule::Min { min: 1 }));
    assert_eq!(v.violations().len(), 4);

    let err = client
        .deliveries()
        .cancel(&cancel("T1", " "))
        .await
        .unwrap_err();
    assert!(err.validation().unwrap().has("policy_id", &Rule::Required));
    let mut update = tracking("T1");
    update.events.clear();
    let err = client.tracking().insert(&update).await.unwrap_err();
    assert!(
        err.validation()
            .unwrap()
            .has("tracking_detail", &Rule::MinItems { min: 1 })
    );
    assert!(
        mock.requests().is_empty(),
        "nothing is sent before validation passes"
    );
}

#[tokio::test]
async fn by_default_only_what_the_document_forbids_is_refused() {
    // Issue 11's principle: amounts and quantities are "interger" with no stated range,
    // `tracking_detail*` may be present but empty, and the vendor may add statuses; its
    // server judges those. A blank required field is refused (with nothing sent).
    let (builder, mock) = mock_builder(KEY, common::success_body());
    let client = builder.build().unwrap();
    let mut order = submit("T1", -1);
    order.goods.quantity = 0;
    client.deliveries().submit(&order).await.unwrap();
    let mut update = tracking("T1");
    update.events.clear();
    update.delivery_status = DeliveryStatus::from_wire("lost_in_transit");
    client.tracking().insert(&update).await.unwrap();
    let sent = mock.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(common::sent_body(&mock, 0)["premium_amount"], -1);
    assert_eq!(common::sent_body(&mock, 0)["good_quantity"], 0);
    assert_eq!(common::sent_body(&mock, 1)["tracking_detail"], json!([]));

    let mut blank = submit("T1", 1);
    blank.customer.name = " ".into();
    let err = client.deliveries().submit(&blank).await.unwrap_err();
    assert_eq!(err.validation().unwrap().violations().len(), 1);
    assert_eq!(mock.requests().len(), 2, "the blank name was not sent");
}

#[tokio::test]
async fn a_failure_status_is_a_rejected_error_with_the_message() {
    let (builder, _) = mock_builder(
        KEY,
        json!({"status": "fail", "message": "premium_amount does not match"}),
    );
    let err = builder
        .build()
        .unwrap()
        .deliveries()
        .submit(&submit("T1", 1))
        .await
        .unwrap_err();
    match err {
        ShipInsureError::Core(Error::Rejected {
            operation,
            code,
            message,
        }) => {
            assert_eq!(operation, "SubmitSmeDelivery");
            assert_eq!(code.as_deref(), Some("fail"));
            assert_eq!(message, "premium_amount does not match");
        }
        other => panic!("expected Rejected, got {other:?}"),
    }
    let (builder, _) = mock_builder(KEY, json!({"status": "error"}));
    let err = builder
        .build()
        .unwrap()
        .tracking()
        .insert(&tracking("T1"))
        .await
        .unwrap_err();
    assert!(
        matches!(err.core(), Some(Error::Rejected { message, .. }) if message == "no message given"),
        "{err:?}"
    );
}

#[tokio::test]
async fn numeric_success_status_is_accepted_by_default() {
    let (builder, _) = mock_builder(KEY, json!({"status": 200, "message": "ok"}));
    let answer = builder
        .build()
        .unwrap()
        .tracking()
        .insert(&tracking("T1"))
        .await
        .unwrap();
    assert_eq!(answer.status, "200");
}

#[tokio::test]
async fn the_success_rule_is_replaceable() {
    let (builder, _) = mock_builder(KEY, json!({"status": "00", "message": "accepted"}));
    let client = builder.success_status(|s| s == "00").build().unwrap();
    assert_eq!(
        client
            .tracking()
            .insert(&tracking("T1"))
            .await
            .unwrap()
            .status,
        "00"
    );
    let (builder, _) = mock_builder(KEY, json!({"status": "success"}));
    let client = builder.success_status(|s| s == "00").build().unwrap();
    assert!(matches!(
        client.tracking().insert(&tracking("T1")).await,
        Err(ShipInsureError::Core(Error::Rejected { .. }))
    ));
}

#[tokio::test]
async fn a_success_without_policy_id_names_the_missing_field() {
    let (builder, _) = mock_builder(KEY, json!({"status": "success", "message": "ok"}));
    let err = builder
        .build()
        .unwrap()
        .deliveries()
        .submit(&submit("T1", 1))
        .await
        .unwrap_err();
    assert!(
        matches!(err.core(), Some(Error::Decode { operation: "SubmitSmeDelivery", message, .. }) if message.contains("policy_id")),
        "{err:?}"
    );
}

#[tokio::test]
async fn http_errors_carry_the_vendor_message() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("POST").path("/api/v1/sme-delivery/submit");
            then.status(400)
                .json_body(json!({"status": "fail", "message": "customer_phone is invalid"}));
        })
        .await;
    let err = client_for(&server)
        .deliveries()
        .submit(&submit("T1", 1))
        .await
        .unwrap_err();
    assert!(
        matches!(err.core(), Some(Error::Status { status: 400, message, .. }) if message == "customer_phone is invalid"),
        "{err:?}"
    );
}

#[tokio::test]
async fn unknown_delivery_statuses_are_sent_unchanged() {
    let (builder, mock) = mock_builder(KEY, json!({"status": "success"}));
    let mut update = tracking("T1");
    update.delivery_status = DeliveryStatus::Unknown("lost".into());
    builder
        .build()
        .unwrap()
        .tracking()
        .insert(&update)
        .await
        .unwrap();
    assert_eq!(common::sent_body(&mock, 0)["delivery_status"], "lost");
}

fn flaky(first_status: u16) -> MockTransport {
    let mock = MockTransport::new();
    mock.push(json_response(
        first_status,
        &json!({"status": "fail", "message": "busy"}),
    ));
    mock.fallback(|_| Ok(json_response(200, &common::success_body())));
    mock
}

fn client_on(mock: &MockTransport) -> ShipInsureClient {
    ShipInsureClient::builder(EnvironmentConfig::staging(
        "https://staging.shipinsure.example",
        KEY,
    ))
    .transport(Arc::new(mock.clone()))
    .retry_policy(RetryPolicy::default().with_max_attempts(3))
    .build()
    .unwrap()
}

#[tokio::test(start_paused = true)]
async fn cancel_is_retried_after_a_503() {
    let mock = flaky(503);
    let answer = client_on(&mock)
        .deliveries()
        .cancel(&cancel("T1", "POL-1"))
        .await
        .unwrap();
    assert_eq!(answer.status.as_deref(), Some("success"));
    let sent = mock.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(
        sent[0].body, sent[1].body,
        "the retry sends the same signed body"
    );
}

#[tokio::test(start_paused = true)]
async fn submit_is_not_resent_once_the_vendor_answered() {
    let mock = flaky(503);
    let err = client_on(&mock)
        .deliveries()
        .submit(&submit("T1", 1))
        .await
        .unwrap_err();
    assert!(
        matches!(err.core(), Some(Error::Status { status: 503, .. })),
        "{err:?}"
    );
    assert_eq!(mock.requests().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn submit_is_resent_after_a_429() {
    // A 429 means the vendor refused before doing anything, so even an unsafe call repeats.
    let mock = flaky(429);
    let policy = client_on(&mock)
        .deliveries()
        .submit(&submit("T1", 1))
        .await
        .unwrap();
    assert_eq!(policy.policy_id, PolicyId::new("POL-1"));
    let sent = mock.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].body, sent[1].body);
}

#[tokio::test]
async fn an_echoed_epoch_cancellation_time_is_read_back() {
    // 2026-11-23T10:00:00Z, the time `common::cancel` sends (`date -u -d ... +%s`). The
    // client sends it as text whatever the timestamp format; a vendor may still echo it as
    // an epoch integer, which is read back.
    let (builder, mock) = mock_builder(
        KEY,
        json!({"tracking_number": "T1", "policy_id": "POL-1", "cancellation_time": 1_795_428_000_i64}),
    );
    let client = builder
        .timestamp_format(shipinsure_client::TimestampFormat::UnixSeconds)
        .build()
        .unwrap();
    let request = cancel("T1", "POL-1");
    let answer = client.deliveries().cancel(&request).await.unwrap();
    assert_eq!(
        common::sent_body(&mock, 0)["cancellation_time"],
        "2026-11-23T10:00:00.000Z"
    );
    assert_eq!(answer.cancellation_time, Some(request.cancellation_time));
}

#[tokio::test]
async fn timestamps_can_be_sent_as_epoch_integers() {
    let (builder, mock) = mock_builder(KEY, common::success_body());
    let client = builder
        .timestamp_format(shipinsure_client::TimestampFormat::UnixSeconds)
        .build()
        .unwrap();
    // Only the fields API #1 and #2 type "timestamp" change; API #3 types
    // `cancellation_time` "String" with the example "2022-04-06T06:05:00.528Z", so it stays
    // text (an epoch integer there made every cancel fail, issue 11).
    client
        .deliveries()
        .submit(&submit("SME0001234", 15000))
        .await
        .unwrap();
    client
        .tracking()
        .insert(&tracking("SME0001234"))
        .await
        .unwrap();
    client
        .deliveries()
        .cancel(&cancel("SME0001234", "POL-1"))
        .await
        .unwrap();
    // 2026-11-23T06:05:00Z, 09:15:00Z and 10:00:00Z (`date -u -d ... +%s`).
    assert_eq!(
        common::sent_body(&mock, 0)["order_created_time"],
        1_795_413_900_i64
    );
    assert_eq!(
        common::sent_body(&mock, 1)["tracking_detail"][0]["tracking_time"],
        1_795_425_300_i64
    );
    assert_eq!(
        common::sent_body(&mock, 2)["cancellation_time"],
        "2026-11-23T10:00:00.000Z"
    );
    // The signature does not involve the times, so it is unchanged.
    assert_eq!(
        common::sent_body(&mock, 0)["signature"],
        "115abe6fc82693e97ce0a9fd83d85d35"
    );
    let (builder, mock) = mock_builder(KEY, common::success_body());
    let client = builder
        .timestamp_format(shipinsure_client::TimestampFormat::UnixMillis)
        .build()
        .unwrap();
    client
        .deliveries()
        .cancel(&cancel("SME0001234", "POL-1"))
        .await
        .unwrap();
    assert_eq!(
        common::sent_body(&mock, 0)["cancellation_time"],
        "2026-11-23T10:00:00.000Z"
    );
}

#[tokio::test]
async fn shared_client_options_are_honoured() {
    // Base URL, path override and method override given once, in a `ClientOptions` value.
    let mock = MockTransport::new();
    mock.fallback(|_| Ok(json_response(200, &common::success_body())));
    let shared = ClientOptions::new()
        .base_url("https://gateway.example/shipinsure")
        .override_path(
            shipinsure_client::operations::SUBMIT_SME_DELIVERY,
            "/v2/orders",
        )
        .override_method(OperationId::CancelSmeDeliveryOrder.name(), Method::PUT)
        .transport(Arc::new(mock.clone()));
    let client = ShipInsureClient::builder(EnvironmentConfig::staging(
        "https://staging.shipinsure.example",
        KEY,
    ))
    .options(shared)
    .build()
    .unwrap();
    client.deliveries().submit(&submit("T1", 1)).await.unwrap();
    client
        .deliveries()
        .cancel(&cancel("T1", "POL-1"))
        .await
        .unwrap();
    let sent = mock.requests();
    assert_eq!(sent.len(), 2);
    // The options' base URL wins over the environment's, and the override joins its path.
    assert_eq!(
        sent[0].url.as_str(),
        "https://gateway.example/shipinsure/v2/orders"
    );
    assert_eq!(sent[0].method, Method::POST);
    assert_eq!(
        sent[1].url.as_str(),
        "https://gateway.example/shipinsure/api/v1/sme-delivery/cancel"
    );
    assert_eq!(
        sent[1].method,
        Method::PUT,
        "override_method changes the method sent"
    );
}

#[tokio::test]
async fn the_environment_gives_the_base_url_unless_one_is_set() {
    let (builder, mock) = mock_builder(KEY, common::success_body());
    let client = builder
        .override_method(OperationId::InsertTrackingDetail.name(), Method::PATCH)
        .timeout(std::time::Duration::from_secs(5))
        .build()
        .unwrap();
    client.tracking().insert(&tracking("T1")).await.unwrap();
    let sent = &mock.requests()[0];
    assert_eq!(
        sent.url.as_str(),
        "https://staging.shipinsure.example/api/v1/sme-delivery/tracking"
    );
    assert_eq!(sent.method, Method::PATCH);
    assert_eq!(sent.timeout, Some(std::time::Duration::from_secs(5)));
}

#[test]
fn overrides_of_unknown_operations_fail_the_build() {
    let config = EnvironmentConfig::staging("https://staging.shipinsure.example", KEY);
    for builder in [
        ShipInsureClient::builder(config.clone()).override_path("SubmitDelivery", "/x"),
        ShipInsureClient::builder(config)
            .options(ClientOptions::new().override_method("CancelOrder", Method::DELETE)),
    ] {
        let err = builder.build().unwrap_err();
        assert!(
            matches!(&err, Error::Config(ConfigError::UnknownOperation { .. })),
            "{err:?}"
        );
    }
}

#[tokio::test]
async fn a_409_to_a_submit_is_a_typed_duplicate() {
    // A bare 409 (no body), as the vendor answers a tracking number it already insured.
    let mock = MockTransport::new();
    mock.push(partner_core::mock::response(409, &[], ""));
    mock.push(json_response(
        409,
        &json!({"status": "fail", "message": "tracking_number T1 already exists"}),
    ));
    let client = client_on(&mock);
    let err = client
        .deliveries()
        .submit(&submit("T1", 1))
        .await
        .unwrap_err();
    match &err {
        ShipInsureError::Duplicate {
            tracking_number,
            message,
        } => {
            assert_eq!(tracking_number, "T1");
            assert_eq!(message, "Conflict");
        }
        other => panic!("expected Duplicate, got {other:?}"),
    }
    assert_eq!(err.status(), Some(409));
    assert!(!err.is_retryable());
    let err = client
        .deliveries()
        .submit(&submit("T1", 1))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, ShipInsureError::Duplicate { message, .. } if message == "tracking_number T1 already exists"),
        "{err:?}"
    );
    assert!(err.to_string().contains("`T1` is already insured"), "{err}");
    assert_eq!(mock.requests().len(), 2, "a duplicate is never re-sent");
}

fn timed_out_after_sending() -> partner_core::TransportError {
    partner_core::TransportError::new(
        partner_core::TransportErrorKind::Timeout,
        partner_core::RequestSent::Maybe,
        "the vendor took too long",
    )
}

#[tokio::test(start_paused = true)]
async fn a_resent_cancel_that_finds_the_policy_cancelled_says_so() {
    // The first attempt timed out after the vendor processed it; the retry is told
    // "Policy already cancelled" with a 409. The caller learns the policy is cancelled.
    let mock = MockTransport::new();
    mock.push_error(timed_out_after_sending());
    mock.push(json_response(
        409,
        &json!({"status": "fail", "message": "Policy already cancelled"}),
    ));
    let err = client_on(&mock)
        .deliveries()
        .cancel(&cancel("T1", "POL-1"))
        .await
        .unwrap_err();
    match &err {
        ShipInsureError::AlreadyCancelled {
            tracking_number,
            policy_id,
            message,
        } => {
            assert_eq!(tracking_number, "T1");
            assert_eq!(policy_id, &PolicyId::new("POL-1"));
            assert_eq!(message, "Policy already cancelled");
        }
        other => panic!("expected AlreadyCancelled, got {other:?}"),
    }
    assert!(err.is_already_cancelled() && !err.is_retryable());
    let sent = mock.requests();
    assert_eq!(sent.len(), 2, "the cancel was re-sent once");
    assert_eq!(sent[0].body, sent[1].body);
}

#[tokio::test]
async fn a_first_cancel_of_a_cancelled_policy_says_so_too() {
    // Chosen: whenever the vendor says "already cancelled", not only after our own resend
    // (a cancel from another system, or an earlier call of ours, cancelled it just as well).
    for answer in [
        json_response(
            409,
            &json!({"status": "fail", "message": "Policy already cancelled"}),
        ),
        partner_core::mock::response(
            409,
            &[("content-type", "text/plain")],
            "Policy already canceled",
        ),
        json_response(
            200,
            &json!({"status": "fail", "message": "policy already cancelled"}),
        ),
    ] {
        let mock = MockTransport::new();
        mock.push(answer);
        let err = client_on(&mock)
            .deliveries()
            .cancel(&cancel("T1", "POL-1"))
            .await
            .unwrap_err();
        assert!(err.is_already_cancelled(), "{err:?}");
        assert_eq!(mock.requests().len(), 1);
    }
}

#[tokio::test]
async fn other_conflicts_on_a_cancel_stay_conflicts() {
    for answer in [
        partner_core::mock::response(409, &[], ""),
        json_response(
            409,
            &json!({"status": "fail", "message": "policy_id does not belong to T1"}),
        ),
    ] {
        let mock = MockTransport::new();
        mock.push(answer);
        let err = client_on(&mock)
            .deliveries()
            .cancel(&cancel("T1", "POL-1"))
            .await
            .unwrap_err();
        assert!(
            matches!(err.core(), Some(Error::Status { status: 409, .. })),
            "{err:?}"
        );
    }
}
