//! The `{"status": ..., "message": ...}` envelope every response shares, and how a
//! failure inside a 2xx answer becomes an error instead of an `Ok`.

use serde::{Deserialize, Deserializer};

/// The part of every response the client reads before the typed body. `status` is
/// optional here: API #1 and #2 document it (their typed answers require it), but API #3
/// shows no response of its own and may answer with a bare echo (see `models::cancel`).
#[derive(Debug, Deserialize)]
pub(crate) struct Envelope {
    #[serde(default, deserialize_with = "optional_status_text")]
    pub(crate) status: Option<String>,
    #[serde(default)]
    pub(crate) message: Option<String>,
}

/// `status` is documented as a string; a number (`200`) or boolean is read as its text so
/// a vendor sending one still gets a typed answer.
struct StatusText(String);

impl<'de> Deserialize<'de> for StatusText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Number(serde_json::Number),
            Flag(bool),
        }
        Ok(StatusText(match Raw::deserialize(deserializer)? {
            Raw::Text(s) => s,
            Raw::Number(n) => n.to_string(),
            Raw::Flag(b) => b.to_string(),
        }))
    }
}

/// A required `status` (see [`StatusText`]).
pub(crate) fn status_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    StatusText::deserialize(deserializer).map(|s| s.0)
}

/// An optional `status` (see [`StatusText`]): absent or null is `None`.
pub(crate) fn optional_status_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Option::<StatusText>::deserialize(deserializer).map(|s| s.map(|s| s.0))
}

/// The statuses read as success by default: the document shows only `"status": "string"`,
/// so this accepts the common spellings (case-insensitive, trimmed): `success`, `ok`,
/// `true`, `200`, `1`. Anything else (`fail`, `error`, `false`, `400`, ...) is a rejection.
pub(crate) fn default_is_success(status: &str) -> bool {
    const SUCCESS: &[&str] = &["success", "ok", "true", "200", "1"];
    let status = status.trim();
    SUCCESS.iter().any(|s| s.eq_ignore_ascii_case(status))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_may_be_text_number_or_flag() {
        let e: Envelope = serde_json::from_str(r#"{"status": 200}"#).unwrap();
        assert_eq!(e.status.as_deref(), Some("200"));
        assert_eq!(e.message, None);
        let e: Envelope = serde_json::from_str(r#"{"status": true, "message": "done"}"#).unwrap();
        assert_eq!(e.status.as_deref(), Some("true"));
        assert_eq!(e.message.as_deref(), Some("done"));
        let e: Envelope = serde_json::from_str(r#"{"message": "no status"}"#).unwrap();
        assert_eq!(e.status, None);
        let e: Envelope = serde_json::from_str(r#"{"status": null}"#).unwrap();
        assert_eq!(e.status, None);
        assert!(serde_json::from_str::<Envelope>(r#"{"status": {"code": 1}}"#).is_err());
    }

    #[test]
    fn default_success_spellings() {
        for ok in ["success", "SUCCESS", " ok ", "true", "200", "1"] {
            assert!(default_is_success(ok), "{ok}");
        }
        for bad in [
            "fail",
            "failed",
            "error",
            "false",
            "0",
            "400",
            "",
            "successful?",
        ] {
            assert!(!default_is_success(bad), "{bad}");
        }
    }
}
