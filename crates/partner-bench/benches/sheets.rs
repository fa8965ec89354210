//! BigFix upload sheets: 1000 rows written and validated, and read back and validated,
//! against the targets of the performance issue (15 ms and 12 ms), plus the same sheet
//! written with rust_xlsxwriter's constant-memory mode to see what it would change.
//!
//! `cargo bench -p partner-bench --bench sheets`. Figures: docs/PERFORMANCE.md.

use std::hint::black_box;
use std::time::{Duration, Instant};

use bigfix_client::{
    BULK_COLUMNS, BulkEngagementType, BulkRow, MAX_ROWS_PER_UPLOAD, ValidationRules, read_sheet,
    validate_rows, write_sheet,
};
use partner_bench::{full_run, load_average, median, process_cpu, status_kib};
use rust_xlsxwriter::{Format, Workbook};

fn rows(n: usize) -> Vec<BulkRow> {
    (0..n)
        .map(|i| BulkRow {
            repair_ref_no: format!("REP{i:06}"),
            name: "Amit Patel".into(),
            customer_mobile: format!("98{i:08}"),
            customer_email: format!("customer{i}@example.com"),
            engagement_type: if i % 2 == 0 {
                BulkEngagementType::Onsite
            } else {
                BulkEngagementType::Offsite
            },
            address_line1: format!("Flat {i}, Tower A"),
            city: "Bangalore".into(),
            state: "Karnataka".into(),
            pincode: "560001".into(),
            asset_type: "Laptop".into(),
            make: "Dell".into(),
            model: "XPS 15".into(),
            imei_no: format!("SN{i:09}"),
            issue: "Battery not charging".into(),
        })
        .collect()
}

/// The crate's `write_sheet`, with the worksheet in constant-memory mode (rows streamed to a
/// temporary file as they are finished, strings inline instead of in the shared table).
fn write_sheet_constant_memory(rows: &[BulkRow]) -> Vec<u8> {
    write_sheet_streamed(rows, false)
}

/// The same in low-memory mode: rows streamed, strings still in the shared string table
/// (the layout `write_sheet` produces, which every reader handles).
fn write_sheet_low_memory(rows: &[BulkRow]) -> Vec<u8> {
    write_sheet_streamed(rows, true)
}

fn write_sheet_streamed(rows: &[BulkRow], shared_strings: bool) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = if shared_strings {
        workbook.add_worksheet_with_low_memory()
    } else {
        workbook.add_worksheet_with_constant_memory()
    };
    sheet.set_name("Sheet1").unwrap();
    for (col, name) in (0u16..).zip(BULK_COLUMNS) {
        sheet.write_string_with_format(0, col, name, &bold).unwrap();
    }
    for (r, row) in (1u32..).zip(rows) {
        for (col, cell) in (0u16..).zip(row.cells()) {
            if !cell.is_empty() {
                sheet.write_string(r, col, cell).unwrap();
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

/// Median wall and process-CPU milliseconds (all threads) of `f` over at least `min_runs` runs and `budget`.
fn bench(name: &str, target_ms: Option<f64>, budget: Duration, mut f: impl FnMut()) {
    f(); // warm-up
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    let start = Instant::now();
    while wall.len() < 5 || start.elapsed() < budget {
        let (t, c) = (Instant::now(), process_cpu());
        f();
        wall.push(t.elapsed().as_secs_f64() * 1e3);
        cpu.push((process_cpu() - c).as_secs_f64() * 1e3);
    }
    let target = target_ms.map_or(String::new(), |t| format!("  (target {t} ms)"));
    println!(
        "{name:<46} {:>4} runs  median wall {:>7.2} ms  cpu {:>7.2} ms{target}",
        wall.len(),
        median(&wall),
        median(&cpu)
    );
}

fn main() {
    let budget = if full_run() {
        Duration::from_secs(4)
    } else {
        Duration::from_millis(100)
    };
    println!("partner-bench sheets: load average {}", load_average());
    let rules = ValidationRules::STRICT;
    let data = rows(MAX_ROWS_PER_UPLOAD);
    bench("validate 1000 rows", None, budget, || {
        validate_rows(black_box(&data), &rules, Some(MAX_ROWS_PER_UPLOAD)).unwrap();
    });
    bench("write + validate 1000 rows", Some(15.0), budget, || {
        validate_rows(&data, &rules, Some(MAX_ROWS_PER_UPLOAD)).unwrap();
        black_box(write_sheet(black_box(&data)).unwrap());
    });
    bench(
        "write + validate 1000 rows, constant memory",
        Some(15.0),
        budget,
        || {
            validate_rows(&data, &rules, Some(MAX_ROWS_PER_UPLOAD)).unwrap();
            black_box(write_sheet_constant_memory(black_box(&data)));
        },
    );
    bench(
        "write + validate 1000 rows, low memory",
        Some(15.0),
        budget,
        || {
            validate_rows(&data, &rules, Some(MAX_ROWS_PER_UPLOAD)).unwrap();
            black_box(write_sheet_low_memory(black_box(&data)));
        },
    );
    let bytes = write_sheet(&data).unwrap();
    let bytes_cm = write_sheet_constant_memory(&data);
    bench("read + validate 1000 rows", Some(12.0), budget, || {
        let read = read_sheet(black_box(&bytes), &rules).unwrap();
        assert_eq!(read.len(), MAX_ROWS_PER_UPLOAD);
    });
    bench(
        "read + validate 1000 rows (constant-memory file)",
        Some(12.0),
        budget,
        || {
            let read = read_sheet(black_box(&bytes_cm), &rules).unwrap();
            assert_eq!(read.len(), MAX_ROWS_PER_UPLOAD);
        },
    );
    println!(
        "sheet size: {} bytes (constant memory: {} bytes); peak RSS of this run {} KiB",
        bytes.len(),
        bytes_cm.len(),
        status_kib("VmHWM")
    );
}
