//! A latitude/longitude pair, sent as the string `"lat,lng"`.
//!
//! Requests (3.2, 3.3) send `"2.725889,101.9378239"`; case details (3.4) answer
//! `"2.72588900, 101.93782390"`. Both parse; formatting always writes the compact form of the
//! document's request examples.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A WGS84 position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coordinate {
    /// Degrees north, -90 to 90.
    pub latitude: f64,
    /// Degrees east, -180 to 180.
    pub longitude: f64,
}

/// Why a coordinate string or pair was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoordinateError(String);

impl fmt::Display for CoordinateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CoordinateError {}

impl Coordinate {
    /// A checked coordinate: both values finite and within range.
    ///
    /// ```
    /// use carfix_client::Coordinate;
    /// let seremban = Coordinate::new(2.725889, 101.9378239).unwrap();
    /// assert_eq!(seremban.to_string(), "2.725889,101.9378239");
    /// assert!(Coordinate::new(91.0, 0.0).is_err());
    /// ```
    pub fn new(latitude: f64, longitude: f64) -> Result<Self, CoordinateError> {
        if !latitude.is_finite() || !(-90.0..=90.0).contains(&latitude) {
            return Err(CoordinateError(format!(
                "latitude {latitude} is not between -90 and 90"
            )));
        }
        if !longitude.is_finite() || !(-180.0..=180.0).contains(&longitude) {
            return Err(CoordinateError(format!(
                "longitude {longitude} is not between -180 and 180"
            )));
        }
        Ok(Coordinate {
            latitude,
            longitude,
        })
    }

    /// True when both values are finite and within range (fields are public, so a value
    /// built by hand is checked again before sending).
    pub fn is_valid(&self) -> bool {
        Coordinate::new(self.latitude, self.longitude).is_ok()
    }
}

impl fmt::Display for Coordinate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // f64's Display is the shortest text that reads back to the same value, so
        // "101.9378239" stays "101.9378239".
        write!(f, "{},{}", self.latitude, self.longitude)
    }
}

impl FromStr for Coordinate {
    type Err = CoordinateError;

    /// Parses `"lat,lng"`, with or without spaces around the comma.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || CoordinateError(format!("expected \"lat,lng\", got {s:?}"));
        let (lat, lng) = s.split_once(',').ok_or_else(bad)?;
        let lat: f64 = lat.trim().parse().map_err(|_| bad())?;
        let lng: f64 = lng.trim().parse().map_err(|_| bad())?;
        Coordinate::new(lat, lng)
    }
}

impl Serialize for Coordinate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Coordinate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// An optional coordinate in a request body that sends every documented key (3.3's
/// `TowDestinationCoordinate`): `None` is written `""`; reading is as [`option`].
pub mod blank_if_none {
    use super::Coordinate;
    use serde::{Deserializer, Serialize, Serializer};

    /// Serde serialiser (`None` as `""`).
    pub fn serialize<S: Serializer>(c: &Option<Coordinate>, s: S) -> Result<S::Ok, S::Error> {
        match c {
            Some(c) => c.serialize(s),
            None => s.serialize_str(""),
        }
    }

    /// Serde deserialiser: `null`, `""` and a missing key read as `None`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Coordinate>, D::Error> {
        super::option::deserialize(d)
    }
}

/// Serde for an optional coordinate where the vendor may send `null` or `""`.
pub mod option {
    use super::Coordinate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Serde serialiser.
    pub fn serialize<S: Serializer>(c: &Option<Coordinate>, s: S) -> Result<S::Ok, S::Error> {
        c.serialize(s)
    }

    /// Serde deserialiser: `null` and blank strings read as `None`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Coordinate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) if s.trim().is_empty() => Ok(None),
            Some(s) => s.parse().map(Some).map_err(serde::de::Error::custom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_wire_shapes_and_formats_compactly() {
        let a: Coordinate = "2.725889,101.9378239".parse().unwrap();
        let b: Coordinate = "2.72588900, 101.93782390".parse().unwrap();
        assert_eq!(a, b);
        assert_eq!(a.latitude, 2.725889);
        assert_eq!(a.longitude, 101.9378239);
        assert_eq!(b.to_string(), "2.725889,101.9378239");
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            "\"2.725889,101.9378239\""
        );
        let back: Coordinate = serde_json::from_str("\"2.725889,101.9378239\"").unwrap();
        assert_eq!(back, a);
    }

    #[test]
    fn refuses_bad_text_and_out_of_range() {
        for bad in [
            "",
            "2.7",
            "a,b",
            "2.7;101.9",
            "91,0",
            "0,181",
            "NaN,0",
            "-90.5,10",
        ] {
            assert!(bad.parse::<Coordinate>().is_err(), "{bad}");
        }
        assert!(Coordinate::new(-90.0, -180.0).is_ok());
        assert!(Coordinate::new(90.0, 180.0).is_ok());
        assert!(
            !Coordinate {
                latitude: f64::INFINITY,
                longitude: 0.0
            }
            .is_valid()
        );
    }
}
