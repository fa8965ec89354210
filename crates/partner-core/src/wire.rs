//! Serde helpers for wire quirks more than one vendor shares.
//!
//! Each item is meant for `#[serde(with = "...")]` (a module with `serialize` and
//! `deserialize`) or `#[serde(deserialize_with = "...")]` (a function). Quirks only one vendor
//! has (Go zero times, a vendor's date formats) stay in that vendor's crate.
//!
//! - [`null_as_empty`]: a list that may arrive as `null` reads as empty.
//! - Booleans sent as text, in two strictnesses:
//!   - lenient, reading a JSON bool, `null` (as false) and yes/no/true/false in any case:
//!     [`yes_no`] (written `"Yes"`/`"No"`) and [`bool_string`] (written `"true"`/`"false"`);
//!   - strict, reading only a JSON bool or true/false in any case: [`true_false`] (written
//!     `"True"`/`"False"`).

use serde::{Deserialize, Deserializer};

/// Reads a list that may come as `null` as an empty one (a JSON array as itself).
///
/// Serialising is left to serde (an empty list is written `[]`); pair it with
/// `default` when the field may also be missing.
///
/// ```
/// use serde::Deserialize;
///
/// #[derive(Deserialize)]
/// struct Page {
///     #[serde(default, deserialize_with = "partner_core::wire::null_as_empty")]
///     items: Vec<u32>,
/// }
///
/// let page: Page = serde_json::from_str(r#"{"items": null}"#).unwrap();
/// assert!(page.items.is_empty());
/// let page: Page = serde_json::from_str(r#"{"items": [1, 2]}"#).unwrap();
/// assert_eq!(page.items, [1, 2]);
/// ```
pub fn null_as_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// The lenient reading of [`yes_no`] and [`bool_string`]: a JSON bool; `null` as false;
/// yes/true and no/false in any case, surrounding blanks ignored.
fn deserialize_lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Bool(bool),
        Text(String),
    }
    match Option::<Raw>::deserialize(d)? {
        None => Ok(false),
        Some(Raw::Bool(b)) => Ok(b),
        Some(Raw::Text(t))
            if t.trim().eq_ignore_ascii_case("yes") || t.trim().eq_ignore_ascii_case("true") =>
        {
            Ok(true)
        }
        Some(Raw::Text(t))
            if t.trim().eq_ignore_ascii_case("no") || t.trim().eq_ignore_ascii_case("false") =>
        {
            Ok(false)
        }
        Some(Raw::Text(t)) => Err(serde::de::Error::custom(format_args!(
            "expected Yes or No, got {t:?}"
        ))),
    }
}

/// A `bool` sent as `"Yes"`/`"No"`, read leniently.
///
/// Reads yes/no and true/false in any case (blanks around ignored) and JSON booleans;
/// `null` reads as no (a flag the vendor did not fill in is not a yes). Anything else fails
/// with `expected Yes or No, got "..."`. Writes `"Yes"` or `"No"`.
///
/// ```
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Serialize, Deserialize)]
/// struct Driver {
///     #[serde(rename = "IsLeader", default, with = "partner_core::wire::yes_no")]
///     is_leader: bool,
/// }
///
/// let d: Driver = serde_json::from_str(r#"{"IsLeader": "YES"}"#).unwrap();
/// assert!(d.is_leader);
/// assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"IsLeader":"Yes"}"#);
/// ```
pub mod yes_no {
    use serde::{Deserializer, Serializer};

    /// Serde serialiser: `"Yes"` or `"No"`.
    pub fn serialize<S: Serializer>(v: &bool, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(if *v { "Yes" } else { "No" })
    }

    /// Serde deserialiser: yes/no/true/false in any case, a JSON bool, or `null` (no).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        super::deserialize_lenient_bool(d)
    }
}

/// A `bool` sent as `"true"`/`"false"`, read as leniently as [`yes_no`].
///
/// Reads exactly what [`yes_no`] reads (so `"Yes"` and `null` are accepted, and a failure
/// says `expected Yes or No, got "..."`); writes `"true"` or `"false"`. For a vendor that
/// must not see yes/no or `null` accepted, use [`true_false`].
///
/// ```
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Serialize, Deserialize)]
/// struct Update {
///     #[serde(rename = "IsCheckOnly", with = "partner_core::wire::bool_string")]
///     check_only: bool,
/// }
///
/// let u: Update = serde_json::from_str(r#"{"IsCheckOnly": "True"}"#).unwrap();
/// assert!(u.check_only);
/// assert_eq!(serde_json::to_string(&u).unwrap(), r#"{"IsCheckOnly":"true"}"#);
/// ```
pub mod bool_string {
    use serde::{Deserializer, Serializer};

    /// Serde serialiser: `"true"` or `"false"`.
    pub fn serialize<S: Serializer>(v: &bool, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(if *v { "true" } else { "false" })
    }

    /// Serde deserialiser: as [`yes_no::deserialize`](super::yes_no::deserialize).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        super::deserialize_lenient_bool(d)
    }
}

/// A `bool` sent as `"True"`/`"False"` (how .NET prints one), read strictly.
///
/// Reads true/false in any case (blanks around ignored) and JSON booleans, nothing else:
/// `"yes"` fails with `expected "True" or "False", got "yes"`, and `null`, numbers and other
/// JSON types fail too. Writes `"True"` or `"False"`.
///
/// ```
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Serialize, Deserialize)]
/// struct Answer {
///     #[serde(rename = "Success", with = "partner_core::wire::true_false")]
///     success: bool,
/// }
///
/// let a: Answer = serde_json::from_str(r#"{"Success": "false"}"#).unwrap();
/// assert!(!a.success);
/// assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"Success":"False"}"#);
/// assert!(serde_json::from_str::<Answer>(r#"{"Success": "yes"}"#).is_err());
/// ```
pub mod true_false {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Serde serialiser: `"True"` or `"False"`.
    pub fn serialize<S: Serializer>(v: &bool, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(if *v { "True" } else { "False" })
    }

    /// Serde deserialiser: true/false in any case or a JSON bool.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Flag {
            Bool(bool),
            Text(String),
        }
        match Flag::deserialize(d)? {
            Flag::Bool(b) => Ok(b),
            Flag::Text(s) if s.trim().eq_ignore_ascii_case("true") => Ok(true),
            Flag::Text(s) if s.trim().eq_ignore_ascii_case("false") => Ok(false),
            Flag::Text(s) => Err(serde::de::Error::custom(format!(
                "expected \"True\" or \"False\", got {s:?}"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use serde_json::json;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Lists {
        #[serde(default, deserialize_with = "super::null_as_empty")]
        items: Vec<u8>,
    }

    #[test]
    fn null_lists_read_as_empty() {
        let l: Lists = serde_json::from_value(json!({"items": null})).unwrap();
        assert!(l.items.is_empty());
        let l: Lists = serde_json::from_value(json!({})).unwrap();
        assert!(l.items.is_empty());
        let l: Lists = serde_json::from_value(json!({"items": [1, 2]})).unwrap();
        assert_eq!(l.items, [1, 2]);
        let err = serde_json::from_value::<Lists>(json!({"items": "x"})).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: string \"x\", expected a sequence"
        );
    }

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct Flags {
        #[serde(with = "super::yes_no")]
        a: bool,
        #[serde(with = "super::bool_string")]
        b: bool,
    }

    #[test]
    fn lenient_flags() {
        let f: Flags = serde_json::from_str(r#"{"a": "NO", "b": "true"}"#).unwrap();
        assert_eq!(f, Flags { a: false, b: true });
        assert_eq!(
            serde_json::to_string(&f).unwrap(),
            r#"{"a":"No","b":"true"}"#
        );
        let f: Flags = serde_json::from_str(r#"{"a": " yes ", "b": false}"#).unwrap();
        assert_eq!(f, Flags { a: true, b: false });
        assert_eq!(
            serde_json::to_string(&f).unwrap(),
            r#"{"a":"Yes","b":"false"}"#
        );
        let f: Flags = serde_json::from_str(r#"{"a": null, "b": "No"}"#).unwrap();
        assert_eq!(f, Flags { a: false, b: false });
        let f: Flags = serde_json::from_str(r#"{"a": "TRUE", "b": "yes"}"#).unwrap();
        assert_eq!(f, Flags { a: true, b: true });
    }

    #[test]
    fn lenient_flag_failures() {
        let err = serde_json::from_value::<Flags>(json!({"a": "maybe", "b": "true"})).unwrap_err();
        assert_eq!(err.to_string(), "expected Yes or No, got \"maybe\"");
        let err = serde_json::from_value::<Flags>(json!({"a": true, "b": "1"})).unwrap_err();
        assert_eq!(err.to_string(), "expected Yes or No, got \"1\"");
        let err = serde_json::from_value::<Flags>(json!({"a": 1, "b": "true"})).unwrap_err();
        assert_eq!(
            err.to_string(),
            "data did not match any variant of untagged enum Raw"
        );
    }

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct Strict {
        #[serde(with = "super::true_false")]
        ok: bool,
    }

    #[test]
    fn strict_flags() {
        for (wire, want) in [
            (json!("True"), true),
            (json!(" false "), false),
            (json!("TRUE"), true),
            (json!(true), true),
            (json!(false), false),
        ] {
            let s: Strict = serde_json::from_value(json!({ "ok": wire })).unwrap();
            assert_eq!(s.ok, want, "{wire}");
        }
        assert_eq!(
            serde_json::to_value(Strict { ok: true }).unwrap(),
            json!({"ok": "True"})
        );
        assert_eq!(
            serde_json::to_value(Strict { ok: false }).unwrap(),
            json!({"ok": "False"})
        );
    }

    #[test]
    fn strict_flag_failures() {
        let err = serde_json::from_value::<Strict>(json!({"ok": "yes"})).unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected \"True\" or \"False\", got \"yes\""
        );
        for wire in [json!(null), json!(1), json!("No")] {
            assert!(
                serde_json::from_value::<Strict>(json!({ "ok": wire })).is_err(),
                "{wire}"
            );
        }
        let err = serde_json::from_value::<Strict>(json!({"ok": null})).unwrap_err();
        assert_eq!(
            err.to_string(),
            "data did not match any variant of untagged enum Flag"
        );
    }
}
