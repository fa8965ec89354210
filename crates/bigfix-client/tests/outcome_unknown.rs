//! Success answers that cannot be read: a `null` list is read as empty, and any other
//! unreadable 2xx is "sent, outcome unknown" with the raw answer, never "not sent"; a chunked
//! upload records such a chunk as sent and does not send it again.

mod common;

use bigfix_client::{BigfixError, RequestSent};
use common::{mock_client, order, rows, uploaded_rows};
use partner_core::mock::{MockTransport, json_response, response};
use serde_json::json;

fn bulk_answer(uploaded: usize, duplicates: serde_json::Value) -> serde_json::Value {
    json!({"Success": "True", "Status_code": 200, "Message": format!("{uploaded} orders uploaded"),
           "Uploaded_Orders_Count": uploaded, "Duplicate_Orders_Count": 0,
           "Duplicate_Reference_IDs": duplicates})
}

#[tokio::test]
async fn a_null_duplicate_list_is_an_empty_one() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &bulk_answer(2, json!(null))));
    let mut without = bulk_answer(2, json!([]));
    without
        .as_object_mut()
        .unwrap()
        .remove("Duplicate_Reference_IDs");
    mock.push(json_response(200, &without));
    let client = mock_client(&mock);
    for _ in 0..2 {
        let r = client
            .bulk()
            .upload("ops@acme.in", "Acme", &rows(2))
            .send()
            .await
            .unwrap();
        assert_eq!(r.uploaded_orders_count, 2);
        assert!(r.duplicate_reference_ids.is_empty());
    }
    // The same answer inside upload_all is counted, not reported as a failed chunk.
    let mock = MockTransport::new();
    mock.fallback(|req| {
        Ok(json_response(
            200,
            &bulk_answer(uploaded_rows(req).len(), json!(null)),
        ))
    });
    let summary = mock_client(&mock)
        .bulk()
        .upload_all("ops@acme.in", "Acme", &rows(5))
        .chunk_size(2)
        .send()
        .await
        .unwrap();
    assert_eq!((summary.uploaded, summary.uploads.len()), (5, 3));
    assert!(summary.all_answers_read());
}

#[tokio::test]
async fn an_unreadable_success_is_sent_with_outcome_unknown() {
    let mock = MockTransport::new();
    let odd = json!({"Success": "True", "Status_code": 200, "Uploaded_Orders_Count": "two"});
    mock.push(json_response(200, &odd));
    let err = mock_client(&mock)
        .bulk()
        .upload("ops@acme.in", "Acme", &rows(2))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.request_sent(),
        RequestSent::Yes,
        "sent, never 'not sent'"
    );
    assert!(!err.is_retryable());
    assert_eq!(err.status(), Some(200));
    match &err {
        BigfixError::OutcomeUnknown {
            operation,
            status,
            raw_body_excerpt,
            source,
        } => {
            assert_eq!((*operation, *status), ("UploadBulkOrders", 200));
            assert!(raw_body_excerpt.contains(r#""Uploaded_Orders_Count":"two""#));
            match &**source {
                bigfix_client::CoreError::Decode { path, .. } => {
                    assert_eq!(path, "Uploaded_Orders_Count");
                }
                other => panic!("{other:?}"),
            }
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(mock.requests().len(), 1);
}

#[tokio::test]
async fn an_order_created_with_an_unreadable_answer_is_not_sent_again() {
    let mock = MockTransport::new();
    // Created, but DATA is missing: the request id cannot be read.
    mock.push(json_response(
        200,
        &json!({"Success": "True", "Message": "Repair request has been raised successfully"}),
    ));
    let err = mock_client(&mock)
        .orders()
        .create_retrying(&order())
        .await
        .unwrap_err();
    assert!(
        matches!(err, BigfixError::OutcomeUnknown { status: 200, .. }),
        "{err:?}"
    );
    assert_eq!(err.request_sent(), RequestSent::Yes);
    assert_eq!(
        mock.requests().len(),
        1,
        "not resent, even by create_retrying"
    );

    // The raw answer is bounded.
    let mock = MockTransport::new();
    mock.push(response(
        200,
        &[("content-type", "text/html")],
        "<html>".repeat(1000),
    ));
    match mock_client(&mock).tracking().get("R1").await.unwrap_err() {
        BigfixError::OutcomeUnknown {
            raw_body_excerpt, ..
        } => {
            assert!(raw_body_excerpt.starts_with("<html>"));
            assert!(raw_body_excerpt.len() <= 520, "{}", raw_body_excerpt.len());
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn upload_all_records_an_unreadable_chunk_as_sent_and_goes_on() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &bulk_answer(2, json!([]))));
    mock.push(response(
        200,
        &[("content-type", "application/json")],
        r#"{"Success": "True", "Uploaded_Orders_Count": 2, "Duplicate_Reference_IDs": "REF00002"}"#,
    ));
    mock.push(json_response(200, &bulk_answer(1, json!([]))));
    let all = rows(5);
    let summary = mock_client(&mock)
        .bulk()
        .upload_all("ops@acme.in", "Acme", &all)
        .chunk_size(2)
        .send()
        .await
        .unwrap();
    let sent = mock.requests();
    assert_eq!(sent.len(), 3, "every chunk sent exactly once");
    let chunks: Vec<_> = sent.iter().map(uploaded_rows).collect();
    assert_eq!(chunks.concat(), all);
    assert_eq!((summary.uploaded, summary.uploads.len()), (3, 2));
    assert_eq!(summary.chunks_sent(), 3);
    assert!(!summary.all_answers_read());
    let unreadable = &summary.unreadable[0];
    assert_eq!((unreadable.chunk, unreadable.rows.clone()), (2, 2..4));
    assert_eq!(unreadable.status, 200);
    assert!(unreadable.raw_body_excerpt.contains("REF00002"));
    assert!(
        unreadable.error.contains("Duplicate_Reference_IDs"),
        "{}",
        unreadable.error
    );
}

#[tokio::test]
async fn a_chunk_failing_after_an_unreadable_one_says_what_was_sent() {
    let mock = MockTransport::new();
    mock.push(response(200, &[], "not json"));
    mock.push(json_response(
        500,
        &json!({"Success": "False", "Message": "An error occurred"}),
    ));
    let err = mock_client(&mock)
        .bulk()
        .upload_all("ops@acme.in", "Acme", &rows(5))
        .chunk_size(2)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.request_sent(), RequestSent::Yes);
    match err {
        BigfixError::PartialUpload {
            completed,
            failed_chunk,
            chunks,
            source,
        } => {
            assert_eq!((failed_chunk, chunks), (2, 3));
            assert_eq!(completed.unreadable.len(), 1);
            assert_eq!(completed.chunks_sent(), 1);
            assert_eq!(source.status(), Some(500));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(mock.requests().len(), 2, "chunk 3 not sent");
}
