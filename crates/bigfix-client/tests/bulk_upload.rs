//! Bulk uploads through an in-memory transport: the 1000-row limit, splitting 2,500 orders
//! and merging the answers, failures part-way, and users' own workbooks.

mod common;

use bigfix_client::{BigfixError, BulkRow, SheetError, write_sheet};
use common::{mock_client, rows, uploaded_rows};
use partner_core::Error;
use partner_core::mock::{MockTransport, json_response};
use partner_core::multipart::Multipart;
use partner_core::validation::Rule;
use serde_json::json;

#[tokio::test]
async fn one_upload_takes_1000_rows_and_refuses_1001() {
    let mock = MockTransport::new();
    mock.fallback(|_| {
        Ok(json_response(200, &json!({"Success": "True", "Status_code": 200, "Message": "1000 uploaded",
            "Uploaded_Orders_Count": 1000, "Duplicate_Orders_Count": 0, "Duplicate_Reference_IDs": []})))
    });
    let client = mock_client(&mock);
    let err = client
        .bulk()
        .upload("ops@acme.in", "Acme", &rows(1001))
        .send()
        .await
        .unwrap_err();
    assert!(
        err.validation()
            .unwrap()
            .has("rows", &Rule::MaxItems { max: 1000 })
    );
    assert!(mock.requests().is_empty());
    let ok = client
        .bulk()
        .upload("ops@acme.in", "Acme", &rows(1000))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.uploaded_orders_count, 1000);
    let sent = mock.requests();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].headers["x-api-key"], "k-123");
    assert!(sent[0].headers.get("authorization").is_none());
    assert_eq!(uploaded_rows(&sent[0]), rows(1000));
}

#[tokio::test]
async fn upload_all_splits_2500_orders_into_three_uploads_and_merges() {
    let mock = MockTransport::new();
    // Echo: every chunk's first reference is reported as an existing duplicate.
    mock.fallback(|req| {
        let rows = uploaded_rows(req);
        let first = rows[0].repair_ref_no.clone();
        Ok(json_response(
            200,
            &json!({"Success": "True", "Status_code": 200,
            "Message": format!("{} orders uploaded", rows.len() - 1),
            "Uploaded_Orders_Count": rows.len() - 1, "Duplicate_Orders_Count": 1,
            "Duplicate_Reference_IDs": [first]}),
        ))
    });
    let client = mock_client(&mock);
    let all = rows(2500);
    let summary = client
        .bulk()
        .upload_all("ops@acme.in", "Acme", &all)
        .send()
        .await
        .unwrap();
    let sent = mock.requests();
    assert_eq!(sent.len(), 3);
    let chunks: Vec<Vec<BulkRow>> = sent.iter().map(uploaded_rows).collect();
    assert_eq!(
        chunks.iter().map(Vec::len).collect::<Vec<_>>(),
        [1000, 1000, 500]
    );
    assert_eq!(chunks.concat(), all, "every order uploaded once, in order");
    assert_eq!(summary.uploads.len(), 3);
    assert_eq!(summary.uploaded, 2497);
    assert_eq!(summary.duplicates, 3);
    assert_eq!(
        summary.duplicate_reference_ids,
        ["REF00000", "REF01000", "REF02000"]
    );
}

#[tokio::test]
async fn upload_all_checks_everything_before_the_first_upload() {
    let mock = MockTransport::new();
    let client = mock_client(&mock);
    let mut all = rows(1500);
    all[1200].repair_ref_no = all[3].repair_ref_no.clone();
    all[1400].pincode = "5600".into();
    let err = client
        .bulk()
        .upload_all("ops@acme.in", "Acme", &all)
        .chunk_size(1001)
        .send()
        .await
        .unwrap_err();
    let v = err.validation().unwrap();
    assert!(v.has(
        "rows[1200].repair_ref_no",
        &Rule::Duplicate {
            first: "rows[3].repair_ref_no".into()
        }
    ));
    assert!(v.has(
        "rows[1400].Pincode",
        &Rule::Format {
            expected: "6 digits".into()
        }
    ));
    assert!(v.has("chunk_size", &Rule::Range { min: 1, max: 1000 }));
    assert_eq!(v.violations().len(), 3);
    assert!(mock.requests().is_empty());
}

#[tokio::test]
async fn a_failed_chunk_reports_what_was_uploaded() {
    let mock = MockTransport::new();
    mock.push(json_response(
        200,
        &json!({"Success": "True", "Status_code": 200, "Uploaded_Orders_Count": 2,
        "Duplicate_Orders_Count": 0, "Duplicate_Reference_IDs": []}),
    ));
    mock.push(json_response(
        500,
        &json!({"Success": "False", "Message": "An error occurred during processing"}),
    ));
    let client = mock_client(&mock);
    let err = client
        .bulk()
        .upload_all("ops@acme.in", "Acme", &rows(5))
        .chunk_size(2)
        .send()
        .await
        .unwrap_err();
    match err {
        BigfixError::PartialUpload {
            completed,
            failed_chunk,
            chunks,
            source,
        } => {
            assert_eq!(
                (
                    completed.uploaded,
                    completed.uploads.len(),
                    failed_chunk,
                    chunks
                ),
                (2, 1, 2, 3)
            );
            assert!(matches!(
                *source,
                BigfixError::Core(Error::Status { status: 500, .. })
            ));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        mock.requests().len(),
        2,
        "the failed upload is not retried and chunk 3 is not sent"
    );
}

#[tokio::test]
async fn a_users_workbook_is_checked_then_sent_unchanged() {
    let mock = MockTransport::new();
    mock.push(json_response(
        200,
        &json!({"Success": "True", "Status_code": 200, "Uploaded_Orders_Count": 3,
        "Duplicate_Orders_Count": 0, "Duplicate_Reference_IDs": []}),
    ));
    let client = mock_client(&mock);
    let mut bad = rows(3);
    bad[1].customer_email = "nobody".into();
    let err = client
        .bulk()
        .upload_workbook(
            "ops@acme.in",
            "Acme",
            "mine.xlsx",
            write_sheet(&bad).unwrap(),
        )
        .await
        .unwrap_err();
    match err {
        BigfixError::Sheet(SheetError::Rows(v)) => {
            assert!(v.has(
                "row 3.CustomerEmail",
                &Rule::Format {
                    expected: "an e-mail address".into()
                }
            ));
        }
        other => panic!("{other:?}"),
    }
    assert!(mock.requests().is_empty());
    let good = write_sheet(&rows(3)).unwrap();
    client
        .bulk()
        .upload_workbook("ops@acme.in", "Acme", "mine.xlsx", good.clone())
        .await
        .unwrap();
    let sent = &mock.requests()[0];
    let ct = sent.headers["content-type"].to_str().unwrap();
    let parts = Multipart::parse(ct, &sent.body).unwrap();
    assert_eq!(parts[2].filename.as_deref(), Some("mine.xlsx"));
    assert_eq!(parts[2].data.as_ref(), good.as_slice());
}

#[tokio::test]
async fn a_users_workbook_takes_1000_rows_and_refuses_1001() {
    let mock = MockTransport::new();
    mock.push(json_response(
        200,
        &json!({"Success": "True", "Status_code": 200, "Uploaded_Orders_Count": 1000,
        "Duplicate_Orders_Count": 0, "Duplicate_Reference_IDs": []}),
    ));
    let client = mock_client(&mock);
    let too_many = write_sheet(&rows(1001)).unwrap();
    let err = client
        .bulk()
        .upload_workbook("ops@acme.in", "Acme", "big.xlsx", too_many)
        .await
        .unwrap_err();
    let v = err.validation().unwrap();
    assert!(v.has("rows", &Rule::MaxItems { max: 1000 }), "{v}");
    assert_eq!(v.violations().len(), 1);
    assert!(mock.requests().is_empty(), "refused before sending");

    let ok = client
        .bulk()
        .upload_workbook(
            "ops@acme.in",
            "Acme",
            "full.xlsx",
            write_sheet(&rows(1000)).unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(ok.uploaded_orders_count, 1000);
    assert_eq!(uploaded_rows(&mock.requests()[0]), rows(1000));
}

#[tokio::test]
async fn no_orders_send_nothing_through_upload_all_and_strict_rules_refuse_empty_uploads() {
    let mock = MockTransport::new();
    mock.push(json_response(
        200,
        &json!({"Success": "True", "Status_code": 200, "Uploaded_Orders_Count": 0,
        "Duplicate_Orders_Count": 0, "Duplicate_Reference_IDs": []}),
    ));
    let client = mock_client(&mock);
    let summary = client
        .bulk()
        .upload_all("ops@acme.in", "Acme", &[])
        .send()
        .await
        .unwrap();
    assert_eq!(summary.chunks_sent(), 0);
    assert!(mock.requests().is_empty(), "nothing to send");
    // One upload of nothing is not forbidden by the document: BigFix judges it.
    client
        .bulk()
        .upload("ops@acme.in", "Acme", &[])
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded_rows(&mock.requests()[0]), []);

    let strict = bigfix_client::BigfixClient::builder()
        .transport(std::sync::Arc::new(mock.clone()))
        .api_key(bigfix_client::SecretString::from("k"))
        .validation_rules(bigfix_client::ValidationRules::STRICT)
        .build()
        .unwrap();
    for err in [
        strict
            .bulk()
            .upload_all("ops@acme.in", "Acme", &[])
            .send()
            .await
            .unwrap_err(),
        strict
            .bulk()
            .upload("ops@acme.in", "Acme", &[])
            .send()
            .await
            .unwrap_err(),
        strict
            .bulk()
            .upload_workbook("ops@acme.in", "Acme", "e.xlsx", write_sheet(&[]).unwrap())
            .await
            .unwrap_err(),
    ] {
        assert!(
            err.validation()
                .unwrap()
                .has("rows", &Rule::MinItems { min: 1 }),
            "{err}"
        );
    }
    assert_eq!(mock.requests().len(), 1);
}

/// The workbook's layout follows the builder: inline strings by default, the shared string
/// table when asked (a zip names its parts in plain bytes, so the part list shows which).
#[tokio::test]
async fn the_upload_layout_is_the_builders_choice_and_both_read_back_the_same() {
    use bigfix_client::SheetLayout;
    let mock = MockTransport::new();
    mock.fallback(|_| {
        Ok(json_response(200, &json!({"Success": "True", "Status_code": 200, "Message": "3 uploaded",
            "Uploaded_Orders_Count": 3, "Duplicate_Orders_Count": 0, "Duplicate_Reference_IDs": []})))
    });
    let client = mock_client(&mock);
    let bulk = client.bulk();
    bulk.upload("ops@acme.in", "Acme", &rows(3))
        .send()
        .await
        .unwrap();
    bulk.upload("ops@acme.in", "Acme", &rows(3))
        .sheet_layout(SheetLayout::SharedStrings)
        .send()
        .await
        .unwrap();
    bulk.upload_all("ops@acme.in", "Acme", &rows(3))
        .sheet_layout(SheetLayout::SharedStrings)
        .send()
        .await
        .unwrap();
    let sent = mock.requests();
    let shared = |req: &partner_core::transport::HttpRequest| {
        req.body
            .windows(b"xl/sharedStrings.xml".len())
            .any(|w| w == b"xl/sharedStrings.xml")
    };
    assert_eq!(
        sent.iter().map(shared).collect::<Vec<_>>(),
        [false, true, true]
    );
    for req in &sent {
        assert_eq!(uploaded_rows(req), rows(3));
    }
}
