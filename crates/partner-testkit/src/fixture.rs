//! The fixture file format (documented in docs/fixtures.md) and loading.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Where a fixture comes from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Provenance {
    /// The document (`carfix.txt`) or recording it was built from.
    pub source: String,
    /// The section of the document.
    pub section: String,
    /// What was fixed or assumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One part of an expected multipart body.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct MultipartField {
    /// Field name.
    pub name: String,
    /// File name for file parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Content type for file parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Expected text for text parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The request a fixture expects.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FixtureRequest {
    /// HTTP method.
    pub method: String,
    /// Path, relative to the base URL.
    pub path: String,
    /// Exact query parameters.
    #[serde(default)]
    pub query: BTreeMap<String, String>,
    /// Headers that must be present (lowercase names; `<redacted>` matches any value there).
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// JSON body (`<redacted>` strings match any value).
    #[serde(default)]
    pub body: Option<Value>,
    /// Expected multipart parts, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multipart: Option<Vec<MultipartField>>,
}

/// The response a fixture serves.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FixtureResponse {
    /// Status code.
    pub status: u16,
    /// Headers.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// JSON body.
    #[serde(default)]
    pub body: Option<Value>,
    /// Text body (not JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_text: Option<String>,
    /// Binary body, base64.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_base64: Option<String>,
}

/// One recorded exchange.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Fixture {
    /// Operation name from the vendor's table.
    pub operation: String,
    /// Where it comes from.
    pub provenance: Provenance,
    /// Expected request.
    pub request: FixtureRequest,
    /// Served response.
    pub response: FixtureResponse,
    /// File stem (`GetStates`, `GetStates--empty`); not stored in the file.
    #[serde(skip)]
    pub name: String,
}

impl Fixture {
    /// The recorded request body as the vendor crate's typed request.
    pub fn request_body<T: DeserializeOwned>(&self) -> Result<T, crate::BoxError> {
        let body = self
            .request
            .body
            .clone()
            .ok_or("fixture has no JSON request body")?;
        serde_json::from_value(body)
            .map_err(|e| format!("fixture {} request body: {e}", self.name).into())
    }

    /// The served JSON body as a typed value.
    pub fn response_body<T: DeserializeOwned>(&self) -> Result<T, crate::BoxError> {
        let body = self
            .response
            .body
            .clone()
            .ok_or("fixture has no JSON response body")?;
        serde_json::from_value(body)
            .map_err(|e| format!("fixture {} response body: {e}", self.name).into())
    }

    /// The served body bytes.
    pub fn response_bytes(&self) -> Vec<u8> {
        use base64::Engine as _;
        if let Some(b64) = &self.response.body_base64 {
            return base64::engine::general_purpose::STANDARD
                .decode(b64)
                .expect("fixture body_base64 is base64");
        }
        if let Some(text) = &self.response.body_text {
            return text.clone().into_bytes();
        }
        match &self.response.body {
            Some(v) => serde_json::to_vec(v).expect("JSON serialises"),
            None => Vec::new(),
        }
    }

    /// A query parameter of the recorded request.
    pub fn query(&self, name: &str) -> Option<&str> {
        self.request.query.get(name).map(String::as_str)
    }
}

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root exists")
}

/// `fixtures/VENDOR`.
pub fn fixtures_dir(vendor: &str) -> PathBuf {
    workspace_root().join("fixtures").join(vendor)
}

/// Loads every `*.json` fixture of a vendor, sorted by file name.
pub fn load_fixtures(vendor: &str) -> Result<Vec<Fixture>, String> {
    let dir = fixtures_dir(vendor);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths.iter().map(|p| load_path(p)).collect()
}

/// Loads one fixture by file stem.
pub fn load_fixture(vendor: &str, name: &str) -> Result<Fixture, String> {
    load_path(&fixtures_dir(vendor).join(format!("{name}.json")))
}

fn load_path(path: &Path) -> Result<Fixture, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut fixture: Fixture =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    fixture.name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned();
    Ok(fixture)
}
