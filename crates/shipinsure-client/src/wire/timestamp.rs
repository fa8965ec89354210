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
mod tests {
    use chrono::{Duration, TimeZone};
    use serde::{Deserialize, Serialize};

    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Holder {
        #[serde(with = "super")]
        at: DateTime<Utc>,
        #[serde(with = "super::option", default)]
        maybe: Option<DateTime<Utc>>,
    }

    fn documented() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2022, 4, 6, 6, 5, 0).unwrap() + Duration::milliseconds(528)
    }

    #[test]
    fn documented_example_round_trips_byte_for_byte() {
        let json = r#"{"at":"2022-04-06T06:05:00.528Z","maybe":"2022-04-06T06:05:00.528Z"}"#;
        let h: Holder = serde_json::from_str(json).unwrap();
        assert_eq!(h.at, documented());
        assert_eq!(h.maybe, Some(documented()));
        assert_eq!(serde_json::to_string(&h).unwrap(), json);
    }

    #[test]
    fn whole_seconds_still_carry_milliseconds() {
        let t = Utc.with_ymd_and_hms(2026, 11, 23, 0, 0, 0).unwrap();
        assert_eq!(format(&t), "2026-11-23T00:00:00.000Z");
    }

    #[test]
    fn offsets_are_read_and_written_as_utc() {
        let h: Holder = serde_json::from_str(r#"{"at":"2022-04-06T13:05:00.528+07:00"}"#).unwrap();
        assert_eq!(h.at, documented());
        assert_eq!(h.maybe, None);
        assert_eq!(
            serde_json::to_value(&h).unwrap()["at"],
            "2022-04-06T06:05:00.528Z"
        );
        assert_eq!(
            serde_json::to_value(&h).unwrap()["maybe"],
            serde_json::Value::Null
        );
    }

    #[test]
    fn sub_millisecond_precision_is_cut() {
        let t = documented() + Duration::microseconds(999);
        assert_eq!(format(&t), "2022-04-06T06:05:00.528Z");
    }

    #[test]
    fn epoch_formats_rewrite_the_timestamp_fields() {
        let mut submit = serde_json::json!({"order_created_time": "2022-04-06T06:05:00.528Z", "tracking_number": "T"});
        let body = submit.as_object_mut().unwrap();
        TimestampFormat::UnixMillis
            .apply(OperationId::SubmitSmeDelivery, body)
            .unwrap();
        assert_eq!(body["order_created_time"], 1_649_225_100_528_i64);
        assert_eq!(body["tracking_number"], "T");

        let mut track = serde_json::json!({"tracking_detail": [
            {"tracking_time": "2022-04-06T06:05:00.528Z"}, {"tracking_time": "2022-04-06T06:05:01.000Z"}]});
        TimestampFormat::UnixSeconds
            .apply(
                OperationId::InsertTrackingDetail,
                track.as_object_mut().unwrap(),
            )
            .unwrap();
        assert_eq!(
            track["tracking_detail"][0]["tracking_time"],
            1_649_225_100_i64
        );
        assert_eq!(
            track["tracking_detail"][1]["tracking_time"],
            1_649_225_101_i64
        );

        let mut cancel = serde_json::json!({"cancellation_time": "2022-04-06T06:05:00.528Z"});
        let before = cancel.clone();
        TimestampFormat::Rfc3339Millis
            .apply(
                OperationId::CancelSmeDeliveryOrder,
                cancel.as_object_mut().unwrap(),
            )
            .unwrap();
        assert_eq!(cancel, before);
    }

    #[test]
    fn cancellation_time_stays_text_in_every_format() {
        // API #3: "cancellation_time* String", example "2022-04-06T06:05:00.528Z".
        for format in [
            TimestampFormat::Rfc3339Millis,
            TimestampFormat::UnixSeconds,
            TimestampFormat::UnixMillis,
        ] {
            let mut cancel = serde_json::json!({"cancellation_time": "2022-04-06T06:05:00.528Z"});
            format
                .apply(
                    OperationId::CancelSmeDeliveryOrder,
                    cancel.as_object_mut().unwrap(),
                )
                .unwrap();
            assert_eq!(
                cancel["cancellation_time"], "2022-04-06T06:05:00.528Z",
                "{format:?}"
            );
        }
        assert_eq!(
            OperationId::ALL.map(TimestampFormat::fields),
            [&["order_created_time"][..], &["tracking_time"][..], &[][..]]
        );
    }

    #[derive(Debug, Deserialize)]
    struct Echo {
        #[serde(with = "super::echoed", default)]
        at: Option<DateTime<Utc>>,
    }

    #[test]
    fn echoed_times_read_text_and_both_epoch_units() {
        let read = |json: &str| serde_json::from_str::<Echo>(json).map(|e| e.at);
        let text = read(r#"{"at":"2022-04-06T06:05:00.528Z"}"#).unwrap();
        assert_eq!(text, Some(documented()));
        let millis = read(r#"{"at":1649225100528}"#).unwrap();
        assert_eq!(millis, Some(documented()));
        let seconds = read(r#"{"at":1649225100}"#).unwrap();
        assert_eq!(seconds, Some(documented() - Duration::milliseconds(528)));
        // The unit boundary: 10^11 - 1 is seconds (year 5138), 10^11 milliseconds (1973).
        let last_seconds = read(r#"{"at":99999999999}"#).unwrap().unwrap();
        assert_eq!(last_seconds.timestamp(), 99_999_999_999);
        let first_millis = read(r#"{"at":100000000000}"#).unwrap().unwrap();
        assert_eq!(first_millis.timestamp_millis(), 100_000_000_000);
        assert_eq!(read(r#"{"at":null}"#).unwrap(), None);
        assert_eq!(read("{}").unwrap(), None);
        assert!(read(r#"{"at":"yesterday"}"#).is_err());
        assert!(read(r#"{"at":1.5}"#).is_err());
    }

    #[test]
    fn bad_text_names_the_expected_format() {
        let err = serde_json::from_str::<Holder>(r#"{"at":"06/04/2022 06:05"}"#).unwrap_err();
        assert!(
            err.to_string().contains("2022-04-06T06:05:00.528Z"),
            "{err}"
        );
        assert!(serde_json::from_str::<Holder>(r#"{"at":1649225100}"#).is_err());
    }
}
