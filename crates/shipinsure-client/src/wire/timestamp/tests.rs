//! Tests of the timestamp format and of `TimestampFormat`.

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
