//! `cargo xtask contract-test`: runs each vendor's `tests/contract.rs` and tabulates reports.

use std::fmt::Write as _;

use serde_json::Value;

use crate::{cargo, parse_opts_with, root, selected};

struct Row {
    vendor: &'static str,
    operations: String,
    fixtures: String,
    passed: String,
    failed: String,
    status: String,
    ok: bool,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = parse_opts_with(args, false, true)?;
    if opts.live {
        return crate::live::run(&opts);
    }
    let report_dir = root().join("target").join("contract");
    std::fs::create_dir_all(&report_dir).map_err(|e| e.to_string())?;
    let mut rows = Vec::new();
    let mut details = String::new();
    for vendor in selected(&opts) {
        let crate_dir = root().join("crates").join(format!("{vendor}-client"));
        let dash = || "-".to_owned();
        let mut row = Row {
            vendor,
            operations: dash(),
            fixtures: dash(),
            passed: dash(),
            failed: dash(),
            status: String::new(),
            ok: false,
        };
        if !crate_dir.join("Cargo.toml").exists() {
            row.status = "no crate yet".into();
            rows.push(row);
            continue;
        }
        if !crate_dir.join("tests").join("contract.rs").exists() {
            row.status = "no tests/contract.rs".into();
            rows.push(row);
            continue;
        }
        let report = report_dir.join(format!("{vendor}.json"));
        let _ = std::fs::remove_file(&report);
        eprintln!("contract-test: {vendor}-client ...");
        let out = cargo()
            .args([
                "test",
                "--quiet",
                "-p",
                &format!("{vendor}-client"),
                "--test",
                "contract",
            ])
            .env("PARTNER_CONTRACT_REPORT", &report)
            .output()
            .map_err(|e| format!("running cargo: {e}"))?;
        match std::fs::read_to_string(&report)
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        {
            None => {
                row.status = "did not run (build or harness failure)".into();
                let _ = writeln!(
                    details,
                    "\n== {vendor} ==\n{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            Some(r) => {
                let n = |k: &str| r[k].as_u64().unwrap_or(0);
                let list = |k: &str| r[k].as_array().map(Vec::len).unwrap_or(0);
                row.operations = n("operations").to_string();
                row.fixtures = n("fixtures").to_string();
                row.passed = n("passed").to_string();
                row.failed = n("failed").to_string();
                let (missing, orphans) = (list("missing"), list("orphans"));
                row.ok = out.status.success() && n("failed") == 0 && missing == 0 && orphans == 0;
                row.status = if row.ok {
                    "ok".into()
                } else {
                    format!("{missing} without fixture, {orphans} orphan fixtures")
                };
                if !row.ok {
                    let _ = writeln!(details, "\n== {vendor} ==");
                    for m in r["missing"].as_array().into_iter().flatten() {
                        let _ = writeln!(
                            details,
                            "  operation {}: no fixture",
                            m.as_str().unwrap_or("?")
                        );
                    }
                    for o in r["orphans"].as_array().into_iter().flatten() {
                        let _ = writeln!(
                            details,
                            "  fixture {}: names no declared operation",
                            o.as_str().unwrap_or("?")
                        );
                    }
                    for f in r["failures"].as_array().into_iter().flatten() {
                        for p in f["problems"].as_array().into_iter().flatten() {
                            let _ = writeln!(
                                details,
                                "  fixture {}: {}",
                                f["fixture"].as_str().unwrap_or("?"),
                                p.as_str().unwrap_or("?")
                            );
                        }
                    }
                    if r["failures"].as_array().is_none_or(Vec::is_empty) && !out.status.success() {
                        let _ = writeln!(details, "{}", String::from_utf8_lossy(&out.stderr));
                    }
                }
            }
        }
        rows.push(row);
    }
    println!(
        "{:<11} {:>10} {:>8} {:>6} {:>6}  status",
        "vendor", "operations", "fixtures", "passed", "failed"
    );
    for r in &rows {
        println!(
            "{:<11} {:>10} {:>8} {:>6} {:>6}  {}",
            r.vendor, r.operations, r.fixtures, r.passed, r.failed, r.status
        );
    }
    if !details.is_empty() {
        println!("{details}");
    }
    if rows.iter().all(|r| r.ok) {
        Ok(())
    } else {
        Err("contract test failed or incomplete".into())
    }
}
