//! `cargo xtask contract-test --live`: each vendor's safe calls against a real environment.
//!
//! A vendor runs when its variables are set (a vendor test environment, or the sandbox's
//! printed base URLs and demo credentials); otherwise it is reported as skipped with the
//! variables it needs. Only calls that create or change nothing are made: each vendor crate's
//! `tests/live.rs` (an ignored test) holds them.

use crate::{Opts, cargo, selected};

/// What each vendor needs, or why it has no live check.
fn requirements(vendor: &str) -> Result<&'static [&'static str], &'static str> {
    match vendor {
        "carfix" => Ok(&[
            "CARFIX_BASE_URL",
            "CARFIX_AFFILIATE_USERNAME",
            "CARFIX_AFFILIATE_KEY",
        ]),
        "jifeline" => Ok(&[
            "JIFELINE_BASE_URL",
            "JIFELINE_CONNECTOR_UUID",
            "JIFELINE_PINCODE",
        ]),
        "claire" => Ok(&["CLAIRE_BASE_URL", "CLAIRE_API_KEY"]),
        "bigfix" => Ok(&["BIGFIX_API_KEY"]),
        "shipinsure" => Err(
            "every documented call insures, reports or cancels a delivery: none is safe to run live",
        ),
        _ => Err("unknown vendor"),
    }
}

pub fn run(opts: &Opts) -> Result<(), String> {
    let mut failed = Vec::new();
    let mut lines = Vec::new();
    for vendor in selected(opts) {
        let needs = match requirements(vendor) {
            Ok(needs) => needs,
            Err(why) => {
                lines.push(format!("{vendor:<11} skipped: {why}"));
                continue;
            }
        };
        let missing: Vec<&str> = needs
            .iter()
            .copied()
            .filter(|v| std::env::var(v).map_or(true, |x| x.trim().is_empty()))
            .collect();
        if !missing.is_empty() {
            lines.push(format!("{vendor:<11} skipped: set {}", missing.join(", ")));
            continue;
        }
        eprintln!("live: {vendor}-client ...");
        let out = cargo()
            .args([
                "test",
                "--quiet",
                "-p",
                &format!("{vendor}-client"),
                "--test",
                "live",
                "--",
                "--ignored",
                "--nocapture",
            ])
            .output()
            .map_err(|e| format!("running cargo: {e}"))?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let said: Vec<&str> = stdout.lines().filter(|l| l.starts_with(vendor)).collect();
        if out.status.success() {
            lines.push(format!("{vendor:<11} ok: {}", said.join("; ")));
        } else {
            failed.push(vendor);
            lines.push(format!(
                "{vendor:<11} FAILED\n{stdout}{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    for line in &lines {
        println!("{line}");
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("live checks failed: {}", failed.join(", ")))
    }
}
