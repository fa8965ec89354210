//! What is retried: reads yes, creates and uploads only when surely not sent, and what a 409
//! after a retried create means. Paused tokio time, in-memory transport.

mod common;

use bigfix_client::BigfixError;
use common::{mock_client as client, order};
use partner_core::mock::{MockTransport, json_response};
use partner_core::transport::TransportError;
use partner_core::{Error, RequestSent, TransportErrorKind};
use serde_json::json;

fn timeout_after_sending() -> TransportError {
    TransportError::new(
        TransportErrorKind::Timeout,
        RequestSent::Maybe,
        "read timed out",
    )
}

#[tokio::test(start_paused = true)]
async fn tracking_is_retried_after_a_503() {
    let mock = MockTransport::new();
    mock.push(json_response(503, &json!({"Message": "busy"})));
    mock.push(json_response(
        200,
        &json!({"Success": "True", "Status_code": "200", "DATA": {
        "current_status": {"date": "23-11-2026 10:00:00", "status": "created"},
        "tracking_details": [{"date": "23-11-2026 10:00:00", "status": "created"}]}}),
    ));
    let t = client(&mock).tracking().get("R1").await.unwrap();
    assert!(t.has_started());
    assert_eq!(mock.requests().len(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_create_that_may_have_arrived_is_not_repeated() {
    let mock = MockTransport::new();
    mock.push_error(timeout_after_sending());
    let err = client(&mock).orders().create(&order()).await.unwrap_err();
    match &err {
        BigfixError::Core(e @ Error::Transport { .. }) => {
            assert_eq!(e.request_sent(), RequestSent::Maybe);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(mock.requests().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn create_retrying_turns_a_lost_answer_into_a_duplicate() {
    // The first attempt created the order but its answer was lost; the retry hits 409.
    let mock = MockTransport::new();
    mock.push_error(timeout_after_sending());
    mock.push(json_response(
        409,
        &json!({"Success": "False", "Message": "Duplicate repair reference number"}),
    ));
    match client(&mock)
        .orders()
        .create_retrying(&order())
        .await
        .unwrap_err()
    {
        BigfixError::Duplicate {
            repair_ref_no,
            message,
        } => {
            assert_eq!(repair_ref_no, order().repair_ref_no);
            assert_eq!(message, "Duplicate repair reference number");
        }
        other => panic!("{other:?}"),
    }
    let sent = mock.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].body, sent[1].body, "the same order is sent again");
}
