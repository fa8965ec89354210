//! Exact amounts: JSON numbers and the estimate's marked money strings.
//!
//! Claim estimates (4.5) mix plain numbers (`"Parts": 1550.00`) with strings that carry a
//! marker before or after the figure (`"*1,000.00"`, `"1,000.00F"`). Numbers are read into
//! [`Decimal`] from the number's own JSON text, never through a float, so the scale CarFix
//! wrote is kept (`1550.00` is 1550.00, not 1550) and written back the same way; marked
//! strings become a [`MarkedAmount`] that keeps its markers and its original text.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Unexpected};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// An amount with the markers the estimate printed around it.
///
/// CarFix does not say what the markers mean; `*` prefixes part prices and `F` suffixes part
/// totals in the document's example. They are kept verbatim so nothing is lost.
///
/// ```
/// use carfix_client::MarkedAmount;
/// use rust_decimal::Decimal;
/// let a: MarkedAmount = "*1,000.00".parse().unwrap();
/// assert_eq!(a.amount(), Decimal::new(100000, 2));
/// assert_eq!(a.prefix(), "*");
/// let b: MarkedAmount = "1,000.00F".parse().unwrap();
/// assert_eq!(b.suffix(), "F");
/// assert_eq!(b.to_string(), "1,000.00F");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MarkedAmount {
    raw: String,
    prefix: String,
    amount: Decimal,
    suffix: String,
}

/// Why an amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountError(String);

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AmountError {}

impl MarkedAmount {
    /// The amount, exact (`*1,000.00` is 1000.00 with scale 2).
    pub fn amount(&self) -> Decimal {
        self.amount
    }

    /// Text before the figure (`"*"`, or `""`).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// Text after the figure (`"F"`, or `""`).
    pub fn suffix(&self) -> &str {
        &self.suffix
    }

    /// True when the vendor printed any marker.
    pub fn is_marked(&self) -> bool {
        !self.prefix.is_empty() || !self.suffix.is_empty()
    }

    /// The text exactly as received.
    pub fn as_str(&self) -> &str {
        &self.raw
    }
}

impl FromStr for MarkedAmount {
    type Err = AmountError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let raw = s.to_owned();
        let t = s.trim();
        let is_figure = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+');
        let start = t.find(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '.'));
        let Some(start) = start else {
            return Err(AmountError(format!("no amount in {s:?}")));
        };
        let end = t[start..]
            .find(|c: char| !is_figure(c))
            .map_or(t.len(), |i| start + i);
        let amount = parse_figure(&t[start..end])
            .ok_or_else(|| AmountError(format!("bad amount in {s:?}")))?;
        Ok(MarkedAmount {
            raw,
            prefix: t[..start].to_owned(),
            amount,
            suffix: t[end..].to_owned(),
        })
    }
}

/// Parses `1,234.50` (thousands commas allowed) exactly.
fn parse_figure(text: &str) -> Option<Decimal> {
    let plain: String = text.chars().filter(|c| *c != ',').collect();
    if plain.is_empty() || plain.contains(char::is_whitespace) {
        return None;
    }
    Decimal::from_str(plain.trim_start_matches('+')).ok()
}

impl fmt::Display for MarkedAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl Serialize for MarkedAmount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for MarkedAmount {
    /// Reads a marked string (`"*1,000.00"`) or a JSON number (`250.00`, its text kept).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match written(d)? {
            Some(Written::Text(t) | Written::Number(t)) => t.parse().map_err(de::Error::custom),
            None => Err(de::Error::custom(
                "expected an amount such as \"*1,000.00\" or 250.00, got null",
            )),
        }
    }
}

/// A money value as CarFix wrote it: a JSON number's own text, or a string's content.
enum Written {
    Number(String),
    Text(String),
}

/// Reads the value's JSON text (serde_json's `RawValue`), so `1550.00` stays `1550.00`
/// instead of passing through an `f64` (which would give `1550`). `null` is `None`.
///
/// `RawValue` needs the JSON deserializer itself: these models decode from JSON text or a
/// `serde_json::Value` (whose numbers are already floats), not inside `#[serde(untagged)]`
/// or `#[serde(flatten)]`, which buffer the value first.
fn written<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Written>, D::Error> {
    let Some(raw) = Option::<Box<RawValue>>::deserialize(d)? else {
        return Ok(None);
    };
    let text = raw.get().trim();
    let unexpected =
        |what| de::Error::invalid_type(Unexpected::Other(what), &"a number or a numeric string");
    match text.as_bytes().first() {
        Some(b'"') => serde_json::from_str(text)
            .map(|t| Some(Written::Text(t)))
            .map_err(de::Error::custom),
        Some(b'-' | b'0'..=b'9') => Ok(Some(Written::Number(text.to_owned()))),
        Some(b'n') => Ok(None),
        Some(b't' | b'f') => Err(unexpected("a boolean")),
        Some(b'[') => Err(unexpected("a list")),
        _ => Err(unexpected("an object")),
    }
}

/// A JSON number's text as an exact decimal, its scale kept (`0.00` has scale 2).
fn number<E: de::Error>(text: &str) -> Result<Decimal, E> {
    Decimal::from_str(text)
        .or_else(|_| Decimal::from_scientific(text))
        .map_err(|_| E::custom(format_args!("{text} does not fit an exact decimal")))
}

/// Reads an optional decimal: a number or numeric string (commas allowed); `null` and
/// `""` are `None`.
fn optional_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    match written(d)? {
        None => Ok(None),
        Some(Written::Number(n)) => number(&n).map(Some),
        Some(Written::Text(t)) if t.trim().is_empty() => Ok(None),
        Some(Written::Text(t)) => parse_figure(t.trim())
            .map(Some)
            .ok_or_else(|| de::Error::custom(format_args!("{t:?} is not a number"))),
    }
}

/// Serde for a required [`Decimal`] sent as a JSON number or numeric string, read and
/// written with its scale (`1550.00` in, `1550.00` out).
pub mod decimal {
    use super::*;

    /// Serde serialiser: a JSON number with the decimal's own digits and scale.
    pub fn serialize<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        RawValue::from_string(v.to_string())
            .map_err(serde::ser::Error::custom)?
            .serialize(s)
    }

    /// Serde deserialiser.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        optional_decimal(d)?.ok_or_else(|| de::Error::custom("expected a number, got nothing"))
    }

    /// The same for an optional value: `null` and `""` read as `None`.
    pub mod option {
        use super::*;

        /// Serde serialiser (`None` as `null`).
        pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
            match v {
                Some(v) => super::serialize(v, s),
                None => s.serialize_none(),
            }
        }

        /// Serde deserialiser.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
            optional_decimal(d)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_amounts_keep_markers_and_text() {
        let a: MarkedAmount = "*1,000.00".parse().unwrap();
        assert_eq!(
            (a.prefix(), a.amount(), a.suffix()),
            ("*", Decimal::new(100000, 2), "")
        );
        assert_eq!(a.amount().to_string(), "1000.00");
        let b: MarkedAmount = "1,000.00F".parse().unwrap();
        assert_eq!(
            (b.prefix(), b.amount(), b.suffix()),
            ("", Decimal::new(100000, 2), "F")
        );
        let c: MarkedAmount = "250.00".parse().unwrap();
        assert!(!c.is_marked());
        let d: MarkedAmount = "*-12.5F".parse().unwrap();
        assert_eq!(d.amount(), Decimal::new(-125, 1));
        for wire in ["\"*1,000.00\"", "\"1,000.00F\"", "\"*250.00\""] {
            let m: MarkedAmount = serde_json::from_str(wire).unwrap();
            assert_eq!(serde_json::to_string(&m).unwrap(), wire);
        }
        for bad in ["", "*", "F", "1,0.0.0"] {
            assert!(bad.parse::<MarkedAmount>().is_err(), "{bad}");
        }
        let n: MarkedAmount = serde_json::from_str("7.50").unwrap();
        assert_eq!(n.amount(), Decimal::new(750, 2));
        assert_eq!(n.as_str(), "7.50", "a number's text is kept, not 7.5");
    }

    #[test]
    fn decimals_from_numbers_and_strings_are_exact() {
        #[derive(Deserialize, Serialize)]
        struct T {
            #[serde(with = "decimal")]
            a: Decimal,
            #[serde(with = "decimal::option", default)]
            b: Option<Decimal>,
        }
        let t: T = serde_json::from_str(r#"{"a": 0.1, "b": "1,550.25"}"#).unwrap();
        assert_eq!(t.a, Decimal::new(1, 1));
        assert_eq!(t.b, Some(Decimal::new(155025, 2)));
        let t: T = serde_json::from_str(r#"{"a": 8.40, "b": ""}"#).unwrap();
        assert_eq!(t.a, Decimal::new(840, 2));
        assert_eq!(t.b, None);
        assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"a":8.40,"b":null}"#);
        let t: T = serde_json::from_str(r#"{"a": 1550, "b": null}"#).unwrap();
        assert_eq!(t.a, Decimal::from(1550));
        let t: T = serde_json::from_str(r#"{"a": 1.5e3, "b": -0.00}"#).unwrap();
        assert_eq!(t.a, Decimal::from(1500));
        assert_eq!(t.b.unwrap().to_string(), "0.00");
        for bad in [
            r#"{"a": "abc"}"#,
            r#"{"a": null}"#,
            r#"{"a": true}"#,
            r#"{"a": [1]}"#,
        ] {
            assert!(serde_json::from_str::<T>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn money_keeps_the_scale_it_was_written_with() {
        #[derive(Debug, Deserialize, Serialize)]
        struct Estimate {
            #[serde(rename = "Total", with = "decimal::option", default)]
            total: Option<Decimal>,
            #[serde(rename = "Lines", default)]
            lines: Vec<Line>,
        }
        #[derive(Debug, Deserialize, Serialize)]
        struct Line {
            #[serde(rename = "Disc", with = "decimal")]
            disc: Decimal,
        }
        let body = br#"{"Total": 1550.00, "Lines": [{"Disc": 0.00}, {"Disc": 12.50}]}"#;
        // Through partner-core's path-aware decoder, as the client decodes answers.
        let e: Estimate = partner_core::decode_json("GetClaimDetail", body).unwrap();
        assert_eq!(e.total.unwrap().to_string(), "1550.00");
        assert_eq!(e.lines[0].disc.to_string(), "0.00");
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"Total":1550.00,"Lines":[{"Disc":0.00},{"Disc":12.50}]}"#,
            "sent back with the same scale"
        );
        let err = partner_core::decode_json::<Estimate>(
            "GetClaimDetail",
            br#"{"Total": 1, "Lines": [{"Disc": "ten"}]}"#,
        )
        .unwrap_err();
        assert!(
            matches!(&err, partner_core::Error::Decode { path, .. } if path == "Lines[0].Disc"),
            "{err:?}"
        );
        // A serde_json::Value holds floats: the value is exact, the written scale is gone.
        let v = serde_json::json!({"Total": 1550.25});
        let e: Estimate = serde_json::from_value(v).unwrap();
        assert_eq!(e.total, Some(Decimal::new(155025, 2)));
    }
}
