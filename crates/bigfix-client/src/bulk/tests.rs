//! Unit tests of bulk rows, batch validation and the sheet writer/reader.

use partner_core::validation::Rule;
use rust_xlsxwriter::Workbook;

use super::*;
use crate::error::SheetError;
use crate::rules::ValidationRules;

pub(crate) fn row(i: usize) -> BulkRow {
    BulkRow {
        repair_ref_no: format!("REP{:05}", 10000 + i),
        name: "Amit Patel".into(),
        customer_mobile: "9876543210".into(),
        customer_email: "amit@example.com".into(),
        engagement_type: if i.is_multiple_of(2) {
            BulkEngagementType::Onsite
        } else {
            BulkEngagementType::Offsite
        },
        address_line1: "Flat 301, Tower A".into(),
        city: "Bangalore".into(),
        state: "Karnataka".into(),
        pincode: "560001".into(),
        asset_type: "Laptop".into(),
        make: "Dell".into(),
        model: "XPS 15".into(),
        imei_no: format!("SN{:09}", i),
        issue: "Battery not charging".into(),
    }
}

pub(crate) fn rows(n: usize) -> Vec<BulkRow> {
    (0..n).map(row).collect()
}

const STRICT: ValidationRules = ValidationRules::STRICT;

#[test]
fn thousand_rows_pass_and_one_more_is_refused() {
    validate_rows(&rows(1000), &STRICT, Some(MAX_ROWS_PER_UPLOAD)).unwrap();
    let err = validate_rows(&rows(1001), &STRICT, Some(MAX_ROWS_PER_UPLOAD)).unwrap_err();
    assert_eq!(err.violations().len(), 1);
    assert!(err.has("rows", &Rule::MaxItems { max: 1000 }));
    validate_rows(&rows(1001), &STRICT, None).unwrap();
    assert!(
        validate_rows(&[], &STRICT, None)
            .unwrap_err()
            .has("rows", &Rule::MinItems { min: 1 })
    );
}

#[test]
fn each_rule_is_reported_with_row_and_column() {
    let mut batch = rows(4);
    batch[1].customer_mobile = "+919876543210".into();
    batch[1].pincode = "5600".into();
    batch[2].city = "Bengaluru Urban".into();
    batch[2].state = "K4rnataka".into();
    batch[2].customer_email = "amit@".into();
    batch[3].engagement_type = BulkEngagementType::from_wire("Home");
    batch[3].issue = " ".into();
    let err = validate_rows(&batch, &STRICT, Some(1000)).unwrap_err();
    let fmt = |e: &'static str| Rule::Format { expected: e.into() };
    assert!(err.has("rows[1].CustomerMobile", &fmt("10 digits")));
    assert!(err.has("rows[1].Pincode", &fmt("6 digits")));
    assert!(err.has("rows[2].City", &fmt("letters and hyphens only")));
    assert!(err.has("rows[2].State", &fmt("letters and hyphens only")));
    assert!(err.has("rows[2].CustomerEmail", &fmt("an e-mail address")));
    assert!(err.has(
        "rows[3].Engagement_Type",
        &Rule::OneOf {
            allowed: BulkEngagementType::WIRE
        }
    ));
    assert!(err.has("rows[3].Issue", &Rule::Required));
    assert_eq!(err.violations().len(), 7, "{err}");
}

#[test]
fn duplicate_references_in_one_batch_are_caught() {
    let mut batch = rows(5);
    batch[3].repair_ref_no = batch[0].repair_ref_no.clone();
    batch[4].repair_ref_no = format!(" {} ", batch[0].repair_ref_no);
    let err = validate_rows(&batch, &STRICT, Some(1000)).unwrap_err();
    let dup = Rule::Duplicate {
        first: "rows[0].repair_ref_no".into(),
    };
    assert!(err.has("rows[3].repair_ref_no", &dup));
    assert!(err.has("rows[4].repair_ref_no", &dup));
    assert_eq!(err.violations().len(), 2);
}

#[test]
fn written_sheet_has_the_documented_header_and_reads_back() {
    let batch = rows(3);
    let bytes = write_sheet(&batch).unwrap();
    assert_eq!(read_sheet_header(&bytes).unwrap(), BULK_COLUMNS);
    let back = read_sheet(&bytes, &STRICT).unwrap();
    assert_eq!(
        back.iter().map(|r| r.row_number).collect::<Vec<_>>(),
        [2, 3, 4]
    );
    assert_eq!(back.into_iter().map(|r| r.order).collect::<Vec<_>>(), batch);
}

/// A workbook with `header` in row 1 and the given rows (None: leave the cell empty).
fn workbook(header: &[&str], body: &[Vec<Cell>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in (0u16..).zip(header) {
        sheet.write_string(0, c, *h).unwrap();
    }
    for (r, cells) in (1u32..).zip(body) {
        for (c, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Text(s) => sheet.write_string(r, c, *s).unwrap(),
                Cell::Number(n) => sheet.write_number(r, c, *n).unwrap(),
                Cell::Bool(b) => sheet.write_boolean(r, c, *b).unwrap(),
                Cell::Empty => sheet,
            };
        }
    }
    book.save_to_buffer().unwrap()
}

enum Cell {
    Text(&'static str),
    Number(f64),
    Bool(bool),
    Empty,
}

fn good_cells(reference: &'static str) -> Vec<Cell> {
    use Cell::Text as T;
    vec![
        T(reference),
        T("Amit Patel"),
        T("9876543210"),
        T("amit@example.com"),
        T("Onsite"),
        T("Flat 301, Tower A"),
        T("Bangalore"),
        T("Karnataka"),
        T("560001"),
        T("Laptop"),
        T("Dell"),
        T("XPS 15"),
        T("SN123456789"),
        T("Battery not charging"),
    ]
}

#[test]
fn a_wrong_header_is_refused_with_both_rows_shown() {
    let mut header = BULK_COLUMNS.to_vec();
    header[2] = "customermobile";
    let bytes = workbook(&header, &[good_cells("REP1")]);
    match read_sheet(&bytes, &STRICT) {
        Err(SheetError::Header { expected, found }) => {
            assert_eq!(expected, BULK_COLUMNS);
            assert_eq!(found[2], "customermobile");
        }
        other => panic!("expected a header error, got {other:?}"),
    }
    let mut swapped = BULK_COLUMNS.to_vec();
    swapped.swap(6, 7);
    assert!(matches!(
        read_sheet(&workbook(&swapped, &[]), &STRICT),
        Err(SheetError::Header { .. })
    ));
    let mut extra = BULK_COLUMNS.to_vec();
    extra.push("Notes");
    assert!(matches!(
        read_sheet(&workbook(&extra, &[]), &STRICT),
        Err(SheetError::Header { .. })
    ));
}

#[test]
fn numeric_cells_empty_rows_and_bad_rows() {
    let mut numeric = good_cells("REP2");
    numeric[2] = Cell::Number(9876543210.0);
    numeric[8] = Cell::Number(560001.0);
    let mut bad = good_cells("REP3");
    bad[2] = Cell::Number(98765.0);
    bad[4] = Cell::Text("onsite");
    bad[8] = Cell::Bool(true);
    let body = vec![
        good_cells("REP1"),
        (0..14).map(|_| Cell::Empty).collect(),
        numeric,
        bad,
    ];
    let bytes = workbook(&BULK_COLUMNS, &body);
    let err = match read_sheet(&bytes, &STRICT) {
        Err(SheetError::Rows(err)) => err,
        other => panic!("expected row errors, got {other:?}"),
    };
    // Row 3 is blank and skipped; row 4 (numeric cells) is fine; row 5 is bad.
    assert!(err.has(
        "row 5.CustomerMobile",
        &Rule::Format {
            expected: "10 digits".into()
        }
    ));
    assert!(err.has(
        "row 5.Engagement_Type",
        &Rule::OneOf {
            allowed: BulkEngagementType::WIRE
        }
    ));
    assert!(err.has(
        "row 5.Pincode",
        &Rule::Format {
            expected: "text, not TRUE/FALSE".into()
        }
    ));
    assert_eq!(err.violations().len(), 3, "{err}");

    let good = workbook(&BULK_COLUMNS, &body[..3]);
    let read = read_sheet(&good, &STRICT).unwrap();
    assert_eq!(
        read.iter().map(|r| r.row_number).collect::<Vec<_>>(),
        [2, 4]
    );
    assert_eq!(read[1].order.customer_mobile, "9876543210");
    assert_eq!(read[1].order.pincode, "560001");
}

#[test]
fn engagement_type_reads_any_case_but_a_workbook_needs_the_exact_spelling() {
    assert_eq!(
        sheet::ENGAGEMENT_COLUMN,
        BULK_COLUMNS
            .iter()
            .position(|c| *c == "Engagement_Type")
            .unwrap()
    );
    let lower = BulkEngagementType::from_wire("offsite");
    assert_eq!(lower, BulkEngagementType::Offsite);
    assert_eq!(serde_json::to_value(&lower).unwrap(), "Offsite");
    let home: BulkEngagementType = serde_json::from_value(serde_json::json!("Home")).unwrap();
    assert_eq!(home, BulkEngagementType::Unknown("Home".into()));
    assert_eq!(serde_json::to_value(&home).unwrap(), "Home");

    // Rows built in code are written in the documented spelling ...
    let mut r = row(0);
    r.engagement_type = lower;
    let read = read_sheet(&write_sheet(&[r]).unwrap(), &STRICT).unwrap();
    assert_eq!(read[0].order.engagement_type, BulkEngagementType::Offsite);
    // ... but a user's "offsite" would be uploaded as typed, so reading refuses it.
    let mut cells = good_cells("REP1");
    cells[4] = Cell::Text("offsite");
    match read_sheet(&workbook(&BULK_COLUMNS, &[cells]), &STRICT) {
        Err(SheetError::Rows(err)) => {
            assert!(err.has(
                "row 2.Engagement_Type",
                &Rule::OneOf {
                    allowed: BulkEngagementType::WIRE
                }
            ));
            assert_eq!(err.violations().len(), 1, "{err}");
        }
        other => panic!("expected a row error, got {other:?}"),
    }
}

#[test]
fn duplicates_inside_a_sheet_name_both_rows() {
    let bytes = workbook(
        &BULK_COLUMNS,
        &[good_cells("REP1"), good_cells("REP2"), good_cells("REP1")],
    );
    match read_sheet(&bytes, &STRICT) {
        Err(SheetError::Rows(err)) => {
            assert!(err.has(
                "row 4.repair_ref_no",
                &Rule::Duplicate {
                    first: "row 2.repair_ref_no".into()
                }
            ));
        }
        other => panic!("expected a duplicate, got {other:?}"),
    }
}

#[test]
fn the_header_must_be_in_row_1() {
    // A workbook whose first row is blank and whose header is in row 2.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in (0u16..).zip(BULK_COLUMNS) {
        sheet.write_string(1, c, h).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    match read_sheet(&bytes, &STRICT) {
        Err(SheetError::Header { found, .. }) => assert!(found.is_empty(), "{found:?}"),
        other => panic!("expected a header error, got {other:?}"),
    }
    let empty = Workbook::new().save_to_buffer().unwrap();
    assert!(matches!(
        read_sheet(&empty, &STRICT),
        Err(SheetError::Header { .. })
    ));
}

#[test]
fn not_a_workbook() {
    assert!(matches!(
        read_sheet(b"PK\x03\x04 not really", &STRICT),
        Err(SheetError::Open(_))
    ));
}

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
