//! `cargo xtask fixtures [--check]`: fixtures in normal form, with secrets redacted.
//!
//! Fixtures are written by hand from the vendors' documents (or recorded); this task makes
//! them reviewable and safe: keys sorted, two-space indent, trailing newline, request
//! credentials replaced by `<redacted>` (keeping a scheme such as `Bearer `), and the required
//! fields (operation, provenance, request, response) present. See docs/fixtures.md.

use std::path::Path;

use serde_json::{Map, Value};

use crate::{parse_opts, root, selected};

/// Request headers whose values are credentials.
const SECRET_HEADERS: &[&str] = &["authorization", "x-api-key", "api-key", "cookie"];
/// Query parameters and JSON request fields whose values are credentials.
const SECRET_FIELDS: &[&str] = &[
    "api_key",
    "apikey",
    "api_token_key",
    "clientkey",
    "client_key",
    "password",
    "otp",
    "refresh_token",
    "access_token",
    "id_token",
];
/// Field names that are credentials for one vendor only (a BigFix `Pincode` is a postal code,
/// a Jifeline `pincode` unlocks a connector).
const VENDOR_SECRET_FIELDS: &[(&str, &[&str])] = &[("jifeline", &["pincode", "pin_code"])];
const REDACTED: &str = "<redacted>";

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = parse_opts(args, true)?;
    if opts.record {
        return crate::record::run(&opts);
    }
    let mut stale = Vec::new();
    let mut errors = Vec::new();
    let mut count = 0;
    for vendor in selected(&opts) {
        let dir = root().join("fixtures").join(vendor);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
        {
            count += 1;
            match normalise_file(path, vendor) {
                Err(e) => errors.push(format!("{}: {e}", rel(path))),
                Ok((old, new)) if old != new => {
                    if opts.check {
                        stale.push(rel(path));
                    } else {
                        std::fs::write(path, new).map_err(|e| format!("{}: {e}", rel(path)))?;
                        println!("rewrote {}", rel(path));
                    }
                }
                Ok(_) => {}
            }
        }
    }
    for e in &errors {
        eprintln!("invalid: {e}");
    }
    for s in &stale {
        eprintln!("not in normal form: {s} (run `cargo xtask fixtures`)");
    }
    println!(
        "{count} fixtures checked, {} invalid, {} not in normal form",
        errors.len(),
        stale.len()
    );
    if errors.is_empty() && stale.is_empty() {
        Ok(())
    } else {
        Err("fixtures need attention".into())
    }
}

pub fn rel(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Returns the file as it is and as it should be.
pub fn normalise_file(path: &Path, vendor: &str) -> Result<(String, String), String> {
    let old = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let value: Value = serde_json::from_str(&old).map_err(|e| format!("not JSON: {e}"))?;
    let value = normalise(value, vendor)?;
    // `Operation.json` or `Operation--case.json`: the name says which operation it replays.
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let named = stem.split("--").next().unwrap_or_default();
    let operation = value["operation"].as_str().unwrap_or_default();
    if named != operation {
        return Err(format!(
            "the file is named for `{named}` but replays `{operation}`"
        ));
    }
    Ok((old, to_pretty(&value)))
}

/// Checks the shape and redacts request credentials.
pub fn normalise(mut v: Value, vendor: &str) -> Result<Value, String> {
    let secret = |name: &str| is_secret_field(vendor, name);
    let obj = v.as_object_mut().ok_or("a fixture is a JSON object")?;
    let need_str = |o: &Map<String, Value>, k: &str, what: &str| -> Result<(), String> {
        match o.get(k).and_then(Value::as_str) {
            Some(s) if !s.trim().is_empty() => Ok(()),
            _ => Err(format!("{what} `{k}` must be a non-empty string")),
        }
    };
    need_str(obj, "operation", "field")?;
    let prov = obj
        .get("provenance")
        .and_then(Value::as_object)
        .ok_or("`provenance` object missing")?;
    need_str(prov, "source", "provenance")?;
    need_str(prov, "section", "provenance")?;
    let resp = obj
        .get("response")
        .and_then(Value::as_object)
        .ok_or("`response` object missing")?;
    if !resp.get("status").is_some_and(Value::is_u64) {
        return Err("`response.status` must be a number".into());
    }
    let req = obj
        .get_mut("request")
        .and_then(Value::as_object_mut)
        .ok_or("`request` object missing")?;
    need_str(req, "method", "request")?;
    need_str(req, "path", "request")?;
    if let Some(Value::Object(headers)) = req.get_mut("headers") {
        let lowered: Map<String, Value> = std::mem::take(headers)
            .into_iter()
            .map(|(k, mut v)| {
                let k = k.to_ascii_lowercase();
                if SECRET_HEADERS.contains(&k.as_str())
                    && let Some(s) = v.as_str()
                {
                    v = Value::String(redact_header(s));
                }
                (k, v)
            })
            .collect();
        *headers = lowered;
    }
    if let Some(Value::Object(query)) = req.get_mut("query") {
        for (k, v) in query.iter_mut() {
            if secret(k) {
                *v = Value::String(REDACTED.into());
            }
        }
    }
    if let Some(body) = req.get_mut("body") {
        redact_body(body, &secret);
    }
    Ok(sorted(v))
}

fn is_secret_field(vendor: &str, name: &str) -> bool {
    let own = VENDOR_SECRET_FIELDS
        .iter()
        .filter(|(v, _)| *v == vendor)
        .flat_map(|(_, f)| f.iter());
    SECRET_FIELDS
        .iter()
        .chain(own)
        .any(|s| s.eq_ignore_ascii_case(name))
}

/// `Bearer abc` becomes `Bearer <redacted>`; a bare key becomes `<redacted>`.
fn redact_header(value: &str) -> String {
    match value.split_once(' ') {
        Some((scheme, _)) if scheme.chars().all(|c| c.is_ascii_alphabetic()) => {
            format!("{scheme} {REDACTED}")
        }
        _ => REDACTED.into(),
    }
}

fn redact_body(v: &mut Value, secret: &dyn Fn(&str) -> bool) {
    match v {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if secret(k) && !v.is_null() {
                    *v = Value::String(REDACTED.into());
                } else {
                    redact_body(v, secret);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| redact_body(v, secret)),
        _ => {}
    }
}

/// Rebuilds maps with keys in order (whatever serde_json's map type is).
fn sorted(v: Value) -> Value {
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

fn to_pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("a Value serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn normal_form_sorts_and_redacts() {
        let v = json!({
            "response": {"status": 200, "body": {"b": 1, "a": 2}},
            "operation": "Login",
            "provenance": {"source": "carfix.txt", "section": "2.1"},
            "request": {"method": "POST", "path": "/token", "headers": {"Authorization": "Bearer abc.def", "X-API-Key": "k"},
                        "query": {"api_key": "k", "page": "1"}, "body": {"clientusername": "u", "clientkey": "s3cr3t", "nested": [{"password": "p"}], "pincode": "1234"}}
        });
        let out = to_pretty(&normalise(v.clone(), "carfix").unwrap());
        assert!(
            out.contains("\"pincode\": \"1234\""),
            "a pincode is a postal code outside jifeline"
        );
        assert!(
            to_pretty(&normalise(v, "jifeline").unwrap()).contains("\"pincode\": \"<redacted>\"")
        );
        assert!(
            !out.contains("s3cr3t") && !out.contains("abc.def") && !out.contains("\"p\""),
            "{out}"
        );
        assert!(out.contains("\"authorization\": \"Bearer <redacted>\""));
        assert!(out.contains("\"x-api-key\": \"<redacted>\""));
        assert!(out.contains("\"page\": \"1\""));
        assert!(out.find("\"operation\"").unwrap() < out.find("\"provenance\"").unwrap());
        assert!(out.find("\"a\": 2").unwrap() < out.find("\"b\": 1").unwrap());
        assert!(out.ends_with("}\n"));
        // Idempotent.
        let again = to_pretty(&normalise(serde_json::from_str(&out).unwrap(), "carfix").unwrap());
        assert_eq!(out, again);
    }

    #[test]
    fn shape_errors_name_the_field() {
        let e = normalise(
            json!({"operation": "X", "provenance": {"source": "a.txt", "section": ""}}),
            "carfix",
        )
        .unwrap_err();
        assert!(e.contains("section"), "{e}");
        assert!(normalise(json!([]), "carfix").is_err());
    }
}
