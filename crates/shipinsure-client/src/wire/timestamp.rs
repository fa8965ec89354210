//! The one wire format for timestamps: `2022-04-06T06:05:00.528Z`.
//!
//! The document types `order_created_time` (API #1) and `tracking_time` (API #2) as
//! "timestamp" and `cancellation_time` (API #3) as "String", and shows exactly one value,
//! in API #3's example: RFC 3339 in UTC with milliseconds and a `Z`. All three are written
//! that way by default. Reading is lenient (any RFC 3339 offset or precision, converted to UTC) so
//! values echoed back by the vendor still parse. Sub-millisecond precision is not sent.
//!
//! Use with `#[serde(with = "shipinsure_client::wire::timestamp")]` on a `DateTime<Utc>`, or
//! [`option`] on an `Option<DateTime<Utc>>`.
//!
//! Because "timestamp" could also mean Unix time, the client can send the two fields typed
//! "timestamp" as epoch integers instead ([`TimestampFormat`],
//! [`crate::ShipInsureClientBuilder::timestamp_format`]) once the vendor says so.
//! `cancellation_time` is not one of them: API #3 types it "String" and shows it as
//! `"2022-04-06T06:05:00.528Z"`, so it is always sent as that text.

use chrono::{DateTime, SecondsFormat, Utc};
use partner_core::Error;
use serde::{Deserialize, Deserializer, Serializer};
use serde_json::{Map, Value};

use crate::operations::OperationId;

/// How the client writes the fields the document types "timestamp" without an example:
/// `order_created_time` (API #1) and `tracking_time` (API #2, in each event). API #3's
/// `cancellation_time` is typed "String" with an RFC 3339 example and is always sent as
/// RFC 3339 text, whatever this says ([`TimestampFormat::fields`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum TimestampFormat {
    /// `2022-04-06T06:05:00.528Z`, the document's only example (the default).
    #[default]
    Rfc3339Millis,
    /// Seconds since the Unix epoch, as a JSON integer (`1649225100`).
    UnixSeconds,
    /// Milliseconds since the Unix epoch, as a JSON integer (`1649225100528`).
    UnixMillis,
}

impl TimestampFormat {
    /// The fields of `operation` this option changes: the ones the document types
    /// "timestamp" (`tracking_detail[].tracking_time` is written `tracking_time`).
    ///
    /// ```
    /// use shipinsure_client::{OperationId, TimestampFormat};
    /// assert_eq!(TimestampFormat::fields(OperationId::SubmitSmeDelivery), ["order_created_time"]);
    /// assert!(TimestampFormat::fields(OperationId::CancelSmeDeliveryOrder).is_empty());
    /// ```
    pub const fn fields(operation: OperationId) -> &'static [&'static str] {
        match operation {
            OperationId::SubmitSmeDelivery => &["order_created_time"],
            OperationId::InsertTrackingDetail => &["tracking_time"],
            // "cancellation_time* String", example "2022-04-06T06:05:00.528Z": not open.
            OperationId::CancelSmeDeliveryOrder => &[],
        }
    }

    /// Rewrites the timestamp fields of `operation`'s wire body (written by the models in
    /// the default format) into this format. The signature is computed afterwards, over the
    /// values actually sent.
    pub(crate) fn apply(
        self,
        operation: OperationId,
        body: &mut Map<String, Value>,
    ) -> Result<(), Error> {
        if self == TimestampFormat::Rfc3339Millis {
            return Ok(());
        }
        match operation {
            OperationId::SubmitSmeDelivery => self.rewrite(operation, body, "order_created_time"),
            OperationId::CancelSmeDeliveryOrder => Ok(()),
            OperationId::InsertTrackingDetail => {
                let events = body
                    .get_mut("tracking_detail")
                    .and_then(Value::as_array_mut);
                for event in events
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_object_mut)
                {
                    self.rewrite(operation, event, "tracking_time")?;
                }
                Ok(())
            }
        }
    }

    fn rewrite(
        self,
        operation: OperationId,
        fields: &mut Map<String, Value>,
        name: &str,
    ) -> Result<(), Error> {
        let Some(Value::String(text)) = fields.get(name) else {
            return Ok(());
        };
        let time = parse(text).map_err(|e| Error::Encode {
            operation: operation.name(),
            message: format!("`{name}` is not a time: {e}"),
        })?;
        let number = match self {
            TimestampFormat::UnixMillis => time.timestamp_millis(),
            _ => time.timestamp(),
        };
        fields.insert(name.to_owned(), Value::from(number));
        Ok(())
    }
}

/// Formats a time the way the vendor's example does.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// let t = Utc.with_ymd_and_hms(2022, 4, 6, 6, 5, 0).unwrap() + chrono::Duration::milliseconds(528);
/// assert_eq!(shipinsure_client::wire::timestamp::format(&t), "2022-04-06T06:05:00.528Z");
/// ```
pub fn format(time: &DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses an RFC 3339 time (any offset), returning it in UTC.
pub fn parse(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    DateTime::parse_from_rfc3339(text.trim()).map(|t| t.with_timezone(&Utc))
}

/// Serialises with [`format()`].
pub fn serialize<S: Serializer>(time: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format(time))
}

/// Deserialises with [`parse`].
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).map_err(|e| {
        serde::de::Error::custom(format!(
            "`{text}` is not an RFC 3339 time like 2022-04-06T06:05:00.528Z: {e}"
        ))
    })
}

/// The same format for optional fields (`null` or absent is `None`).
pub mod option {
    use super::*;

    /// Serialises `Some` with [`format()`](super::format), `None` as null.
    pub fn serialize<S: Serializer>(
        time: &Option<DateTime<Utc>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match time {
            Some(t) => super::serialize(t, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Deserialises null as `None`, anything else with [`parse()`](super::parse).
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            None => Ok(None),
            Some(text) => parse(&text).map(Some).map_err(|e| {
                serde::de::Error::custom(format!(
                    "`{text}` is not an RFC 3339 time like 2022-04-06T06:05:00.528Z: {e}"
                ))
            }),
        }
    }
}

/// For times the vendor echoes back (API #3's answer): RFC 3339 text as above, or, read
/// leniently since the document shows no answer of its own, an epoch integer (a server that
/// stores times as Unix time may echo one). Integers of magnitude
/// 10^11 or more are milliseconds (10^11 seconds is past the year 5000), smaller ones
/// seconds. Serialises like [`option`].
pub(crate) mod echoed {
    use super::*;

    pub(crate) use super::option::serialize;

    /// Deserialises null as `None`, text with [`parse()`](super::parse), integers as epoch
    /// seconds or milliseconds.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Epoch(i64),
        }
        let time = match Option::<Raw>::deserialize(deserializer)? {
            None => return Ok(None),
            Some(Raw::Text(text)) => parse(&text).map_err(|e| {
                serde::de::Error::custom(format!(
                    "`{text}` is not an RFC 3339 time like 2022-04-06T06:05:00.528Z: {e}"
                ))
            })?,
            Some(Raw::Epoch(n)) => {
                let time = if n.unsigned_abs() >= 100_000_000_000 {
                    DateTime::from_timestamp_millis(n)
                } else {
                    DateTime::from_timestamp(n, 0)
                };
                time.ok_or_else(|| {
                    serde::de::Error::custom(format!("{n} is out of range for a time"))
                })?
            }
        };
        Ok(Some(time))
    }
}

#[cfg(test)]
mod tests;
