//! The vendor's wire formats: `Status_code` is a string in some answers and a number in
//! others, `Success` is the string `"True"`/`"False"` (read with
//! `partner_core::wire::true_false`), every JSON answer shares one envelope, error messages
//! sit in `Message`, and tracking times are `DD-MM-YYYY HH:MM:SS` in the server's unnamed
//! time zone ([`ServerDateTime`]).

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use partner_core::HttpResponse;
use serde::de::{self, DeserializeOwned, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

use crate::error::BigfixError;

#[derive(Deserialize)]
#[serde(untagged)]
enum Code {
    Number(u16),
    Text(String),
}

fn flexible_code<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
    match Option::<Code>::deserialize(d)? {
        None => Ok(None),
        Some(Code::Number(n)) => Ok(Some(n)),
        Some(Code::Text(s)) if s.trim().is_empty() => Ok(None),
        Some(Code::Text(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| de::Error::custom(format!("expected an HTTP status code, got {s:?}"))),
    }
}

/// `Status_code` documented as a string (`"200"`); numbers accepted too.
pub(crate) mod status_code_text {
    use super::*;

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
        flexible_code(d)
    }

    pub(crate) fn serialize<S: Serializer>(v: &Option<u16>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(n) => s.serialize_str(&n.to_string()),
            None => s.serialize_none(),
        }
    }
}

/// `Status_code` documented as a number (`200`); strings accepted too.
pub(crate) mod status_code_number {
    use super::*;

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
        flexible_code(d)
    }

    pub(crate) fn serialize<S: Serializer>(v: &Option<u16>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(n) => s.serialize_u16(*n),
            None => s.serialize_none(),
        }
    }
}

/// The vendor's message in an error body (`Message`, `message`, `error`, ...), else a bounded
/// excerpt of the body, else the fallback.
pub(crate) fn server_message(body: &[u8], fallback: &str) -> String {
    if let Some(m) = partner_core::client::default_error_message(body) {
        return m;
    }
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        fallback.to_owned()
    } else {
        partner_core::error::excerpt(text.as_bytes(), 300)
    }
}

/// `Success`: `"True"`/`"False"` (any case) or a JSON bool, read with
/// `partner_core::wire::true_false`; absent or `null` reads as true, since the answer's HTTP
/// status already said success (a 2xx is the only answer these models are read from).
pub(crate) mod success_flag {
    use super::*;

    #[derive(Deserialize)]
    struct Flag(#[serde(with = "partner_core::wire::true_false")] bool);

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        Ok(Option::<Flag>::deserialize(d)?.is_none_or(|Flag(b)| b))
    }

    pub(crate) fn serialize<S: Serializer>(v: &bool, s: S) -> Result<S::Ok, S::Error> {
        partner_core::wire::true_false::serialize(v, s)
    }

    /// The value of an absent `Success`.
    pub(crate) fn absent() -> bool {
        true
    }
}

/// The fields every JSON answer shares, read before the full body so a `"Success": "False"`
/// answer without `DATA` is reported as a rejection rather than a decode error.
#[derive(Deserialize)]
struct Envelope {
    #[serde(
        rename = "Success",
        with = "success_flag",
        default = "success_flag::absent"
    )]
    success: bool,
    #[serde(rename = "Message", default)]
    message: Option<serde_json::Value>,
    #[serde(rename = "Status_code", default)]
    status_code: Option<serde_json::Value>,
}

/// Decodes a 2xx JSON body, turning `"Success": "False"` into
/// [`partner_core::Error::Rejected`]; a body that does not have the documented shape is
/// [`partner_core::Error::Decode`] naming the JSON path.
pub(crate) fn decode_success<T: DeserializeOwned>(
    operation: &'static str,
    body: &[u8],
) -> Result<T, partner_core::Error> {
    let env: Envelope = partner_core::decode_json(operation, body)?;
    if !env.success {
        let text = |v: serde_json::Value| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        return Err(partner_core::Error::Rejected {
            operation,
            code: env.status_code.map(text),
            message: env
                .message
                .map(text)
                .unwrap_or_else(|| "Success was not \"True\"".to_owned()),
        });
    }
    partner_core::decode_json(operation, body)
}

/// Reads a 2xx answer with `decode`. A body that cannot be read (a decode error) becomes
/// [`BigfixError::OutcomeUnknown`]: the request was sent and BigFix answered success, so the
/// caller must not treat it as unsent. Other errors (a rejection) pass through.
pub(crate) fn read_answer<T>(
    operation: &'static str,
    resp: &HttpResponse,
    decode: impl FnOnce(&[u8]) -> Result<T, partner_core::Error>,
) -> Result<T, BigfixError> {
    decode(&resp.body).map_err(|e| match e {
        e @ partner_core::Error::Decode { .. } => BigfixError::OutcomeUnknown {
            operation,
            status: resp.status.as_u16(),
            raw_body_excerpt: partner_core::error::excerpt(
                &resp.body,
                partner_core::error::EXCERPT_LIMIT,
            ),
            source: Box::new(e),
        },
        other => other.into(),
    })
}

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

#[cfg(test)]
mod tests;
