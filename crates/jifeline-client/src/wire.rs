//! Wire formats the Jifeline document uses that serde's defaults do not cover.
//!
//! Money values come as JSON numbers (`100`, `30.35`) but are decoded into
//! [`rust_decimal::Decimal`] through their decimal text, so `30.35` stays exactly `30.35`.
//! Some values the schema calls strings are numbers in the examples (`phone`, `reference`,
//! `item_number`), and the service-center state uses `+0200` offsets without a colon.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serializer};

/// Decimal text of a JSON number or string.
fn decimal_from_text<E: de::Error>(text: &str) -> Result<Decimal, E> {
    Decimal::from_str(text.trim())
        .or_else(|_| Decimal::from_scientific(text.trim()))
        .map_err(|_| E::custom(format!("`{text}` is not a decimal number")))
}

struct DecimalVisitor;

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number or a string holding one")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        // f64's Display is the shortest text that round-trips, so 30.35 reads back as 30.35.
        decimal_from_text(&v.to_string())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        decimal_from_text(v)
    }
}

/// A decimal sent as a JSON number, read from a number or a numeric string.
pub mod decimal {
    use super::*;

    /// Reads a number or numeric string.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_any(DecimalVisitor)
    }

    /// Writes a JSON number (what the vendor sends).
    pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        use rust_decimal::prelude::ToPrimitive;
        if value.fract().is_zero()
            && let Some(i) = value.to_i64()
        {
            return s.serialize_i64(i);
        }
        match value.to_f64() {
            Some(f) => s.serialize_f64(f),
            None => s.serialize_str(&value.to_string()),
        }
    }
}

/// [`decimal`] for optional (or null) values.
pub mod decimal_opt {
    use super::*;

    /// Reads null, a number or a numeric string.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        #[derive(Deserialize)]
        struct Wrap(#[serde(with = "super::decimal")] Decimal);
        Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
    }

    /// Writes a JSON number or null.
    pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => super::decimal::serialize(v, s),
            None => s.serialize_none(),
        }
    }
}

/// A decimal the vendor sends as a string (`"balance": "120"`), also read from a number.
pub mod decimal_str_opt {
    use super::*;

    /// Reads null, a number or a numeric string.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        super::decimal_opt::deserialize(d)
    }

    /// Writes a string or null.
    pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.serialize_str(&v.to_string()),
            None => s.serialize_none(),
        }
    }
}

struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or a number")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }
}

/// Text the schema types as a string while the examples send a number. Read from either,
/// written as a string.
pub mod text {
    use super::*;

    /// Reads a string or a number.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        d.deserialize_any(TextVisitor)
    }

    /// Writes a string.
    pub fn serialize<S: Serializer>(value: &str, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(value)
    }
}

/// Text the schema types as a string while the examples send a number (`"phone": 31651226913`).
/// Read from either, written as a string.
pub mod text_opt {
    use super::*;

    /// Reads null, a string or a number.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        struct Wrap(String);
        impl<'de> Deserialize<'de> for Wrap {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_any(TextVisitor).map(Wrap)
            }
        }
        Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
    }

    /// Writes a string or null.
    pub fn serialize<S: Serializer>(value: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.serialize_str(v),
            None => s.serialize_none(),
        }
    }
}

/// Optional RFC 3339 timestamps, written with a numeric offset (`2021-09-08T10:03:29+00:00`)
/// as most of the document's examples show; `Z` is read too.
pub mod rfc3339_opt {
    use super::*;

    /// Reads null or an RFC 3339 timestamp.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => DateTime::parse_from_rfc3339(&text).map(Some).map_err(|e| {
                de::Error::custom(format!("`{text}` is not an RFC 3339 timestamp: {e}"))
            }),
        }
    }

    /// Writes `2021-09-08T10:03:29+00:00` or null.
    pub fn serialize<S: Serializer>(
        value: &Option<DateTime<FixedOffset>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.serialize_str(&v.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)),
            None => s.serialize_none(),
        }
    }
}

/// The format of `ends_at` in the service-center state: `2023-05-22T12:44:36+0200`.
pub const COMPACT_OFFSET_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%z";

/// Parses `2023-05-22T12:44:36+0200`, and RFC 3339 (`+02:00`, `Z`) as well.
pub fn parse_compact_offset(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_str(text, COMPACT_OFFSET_FORMAT)
        .or_else(|_| DateTime::parse_from_rfc3339(text))
        .ok()
}

/// Optional timestamps in [`COMPACT_OFFSET_FORMAT`].
pub mod compact_offset_opt {
    use super::*;

    /// Reads null or a timestamp with a `+HHMM` (or RFC 3339) offset.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => parse_compact_offset(&text).map(Some).ok_or_else(|| {
                de::Error::custom(format!(
                    "`{text}` is not a timestamp like 2023-05-22T12:44:36+0200"
                ))
            }),
        }
    }

    /// Writes `2023-05-22T12:44:36+0200` or null.
    pub fn serialize<S: Serializer>(
        value: &Option<DateTime<FixedOffset>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.serialize_str(&v.format(COMPACT_OFFSET_FORMAT).to_string()),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Money {
        #[serde(with = "decimal")]
        value: Decimal,
        #[serde(default, with = "decimal_opt")]
        maybe: Option<Decimal>,
        #[serde(default, with = "text_opt")]
        phone: Option<String>,
        #[serde(default, with = "compact_offset_opt")]
        at: Option<DateTime<FixedOffset>>,
    }

    #[test]
    fn decimals_are_exact_and_round_trip_as_numbers() {
        let m: Money =
            serde_json::from_str(r#"{"value": 30.35, "maybe": "120", "phone": 31651226913}"#)
                .unwrap();
        assert_eq!(m.value, Decimal::from_str("30.35").unwrap());
        assert_eq!(m.maybe, Some(Decimal::from(120)));
        assert_eq!(m.phone.as_deref(), Some("31651226913"));
        let back = serde_json::to_value(&m).unwrap();
        assert_eq!(back["value"], serde_json::json!(30.35));
        assert_eq!(back["maybe"], serde_json::json!(120));
        assert_eq!(back["phone"], serde_json::json!("31651226913"));
        assert!(serde_json::from_str::<Money>(r#"{"value": "abc"}"#).is_err());
        assert!(serde_json::from_str::<Money>(r#"{"value": true}"#).is_err());
    }

    #[test]
    fn compact_offsets_round_trip() {
        let m: Money =
            serde_json::from_str(r#"{"value": 1, "at": "2023-05-22T12:44:36+0200"}"#).unwrap();
        let at = m.at.unwrap();
        assert_eq!(at.offset().local_minus_utc(), 7200);
        assert_eq!(at.to_rfc3339(), "2023-05-22T12:44:36+02:00");
        assert_eq!(
            serde_json::to_value(&m).unwrap()["at"],
            "2023-05-22T12:44:36+0200"
        );
        assert!(parse_compact_offset("2023-05-22T12:44:36Z").is_some());
        assert!(serde_json::from_str::<Money>(r#"{"value": 1, "at": "22/05/2023"}"#).is_err());
    }
}
