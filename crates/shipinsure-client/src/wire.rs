//! The vendor's wire formats: timestamps ([`timestamp`], with the opt-in epoch
//! [`TimestampFormat`](timestamp::TimestampFormat)) and the `status` of every answer, which
//! the document types as a string but which is read as text whether it arrives as a string,
//! a number or a boolean.

pub mod timestamp;

use serde::{Deserialize, Deserializer};

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
