//! Comparing the request a client sent with the one a fixture expects.

use std::collections::BTreeMap;

use partner_core::multipart::Multipart;
use serde_json::Value;

use crate::fixture::FixtureRequest;
use crate::replay::Received;

/// The marker that matches any value.
pub const REDACTED: &str = "<redacted>";

/// Every difference between what was sent and what the fixture expects (empty: they match).
pub fn compare_request(expected: &FixtureRequest, got: &Received) -> Vec<String> {
    let mut diffs = Vec::new();
    if !expected.method.eq_ignore_ascii_case(&got.method) {
        diffs.push(format!(
            "method: expected {}, sent {}",
            expected.method, got.method
        ));
    }
    if expected.path != got.path {
        diffs.push(format!(
            "path: expected {}, sent {}",
            expected.path, got.path
        ));
    }
    let sent_query: BTreeMap<&str, &str> = got
        .query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    for (k, v) in &expected.query {
        match sent_query.get(k.as_str()) {
            None => diffs.push(format!("query `{k}`: missing")),
            Some(s) if !value_matches(v, s) => {
                diffs.push(format!("query `{k}`: expected {v:?}, sent {s:?}"));
            }
            _ => {}
        }
    }
    for k in sent_query.keys() {
        if !expected.query.contains_key(*k) {
            diffs.push(format!("query `{k}`: sent but not in the fixture"));
        }
    }
    for (name, want) in &expected.headers {
        let sent = got
            .headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str());
        match sent {
            None => diffs.push(format!("header `{name}`: missing")),
            Some(s) if !header_matches(name, want, s) => {
                diffs.push(format!(
                    "header `{name}`: expected {want:?}, sent a value of another shape"
                ));
            }
            _ => {}
        }
    }
    if let Some(fields) = &expected.multipart {
        let ct = got.header("content-type").unwrap_or_default();
        match Multipart::parse(ct, &got.body) {
            Err(e) => diffs.push(format!("multipart body: {e}")),
            Ok(parts) => {
                let names: Vec<&str> = parts.iter().map(|p| p.name.as_str()).collect();
                let want: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
                if names != want {
                    diffs.push(format!(
                        "multipart fields: expected {want:?}, sent {names:?}"
                    ));
                }
                for (f, p) in fields.iter().zip(&parts) {
                    if f.filename.is_some() && f.filename != p.filename {
                        diffs.push(format!(
                            "multipart `{}` filename: expected {:?}, sent {:?}",
                            f.name, f.filename, p.filename
                        ));
                    }
                    if f.content_type.is_some() && f.content_type != p.content_type {
                        diffs.push(format!(
                            "multipart `{}` content type: expected {:?}, sent {:?}",
                            f.name, f.content_type, p.content_type
                        ));
                    }
                    if let Some(text) = &f.text
                        && !value_matches(text, p.text().unwrap_or_default())
                    {
                        diffs.push(format!(
                            "multipart `{}`: expected {text:?}, sent {:?}",
                            f.name,
                            p.text()
                        ));
                    }
                }
            }
        }
    } else {
        match (&expected.body, got.body.is_empty()) {
            (None | Some(Value::Null), true) => {}
            (None | Some(Value::Null), false) => {
                diffs.push("body: fixture expects none, a body was sent".into());
            }
            (Some(_), true) => diffs.push("body: expected JSON, none was sent".into()),
            (Some(want), false) => match serde_json::from_slice::<Value>(&got.body) {
                Err(e) => diffs.push(format!("body: not JSON ({e})")),
                Ok(sent) => json_diff("body", want, &sent, &mut diffs),
            },
        }
    }
    diffs
}

fn value_matches(want: &str, sent: &str) -> bool {
    want == sent || (want == REDACTED && !sent.is_empty())
}

/// `Bearer <redacted>` matches `Bearer x`; other text must be equal.
fn header_matches(name: &str, want: &str, sent: &str) -> bool {
    if name.eq_ignore_ascii_case("content-type") {
        // Parameters such as the multipart boundary vary per request.
        let base = |s: &str| {
            s.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        };
        return base(want) == base(sent);
    }
    match want.split_once(REDACTED) {
        None => want == sent,
        Some((prefix, suffix)) => {
            sent.len() > prefix.len() + suffix.len()
                && sent.starts_with(prefix)
                && sent.ends_with(suffix)
        }
    }
}

fn json_diff(path: &str, want: &Value, sent: &Value, diffs: &mut Vec<String>) {
    match (want, sent) {
        (Value::String(w), _) if w == REDACTED => {
            if sent.is_null() {
                diffs.push(format!("{path}: expected a value, sent null"));
            }
        }
        (Value::Object(w), Value::Object(s)) => {
            for (k, wv) in w {
                match s.get(k) {
                    Some(sv) => json_diff(&format!("{path}.{k}"), wv, sv, diffs),
                    None => diffs.push(format!("{path}.{k}: missing (expected {wv})")),
                }
            }
            for k in s.keys().filter(|k| !w.contains_key(*k)) {
                diffs.push(format!(
                    "{path}.{k}: sent but not in the fixture ({})",
                    s[k]
                ));
            }
        }
        (Value::Array(w), Value::Array(s)) => {
            if w.len() != s.len() {
                diffs.push(format!(
                    "{path}: expected {} items, sent {}",
                    w.len(),
                    s.len()
                ));
            }
            for (i, (wv, sv)) in w.iter().zip(s).enumerate() {
                json_diff(&format!("{path}[{i}]"), wv, sv, diffs);
            }
        }
        (Value::Number(w), Value::Number(s)) if w.as_f64() == s.as_f64() => {}
        _ if want == sent => {}
        _ => diffs.push(format!("{path}: expected {want}, sent {sent}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn received(body: Value) -> Received {
        Received {
            method: "POST".into(),
            path: "/a".into(),
            query: vec![("page".into(), "2".into())],
            headers: vec![
                ("authorization".into(), "Bearer abc".into()),
                ("content-type".into(), "application/json".into()),
            ],
            body: serde_json::to_vec(&body).unwrap(),
        }
    }

    #[test]
    fn matches_with_redactions_and_reports_each_difference() {
        let mut want: FixtureRequest = serde_json::from_value(json!({
            "method": "POST", "path": "/a", "query": {"page": "2"},
            "headers": {"authorization": "Bearer <redacted>", "content-type": "application/json"},
            "body": {"user": "u", "key": "<redacted>", "n": [1, 2]}
        }))
        .unwrap();
        assert_eq!(
            compare_request(
                &want,
                &received(json!({"user": "u", "key": "s3", "n": [1, 2]}))
            ),
            Vec::<String>::new()
        );
        let diffs = compare_request(
            &want,
            &received(json!({"user": "v", "n": [1], "extra": true})),
        );
        assert_eq!(diffs.len(), 4, "{diffs:?}");
        want.headers
            .insert("authorization".into(), "Basic <redacted>".into());
        assert_eq!(
            compare_request(
                &want,
                &received(json!({"user": "u", "key": "s3", "n": [1, 2]}))
            )
            .len(),
            1
        );
    }
}
