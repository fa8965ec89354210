//! Decoding answers into typed models, with errors that name the JSON path that failed.
//!
//! Tracking the path costs as much again as the decode itself (serde_path_to_error wraps
//! every value and copies every key: 24 us against 13 us for four Claire locations), so an
//! answer is decoded with plain serde_json first and only a failed one is decoded a second
//! time, through serde_path_to_error, for the path. Decoding is deterministic, so the second
//! pass fails at the same place and the error is the one a single tracked pass gave.

use serde::de::DeserializeOwned;

use crate::error::Error;

/// The fast pass: plain serde_json, no path. Like the tracked pass, it does not look past the
/// end of the value (trailing bytes were never refused, and still are not).
fn plain<T: DeserializeOwned>(body: &[u8]) -> Result<T, serde_json::Error> {
    T::deserialize(&mut serde_json::Deserializer::from_slice(body))
}

/// The slow pass, for failures only: the same decode, tracking the path.
fn tracked<T: DeserializeOwned>(
    body: &[u8],
) -> Result<T, serde_path_to_error::Error<serde_json::Error>> {
    serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_slice(body))
}

/// Decodes JSON, naming the path of the field that failed.
pub fn decode_json<T: DeserializeOwned>(operation: &'static str, body: &[u8]) -> Result<T, Error> {
    match plain(body) {
        Ok(value) => Ok(value),
        Err(_) => tracked(body).map_err(|e| Error::decode(operation, e, body)),
    }
}

/// Like [`decode_json`] for bodies that may carry credentials (login answers): the error
/// still names the JSON path that failed, but holds no excerpt of the body and no value serde
/// would have quoted (`invalid type: string "eyJ…"`).
pub fn decode_json_secret<T: DeserializeOwned>(
    operation: &'static str,
    body: &[u8],
) -> Result<T, Error> {
    if let Ok(value) = plain(body) {
        return Ok(value);
    }
    tracked(body).map_err(|e| {
        let path = e.path().to_string();
        let message = match e.inner().classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                "the body is not valid JSON"
            }
            serde_json::error::Category::Io => "the body could not be read",
            serde_json::error::Category::Data => "a value has the wrong type or is missing",
        };
        // "missing field `access_token`" quotes a key the model declares, never a value:
        // keep it, so a login answer without its token says which key is missing.
        let text = e.inner().to_string();
        let names_only = ["missing field `", "duplicate field `"]
            .iter()
            .any(|p| text.starts_with(p));
        let message = if names_only {
            text.split(" at line ").next().unwrap_or(message).to_owned()
        } else {
            message.to_owned()
        };
        Error::Decode {
            operation,
            path,
            message,
            excerpt: "<withheld: the body may hold a credential>".to_owned(),
            status: None,
            content_type: None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        items: Vec<Inner>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        id: u64,
        name: String,
    }

    #[test]
    fn a_failure_still_names_the_path() {
        let body = br#"{"items":[{"id":1,"name":"a"},{"id":"two","name":"b"}]}"#;
        let err = decode_json::<Outer>("Op", body).unwrap_err();
        match err {
            Error::Decode { path, message, .. } => {
                assert_eq!(path, "items[1].id");
                assert!(message.contains("invalid type"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_success_is_the_plain_decode() {
        let body = br#"{"items":[{"id":1,"name":"a"}]} "#;
        let v: Outer = decode_json("Op", body).unwrap();
        assert_eq!(v.items.len(), 1);
    }

    #[test]
    fn the_secret_variant_names_the_path_and_withholds_the_value() {
        let body = br#"{"items":[{"id":1,"name":7}]}"#;
        match decode_json_secret::<Outer>("Login", body).unwrap_err() {
            Error::Decode {
                path,
                message,
                excerpt,
                ..
            } => {
                assert_eq!(path, "items[0].name");
                assert!(!message.contains('7'), "{message}");
                assert!(excerpt.contains("withheld"), "{excerpt}");
            }
            other => panic!("{other:?}"),
        }
    }
}
