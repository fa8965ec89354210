//! What the sandbox served, kept as fixtures (`cargo xtask fixtures --record`).
//!
//! With [`crate::SandboxBuilder::record`] on, every answered call of a declared operation is
//! kept as an [`Exchange`]. [`Exchange::to_fixture`] writes it in the format of
//! `fixtures/VENDOR/*.json` (docs/fixtures.md) with the recording as its provenance, so a
//! sandbox run can be compared with, or replace, the fixtures built from the documents.

use std::sync::Mutex;

use bytes::Bytes;
use partner_core::Operation;
use partner_core::multipart::Multipart;
use serde_json::{Map, Value, json};

/// Request headers a fixture keeps (the rest vary per client or carry nothing of the contract).
const REQUEST_HEADERS: &[&str] = &["authorization", "x-api-key", "content-type"];
/// Response headers a fixture keeps.
const RESPONSE_HEADERS: &[&str] = &[
    "content-type",
    "retry-after",
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
];

/// One call the sandbox answered.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// The operation of the client's table it was routed to.
    pub operation: &'static Operation,
    /// Method as received.
    pub method: String,
    /// Path as received.
    pub path: String,
    /// Query pairs, decoded.
    pub query: Vec<(String, String)>,
    /// Request headers (lowercase names).
    pub request_headers: Vec<(String, String)>,
    /// Request body.
    pub request_body: Bytes,
    /// Status answered.
    pub status: u16,
    /// Response headers (lowercase names).
    pub response_headers: Vec<(String, String)>,
    /// Response body.
    pub response_body: Bytes,
}

impl Exchange {
    fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The exchange as a fixture of `vendor` (not yet redacted: `cargo xtask fixtures` does
    /// that when it normalises the file).
    pub fn to_fixture(&self, vendor: &str) -> Value {
        let keep = |headers: &[(String, String)], names: &[&str]| -> Map<String, Value> {
            headers
                .iter()
                .filter(|(k, _)| names.contains(&k.as_str()))
                .map(|(k, v)| {
                    // Multipart boundaries change per request; the fixture compares the type.
                    let v = if k == "content-type" {
                        v.split(';').next().unwrap_or(v).trim()
                    } else {
                        v
                    };
                    (k.clone(), Value::String(v.to_owned()))
                })
                .collect()
        };
        let mut request = Map::new();
        request.insert("method".into(), json!(self.method));
        request.insert("path".into(), json!(self.path));
        request.insert(
            "query".into(),
            Value::Object(
                self.query
                    .iter()
                    .map(|(k, v)| (k.clone(), json!(v)))
                    .collect(),
            ),
        );
        request.insert(
            "headers".into(),
            Value::Object(keep(&self.request_headers, REQUEST_HEADERS)),
        );
        let content_type = Self::header(&self.request_headers, "content-type").unwrap_or_default();
        match Multipart::parse(content_type, &self.request_body) {
            Ok(parts) if content_type.starts_with("multipart/") => {
                let fields: Vec<Value> = parts
                    .iter()
                    .map(|p| {
                        let mut f = Map::new();
                        f.insert("name".into(), json!(p.name));
                        if let Some(name) = &p.filename {
                            f.insert("filename".into(), json!(name));
                            if let Some(ct) = &p.content_type {
                                f.insert("content_type".into(), json!(ct));
                            }
                        } else if let Some(text) = p.text() {
                            f.insert("text".into(), json!(text));
                        }
                        Value::Object(f)
                    })
                    .collect();
                request.insert("multipart".into(), Value::Array(fields));
            }
            _ => {
                let body =
                    serde_json::from_slice::<Value>(&self.request_body).unwrap_or(Value::Null);
                request.insert("body".into(), body);
            }
        }
        let mut response = Map::new();
        response.insert("status".into(), json!(self.status));
        response.insert(
            "headers".into(),
            Value::Object(keep(&self.response_headers, RESPONSE_HEADERS)),
        );
        if let Ok(body) = serde_json::from_slice::<Value>(&self.response_body) {
            response.insert("body".into(), body);
        } else if self.response_body.is_empty() {
            response.insert("body".into(), Value::Null);
        } else if let Ok(text) = std::str::from_utf8(&self.response_body) {
            response.insert("body_text".into(), json!(text));
        } else {
            use base64::Engine as _;
            let b64 = base64::engine::general_purpose::STANDARD.encode(&self.response_body);
            response.insert("body_base64".into(), json!(b64));
        }
        json!({
            "operation": self.operation.name,
            "provenance": {
                "source": format!("partner-sandbox recording ({vendor} tour)"),
                "section": if self.operation.section.is_empty() { "unknown" } else { self.operation.section },
                "note": "recorded by `cargo xtask fixtures --record`; compare with the fixture built from the document before adopting it",
            },
            "request": Value::Object(request),
            "response": Value::Object(response),
        })
    }
}

/// The exchanges of one vendor, in the order they were answered.
#[derive(Debug, Default)]
pub(crate) struct Recorder {
    exchanges: Mutex<Vec<Exchange>>,
}

impl Recorder {
    pub(crate) fn push(&self, exchange: Exchange) {
        self.exchanges
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(exchange);
    }

    pub(crate) fn all(&self) -> Vec<Exchange> {
        self.exchanges
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}
