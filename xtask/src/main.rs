//! Workspace tasks: `cargo xtask contract-test`, `cargo xtask fixtures`, `cargo xtask features`,
//! `cargo xtask chaos`.
//!
//! Kept to std and serde_json (rust-analyzer's rule: xtask must build fast). The contract test
//! itself lives in each vendor crate (`tests/contract.rs`, on partner-testkit); xtask runs it,
//! reads the JSON report it writes and prints one table for all vendors.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

mod bench;
mod chaos;
mod contract;
mod features;
mod fixtures;
mod live;
mod record;

/// The vendors, in the order tables list them.
pub const VENDORS: &[&str] = &["carfix", "jifeline", "claire", "bigfix", "shipinsure"];

const HELP: &str = "\
cargo xtask <task> [options]

tasks:
  contract-test [--vendor NAME]    replay every fixture against its client; table + exit code
  contract-test --live [--vendor NAME]
                                   run each vendor's safe calls against a real environment
                                   (or the sandbox) named by environment variables; vendors
                                   without them are skipped and said so
  fixtures [--check] [--vendor NAME]
                                   rewrite fixtures in normal form (sorted keys, redacted
                                   secrets); --check fails instead when a file would change
  fixtures --record [--vendor NAME]
                                   record fixtures from the sandbox's tour into
                                   target/recorded-fixtures and compare them with fixtures/
  features                         check that each facade feature compiles only its vendor
  bench [overhead|paging|sheets]   the side-by-side benchmarks, in release (docs/PERFORMANCE.md)
  chaos [--calls N] [--seed S] [--check]
                                   soak every vendor's client against the sandbox with faults
                                   on; writes docs/RELIABILITY.md (--check: only fail on a
                                   duplicate create, a panic or a call past its deadline)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("contract-test") => contract::run(&args[1..]),
        Some("fixtures") => fixtures::run(&args[1..]),
        Some("features") => features::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("chaos") => chaos::run(&args[1..]),
        Some("-h" | "--help" | "help") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown task `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask has a parent")
        .to_path_buf()
}

/// Options shared by the tasks.
#[derive(Debug, Default)]
pub struct Opts {
    /// `--vendor NAME`, checked against [`VENDORS`].
    pub vendor: Option<String>,
    /// `--check`.
    pub check: bool,
    /// `--live`.
    pub live: bool,
    /// `--record`.
    pub record: bool,
}

/// Parses the few flags the tasks take; anything else is an error.
pub fn parse_opts(args: &[String], allow_check: bool) -> Result<Opts, String> {
    parse_opts_with(args, allow_check, false)
}

/// [`parse_opts`], also accepting `--live`.
pub fn parse_opts_with(
    args: &[String],
    allow_check: bool,
    allow_live: bool,
) -> Result<Opts, String> {
    let mut opts = Opts::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--vendor" => {
                let v = it.next().ok_or("--vendor needs a name")?;
                if !VENDORS.contains(&v.as_str()) {
                    return Err(format!(
                        "unknown vendor `{v}` (one of {})",
                        VENDORS.join(", ")
                    ));
                }
                opts.vendor = Some(v.clone());
            }
            "--check" if allow_check => opts.check = true,
            "--live" if allow_live => opts.live = true,
            "--record" if allow_check => opts.record = true,
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    Ok(opts)
}

/// The vendors selected by `--vendor`, or all.
pub fn selected(opts: &Opts) -> Vec<&'static str> {
    VENDORS
        .iter()
        .copied()
        .filter(|v| opts.vendor.as_deref().is_none_or(|s| s == *v))
        .collect()
}

/// `cargo` as invoked by the user (respects `$CARGO`).
pub fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root());
    cmd
}
