//! Unit tests of the bulk upload answers and their merged summary.

use super::*;

#[test]
fn summary_merges_counts_and_ids() {
    let result = |up, dups: &[&str]| BulkUploadResult {
        success: true,
        status_code: Some(200),
        message: None,
        uploaded_orders_count: up,
        duplicate_orders_count: dups.len() as u64,
        duplicate_reference_ids: dups.iter().map(|s| (*s).to_owned()).collect(),
    };
    let s = BulkSummary::merge([
        result(999, &["A"]),
        result(998, &["B", "C"]),
        result(500, &[]),
    ]);
    assert_eq!((s.uploaded, s.duplicates), (2497, 3));
    assert_eq!(s.duplicate_reference_ids, ["A", "B", "C"]);
    assert_eq!(s.uploads.len(), 3);
}

#[test]
fn bulk_response_is_typed() {
    let r: BulkUploadResult = serde_json::from_value(serde_json::json!({
        "Success": "True", "Status_code": 200, "Message": "2 orders uploaded successfully",
        "Uploaded_Orders_Count": 2, "Duplicate_Orders_Count": 1, "Duplicate_Reference_IDs": ["REP10001"]
    }))
    .unwrap();
    assert!(r.success);
    assert_eq!(r.status_code, Some(200));
    assert_eq!((r.uploaded_orders_count, r.duplicate_orders_count), (2, 1));
    assert_eq!(r.duplicate_reference_ids, ["REP10001"]);
    assert_eq!(serde_json::to_value(&r).unwrap()["Status_code"], 200);
}

#[test]
fn lists_may_arrive_null_absent_or_empty() {
    for body in [
        r#"{"Success": "True", "Uploaded_Orders_Count": 2, "Duplicate_Reference_IDs": null}"#,
        r#"{"Success": "True", "Uploaded_Orders_Count": 2, "Duplicate_Reference_IDs": []}"#,
        r#"{"Success": "True", "Uploaded_Orders_Count": 2}"#,
        r#"{"Success": null, "Uploaded_Orders_Count": 2}"#,
        r#"{"Uploaded_Orders_Count": 2}"#,
    ] {
        let r = BulkUploadResult::from_json(body.as_bytes()).unwrap();
        assert!(r.success, "{body}");
        assert_eq!(r.uploaded_orders_count, 2);
        assert!(r.duplicate_reference_ids.is_empty(), "{body}");
    }
    let rejected = br#"{"Success": "False", "Message": "no", "Duplicate_Reference_IDs": null}"#;
    assert!(matches!(
        BulkUploadResult::from_json(rejected),
        Err(partner_core::Error::Rejected { .. })
    ));
}
