//! Unit tests of the sheet writer and reader.

use partner_core::validation::Rule;
use rust_xlsxwriter::Workbook;

use super::*;
use crate::error::SheetError;
use crate::models::test_data::{row, rows};
use crate::models::{BULK_COLUMNS, BulkEngagementType};
use crate::validate::ValidationRules;

const STRICT: ValidationRules = ValidationRules::STRICT;

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
        read::ENGAGEMENT_COLUMN,
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
    // ... a user's "offsite" is uploaded as typed: by default BigFix judges it (the document
    // makes headers case-sensitive, not values) ...
    let mut cells = good_cells("REP1");
    cells[4] = Cell::Text("offsite");
    let bytes = workbook(&BULK_COLUMNS, &[cells]);
    let read = read_sheet(&bytes, &ValidationRules::default()).unwrap();
    assert_eq!(read[0].order.engagement_type, BulkEngagementType::Offsite);
    // ... and the strict rules refuse it.
    match read_sheet(&bytes, &STRICT) {
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
fn columns_after_the_documented_ones_are_allowed_unless_strict() {
    let mut header = BULK_COLUMNS.to_vec();
    header.push("Notes");
    let mut cells = good_cells("REP1");
    cells.push(Cell::Text("call before noon"));
    let bytes = workbook(&header, &[cells]);
    let read = read_sheet(&bytes, &ValidationRules::default()).unwrap();
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].order.issue, "Battery not charging");
    match read_sheet(&bytes, &STRICT) {
        Err(SheetError::Header { found, .. }) => assert_eq!(found.len(), 15),
        other => panic!("expected a header error, got {other:?}"),
    }
    // The documented columns themselves must still match exactly, in order.
    let mut renamed = header.clone();
    renamed[1] = "name";
    assert!(matches!(
        read_sheet(&workbook(&renamed, &[]), &ValidationRules::default()),
        Err(SheetError::Header { .. })
    ));
}

#[test]
fn multi_word_place_names_in_a_workbook_pass_by_default() {
    let mut cells = good_cells("REP1");
    cells[6] = Cell::Text("New Delhi");
    cells[7] = Cell::Text("Uttar Pradesh");
    let bytes = workbook(&BULK_COLUMNS, &[cells]);
    let read = read_sheet(&bytes, &ValidationRules::default()).unwrap();
    assert_eq!(read[0].order.state, "Uttar Pradesh");
    assert!(matches!(
        read_sheet(&bytes, &STRICT),
        Err(SheetError::Rows(_))
    ));
}
