//! Tracking results: events with `DD-MM-YYYY HH:MM:SS` server-local times, the current
//! status, the history, and the empty "no tracking information yet" case.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::status::{StatusCode, TrackingStatus, Workflow};

/// A wall-clock time in the BigFix *server's* time zone ("All timestamps are in server
/// timezone"; the zone is not named). Wire format `DD-MM-YYYY HH:MM:SS`.
///
/// It is deliberately not a `DateTime<Utc>`: attach the zone you know with
/// [`ServerDateTime::with_offset`] ([`ServerDateTime::assume_ist`] for India, UTC+05:30).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ServerDateTime(pub NaiveDateTime);

impl ServerDateTime {
    /// The wire format (`23-11-2026 14:05:09`).
    pub const FORMAT: &'static str = "%d-%m-%Y %H:%M:%S";

    /// India Standard Time, the most plausible server zone for an Indian vendor (assumed).
    pub const IST_OFFSET_SECONDS: i32 = 5 * 3600 + 1800;

    /// Parses the wire format.
    pub fn parse(text: &str) -> Result<Self, chrono::ParseError> {
        NaiveDateTime::parse_from_str(text.trim(), Self::FORMAT).map(ServerDateTime)
    }

    /// The local date and time as sent.
    pub fn naive(&self) -> NaiveDateTime {
        self.0
    }

    /// This time in a known zone offset.
    pub fn with_offset(&self, offset: FixedOffset) -> DateTime<FixedOffset> {
        // A fixed offset has exactly one mapping for every local time.
        offset.from_utc_datetime(&(self.0 - offset))
    }

    /// This time read as India Standard Time (an assumption: see the type docs).
    pub fn assume_ist(&self) -> DateTime<FixedOffset> {
        let ist =
            FixedOffset::east_opt(Self::IST_OFFSET_SECONDS).expect("+05:30 is a valid offset");
        self.with_offset(ist)
    }
}

impl fmt::Display for ServerDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format(Self::FORMAT))
    }
}

impl Serialize for ServerDateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ServerDateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        ServerDateTime::parse(&text).map_err(|e| {
            serde::de::Error::custom(format!("expected DD-MM-YYYY HH:MM:SS, got {text:?}: {e}"))
        })
    }
}

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
