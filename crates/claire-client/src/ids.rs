//! Identifiers of the Claire objects that API calls take as arguments.
//!
//! Claire's ids are Go integers; the newtypes keep an appointment id from being passed where a
//! location id is expected. Ids of objects that are only ever read stay plain `i64`.

use std::fmt;

use partner_core::Error;
use partner_core::validation::{Rule, Validator};
use serde::{Deserialize, Serialize};

/// Refuses an id left at Go's zero value before anything is sent: Claire reads 0 as "not
/// set", so the call could only fail (or, for a path id, hit another route).
pub(crate) fn require_set(field: &str, id: impl Into<i64>) -> Result<(), Error> {
    let mut v = Validator::new();
    v.check(field, id.into() != 0, Rule::Required);
    Ok(v.finish()?)
}

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            /// The raw number.
            pub const fn get(self) -> i64 {
                self.0
            }

            /// True for Go's zero value, which Claire uses for "not set".
            pub const fn is_zero(self) -> bool {
                self.0 == 0
            }
        }

        impl From<i64> for $name {
            fn from(v: i64) -> Self {
                $name(v)
            }
        }

        impl From<$name> for i64 {
            fn from(v: $name) -> i64 {
                v.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A Claire appointment id (`AppointmentID`).
    AppointmentId
);
id_type!(
    /// A dealer location id (`DealerLocationID`).
    LocationId
);
id_type!(
    /// A dealer id (`DealerID`).
    DealerId
);
id_type!(
    /// A car id (`CarID`).
    CarId
);
id_type!(
    /// A webhook id (`WebhookID`).
    WebhookId
);
