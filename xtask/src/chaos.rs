//! `cargo xtask chaos`: the chaos soak (partner-sandbox's `chaos` example) with every vendor's
//! real client against the sandbox with faults on. Without `--check` it writes
//! docs/RELIABILITY.md from the run; with `--check` (CI) it only fails on a duplicate create,
//! a panic or a call past its deadline.

use std::process::Command;

/// Runs the soak; `args`: `[--calls N] [--seed S] [--check]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut calls = String::from("600");
    let mut seed = String::from("7");
    let mut check = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--calls" => calls = it.next().ok_or("--calls needs a number")?.clone(),
            "--seed" => seed = it.next().ok_or("--seed needs a number")?.clone(),
            "--check" => check = true,
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    let root = crate::root();
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(&root).args([
        "run",
        "--quiet",
        "-p",
        "partner-sandbox",
        "--example",
        "chaos",
        "--",
        "--calls",
        &calls,
        "--seed",
        &seed,
        "--machine",
        &machine(),
    ]);
    if !check {
        let out = root.join("docs").join("RELIABILITY.md");
        cmd.arg("--write").arg(out);
    }
    let status = cmd.status().map_err(|e| format!("cannot run cargo: {e}"))?;
    match status.code() {
        Some(0) => Ok(()),
        // The example's own verdict: a promise broke.
        Some(1) => Err(
            "the chaos soak found a duplicate create, a panic or a call past its deadline (see above)"
                .into(),
        ),
        other => Err(format!(
            "the chaos soak did not run to the end (exit {other:?}: a build or setup failure, see above)"
        )),
    }
}

/// "a 2-core x86_64 VM (model name)", from /proc/cpuinfo when there is one.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| std::env::consts::ARCH.to_owned());
    format!("a {cores}-core machine ({model}), debug build")
}
