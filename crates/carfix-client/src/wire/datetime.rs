//! The date and time formats CarFix uses on the wire, as serde `with` modules over chrono.
//!
//! CarFix sends local (Malaysian) times without a zone in several shapes, so they are
//! modelled as [`NaiveDateTime`]/[`NaiveDate`] and each field names its exact wire format:
//!
//! | module | wire example | where |
//! |---|---|---|
//! | [`dotnet`] | `2023-03-13T14:56:18.67` | 3.4, 3.21, 4.4, 4.5 |
//! | [`clock12`] | `17/02/2024 01:58:16 PM` | 3.18, 4.1, 4.3 |
//! | [`filter`] | `2023-10-02 00:00:00` | 3.21 filters |
//! | [`utc_millis`] | `2012-07-23T18:25:43.511Z` | 3.7 |
//! | [`date`] | `2022-09-03` | 4.4 filters |

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Timelike, Utc};

/// Formats and parses one wire format.
trait Format {
    /// What the format looks like, for error messages.
    const EXPECTED: &'static str;
    fn parse(s: &str) -> Option<NaiveDateTime>;
    fn format(t: &NaiveDateTime) -> String;
}

macro_rules! serde_module {
    ($(#[$doc:meta])* $module:ident, $fmt:ty) => {
        $(#[$doc])*
        pub mod $module {
            use super::Format;
            use chrono::NaiveDateTime;
            use serde::{Deserialize, Deserializer, Serializer};

            /// Parses a wire string.
            pub fn parse(s: &str) -> Option<NaiveDateTime> {
                <$fmt>::parse(s.trim())
            }

            /// Formats for the wire.
            pub fn format(t: &NaiveDateTime) -> String {
                <$fmt>::format(t)
            }

            /// Serde serialiser.
            pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&format(t))
            }

            /// Serde deserialiser.
            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
                let s = String::deserialize(d)?;
                parse(&s).ok_or_else(|| {
                    serde::de::Error::custom(format_args!("expected {}, got {s:?}", <$fmt>::EXPECTED))
                })
            }

            /// The same for an optional value: `null` and `""` read as `None`.
            pub mod option {
                use super::super::Format;
                use chrono::NaiveDateTime;
                use serde::{Deserialize, Deserializer, Serializer};

                /// Serde serialiser (`None` as `null`).
                pub fn serialize<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
                    match t {
                        Some(t) => super::serialize(t, s),
                        None => s.serialize_none(),
                    }
                }

                /// Serde deserialiser.
                pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
                    match Option::<String>::deserialize(d)? {
                        None => Ok(None),
                        Some(s) if s.trim().is_empty() => Ok(None),
                        Some(s) => super::parse(&s).map(Some).ok_or_else(|| {
                            serde::de::Error::custom(format_args!("expected {}, got {s:?}", <$fmt>::EXPECTED))
                        }),
                    }
                }
            }

            /// An optional value in a request body that sends every documented key: `None`
            /// is written `""`; reading is as [`option`].
            pub mod blank_if_none {
                use chrono::NaiveDateTime;
                use serde::{Deserializer, Serializer};

                /// Serde serialiser (`None` as `""`).
                pub fn serialize<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
                    match t {
                        Some(t) => super::serialize(t, s),
                        None => s.serialize_str(""),
                    }
                }

                /// Serde deserialiser: `null`, `""` and a missing key read as `None`.
                pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
                    super::option::deserialize(d)
                }
            }
        }
    };
}

/// .NET `DateTime` without a zone: seconds then up to 7 fraction digits, trailing zeros cut.
struct DotNet;

impl Format for DotNet {
    const EXPECTED: &'static str = "a date like 2023-03-13T14:56:18.67";
    fn parse(s: &str) -> Option<NaiveDateTime> {
        // The fraction is optional and of any length (".67", ".313", none).
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f").ok()
    }
    fn format(t: &NaiveDateTime) -> String {
        let mut out = t.format("%Y-%m-%dT%H:%M:%S").to_string();
        let nanos = t.nanosecond() % 1_000_000_000;
        if nanos > 0 {
            // .NET writes only the significant digits ("FFFFFFF"), so 670 ms is ".67".
            let digits = format!("{nanos:09}");
            out.push('.');
            out.push_str(digits.trim_end_matches('0'));
        }
        out
    }
}

/// `dd/MM/yyyy hh:mm:ss tt`, a 12-hour clock with AM/PM.
struct Clock12;

impl Format for Clock12 {
    const EXPECTED: &'static str = "a time like 17/02/2024 01:58:16 PM";
    fn parse(s: &str) -> Option<NaiveDateTime> {
        NaiveDateTime::parse_from_str(s, "%d/%m/%Y %I:%M:%S %p").ok()
    }
    fn format(t: &NaiveDateTime) -> String {
        t.format("%d/%m/%Y %I:%M:%S %p").to_string()
    }
}

/// `yyyy-MM-dd HH:mm:ss`, the case-list filter format.
struct Filter;

impl Format for Filter {
    const EXPECTED: &'static str = "a time like 2023-10-02 14:31:28";
    fn parse(s: &str) -> Option<NaiveDateTime> {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").ok()
    }
    fn format(t: &NaiveDateTime) -> String {
        t.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

serde_module!(
    /// `2023-03-13T14:56:18.67`: .NET local time, fraction optional (3.4, 3.21, 4.4, 4.5).
    dotnet,
    crate::wire::datetime::DotNet
);
serde_module!(
    /// `17/02/2024 01:58:16 PM`: truck update times (3.18, 4.1, 4.3).
    clock12,
    crate::wire::datetime::Clock12
);
serde_module!(
    /// `yyyy-MM-dd HH:mm:ss`: the created-date filters of 3.21.
    filter,
    crate::wire::datetime::Filter
);

/// `2012-07-23T18:25:43.511Z`: a UTC instant with milliseconds (3.7 arrival time).
pub mod utc_millis {
    use super::*;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Formats for the wire.
    pub fn format(t: &DateTime<Utc>) -> String {
        t.to_rfc3339_opts(SecondsFormat::Millis, true)
    }

    /// Parses any RFC 3339 time (with `Z` or an offset) into UTC.
    pub fn parse(s: &str) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(s.trim())
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    /// Serde serialiser.
    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(t))
    }

    /// Serde deserialiser.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let s = String::deserialize(d)?;
        parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "expected a time like 2012-07-23T18:25:43.511Z, got {s:?}"
            ))
        })
    }
}

/// `YYYY-MM-DD`: the claim filters of 4.4.
pub mod date {
    use super::*;

    /// Formats for the wire (a query parameter).
    pub fn format(d: &NaiveDate) -> String {
        d.format("%Y-%m-%d").to_string()
    }

    /// Parses a wire date.
    pub fn parse(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotnet_round_trips_exactly() {
        for wire in [
            "2023-03-13T14:56:18.67",
            "2023-10-02T14:31:28.673",
            "2022-08-22T14:24:00",
            "2023-10-02T14:53:14.37",
            "2024-01-01T00:00:00.1234567",
        ] {
            let t = dotnet::parse(wire).unwrap();
            assert_eq!(dotnet::format(&t), wire);
        }
        let t = dotnet::parse("2023-03-13T14:56:18.67").unwrap();
        assert_eq!(t.and_utc().timestamp_subsec_millis(), 670);
        assert!(dotnet::parse("13/03/2023").is_none());
    }

    #[test]
    fn clock12_round_trips_exactly() {
        for wire in [
            "17/02/2024 01:58:16 PM",
            "18/03/2021 01:44:10 PM",
            "22/07/2022 11:23:11 AM",
            "01/01/2024 12:00:00 AM",
        ] {
            let t = clock12::parse(wire).unwrap();
            assert_eq!(clock12::format(&t), wire);
        }
        let t = clock12::parse("17/02/2024 01:58:16 PM").unwrap();
        assert_eq!(
            t,
            NaiveDate::from_ymd_opt(2024, 2, 17)
                .unwrap()
                .and_hms_opt(13, 58, 16)
                .unwrap()
        );
        assert_eq!(clock12::parse("01/01/2024 12:00:00 AM").unwrap().hour(), 0);
        assert!(clock12::parse("2024-02-17 13:58:16").is_none());
    }

    #[test]
    fn filter_utc_and_date_round_trip() {
        let t = filter::parse("2023-10-02 14:31:28").unwrap();
        assert_eq!(filter::format(&t), "2023-10-02 14:31:28");
        let u = utc_millis::parse("2012-07-23T18:25:43.511Z").unwrap();
        assert_eq!(utc_millis::format(&u), "2012-07-23T18:25:43.511Z");
        assert_eq!(
            utc_millis::format(&utc_millis::parse("2012-07-23T20:25:43.511+02:00").unwrap()),
            "2012-07-23T18:25:43.511Z"
        );
        let d = date::parse("2022-09-03").unwrap();
        assert_eq!(date::format(&d), "2022-09-03");
        assert!(date::parse("03-09-2022").is_none());
    }

    #[test]
    fn optional_fields_accept_null_and_blank() {
        #[derive(Debug, serde::Deserialize, serde::Serialize)]
        struct T {
            #[serde(with = "dotnet::option")]
            a: Option<NaiveDateTime>,
            #[serde(with = "clock12::option")]
            b: Option<NaiveDateTime>,
        }
        let t: T = serde_json::from_str(r#"{"a": null, "b": ""}"#).unwrap();
        assert!(t.a.is_none() && t.b.is_none());
        let t: T = serde_json::from_str(
            r#"{"a": "2023-03-13T15:26:18.61", "b": "17/02/2024 01:58:16 PM"}"#,
        )
        .unwrap();
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"a":"2023-03-13T15:26:18.61","b":"17/02/2024 01:58:16 PM"}"#
        );
        let err = serde_json::from_str::<T>(r#"{"a": "yesterday", "b": null}"#).unwrap_err();
        assert!(err.to_string().contains("2023-03-13T14:56:18.67"), "{err}");
    }
}
