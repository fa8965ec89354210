//! Value types for CarFix's wire formats: coordinates, tyre punctures, dates, money, statuses.

pub mod coordinate;
pub mod datetime;
pub mod money;
pub mod status;
pub mod tyre;

pub use coordinate::{Coordinate, CoordinateError};
pub use money::{AmountError, MarkedAmount};
pub use status::{CaseStatus, ClaimStatus, Connectivity, RecordStatus};
pub use tyre::{TyrePosition, TyrePunctures};
