//! Enums for vendor value sets that keep values the vendor adds later.
//!
//! Vendors extend their status lists without notice; a response must not fail to decode
//! because of one new value. [`open_enum!`](macro@crate::open_enum) (string values) and
//! [`open_int_enum!`](macro@crate::open_int_enum) (integer values) declare an enum whose documented
//! values are variants and whose `Unknown` variant keeps anything else, written back unchanged.

/// Declares a string-valued enum with an `Unknown(String)` variant.
///
/// Reading matches the documented spelling exactly, then ASCII case-insensitively; writing
/// gives the documented spelling, or the unknown text unchanged.
///
/// ```
/// partner_core::open_enum! {
///     /// Where a case stands.
///     pub enum CaseStatus {
///         /// Just created.
///         Open = "Open",
///         /// Done.
///         Closed = "Closed",
///     }
/// }
/// let s: CaseStatus = serde_json::from_str("\"open\"").unwrap();
/// assert_eq!(s, CaseStatus::Open);
/// let new: CaseStatus = serde_json::from_str("\"Escalated\"").unwrap();
/// assert_eq!(new, CaseStatus::Unknown("Escalated".into()));
/// assert_eq!(serde_json::to_string(&new).unwrap(), "\"Escalated\"");
/// assert_eq!(CaseStatus::ALL.len(), 2);
/// assert_eq!(CaseStatus::WIRE, &["Open", "Closed"]);
/// ```
#[macro_export]
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value the document does not list, kept as sent.
            Unknown(::std::string::String),
        }

        impl $name {
            /// Every documented value, in the document's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The wire text of every documented value (for `Rule::OneOf` and messages).
            pub const WIRE: &'static [&'static str] = &[$($wire),+];

            /// The text on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(s) => s,
                }
            }

            /// Reads a wire value (`Unknown` when it is not documented).
            pub fn from_wire(s: &str) -> Self {
                match s {
                    $( $wire => return $name::$variant, )+
                    _ => {}
                }
                $( if s.eq_ignore_ascii_case($wire) { return $name::$variant; } )+
                $name::Unknown(s.to_owned())
            }

            /// True for a value outside the documented set.
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok($name::from_wire(s))
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(s: &str) -> Self {
                $name::from_wire(s)
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as $crate::__private::serde::Deserialize>::deserialize(d)?;
                Ok($name::from_wire(&s))
            }
        }
    };
}

/// Declares an integer-valued enum with an `Unknown(i64)` variant.
///
/// ```
/// partner_core::open_int_enum! {
///     /// A tyre position.
///     pub enum TyrePosition {
///         /// Front left.
///         FrontLeft = 1,
///         /// Front right.
///         FrontRight = 2,
///     }
/// }
/// let p: TyrePosition = serde_json::from_str("2").unwrap();
/// assert_eq!(p, TyrePosition::FrontRight);
/// assert_eq!(serde_json::from_str::<TyrePosition>("9").unwrap(), TyrePosition::Unknown(9));
/// assert_eq!(serde_json::to_string(&TyrePosition::Unknown(9)).unwrap(), "9");
/// ```
#[macro_export]
macro_rules! open_int_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value the document does not list, kept as sent.
            Unknown(i64),
        }

        impl $name {
            /// Every documented value, in the document's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The number on the wire.
            pub const fn value(self) -> i64 {
                match self {
                    $( $name::$variant => $value, )+
                    $name::Unknown(v) => v,
                }
            }

            /// Reads a wire number (`Unknown` when it is not documented).
            pub const fn from_value(value: i64) -> Self {
                match value {
                    $( $value => $name::$variant, )+
                    other => $name::Unknown(other),
                }
            }

            /// True for a value outside the documented set.
            pub const fn is_unknown(self) -> bool {
                matches!(self, $name::Unknown(_))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}", self.value())
            }
        }

        impl ::std::convert::From<i64> for $name {
            fn from(v: i64) -> Self {
                $name::from_value(v)
            }
        }

        impl ::std::convert::From<$name> for i64 {
            fn from(v: $name) -> i64 {
                v.value()
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_i64(self.value())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                <i64 as $crate::__private::serde::Deserialize>::deserialize(d).map($name::from_value)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::open_enum! {
        /// Test enum.
        pub enum Colour {
            /// Red.
            Red = "red",
            /// Dark blue.
            DarkBlue = "dark_blue",
        }
    }

    #[test]
    fn every_value_round_trips() {
        for c in Colour::ALL {
            let json = serde_json::to_string(c).unwrap();
            assert_eq!(&serde_json::from_str::<Colour>(&json).unwrap(), c);
        }
        assert_eq!(Colour::WIRE, &["red", "dark_blue"]);
        assert_eq!("DARK_BLUE".parse::<Colour>().unwrap(), Colour::DarkBlue);
        assert!(Colour::from("green").is_unknown());
        assert_eq!(Colour::from("green").to_string(), "green");
    }
}
