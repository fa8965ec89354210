//! `cargo xtask bench [overhead|paging|sheets]`: the side-by-side benchmarks of
//! `crates/partner-bench` in release (`cargo bench -p partner-bench`), all three or the ones
//! named. They print the tables docs/PERFORMANCE.md records.

use crate::cargo;

const BENCHES: &[&str] = &["overhead", "paging", "sheets"];

pub fn run(args: &[String]) -> Result<(), String> {
    let mut cmd = cargo();
    cmd.args(["bench", "-p", "partner-bench"]);
    for name in args {
        if !BENCHES.contains(&name.as_str()) {
            return Err(format!(
                "unknown bench `{name}` (one of {})",
                BENCHES.join(", ")
            ));
        }
        cmd.args(["--bench", name]);
    }
    let status = cmd
        .status()
        .map_err(|e| format!("running cargo bench: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo bench failed ({status})"))
    }
}
