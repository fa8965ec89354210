//! CarFix's wire formats: dates, money, booleans, coordinates and tyre sets, as serde helpers
//! and the value types that carry them.
//!
//! | wire | Rust | module |
//! |---|---|---|
//! | `"2.725889,101.9378239"`, `"2.72588900, 101.93782390"` | [`Coordinate`] | [`coordinate`] |
//! | `TyrePuncture: 3` | [`TyrePunctures`] of [`TyrePosition`] | [`tyre`] |
//! | `"2023-03-13T14:56:18.67"`, `"17/02/2024 01:58:16 PM"`, ... | chrono types | [`datetime`] |
//! | `1550.00`, `"0.60"`, `"*1,000.00"`, `"1,000.00F"` | `Decimal`, [`MarkedAmount`] | [`money`] |
//! | `"Yes"`/`"No"`, `"true"`/`"false"` | `bool` | [`yes_no`], [`bool_string`] |
//! | photos as base64 text | `Vec<u8>` | [`base64_bytes`] |
//! | `""` for a request key without value | `Option<String>` | [`blank_if_none`] |
//!
//! Value sets (statuses) are models, in [`crate::models::common`].

pub mod coordinate;
pub mod datetime;
pub mod money;
pub mod tyre;

pub use coordinate::{Coordinate, CoordinateError};
pub use money::{AmountError, MarkedAmount};
pub use tyre::{TyrePosition, TyrePunctures};

// Serde for the `"Yes"`/`"No"` flags (3.19, 3.20 `Result`, 4.2 `IsLeader`) and for a `bool`
// sent as `"true"`/`"false"` (3.19 `IsCheckOnly`); both read yes/no/true/false in any case,
// JSON booleans and `null` (as no). Shared with other vendors in partner-core.
pub use partner_core::wire::{bool_string, yes_no};

/// Serde for an optional float sent as a number, a numeric string, `""` or `null`.
pub(crate) mod flexible_f64 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => s.serialize_f64(*v),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(f64),
            Text(String),
        }
        match Option::<Raw>::deserialize(d)? {
            None => Ok(None),
            Some(Raw::Number(n)) => Ok(Some(n)),
            Some(Raw::Text(t)) if t.trim().is_empty() => Ok(None),
            Some(Raw::Text(t)) => t
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| serde::de::Error::custom(format_args!("{t:?} is not a number"))),
        }
    }
}

/// Serde for an optional text in a request body that sends every documented key (CarFix's
/// examples send `""` for no value, as 3.3's `WorkshopName`): `None` is written `""`, and
/// `null`, a blank text or a missing key read as `None`.
pub mod blank_if_none {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Serde serialiser (`None` as `""`).
    pub fn serialize<S: Serializer>(v: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(v.as_deref().unwrap_or_default())
    }

    /// Serde deserialiser.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(Option::<String>::deserialize(d)?.filter(|s| !s.trim().is_empty()))
    }
}

/// Serde for bytes carried as a standard base64 string (3.8, 3.22).
pub mod base64_bytes {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Serde serialiser.
    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    /// Serde deserialiser. Line breaks and a `data:image/jpeg;base64,` prefix are tolerated.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let s = String::deserialize(d)?;
        decode(&s).map_err(|e| serde::de::Error::custom(format_args!("invalid base64 image: {e}")))
    }

    /// Decodes, dropping whitespace and a data-URL prefix.
    pub fn decode(s: &str) -> Result<Vec<u8>, base64::DecodeError> {
        let body = match s.split_once(";base64,") {
            Some((head, rest)) if head.starts_with("data:") => rest,
            _ => s,
        };
        let clean: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        STANDARD.decode(clean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_no_and_bool_strings() {
        #[derive(serde::Deserialize, serde::Serialize)]
        struct T {
            #[serde(with = "yes_no")]
            a: bool,
            #[serde(with = "bool_string")]
            b: bool,
        }
        let t: T = serde_json::from_str(r#"{"a": "NO", "b": "true"}"#).unwrap();
        assert!(!t.a && t.b);
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"a":"No","b":"true"}"#
        );
        let t: T = serde_json::from_str(r#"{"a": "Yes", "b": false}"#).unwrap();
        assert!(t.a && !t.b);
        assert!(serde_json::from_str::<T>(r#"{"a": "maybe", "b": "true"}"#).is_err());
        let t: T = serde_json::from_str(r#"{"a": null, "b": "false"}"#).unwrap();
        assert!(!t.a && !t.b);
    }

    #[test]
    fn base64_tolerates_line_breaks_and_data_urls() {
        let tiny = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0xFF, 0xD9,
        ];
        assert_eq!(base64_bytes::decode("/9j/4AAQ\nSkZJRv/Z").unwrap(), tiny);
        assert_eq!(
            base64_bytes::decode("data:image/jpeg;base64,/9j/4AAQSkZJRv/Z").unwrap(),
            tiny
        );
        assert!(base64_bytes::decode("/9j/ ... Q==").is_err());
    }
}
