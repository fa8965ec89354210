//! Reference lists (3.9 to 3.17) and the request bodies that narrow them.
//!
//! The lookup chain: states (3.12) → areas (3.13) → workshops (3.9) / RSA workshops (3.10);
//! nature of calls (3.14) → services needed (3.15). Area, workshop and service lookups take
//! the parent's *id*; Create Case takes state and area *labels* (3.3).

use serde::{Deserialize, Deserializer, Serialize};

use crate::wire::TyrePosition;

/// One entry of a lookup list: an id to pass to the next lookup, a label to show or send.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LookupItem {
    /// The id (CarFix masks them in the document; numbers are read as text).
    #[serde(deserialize_with = "id_text")]
    pub id: String,
    /// The display label ("NEGERI SEMBILAN").
    pub label: String,
}

impl LookupItem {
    /// The item whose label matches `label`, ignoring case and surrounding spaces (CarFix
    /// mixes "Johor" and "NEGERI SEMBILAN").
    ///
    /// ```
    /// use carfix_client::LookupItem;
    /// let states: Vec<LookupItem> = serde_json::from_str(r#"[{"id": "5", "label": "NEGERI SEMBILAN"}]"#).unwrap();
    /// assert_eq!(LookupItem::find_in(&states, "Negeri Sembilan").map(|s| s.id.as_str()), Some("5"));
    /// ```
    pub fn find_in<'a>(items: &'a [LookupItem], label: &str) -> Option<&'a LookupItem> {
        let label = label.trim();
        items
            .iter()
            .find(|i| i.label.trim().eq_ignore_ascii_case(label))
    }
}

/// A car make (3.11): label only.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CarMake {
    /// The make ("PERODUA").
    pub label: String,
}

/// A tyre position of 3.16 with its numeric id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PunctureType {
    /// The bit id (1, 2, 4, 8).
    pub id: i64,
    /// The label ("Front Left").
    pub label: String,
}

impl PunctureType {
    /// The typed position, when the id is one of the four documented ones.
    pub fn position(&self) -> Option<TyrePosition> {
        TyrePosition::from_id(self.id)
    }
}

fn id_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Text(String),
        Int(i64),
    }
    Ok(match Raw::deserialize(d)? {
        Raw::Text(t) => t,
        Raw::Int(n) => n.to_string(),
    })
}

/// 3.9/3.10 body: an area id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaQuery {
    /// Area id from 3.13.
    #[serde(rename = "Area")]
    pub area: String,
}

/// 3.13 body: a state id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateQuery {
    /// State id from 3.12.
    #[serde(rename = "State")]
    pub state: String,
}

/// 3.15 body: a nature-of-call id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NatureOfCallQuery {
    /// Nature of call id from 3.14.
    #[serde(rename = "NatureOfCall")]
    pub nature_of_call: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_read_text_and_numeric_ids() {
        let v: Vec<LookupItem> = serde_json::from_str(
            r#"[{"id": "a1", "label": "Johor"}, {"id": 7, "label": "Kedah"}]"#,
        )
        .unwrap();
        assert_eq!(v[1].id, "7");
        let p: Vec<PunctureType> = serde_json::from_str(
            r#"[{"id": 8, "label": "Rear Right"}, {"id": 16, "label": "Spare"}]"#,
        )
        .unwrap();
        assert_eq!(p[0].position(), Some(TyrePosition::RearRight));
        assert_eq!(p[1].position(), None);
    }
}
