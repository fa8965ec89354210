//! Tyre punctures: a set of wheel positions, sent as the bit sum of their ids.
//!
//! 3.16 lists the positions with ids 1, 2, 4 and 8; 3.3 sends `TyrePuncture` as one integer
//! (the example's 3 is front left + front right).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One wheel position (3.16 Get Type of Punctures).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TyrePosition {
    /// Id 1.
    FrontLeft,
    /// Id 2.
    FrontRight,
    /// Id 4.
    RearLeft,
    /// Id 8.
    RearRight,
}

impl TyrePosition {
    /// All positions in id order.
    pub const ALL: [TyrePosition; 4] = [
        TyrePosition::FrontLeft,
        TyrePosition::FrontRight,
        TyrePosition::RearLeft,
        TyrePosition::RearRight,
    ];

    /// The id (bit) CarFix uses for this position.
    pub const fn id(self) -> u8 {
        match self {
            TyrePosition::FrontLeft => 1,
            TyrePosition::FrontRight => 2,
            TyrePosition::RearLeft => 4,
            TyrePosition::RearRight => 8,
        }
    }

    /// The position with this id, if it is one of the four documented ones.
    pub fn from_id(id: i64) -> Option<Self> {
        TyrePosition::ALL
            .into_iter()
            .find(|p| i64::from(p.id()) == id)
    }

    /// The label 3.16 gives it ("Front Left").
    pub const fn label(self) -> &'static str {
        match self {
            TyrePosition::FrontLeft => "Front Left",
            TyrePosition::FrontRight => "Front Right",
            TyrePosition::RearLeft => "Rear Left",
            TyrePosition::RearRight => "Rear Right",
        }
    }
}

/// A set of punctured tyres; empty means none.
///
/// ```
/// use carfix_client::{TyrePosition, TyrePunctures};
/// let p = TyrePunctures::none().with(TyrePosition::FrontLeft).with(TyrePosition::FrontRight);
/// assert_eq!(p.bits(), 3);
/// assert!(p.contains(TyrePosition::FrontRight));
/// assert_eq!(TyrePunctures::from_bits(12).unwrap().iter().collect::<Vec<_>>(),
///            vec![TyrePosition::RearLeft, TyrePosition::RearRight]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TyrePunctures(u8);

impl TyrePunctures {
    /// No punctured tyre.
    pub const fn none() -> Self {
        TyrePunctures(0)
    }

    /// The set of these positions.
    pub fn of(positions: impl IntoIterator<Item = TyrePosition>) -> Self {
        positions.into_iter().fold(Self::none(), Self::with)
    }

    /// The set from its wire value; `None` for values outside 0..=15.
    pub fn from_bits(bits: i64) -> Option<Self> {
        u8::try_from(bits)
            .ok()
            .filter(|b| *b <= 15)
            .map(TyrePunctures)
    }

    /// The wire value (bit sum).
    pub const fn bits(self) -> u8 {
        self.0
    }

    /// Adds a position.
    #[must_use]
    pub const fn with(self, p: TyrePosition) -> Self {
        TyrePunctures(self.0 | p.id())
    }

    /// True when the position is punctured.
    pub const fn contains(self, p: TyrePosition) -> bool {
        self.0 & p.id() != 0
    }

    /// True when no tyre is punctured.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The punctured positions in id order.
    pub fn iter(self) -> impl Iterator<Item = TyrePosition> {
        TyrePosition::ALL
            .into_iter()
            .filter(move |p| self.contains(*p))
    }
}

impl fmt::Debug for TyrePunctures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl Serialize for TyrePunctures {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for TyrePunctures {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = i64::deserialize(d)?;
        TyrePunctures::from_bits(n).ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "tyre puncture {n} is not a sum of 1, 2, 4 and 8"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_value_is_the_bit_sum() {
        let p = TyrePunctures::of([TyrePosition::RearRight, TyrePosition::FrontLeft]);
        assert_eq!(p.bits(), 9);
        assert_eq!(serde_json::to_string(&p).unwrap(), "9");
        let back: TyrePunctures = serde_json::from_str("9").unwrap();
        assert_eq!(back, p);
        assert_eq!(format!("{p:?}"), "{FrontLeft, RearRight}");
        for n in 0..=15 {
            assert_eq!(TyrePunctures::from_bits(n).unwrap().bits() as i64, n);
        }
        assert!(serde_json::from_str::<TyrePunctures>("16").is_err());
        assert!(serde_json::from_str::<TyrePunctures>("-1").is_err());
        assert_eq!(TyrePosition::from_id(4), Some(TyrePosition::RearLeft));
        assert_eq!(TyrePosition::from_id(3), None);
        assert!(TyrePunctures::none().is_empty());
    }
}
