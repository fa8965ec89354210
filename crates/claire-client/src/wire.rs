//! Serde helpers for Claire's wire formats.
//!
//! Claire is written in Go and serialises Go zero values as they are: a `time.Time` that was
//! never set arrives as `"0001-01-01T00:00:00Z"`, and an empty slice as `null`. These modules
//! turn both into "absent" on the Rust side (`None`, an empty `Vec`) and write them back the
//! way the Go server expects.

use chrono::{DateTime, Datelike, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The text Go writes for a `time.Time` that was never set.
pub const GO_ZERO_TIME: &str = "0001-01-01T00:00:00Z";

/// Parses one Claire timestamp: RFC 3339 with any offset, kept as UTC. Blank text and the Go
/// zero time (in any offset) mean "not set".
pub fn parse_time(text: &str) -> Result<Option<DateTime<Utc>>, chrono::ParseError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parsed = DateTime::parse_from_rfc3339(text)?.with_timezone(&Utc);
    // Year 1 is Go's zero value (year 0 once a local offset is removed); no real appointment
    // or car date lies there.
    Ok(if parsed.year() <= 1 {
        None
    } else {
        Some(parsed)
    })
}

/// Formats a timestamp the way Go's `time.Time` marshals a UTC time.
pub fn format_time(time: &DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

fn deserialize_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => parse_time(&text).map_err(|e| {
            serde::de::Error::custom(format_args!(
                "invalid timestamp {text:?}: {e} (expected RFC 3339)"
            ))
        }),
    }
}

/// A Go pointer `*time.Time`: `null` when absent (the zero time also reads as absent).
pub mod nullable_time {
    use super::*;

    /// Reads `null`, `""`, the Go zero time or an RFC 3339 timestamp.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        deserialize_time(d)
    }

    /// Writes `null` or an RFC 3339 timestamp in UTC.
    pub fn serialize<S: Serializer>(
        value: &Option<DateTime<Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(t) => s.serialize_str(&format_time(t)),
            None => s.serialize_none(),
        }
    }
}

/// A Go value `time.Time`: never `null` on the wire, the zero time when absent.
pub mod zero_time {
    use super::*;

    /// Reads `null`, `""`, the Go zero time or an RFC 3339 timestamp.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        deserialize_time(d)
    }

    /// Writes the Go zero time for `None`, else an RFC 3339 timestamp in UTC.
    pub fn serialize<S: Serializer>(
        value: &Option<DateTime<Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(t) => s.serialize_str(&format_time(t)),
            None => s.serialize_str(GO_ZERO_TIME),
        }
    }
}

/// A Go slice: `null` reads as empty, and an empty list is written as `null` (what the Go
/// server itself sends, so a value read from Claire is written back unchanged).
pub mod nullable_vec {
    use super::*;

    /// Reads `null` or a JSON array (`null` as an empty list).
    pub use partner_core::wire::null_as_empty as deserialize;

    /// Writes `null` for an empty list, else the array.
    pub fn serialize<S, T>(value: &[T], s: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
        T: Serialize,
    {
        if value.is_empty() {
            s.serialize_none()
        } else {
            value.serialize(s)
        }
    }
}

/// Money (Go `float64`) as a [`rust_decimal::Decimal`]: read from a JSON number or string
/// without going through binary floating point, written as a JSON number.
pub mod money {
    use rust_decimal::Decimal;
    use rust_decimal::prelude::ToPrimitive;
    use std::str::FromStr;

    use super::*;

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Number(serde_json::Number),
        Text(String),
    }

    fn parse<E: serde::de::Error>(raw: Raw) -> Result<Decimal, E> {
        let text = match raw {
            Raw::Number(n) => n.to_string(),
            Raw::Text(t) => t,
        };
        Decimal::from_str(text.trim())
            .or_else(|_| Decimal::from_scientific(text.trim()))
            .map_err(|e| E::custom(format_args!("invalid amount {text:?}: {e}")))
    }

    /// Reads a number or numeric string.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        parse(Raw::deserialize(d)?)
    }

    /// Writes a JSON number (Go decodes it into a `float64` anyway).
    pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        match value.to_f64() {
            Some(f) => s.serialize_f64(f),
            None => Err(serde::ser::Error::custom("amount out of range")),
        }
    }

    /// The same for an optional amount (`null` when absent).
    pub mod option {
        use super::*;

        /// Reads `null`, a number or a numeric string.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
            Option::<Raw>::deserialize(d)?.map(parse).transpose()
        }

        /// Writes `null` or a JSON number.
        pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
            match value {
                Some(v) => super::serialize(v, s),
                None => s.serialize_none(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use serde_json::json;
    use std::str::FromStr;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Times {
        #[serde(with = "zero_time")]
        a: Option<DateTime<Utc>>,
        #[serde(with = "nullable_time")]
        b: Option<DateTime<Utc>>,
        #[serde(default, with = "nullable_vec")]
        c: Vec<u8>,
        #[serde(with = "money")]
        d: Decimal,
    }

    #[test]
    fn zero_times_read_as_none_and_round_trip() {
        let zero: Times =
            serde_json::from_value(json!({"a": GO_ZERO_TIME, "b": null, "c": null, "d": 0}))
                .unwrap();
        assert_eq!(
            zero,
            Times {
                a: None,
                b: None,
                c: vec![],
                d: Decimal::ZERO
            }
        );
        assert_eq!(
            serde_json::to_value(&zero).unwrap(),
            json!({"a": GO_ZERO_TIME, "b": null, "c": null, "d": 0.0})
        );
        let t: Times = serde_json::from_value(
            json!({"a": "2026-11-23T09:30:00+01:00", "b": "0001-01-01T00:00:00Z", "c": [1], "d": "12.10"}),
        )
        .unwrap();
        assert_eq!(format_time(&t.a.unwrap()), "2026-11-23T08:30:00Z");
        assert_eq!(t.b, None);
        assert_eq!(t.d, Decimal::from_str("12.10").unwrap());
        let back = serde_json::to_value(&t).unwrap();
        assert_eq!(back["a"], json!("2026-11-23T08:30:00Z"));
        assert_eq!(back["c"], json!([1]));
    }

    #[test]
    fn fractional_seconds_and_bad_times() {
        let t = parse_time("2024-07-23T10:11:12.345678Z").unwrap().unwrap();
        assert_eq!(format_time(&t), "2024-07-23T10:11:12.345678Z");
        assert!(parse_time("23-07-2024").is_err());
        assert_eq!(parse_time("").unwrap(), None);
        let err = serde_json::from_value::<Times>(
            json!({"a": "yesterday", "b": null, "c": null, "d": 1}),
        );
        assert!(err.unwrap_err().to_string().contains("invalid timestamp"));
    }

    #[test]
    fn money_reads_numbers_exactly() {
        let t: Times =
            serde_json::from_value(json!({"a": null, "b": null, "c": null, "d": 19.99})).unwrap();
        assert_eq!(t.d, Decimal::from_str("19.99").unwrap());
    }
}
