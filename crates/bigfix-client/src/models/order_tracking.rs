//! Models of order tracking: events with `DD-MM-YYYY HH:MM:SS` server-local times
//! ([`ServerDateTime`]), the current status, the history, and the empty "no tracking
//! information yet" case, read from the answer's loosely documented shape.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::tracking_status::{StatusCode, TrackingStatus, Workflow};
use crate::wire::ServerDateTime;

/// One tracking event (`date` + `status`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TrackingEvent {
    /// When it happened, server-local time.
    pub date: ServerDateTime,
    /// What happened.
    pub status: TrackingStatus,
}

/// The tracking of one order. Empty (no current status, no history) when the order exists
/// but tracking has not started yet: BigFix answers that with HTTP 200.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Tracking {
    /// The ReferenceID asked for.
    pub reference_id: String,
    /// `DATA.current_status`: the most recent status.
    pub current: Option<TrackingEvent>,
    /// `DATA.tracking_details`: the history, in the order sent (documented as chronological).
    #[serde(default, deserialize_with = "partner_core::wire::null_as_empty")]
    pub history: Vec<TrackingEvent>,
    /// The server's `Message`, when it sent one (e.g. "No tracking information available").
    pub message: Option<String>,
    /// `Success` ("True" on the wire when tracking was found; the empty answer may say
    /// "False"), `None` when absent or not a recognisable flag.
    #[serde(default)]
    pub success: Option<bool>,
    /// `Status_code` (the string "200" on the wire), `None` when absent or not a number.
    #[serde(default)]
    pub status_code: Option<u16>,
}

impl Tracking {
    /// The current status.
    pub fn current_status(&self) -> Option<&TrackingEvent> {
        self.current.as_ref()
    }

    /// False for the "no tracking information yet" answer.
    pub fn has_started(&self) -> bool {
        self.current.is_some() || !self.history.is_empty()
    }

    /// The workflow the history shows, once a status unique to one workflow appeared
    /// (reached service centre / Servicer visit, technician visit, diagnosis complete).
    pub fn workflow(&self) -> Option<Workflow> {
        self.history
            .iter()
            .chain(self.current.as_ref())
            .find_map(|e| match e.status.code.workflows() {
                [only] => Some(*only),
                _ => None,
            })
    }

    /// How many events of the history have `code` (e.g. customer location visits).
    pub fn count(&self, code: &StatusCode) -> usize {
        self.history
            .iter()
            .filter(|e| &e.status.code == code)
            .count()
    }

    /// True once the order has been delivered.
    pub fn is_delivered(&self) -> bool {
        self.current
            .as_ref()
            .is_some_and(|e| e.status.code.is_final())
    }
}

/// The body, loosely: the "no tracking" answer's shape is not documented.
#[derive(Deserialize)]
struct Envelope {
    #[serde(rename = "Success", default)]
    success: Option<Value>,
    #[serde(rename = "Status_code", default)]
    status_code: Option<Value>,
    #[serde(rename = "Message", default)]
    message: Option<Value>,
    #[serde(rename = "DATA", default, deserialize_with = "data_if_object")]
    data: Option<Data>,
}

/// `DATA` when it is an object.
#[derive(Deserialize)]
struct Data {
    #[serde(default)]
    current_status: Option<TrackingEvent>,
    #[serde(default, deserialize_with = "partner_core::wire::null_as_empty")]
    tracking_details: Vec<TrackingEvent>,
}

/// `DATA` as an object with events; anything else (`null`, `[]`, a text) holds none. Read in
/// place, so a failure inside names its full path (`DATA.tracking_details[0].date`).
fn data_if_object<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Data>, D::Error> {
    struct DataVisitor;

    impl<'de> Visitor<'de> for DataVisitor {
        type Value = Option<Data>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("DATA: an object with the tracking events, or no data")
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            Data::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<de::IgnoredAny>()?.is_some() {}
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_any(self)
        }

        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
    }

    d.deserialize_any(DataVisitor)
}

impl Tracking {
    /// Reads the body of a 200 answer to `TrackOrder` for `reference_id` as the client does.
    /// Anything without tracking events (no `DATA`, `DATA` null, `{}`, `[]`, or
    /// `"Success": "False"` with a message) is the documented "No Tracking Data" case, an
    /// empty [`Tracking`]; a body without the documented shape is
    /// [`partner_core::Error::Decode`] naming the JSON path.
    pub fn from_json(reference_id: &str, body: &[u8]) -> Result<Self, partner_core::Error> {
        let env: Envelope = partner_core::decode_json(crate::ops::TRACK_ORDER, body)?;
        let message = env.message.map(|m| match m {
            Value::String(s) => s,
            other => other.to_string(),
        });
        let (current, history) = env
            .data
            .map(|d| (d.current_status, d.tracking_details))
            .unwrap_or_default();
        // Read leniently: they only restate the HTTP answer, and the empty case's shape is
        // undocumented, so an odd value must not turn a readable answer into an error.
        let success = env.success.and_then(|v| match v {
            Value::Bool(b) => Some(b),
            Value::String(s) if s.trim().eq_ignore_ascii_case("true") => Some(true),
            Value::String(s) if s.trim().eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        });
        let status_code = env.status_code.and_then(|v| match v {
            Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        });
        Ok(Tracking {
            reference_id: reference_id.to_owned(),
            current,
            history,
            message,
            success,
            status_code,
        })
    }
}

#[cfg(test)]
mod tests;
