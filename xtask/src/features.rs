//! `cargo xtask features`: each facade feature compiles its vendor and nothing heavier.
//!
//! For every vendor feature of `partner-clients`, `cargo tree` (normal dependencies only) must
//! list that vendor's crate and no other vendor crate, and the heavy dependencies only where
//! they belong: the xlsx libraries with bigfix, md-5 with shipinsure, the redis crate only with
//! the `redis` feature. No feature may pull openssl or native-tls.

use crate::{VENDORS, cargo, parse_opts};

/// Crates only one feature may bring in (a vendor's, or `redis` for the shared stores).
const OWNED: &[(&str, &str)] = &[
    ("calamine", "bigfix"),
    ("rust_xlsxwriter", "bigfix"),
    ("md-5", "shipinsure"),
    ("redis", "redis"),
    ("partner-redis", "redis"),
];
const BANNED: &[&str] = &["openssl", "openssl-sys", "native-tls"];

pub fn run(args: &[String]) -> Result<(), String> {
    parse_opts(args, false)?;
    let mut problems = Vec::new();
    for vendor in VENDORS {
        let out = cargo()
            .args([
                "tree",
                "-q",
                "-p",
                "partner-clients",
                "--no-default-features",
                "--features",
                vendor,
                "-e",
                "normal",
                "--prefix",
                "none",
                "--format",
                "{p}",
            ])
            .output()
            .map_err(|e| format!("running cargo tree: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "cargo tree failed for feature {vendor}:\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let names: Vec<&str> = text
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .collect();
        let has = |c: &str| names.contains(&c);
        for other in VENDORS {
            let krate = format!("{other}-client");
            if other == vendor && !has(&krate) {
                problems.push(format!("feature {vendor} does not build {krate}"));
            }
            if other != vendor && has(&krate) {
                problems.push(format!("feature {vendor} also builds {krate}"));
            }
        }
        for (dep, owner) in OWNED {
            if has(dep) && owner != vendor {
                problems.push(format!(
                    "feature {vendor} builds {dep}, which only {owner} should"
                ));
            }
        }
        for dep in BANNED {
            if has(dep) {
                problems.push(format!("feature {vendor} builds {dep}"));
            }
        }
        println!("feature {vendor:<11} {} crates", names.len());
    }
    if problems.is_empty() {
        println!("feature isolation: ok");
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}
