//! [`TicketId`]: one type for a ticket's id, which the document shows both as a string and
//! as a number.

use std::cmp::Ordering;
use std::convert::Infallible;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// The id of a ticket, wherever one appears: answers of "Creates a new ticket" and "Get the
/// active ticket on a connector" send it as a string (`"id": "3"`), historical tickets and
/// ticket notes as a number (`"id": 7014044`, `"ticket_id": 0`), and the CSAT and notes
/// paths type `ticketId` as an integer.
///
/// Both forms decode; the value is kept as text, so an id the server ever sends in another
/// shape survives, and it is written back in the form it came in (a number stays a number).
/// Two ids are equal when their text is: `TicketId::from(3) == TicketId::from("3")`. Build
/// one from an integer or a string; handler methods take `impl Into<TicketId>`, so
/// `client.tickets().rate(7014044, ..)` and `client.tickets().rate(&created_id, ..)` both
/// work.
#[derive(Clone)]
pub struct TicketId {
    text: String,
    /// Written as a JSON number (it came as one, or was built from an integer).
    numeric: bool,
}

impl TicketId {
    /// An id from its text (written back as a string).
    pub fn new(text: impl Into<String>) -> Self {
        TicketId {
            text: text.into(),
            numeric: false,
        }
    }

    /// The id as text, as it goes into a path (`"3"`).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The id as an integer, when it is one (`Some(3)` for `"3"` and for `3`).
    pub fn as_i64(&self) -> Option<i64> {
        self.text.parse().ok()
    }
}

impl fmt::Debug for TicketId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("TicketId").field(&self.text).finish()
    }
}

impl fmt::Display for TicketId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl PartialEq for TicketId {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for TicketId {}

impl Hash for TicketId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl PartialOrd for TicketId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for TicketId {
    fn cmp(&self, other: &Self) -> Ordering {
        self.text.cmp(&other.text)
    }
}

impl PartialEq<i64> for TicketId {
    fn eq(&self, other: &i64) -> bool {
        self.as_i64() == Some(*other)
    }
}

impl PartialEq<str> for TicketId {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for TicketId {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

macro_rules! from_integer {
    ($($t:ty),+) => {$(
        impl From<$t> for TicketId {
            fn from(id: $t) -> Self {
                TicketId { text: id.to_string(), numeric: true }
            }
        }
    )+};
}
from_integer!(i32, i64, u32, u64);

impl From<&str> for TicketId {
    fn from(id: &str) -> Self {
        TicketId::new(id)
    }
}

impl From<String> for TicketId {
    fn from(id: String) -> Self {
        TicketId::new(id)
    }
}

impl From<&TicketId> for TicketId {
    fn from(id: &TicketId) -> Self {
        id.clone()
    }
}

impl FromStr for TicketId {
    type Err = Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(TicketId::new(s))
    }
}

impl Serialize for TicketId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match (self.numeric, self.text.parse::<i64>()) {
            (true, Ok(n)) => s.serialize_i64(n),
            _ => s.serialize_str(&self.text),
        }
    }
}

struct TicketIdVisitor;

impl Visitor<'_> for TicketIdVisitor {
    type Value = TicketId;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a ticket id (an integer or a string)")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<TicketId, E> {
        Ok(TicketId::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<TicketId, E> {
        Ok(TicketId::from(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<TicketId, E> {
        Ok(TicketId::new(v))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<TicketId, E> {
        Ok(TicketId::new(v))
    }
}

impl<'de> Deserialize<'de> for TicketId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TicketIdVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_every_shape_the_document_shows() {
        // Create ticket / active ticket answers: a string.
        let created: TicketId = serde_json::from_value(json!("3")).unwrap();
        // Historical tickets and notes: a number.
        let historical: TicketId = serde_json::from_value(json!(7014044)).unwrap();
        assert_eq!(created, TicketId::from(3));
        assert_eq!(created.as_i64(), Some(3));
        assert_eq!(historical, TicketId::from("7014044"));
        assert_eq!(historical, 7014044_i64);
        assert_eq!(created, "3");
        // Written back as they came.
        assert_eq!(serde_json::to_value(&created).unwrap(), json!("3"));
        assert_eq!(serde_json::to_value(&historical).unwrap(), json!(7014044));
        // Other strings are kept; floats and other shapes are refused.
        let odd: TicketId = serde_json::from_value(json!("T-9")).unwrap();
        assert_eq!((odd.as_str(), odd.as_i64()), ("T-9", None));
        assert!(serde_json::from_value::<TicketId>(json!(1.5)).is_err());
        assert!(serde_json::from_value::<TicketId>(json!(null)).is_err());
        assert_eq!(
            format!("{historical} {historical:?}"),
            "7014044 TicketId(\"7014044\")"
        );
    }

    #[test]
    fn equal_ids_hash_alike() {
        use std::collections::HashSet;
        let set: HashSet<TicketId> = [TicketId::from(3), TicketId::from("3")].into();
        assert_eq!(set.len(), 1);
        let parsed: TicketId = "42".parse().unwrap();
        assert_eq!(parsed, TicketId::from(42_u64));
    }
}
