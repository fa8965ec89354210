//! Answers vary: any optional key may be absent or `null`, lists may be `null`, unknown keys
//! appear. [`check_vendor`] takes every success answer among a vendor's fixtures and decodes
//! variants of it through the vendor's own decode path:
//!
//! - unknown keys added at every object level: must decode;
//! - each list (JSON array) set to `null` and removed: must decode (all mean empty);
//! - each other key set to `null` and removed: may decode, or fail with a `Decode` error whose
//!   path or message names that key (a required field), never another error and never a
//!   panic.
//!
//! The fixtures are the documents' text, so the variants test the wire format against the
//! documents rather than against our own types.

use std::panic::{AssertUnwindSafe, catch_unwind};

use partner_core::Error;
use serde_json::{Map, Value};

use crate::fixture::load_fixtures;

/// One step into a JSON document.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn show(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if out.is_empty() { "<root>".into() } else { out }
}

/// Every path to an object key in `value`, with the value found there.
fn key_paths(value: &Value, here: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, Value)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                here.push(Step::Key(k.clone()));
                out.push((here.clone(), v.clone()));
                key_paths(v, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                here.push(Step::Index(i));
                key_paths(v, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

/// The object holding the last key of `path`, and that key.
fn parent_mut<'a>(
    root: &'a mut Value,
    path: &[Step],
) -> Option<(&'a mut Map<String, Value>, String)> {
    let (last, init) = path.split_last()?;
    let mut cur = root;
    for step in init {
        cur = match step {
            Step::Key(k) => cur.get_mut(k)?,
            Step::Index(i) => cur.get_mut(*i)?,
        };
    }
    match last {
        Step::Key(k) => Some((cur.as_object_mut()?, k.clone())),
        Step::Index(_) => None,
    }
}

fn add_unknown_keys(value: &mut Value, n: &mut usize) {
    match value {
        Value::Object(map) => {
            for v in map.values_mut() {
                add_unknown_keys(v, n);
            }
            *n += 1;
            map.insert(
                format!("x_unknown_key_{n}"),
                serde_json::json!({"nested": [1, null, "text"], "flag": true}),
            );
        }
        Value::Array(items) => items.iter_mut().for_each(|v| add_unknown_keys(v, n)),
        _ => {}
    }
}

/// What a variant is allowed to do.
#[derive(Clone, Copy, PartialEq)]
enum Expect {
    Decode,
    DecodeOrNameKey,
}

/// The outcome of the whole check, for reporting.
#[derive(Debug, Default)]
pub struct VariantReport {
    /// Answers checked.
    pub answers: usize,
    /// Variants decoded.
    pub variants: usize,
    /// Variants that failed with a decode error naming the key (required fields).
    pub required: usize,
    /// What went wrong, one line each.
    pub failures: Vec<String>,
}

/// Checks every success answer of `vendor`'s fixtures, decoding each variant with `decode`
/// (operation name, body) → `None` when the operation has no JSON answer. Panics with every
/// failure listed.
pub fn check_vendor<F>(vendor: &str, decode: F) -> VariantReport
where
    F: Fn(&str, &[u8]) -> Option<Result<(), Error>>,
{
    let report = run(vendor, decode);
    assert!(
        report.failures.is_empty(),
        "{} decode variant(s) of {vendor} fixtures failed:\n{}",
        report.failures.len(),
        report.failures.join("\n")
    );
    assert!(report.answers > 0, "no {vendor} fixture answer was decoded");
    report
}

/// Like [`check_vendor`] but returns the report instead of panicking.
pub fn run<F>(vendor: &str, decode: F) -> VariantReport
where
    F: Fn(&str, &[u8]) -> Option<Result<(), Error>>,
{
    let mut report = VariantReport::default();
    let fixtures = match load_fixtures(vendor) {
        Ok(f) => f,
        Err(e) => {
            report.failures.push(e);
            return report;
        }
    };
    for fixture in fixtures {
        let status = fixture.response.status;
        let Some(body) = fixture.response.body.clone() else {
            continue;
        };
        if !(200..300).contains(&status) {
            continue;
        }
        let op = fixture.operation.clone();
        let name = fixture.name.clone();
        let attempt = |report: &mut VariantReport,
                       label: &str,
                       value: &Value,
                       expect: Expect,
                       key: Option<&str>| {
            let bytes = serde_json::to_vec(value).expect("a JSON value serialises");
            let outcome = catch_unwind(AssertUnwindSafe(|| decode(&op, &bytes)));
            let fail = |why: String| format!("{name}: {label}: {why}");
            match outcome {
                Err(_) => report.failures.push(fail("decoding panicked".into())),
                Ok(None) => {}
                Ok(Some(Ok(()))) => report.variants += 1,
                Ok(Some(Err(Error::Decode { path, message, .. })))
                    if expect == Expect::DecodeOrNameKey
                        && key.is_some_and(|k| path.contains(k) || message.contains(k)) =>
                {
                    report.required += 1;
                }
                Ok(Some(Err(e))) => report.failures.push(fail(e.to_string())),
            }
        };
        let before = report.variants;
        attempt(&mut report, "as written", &body, Expect::Decode, None);
        if report.variants == before {
            // Not decodable at all (or no JSON answer): the other variants say nothing more.
            continue;
        }
        report.answers += 1;
        let mut extra = body.clone();
        add_unknown_keys(&mut extra, &mut 0);
        attempt(
            &mut report,
            "unknown keys at every level",
            &extra,
            Expect::Decode,
            None,
        );
        if body.is_array() {
            attempt(
                &mut report,
                "the whole answer null",
                &Value::Null,
                Expect::Decode,
                None,
            );
        }
        let mut paths = Vec::new();
        key_paths(&body, &mut Vec::new(), &mut paths);
        for (path, original) in paths {
            let Some(Step::Key(key)) = path.last().cloned() else {
                continue;
            };
            let expect = if original.is_array() {
                Expect::Decode
            } else {
                Expect::DecodeOrNameKey
            };
            let shown = show(&path);
            let mut nulled = body.clone();
            if let Some((map, k)) = parent_mut(&mut nulled, &path) {
                map.insert(k, Value::Null);
                attempt(
                    &mut report,
                    &format!("`{shown}` null"),
                    &nulled,
                    expect,
                    Some(&key),
                );
            }
            let mut removed = body.clone();
            if let Some((map, k)) = parent_mut(&mut removed, &path) {
                map.remove(&k);
                attempt(
                    &mut report,
                    &format!("`{shown}` absent"),
                    &removed,
                    expect,
                    Some(&key),
                );
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_unknown_keys_reach_every_level() {
        let v = serde_json::json!({"a": [{"b": 1}], "c": {"d": null}});
        let mut paths = Vec::new();
        key_paths(&v, &mut Vec::new(), &mut paths);
        let shown: Vec<String> = paths.iter().map(|(p, _)| show(p)).collect();
        assert_eq!(shown, ["a", "a[0].b", "c", "c.d"]);
        let mut w = v.clone();
        add_unknown_keys(&mut w, &mut 0);
        assert!(w["a"][0].get("x_unknown_key_1").is_some());
        assert!(w["c"].get("x_unknown_key_2").is_some());
        assert!(w.get("x_unknown_key_3").is_some());
    }
}
