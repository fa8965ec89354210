//! Exact amounts: JSON numbers and the estimate's marked money strings.
//!
//! Claim estimates (4.5) mix plain numbers (`"Parts": 1550.00`) with strings that carry a
//! marker before or after the figure (`"*1,000.00"`, `"1,000.00F"`). Numbers are read into
//! [`Decimal`] through their shortest decimal text, never through float arithmetic; marked
//! strings become a [`MarkedAmount`] that keeps its markers and its original text.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = MarkedAmount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount such as \"*1,000.00\" or 250.00")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<MarkedAmount, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<MarkedAmount, E> {
                number_text(v).parse().map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<MarkedAmount, E> {
                v.to_string().parse().map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<MarkedAmount, E> {
                v.to_string().parse().map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// The shortest decimal text of a float: JSON `1550.00` reads as 1550, `0.6` as 0.6.
fn number_text(v: f64) -> String {
    format!("{v}")
}

/// Reads a [`Decimal`] from a JSON number or a plain numeric string (commas allowed).
struct DecimalVisitor;

impl<'de> Visitor<'de> for DecimalVisitor {
    type Value = Option<Decimal>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or a numeric string")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if !v.is_finite() {
            return Err(E::custom("not a finite number"));
        }
        Decimal::from_str(&number_text(v))
            .map(Some)
            .map_err(E::custom)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(Decimal::from(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(Decimal::from(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v.trim().is_empty() {
            return Ok(None);
        }
        parse_figure(v.trim())
            .map(Some)
            .ok_or_else(|| E::custom(format_args!("{v:?} is not a number")))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(DecimalVisitor)
    }
}

/// Serde for a required [`Decimal`] sent as a JSON number or numeric string; written back
/// as a JSON number.
pub mod decimal {
    use super::*;

    /// Serde serialiser (a JSON number with the decimal's scale).
    pub fn serialize<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        // serde_json without arbitrary precision: an f64 is the closest JSON number.
        let f: f64 = v.to_string().parse().map_err(serde::ser::Error::custom)?;
        s.serialize_f64(f)
    }

    /// Serde deserialiser.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_any(DecimalVisitor)?
            .ok_or_else(|| de::Error::custom("expected a number, got nothing"))
    }

    /// The same for an optional value: `null` and `""` read as `None`.
    pub mod option {
        use super::*;

        /// Serde serialiser.
        pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
            match v {
                Some(v) => super::serialize(v, s),
                None => s.serialize_none(),
            }
        }

        /// Serde deserialiser.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
            d.deserialize_any(DecimalVisitor)
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
        let n: MarkedAmount = serde_json::from_str("7.5").unwrap();
        assert_eq!(n.amount(), Decimal::new(75, 1));
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
        assert_eq!(t.a, Decimal::new(84, 1));
        assert_eq!(t.b, None);
        assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"a":8.4,"b":null}"#);
        let t: T = serde_json::from_str(r#"{"a": 1550, "b": null}"#).unwrap();
        assert_eq!(t.a, Decimal::from(1550));
        assert!(serde_json::from_str::<T>(r#"{"a": "abc"}"#).is_err());
        assert!(serde_json::from_str::<T>(r#"{"a": null}"#).is_err());
    }
}
