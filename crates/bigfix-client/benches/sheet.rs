//! Bench: building, validating and writing a 1000-row upload sheet, and reading it back.
//!
//! Plain `std::time::Instant` loops (no harness): `cargo bench -p bigfix-client --bench sheet`.
//! Figures are recorded in docs/bigfix.md.

use std::hint::black_box;
use std::time::{Duration, Instant};

use bigfix_client::sheet::{SheetLayout, write_sheet_with};
use bigfix_client::{
    BulkEngagementType, BulkRow, MAX_ROWS_PER_UPLOAD, ValidationRules, read_sheet, validate_rows,
    write_sheet,
};

fn rows(n: usize) -> Vec<BulkRow> {
    (0..n)
        .map(|i| BulkRow {
            repair_ref_no: format!("REP{:06}", i),
            name: "Amit Patel".into(),
            customer_mobile: format!("98{:08}", i),
            customer_email: format!("customer{i}@example.com"),
            engagement_type: if i.is_multiple_of(2) {
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
            imei_no: format!("SN{:09}", i),
            issue: "Battery not charging".into(),
        })
        .collect()
}

/// Runs `f` for at least `budget` (and at least 5 times) and prints the mean and best time.
fn bench(name: &str, budget: Duration, mut f: impl FnMut()) {
    f(); // warm-up
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 5 || start.elapsed() < budget {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    let total: Duration = times.iter().sum();
    let mean = total / u32::try_from(times.len()).unwrap_or(u32::MAX);
    let best = times.iter().min().copied().unwrap_or_default();
    println!(
        "{name:<44} {:>4} runs  mean {:>9.3} ms  best {:>9.3} ms",
        times.len(),
        ms(mean),
        ms(best)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this without it: stay short.
    let budget = if std::env::args().any(|a| a == "--bench") {
        Duration::from_secs(3)
    } else {
        Duration::from_millis(200)
    };
    let rules = ValidationRules::STRICT;
    let data = rows(MAX_ROWS_PER_UPLOAD);
    bench("validate 1000 rows", budget, || {
        validate_rows(black_box(&data), &rules, Some(MAX_ROWS_PER_UPLOAD)).expect("valid rows");
    });
    bench("write 1000-row .xlsx (write_sheet, inline)", budget, || {
        black_box(write_sheet(black_box(&data)).expect("written"));
    });
    bench("write 1000-row .xlsx, shared strings", budget, || {
        black_box(write_sheet_with(black_box(&data), SheetLayout::SharedStrings).expect("written"));
    });
    bench("build + validate + write 1000 rows", budget, || {
        let data = rows(MAX_ROWS_PER_UPLOAD);
        validate_rows(&data, &rules, Some(MAX_ROWS_PER_UPLOAD)).expect("valid rows");
        black_box(write_sheet(&data).expect("written"));
    });
    let bytes = write_sheet(&data).expect("written");
    println!("sheet size: {} bytes", bytes.len());
    bench("read + validate 1000-row .xlsx (calamine)", budget, || {
        let read = read_sheet(black_box(&bytes), &rules).expect("readable");
        assert_eq!(read.len(), MAX_ROWS_PER_UPLOAD);
    });
}
