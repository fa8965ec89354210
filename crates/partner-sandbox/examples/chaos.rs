//! The chaos soak (`cargo xtask chaos` runs it): every vendor's reads and creates with the
//! real clients against the sandbox with faults on; prints the table of docs/RELIABILITY.md,
//! optionally writes it, and exits non-zero on any duplicate create, panic or call past its
//! deadline.
//!
//! `cargo run -p partner-sandbox --example chaos -- [--calls N] [--seed S] [--rate R]
//! [--write PATH] [--machine TEXT]`

use std::process::ExitCode;
use std::time::Duration;

use partner_sandbox::chaos::{self, ChaosConfig};

/// How far past its deadline a call may end (scheduling on a loaded 2-core machine).
const MARGIN: Duration = Duration::from_millis(500);

#[tokio::main]
async fn main() -> ExitCode {
    let mut config = ChaosConfig::default();
    let mut write = None;
    let mut machine = String::from("this machine");
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        let parsed = match flag.as_str() {
            "--calls" => value.parse().map(|v| config.calls = v).is_ok(),
            "--seed" => value.parse().map(|v| config.seed = v).is_ok(),
            "--rate" => value.parse().map(|v| config.fault_rate = v).is_ok(),
            "--write" => {
                write = Some(value.clone());
                true
            }
            "--machine" => {
                machine = value.clone();
                true
            }
            _ => false,
        };
        if !parsed {
            eprintln!(
                "error: bad argument `{flag} {value}` (--calls N --seed S --rate R --write PATH --machine TEXT)"
            );
            return ExitCode::from(2);
        }
    }
    let reports = match chaos::run(&config).await {
        Ok(r) => r,
        Err(e) => {
            // Setup (sandbox start, logins with faults off) failed: not a verdict.
            eprintln!("error: {e}");
            return ExitCode::from(3);
        }
    };
    let table = chaos::markdown(&reports, &config, &machine);
    println!("{table}");
    if let Some(path) = write
        && let Err(e) = std::fs::write(&path, &table)
    {
        eprintln!("error: cannot write {path}: {e}");
        return ExitCode::from(3);
    }
    let broken: Vec<_> = reports.iter().filter(|r| !r.holds(MARGIN)).collect();
    for r in &broken {
        eprintln!(
            "FAILED {}: {} duplicate creates, {} panics, worst latency {:?} against a {:?} deadline",
            r.vendor, r.duplicate_creates, r.panics, r.worst_latency, r.deadline
        );
    }
    if broken.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
