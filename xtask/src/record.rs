//! `cargo xtask fixtures --record`: fixtures recorded from the sandbox, compared with ours.
//!
//! The sandbox's `record` example runs the tour with recording on and writes one fixture per
//! operation it reached under `target/recorded-fixtures/VENDOR/`. This task then puts them in
//! normal form (redacting credentials) and reports, per operation, where the recorded request
//! differs in shape from the committed fixture (method, path, query names, body fields). The
//! recordings are not copied over `fixtures/`: those are built from the documents, and a
//! recording is evidence to review, not a replacement.

use serde_json::Value;
use std::collections::BTreeSet;

use crate::fixtures::{normalise_file, rel};
use crate::{Opts, cargo, root, selected};

pub fn run(opts: &Opts) -> Result<(), String> {
    let out = root().join("target").join("recorded-fixtures");
    let _ = std::fs::remove_dir_all(&out);
    let mut cmd = cargo();
    cmd.args([
        "run",
        "--quiet",
        "-p",
        "partner-sandbox",
        "--example",
        "record",
        "--",
    ])
    .arg(&out);
    if let Some(v) = &opts.vendor {
        cmd.arg(v);
    }
    let status = cmd
        .status()
        .map_err(|e| format!("running the sandbox recorder: {e}"))?;
    if !status.success() {
        return Err("the sandbox recorder failed".into());
    }
    for vendor in selected(opts) {
        let dir = out.join(vendor);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let (mut same, mut differ) = (0, Vec::new());
        for path in &paths {
            let (_, normal) = normalise_file(path, vendor)?;
            std::fs::write(path, &normal).map_err(|e| format!("{}: {e}", rel(path)))?;
            let recorded: Value = serde_json::from_str(&normal).map_err(|e| e.to_string())?;
            let name = path.file_name().unwrap_or_default();
            let ours = root().join("fixtures").join(vendor).join(name);
            match std::fs::read_to_string(&ours)
                .ok()
                .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            {
                None => differ.push(format!("{}: no committed fixture of that name", rel(path))),
                Some(ours) => {
                    let diffs = shape_diff(&ours["request"], &recorded["request"]);
                    if diffs.is_empty() {
                        same += 1;
                    } else {
                        differ.push(format!("{}: {}", name.to_string_lossy(), diffs.join("; ")));
                    }
                }
            }
        }
        println!(
            "{vendor}: {} recorded, {same} with the request shape of fixtures/{vendor}",
            paths.len()
        );
        for d in &differ {
            println!("  {d}");
        }
    }
    println!("recordings in {}", rel(&out));
    Ok(())
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

fn segments(path: &str) -> usize {
    path.trim_matches('/').split('/').count()
}

/// Where two requests differ in shape (values are expected to differ).
fn shape_diff(ours: &Value, recorded: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let text = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_owned();
    if text(ours, "method") != text(recorded, "method") {
        out.push(format!(
            "method {} vs {}",
            text(ours, "method"),
            text(recorded, "method")
        ));
    }
    if segments(&text(ours, "path")) != segments(&text(recorded, "path")) {
        out.push(format!(
            "path {} vs {}",
            text(ours, "path"),
            text(recorded, "path")
        ));
    }
    for (what, a, b) in [
        ("query", keys(&ours["query"]), keys(&recorded["query"])),
        ("body", keys(&ours["body"]), keys(&recorded["body"])),
    ] {
        let only_ours: Vec<_> = a.difference(&b).cloned().collect();
        let only_rec: Vec<_> = b.difference(&a).cloned().collect();
        if !only_ours.is_empty() {
            out.push(format!(
                "{what} fields only in the fixture: {}",
                only_ours.join(", ")
            ));
        }
        if !only_rec.is_empty() {
            out.push(format!(
                "{what} fields only in the recording: {}",
                only_rec.join(", ")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shapes_compare_fields_not_values() {
        let a = json!({"method": "POST", "path": "/a/1", "query": {}, "body": {"x": 1, "y": 2}});
        let b = json!({"method": "POST", "path": "/a/2", "query": {}, "body": {"x": 5, "y": 9}});
        assert!(shape_diff(&a, &b).is_empty());
        let c = json!({"method": "GET", "path": "/a/2/b", "query": {"p": "1"}, "body": {"x": 5, "z": 0}});
        let d = shape_diff(&a, &c);
        assert_eq!(d.len(), 5, "{d:?}");
    }
}
