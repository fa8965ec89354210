//! One handler per API resource, each with a typed method per operation.
//!
//! Affiliate API ([`crate::AffiliateClient`]): [`Cases`] (3.2 to 3.7, 3.19 to 3.21),
//! [`Lookups`] (3.9 to 3.17), [`TruckTracking`] (3.18) and [`Photos`] (incident photos, 3.8,
//! 3.22). Workshop API ([`crate::WorkshopClient`]): [`Fleet`] (trucks, 4.1, 4.3),
//! [`Drivers`] (4.2) and [`Claims`] (4.4, 4.5).

mod cases;
mod claims;
mod drivers;
mod incident_photos;
mod lookups;
mod trucks;

pub use cases::{CaseList, Cases};
pub use claims::{ClaimList, Claims};
pub use drivers::Drivers;
pub use incident_photos::{PhotoList, Photos};
pub use lookups::Lookups;
pub use trucks::{Fleet, TruckCoordination, TruckTracking};
