//! Wire models, one module per resource as the document names it: request bodies and
//! answers with serde renames to CarFix's keys. Their rules are in [`crate::validate`], their
//! value formats (dates, money, coordinates) in [`crate::wire`].

pub mod cases;
pub mod claims;
pub mod common;
pub mod drivers;
pub mod incident_photos;
pub mod lookups;
pub mod trucks;
