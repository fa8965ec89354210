//! Unit tests of the wire formats.

use chrono::{NaiveDate, Timelike};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::*;

#[derive(Deserialize, Serialize, Debug, PartialEq)]
struct Probe {
    #[serde(with = "partner_core::wire::true_false")]
    ok: bool,
    #[serde(with = "super::status_code_text", default)]
    code: Option<u16>,
}

#[test]
fn stringly_flags_and_codes() {
    let p: Probe = serde_json::from_str(r#"{"ok": "True", "code": "200"}"#).unwrap();
    assert_eq!(
        p,
        Probe {
            ok: true,
            code: Some(200)
        }
    );
    let p: Probe = serde_json::from_str(r#"{"ok": false, "code": 409}"#).unwrap();
    assert_eq!(
        p,
        Probe {
            ok: false,
            code: Some(409)
        }
    );
    assert!(serde_json::from_str::<Probe>(r#"{"ok": "yes"}"#).is_err());
    assert!(serde_json::from_str::<Probe>(r#"{"ok": "True", "code": "OK"}"#).is_err());
    let back = serde_json::to_value(Probe {
        ok: true,
        code: Some(200),
    })
    .unwrap();
    assert_eq!(back, serde_json::json!({"ok": "True", "code": "200"}));
}

#[test]
fn messages_from_error_bodies() {
    assert_eq!(
        super::server_message(br#"{"Message": "Invalid Pincode format"}"#, "x"),
        "Invalid Pincode format"
    );
    assert_eq!(super::server_message(b"plain text", "x"), "plain text");
    assert_eq!(super::server_message(b"", "Bad Request"), "Bad Request");
}

#[test]
fn server_dates_round_trip_in_the_documented_format() {
    let d = ServerDateTime::parse("05-03-2026 09:07:02").unwrap();
    assert_eq!(
        d.naive().date(),
        NaiveDate::from_ymd_opt(2026, 3, 5).unwrap()
    );
    assert_eq!(
        (d.naive().hour(), d.naive().minute(), d.naive().second()),
        (9, 7, 2)
    );
    assert_eq!(d.to_string(), "05-03-2026 09:07:02");
    let v = serde_json::to_value(d).unwrap();
    assert_eq!(v, json!("05-03-2026 09:07:02"));
    assert_eq!(serde_json::from_value::<ServerDateTime>(v).unwrap(), d);
    assert_eq!(d.assume_ist().to_rfc3339(), "2026-03-05T09:07:02+05:30");
    for bad in [
        "2026-03-05 09:07:02",
        "32-01-2026 00:00:00",
        "05-03-2026",
        "05/03/2026 09:07:02",
    ] {
        assert!(ServerDateTime::parse(bad).is_err(), "{bad}");
    }
}
