//! Shapes shared by many calls: the `{ "Result": true }` acknowledgement, the `items`
//! envelope, rejections and the shared validation rules.

use partner_core::Error;
use partner_core::validation::Validator;
use serde::{Deserialize, Serialize};

use crate::types::Coordinate;

/// CarFix's acknowledgement body (3.5, 3.6, 3.7; assumed for 3.8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[non_exhaustive]
pub struct Acknowledgement {
    /// True when CarFix accepted the call.
    #[serde(rename = "Result", default)]
    pub result: Option<bool>,
    /// CarFix's message, when it sends one.
    #[serde(rename = "Message", default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl Acknowledgement {
    /// `Err(Rejected)` when the body says `"Result": false`. A missing `Result` is taken as
    /// success: the HTTP status already said 2xx.
    pub(crate) fn check(self, operation: &'static str) -> Result<(), Error> {
        match self.result {
            Some(false) => Err(rejected(operation, self.message, "Result: false")),
            _ => Ok(()),
        }
    }
}

/// [`Error::Rejected`] for a 2xx whose body says the call failed, with CarFix's message, or
/// `fallback` when it sent none (or a blank one).
pub(crate) fn rejected(operation: &'static str, message: Option<String>, fallback: &str) -> Error {
    Error::Rejected {
        operation,
        code: None,
        message: message
            .filter(|m| !m.trim().is_empty())
            .unwrap_or_else(|| fallback.to_owned()),
    }
}

/// The `{ "items": [...] }` envelope of 3.18, 4.1, 4.2 and 4.4.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub(crate) struct Items<T> {
    /// A list that may come as `null` (.NET writes empty collections either way; the
    /// document only shows `[]`) reads as an empty one.
    #[serde(
        default = "Vec::new",
        deserialize_with = "partner_core::wire::null_as_empty"
    )]
    pub(crate) items: Vec<T>,
}

/// Reads an acknowledgement from a body that may be empty or not JSON (3.8 documents no
/// response): only an explicit `"Result": false` is a failure.
pub(crate) fn check_ack(operation: &'static str, body: &[u8]) -> Result<(), Error> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    match serde_json::from_slice::<Acknowledgement>(body) {
        Ok(ack) => ack.check(operation),
        // A 2xx whose body is not an object (`true`, plain text) is taken as success.
        Err(_) => Ok(()),
    }
}

/// Longest incident location, workshop name or tow destination (`varchar(300)`, 3.2, 3.3).
pub const LOCATION_MAX: usize = 300;

/// A coordinate built by hand (its fields are public) is checked again before sending.
pub(crate) fn check_coordinate(v: &mut Validator, field: &str, c: &Coordinate) {
    v.format(
        field,
        c.is_valid(),
        "a latitude in -90..90 and a longitude in -180..180",
    );
}

/// The rule 3.2/3.3 write as "Format: {60+ Example: 60123456789": digits, starting with 60.
pub(crate) fn check_contact_no(v: &mut Validator, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        v.required(field, value);
        return;
    }
    v.max_chars(field, value, max);
    let ok =
        value.len() > 2 && value.starts_with("60") && value.bytes().all(|b| b.is_ascii_digit());
    v.format(
        field,
        ok,
        "digits starting with the country code 60, like 60123456789",
    );
}

/// Required and at most `max` characters.
pub(crate) fn required_max(v: &mut Validator, field: &str, value: &str, max: usize) {
    v.required(field, value);
    v.max_chars(field, value, max);
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acknowledgements() {
        assert!(check_ack("X", br#"{"Result": true}"#).is_ok());
        assert!(check_ack("X", b"").is_ok());
        assert!(check_ack("X", b"\"ok\"").is_ok());
        let err = check_ack("X", br#"{"Result": false, "Message": "Case not found"}"#).unwrap_err();
        assert!(
            matches!(err, Error::Rejected { operation: "X", ref message, .. } if message == "Case not found")
        );
        let err = check_ack("X", br#"{"Result": false, "Message": " "}"#).unwrap_err();
        assert!(
            matches!(err, Error::Rejected { ref message, .. } if message == "Result: false"),
            "a blank message falls back to saying what failed"
        );
    }

    #[test]
    fn lists_read_null_as_empty() {
        let i: Items<u8> = serde_json::from_str(r#"{"items": null}"#).unwrap();
        assert!(i.items.is_empty());
        let i: Items<u8> = serde_json::from_str(r#"{}"#).unwrap();
        assert!(i.items.is_empty());
        let i: Items<u8> = serde_json::from_str(r#"{"items": [1, 2]}"#).unwrap();
        assert_eq!(i.items, [1, 2]);
        let p: Vec<crate::CasePhotos> =
            serde_json::from_str(r#"[{"CaseID": "c", "Images": null}]"#).unwrap();
        assert!(p[0].images.is_empty());
        let e: crate::Estimate = serde_json::from_str(
            r#"{"EstimateParts": null, "EstimateMiscellaneous": null, "EstimateLabours": null}"#,
        )
        .unwrap();
        assert!(e.parts_lines.is_empty() && e.labour_lines.is_empty());
    }

    #[test]
    fn contact_numbers() {
        let check = |s: &str| {
            let mut v = Validator::new();
            check_contact_no(&mut v, "CallerContactNo", s, 30);
            v.finish()
        };
        assert!(check("60123456789").is_ok());
        for bad in [
            "0123456789",
            "+60123456789",
            "60 12 345",
            "60",
            "6012345678a",
        ] {
            assert!(check(bad).is_err(), "{bad}");
        }
        assert!(
            check("")
                .unwrap_err()
                .has("CallerContactNo", &partner_core::Rule::Required)
        );
        assert!(check(&format!("60{}", "1".repeat(28))).is_ok());
        let err = check(&format!("60{}", "1".repeat(29))).unwrap_err();
        assert!(err.has(
            "CallerContactNo",
            &partner_core::Rule::MaxLength { max: 30 }
        ));
    }
}
