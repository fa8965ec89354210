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

/// Every row of `batch` with some characters XML must escape, non-ASCII text and a blank
/// cell, so both layouts are compared on more than plain ASCII.
fn awkward_rows() -> Vec<crate::models::BulkRow> {
    let mut batch = rows(4);
    batch[0].issue = "Screen <cracked> & \"flickers\" when it's > 40°C".into();
    batch[1].name = "Zoë Ñandú Rao".into();
    batch[2].address_line1 = "  12, MG Road ".into();
    batch[3].model = String::new();
    batch
}

/// The first sheet as calamine's ordinary range reader sees it.
fn calamine_range(bytes: &[u8]) -> calamine::Range<calamine::Data> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("opens with calamine");
    assert_eq!(book.sheet_names(), ["Sheet1"]);
    book.worksheet_range("Sheet1").expect("Sheet1 reads")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn both_layouts_hold_the_same_cells_and_read_back_to_the_same_rows() {
    let batch = awkward_rows();
    let inline = write_sheet_with(&batch, SheetLayout::InlineStrings).unwrap();
    let shared = write_sheet_with(&batch, SheetLayout::SharedStrings).unwrap();
    // The default (the files differ only in their creation time).
    assert_eq!(SheetLayout::default(), SheetLayout::InlineStrings);
    let default = write_sheet(&batch).unwrap();
    assert!(!contains(&default, b"xl/sharedStrings.xml"));
    assert_eq!(calamine_range(&default), calamine_range(&inline));
    // Zip entry names are stored uncompressed: the inline layout has no shared string table.
    assert!(!contains(&inline, b"xl/sharedStrings.xml"));
    assert!(contains(&shared, b"xl/sharedStrings.xml"));

    let (a, b) = (calamine_range(&inline), calamine_range(&shared));
    assert_eq!(a, b);
    assert_eq!(a.get_size(), (5, 14));
    assert_eq!(
        a.get_value((1, 13)),
        Some(&calamine::Data::String(batch[0].issue.clone()))
    );
    // Whitespace is kept in the file (it is trimmed only when a sheet is read).
    assert_eq!(
        a.get_value((3, 5)),
        Some(&calamine::Data::String("  12, MG Road ".into()))
    );
    // An empty field is no cell at all.
    assert_eq!(a.get_value((4, 11)), Some(&calamine::Data::Empty));

    let rules = ValidationRules::default();
    for bytes in [&inline, &shared] {
        assert_eq!(read_sheet_header(bytes).unwrap(), BULK_COLUMNS);
        match read_sheet(bytes, &rules) {
            // The blank model is reported, naming its row and column; nothing else is.
            Err(SheetError::Rows(err)) => {
                assert_eq!(err.violations().len(), 1, "{err}");
                assert_eq!(err.violations()[0].field, "row 5.Model");
            }
            other => panic!("expected the blank model, got {other:?}"),
        }
    }
    let good = &batch[..3];
    for layout in [SheetLayout::InlineStrings, SheetLayout::SharedStrings] {
        let back = read_sheet(&write_sheet_with(good, layout).unwrap(), &rules).unwrap();
        let mut expected = good.to_vec();
        expected[2].address_line1 = "12, MG Road".into();
        assert_eq!(
            back.iter().map(|r| r.row_number).collect::<Vec<_>>(),
            [2, 3, 4]
        );
        assert_eq!(
            back.into_iter().map(|r| r.order).collect::<Vec<_>>(),
            expected
        );
    }
}

#[test]
fn a_full_upload_round_trips_in_both_layouts() {
    let batch = rows(crate::MAX_ROWS_PER_UPLOAD);
    for layout in [SheetLayout::InlineStrings, SheetLayout::SharedStrings] {
        let bytes = write_sheet_with(&batch, layout).unwrap();
        let back = read_sheet(&bytes, &STRICT).unwrap();
        assert_eq!(back.len(), batch.len(), "{layout:?}");
        assert_eq!(back[999].row_number, 1001);
        assert!(
            back.into_iter().map(|r| r.order).eq(batch.iter().cloned()),
            "{layout:?}"
        );
        assert_eq!(calamine_range(&bytes).get_size(), (1001, 14));
    }
}

#[test]
fn every_bad_row_is_reported_not_only_the_first() {
    let mut body = Vec::new();
    for i in 0..50 {
        let mut cells = good_cells(if i % 2 == 0 { "REP1" } else { "REP2" });
        if i % 10 == 3 {
            cells[2] = Cell::Bool(false);
        }
        body.push(cells);
    }
    let bytes = workbook(&BULK_COLUMNS, &body);
    let err = match read_sheet(&bytes, &STRICT) {
        Err(SheetError::Rows(err)) => err,
        other => panic!("expected row errors, got {other:?}"),
    };
    for i in [3, 13, 23, 33, 43] {
        assert!(err.has(
            &format!("row {}.CustomerMobile", i + 2),
            &Rule::Format {
                expected: "text, not TRUE/FALSE".into()
            }
        ));
    }
    // 48 duplicates of REP1 and REP2, 5 unreadable mobiles.
    assert_eq!(err.violations().len(), 53, "{err}");
    assert!(err.has(
        "row 51.repair_ref_no",
        &Rule::Duplicate {
            first: "row 3.repair_ref_no".into()
        }
    ));
}

#[test]
fn a_chartsheet_first_has_no_header() {
    let mut book = Workbook::new();
    let mut chart = rust_xlsxwriter::Chart::new_column();
    chart.add_series().set_values("Sheet1!$A$1:$A$2");
    book.add_chartsheet().insert_chart(0, 0, &chart).unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("Sheet1").unwrap();
    for (c, h) in (0u16..).zip(BULK_COLUMNS) {
        sheet.write_string(0, c, h).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    assert_eq!(read_sheet_header(&bytes).unwrap(), Vec::<String>::new());
    assert!(matches!(
        read_sheet(&bytes, &STRICT),
        Err(SheetError::Header { .. })
    ));
}
