//! The BigFix sheet work: the offline check on a good and a bad workbook (every error
//! listed, non-zero exit) and the chunked upload's progress in a non-terminal.

mod common;

use common::{Env, json, stderr};
use rust_xlsxwriter::Workbook;

const HEADER: [&str; 14] = [
    "repair_ref_no",
    "Name",
    "CustomerMobile",
    "CustomerEmail",
    "Engagement_Type",
    "AddressLine1",
    "City",
    "State",
    "Pincode",
    "AssetType",
    "Make",
    "Model",
    "IMEINo",
    "Issue",
];

fn good_row(i: usize) -> Vec<String> {
    vec![
        format!("REP{:05}", 20000 + i),
        "Amit Patel".into(),
        "9876543210".into(),
        "amit@example.com".into(),
        if i.is_multiple_of(2) {
            "Onsite"
        } else {
            "Offsite"
        }
        .into(),
        "Flat 301, Tower A".into(),
        "Bangalore".into(),
        "Karnataka".into(),
        "560001".into(),
        "Laptop".into(),
        "Dell".into(),
        "XPS 15".into(),
        format!("SN{i:09}"),
        "Battery not charging".into(),
    ]
}

/// A workbook written independently of the client crate: header, then rows of text.
fn workbook(rows: &[Vec<String>]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    for (c, name) in (0u16..).zip(HEADER) {
        sheet.write_string(0, c, name).unwrap();
    }
    for (r, row) in (1u32..).zip(rows) {
        for (c, cell) in (0u16..).zip(row) {
            if !cell.is_empty() {
                sheet.write_string(r, c, cell).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_good_sheet_passes_the_check() {
    let env = Env::start("sheet-good");
    let rows: Vec<_> = (0..3).map(good_row).collect();
    std::fs::write(env.dir.join("good.xlsx"), workbook(&rows)).unwrap();
    let out = env
        .partner()
        .args(["bigfix", "sheet", "check", "good.xlsx"])
        .assert()
        .success();
    let report = json(out.get_output());
    assert_eq!(report["ok"], true);
    assert_eq!(report["rows"], 3);
    assert_eq!(env.sandbox.bigfix().uploads(), 0, "the check is offline");
}

#[test]
fn a_bad_sheet_lists_every_error_and_exits_3() {
    let env = Env::start("sheet-bad");
    let mut rows: Vec<_> = (0..5).map(good_row).collect();
    rows[0][2] = "12345".into(); // row 2: CustomerMobile
    rows[1][3] = "not-an-email".into(); // row 3: CustomerEmail
    rows[1][4] = "Sometimes".into(); // row 3: Engagement_Type
    rows[2][1] = String::new(); // row 4: Name missing
    rows[4][0] = rows[0][0].clone(); // row 6: repair_ref_no repeats row 2's
    std::fs::write(env.dir.join("bad.xlsx"), workbook(&rows)).unwrap();

    let out = env
        .partner()
        .args(["bigfix", "sheet", "check", "bad.xlsx"])
        .assert()
        .code(3);
    let errors = json(out.get_output());
    let errors = errors.as_array().expect("a list of errors");
    let at = |row: u64, column: &str| {
        errors
            .iter()
            .any(|e| e["row"] == row && e["column"] == column && e["rule"].is_string())
    };
    for (row, column) in [
        (2, "CustomerMobile"),
        (3, "CustomerEmail"),
        (3, "Engagement_Type"),
        (4, "Name"),
        (6, "repair_ref_no"),
    ] {
        assert!(at(row, column), "row {row} {column} not listed: {errors:?}");
    }
    let err = stderr(out.get_output());
    assert!(err.starts_with("error: sheet check: bad.xlsx: "), "{err}");

    // As a table: one line per error plus the header.
    let table = env
        .partner()
        .args(["-o", "table", "bigfix", "sheet", "check", "bad.xlsx"])
        .assert()
        .code(3);
    let text = String::from_utf8_lossy(&table.get_output().stdout).into_owned();
    assert!(text.starts_with("ROW"), "{text}");
    assert_eq!(text.lines().count(), errors.len() + 1, "{text}");

    // And upload refuses the same sheet without sending anything.
    env.partner()
        .args([
            "bigfix",
            "upload",
            "bad.xlsx",
            "--client-email",
            "ops@acme.example",
            "--client-name",
            "Acme",
        ])
        .assert()
        .code(3);
    assert_eq!(env.sandbox.bigfix().uploads(), 0);
}

#[test]
fn upload_splits_into_chunks_with_plain_progress_lines() {
    let env = Env::start("upload");
    let rows: Vec<_> = (0..5).map(good_row).collect();
    std::fs::write(env.dir.join("orders.xlsx"), workbook(&rows)).unwrap();
    let out = env
        .partner()
        .args([
            "bigfix",
            "upload",
            "orders.xlsx",
            "--client-email",
            "ops@acme.example",
            "--client-name",
            "Acme Warranty",
            "--chunk-size",
            "2",
        ])
        .assert()
        .success();
    let summary = json(out.get_output());
    assert_eq!(summary["chunks"], 3, "{summary}");
    assert_eq!(summary["created"], 5, "{summary}");
    assert_eq!(summary["duplicate"], 0, "{summary}");
    assert_eq!(summary["failed"], 0, "{summary}");
    assert_eq!(env.sandbox.bigfix().uploads(), 3);

    let progress = stderr(out.get_output());
    assert!(!progress.contains('\u{1b}'), "escape codes in {progress:?}");
    assert!(!progress.contains('\r'), "carriage returns in {progress:?}");
    let lines: Vec<&str> = progress.lines().collect();
    assert_eq!(lines.len(), 4, "{progress}");
    assert!(lines[0].starts_with("upload: 0/5 rows"), "{progress}");
    assert!(
        lines[1].starts_with("upload: 2/5 rows chunk 1/3 (rows 2-3): 2 created"),
        "{progress}"
    );
    assert!(
        lines[3].starts_with("upload: 5/5 rows chunk 3/3 (rows 6-6): 1 created"),
        "{progress}"
    );

    // The same rows again, written with the shared string table this time: the sandbox
    // reads them back, and every one is a duplicate, reported as such.
    let again = env
        .partner()
        .args([
            "bigfix",
            "upload",
            "orders.xlsx",
            "--client-email",
            "ops@acme.example",
            "--client-name",
            "Acme Warranty",
            "--shared-strings",
        ])
        .assert()
        .success();
    let summary = json(again.get_output());
    assert_eq!(summary["created"], 0, "{summary}");
    assert_eq!(summary["duplicate"], 5, "{summary}");
    assert_eq!(
        summary["duplicate_reference_ids"].as_array().map(Vec::len),
        Some(5)
    );
}
