//! Wire quirks shared by the responses: `Status_code` is a string in some responses and a
//! number in others. (`Success`, the string `"True"`/`"False"`, is read with
//! `partner_core::wire::true_false`.)

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serializer};

#[derive(Deserialize)]
#[serde(untagged)]
enum Code {
    Number(u16),
    Text(String),
}

fn flexible_code<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
    match Option::<Code>::deserialize(d)? {
        None => Ok(None),
        Some(Code::Number(n)) => Ok(Some(n)),
        Some(Code::Text(s)) if s.trim().is_empty() => Ok(None),
        Some(Code::Text(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| de::Error::custom(format!("expected an HTTP status code, got {s:?}"))),
    }
}

/// `Status_code` documented as a string (`"200"`); numbers accepted too.
pub(crate) mod status_code_text {
    use super::*;

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
        flexible_code(d)
    }

    pub(crate) fn serialize<S: Serializer>(v: &Option<u16>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(n) => s.serialize_str(&n.to_string()),
            None => s.serialize_none(),
        }
    }
}

/// `Status_code` documented as a number (`200`); strings accepted too.
pub(crate) mod status_code_number {
    use super::*;

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
        flexible_code(d)
    }

    pub(crate) fn serialize<S: Serializer>(v: &Option<u16>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(n) => s.serialize_u16(*n),
            None => s.serialize_none(),
        }
    }
}

/// The vendor's message in an error body (`Message`, `message`, `error`, ...), else a bounded
/// excerpt of the body, else the fallback.
pub(crate) fn server_message(body: &[u8], fallback: &str) -> String {
    if let Some(m) = partner_core::client::default_error_message(body) {
        return m;
    }
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        fallback.to_owned()
    } else {
        partner_core::error::excerpt(text.as_bytes(), 300)
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Deserialize, Serialize, Debug, PartialEq)]
    struct Probe {
        #[serde(with = "partner_core::wire::true_false")]
        ok: bool,
        #[serde(with = "super::status_code_text", default)]
        code: Option<u16>,
    }

    #[test]
    fn stringly_flags_and_codes() {
        let p: Probe = serde_json::from_str(r#"{"ok": "True", "code": "200"}"#).unwrap();
        assert_eq!(
            p,
            Probe {
                ok: true,
                code: Some(200)
            }
        );
        let p: Probe = serde_json::from_str(r#"{"ok": false, "code": 409}"#).unwrap();
        assert_eq!(
            p,
            Probe {
                ok: false,
                code: Some(409)
            }
        );
        assert!(serde_json::from_str::<Probe>(r#"{"ok": "yes"}"#).is_err());
        assert!(serde_json::from_str::<Probe>(r#"{"ok": "True", "code": "OK"}"#).is_err());
        let back = serde_json::to_value(Probe {
            ok: true,
            code: Some(200),
        })
        .unwrap();
        assert_eq!(back, serde_json::json!({"ok": "True", "code": "200"}));
    }

    #[test]
    fn messages_from_error_bodies() {
        assert_eq!(
            super::server_message(br#"{"Message": "Invalid Pincode format"}"#, "x"),
            "Invalid Pincode format"
        );
        assert_eq!(super::server_message(b"plain text", "x"), "plain text");
        assert_eq!(super::server_message(b"", "Bad Request"), "Bad Request");
    }
}
