//! # carfix-client
//!
//! Typed async clients for the CarFix APIs (Malaysian roadside assistance and claims):
//!
//! - [`AffiliateClient`], for insurers and call centres (section 3): open and follow cases,
//!   look up states, areas, workshops and services, track the tow truck, photos, cancel.
//! - [`WorkshopClient`], for tow operators (section 4): trucks, drivers, positions, claims.
//!
//! Each logs in with its own `clientusername`/`clientkey` (2.1, 2.2); the bearer token is
//! cached, replaced before it expires and fetched again once if CarFix answers 401. Inputs are
//! checked against the document's limits before anything is sent, and every error is a
//! [`partner_core::Error`] (`Validation` lists all broken rules by field; `Rejected` is a 2xx
//! whose body says the call failed).
//!
//! CarFix publishes neither base URL nor paths: set the base URL you were given and override
//! any path with [`ClientBuilder::override_path`] (defaults in [`OPERATIONS`]).
//!
//! ```no_run
//! use carfix_client::{AffiliateClient, Coordinate, InitialCaseRequest};
//! # async fn run() -> Result<(), partner_core::Error> {
//! let carfix = AffiliateClient::builder()
//!     .base_url("https://carfix.example")
//!     .credentials("CARFIX-REFERRED", std::env::var("CARFIX_KEY").unwrap_or_default())
//!     .build()?;
//! let at = Coordinate::new(2.725889, 101.9378239).expect("valid position");
//! let case_id = carfix.cases()
//!     .create_initial(&InitialCaseRequest::new("ABC1234", "60123456789", "Wong Wai Yan", "70300 SEREMBAN", at))
//!     .await?;
//! let details = carfix.cases().get(&case_id).await?;
//! println!("{:?}", details.case_status);
//! # Ok(()) }
//! ```

mod affiliate;
mod auth;
pub mod client;
pub mod models;
pub mod operations;
pub mod types;
mod workshop;

pub use affiliate::{
    AffiliateClient, CaseList, Cases, Lookups, PhotoList, Photos, TruckCoordination, TruckTracking,
};
pub use auth::{AccessToken, Credentials};
pub use client::{ClientBuilder, DEFAULT_REFRESH_AHEAD, VENDOR};
pub use models::case::{
    CaseCreated, CaseInfo, CreateCaseRequest, InitialCaseInfo, InitialCaseRequest, ServiceInfo,
};
pub use models::case_details::CaseDetails;
pub use models::case_list::{CaseListFilter, CaseSummary};
pub use models::case_updates::{Cancellation, CaseStatusReport, RatingRequest};
pub use models::claim::{
    ClaimDetail, ClaimInfo, ClaimSummary, Estimate, EstimateLabour, EstimatePart,
};
pub use models::lookup::{CarMake, LookupItem, PunctureType};
pub use models::photo::{CasePhotos, Photo, PhotoUpload};
pub use models::truck::{Driver, Truck, TruckPositionUpdate};
pub use operations::OPERATIONS;
pub use types::{
    CaseStatus, ClaimStatus, Connectivity, Coordinate, CoordinateError, MarkedAmount, RecordStatus,
    TyrePosition, TyrePunctures,
};
pub use workshop::{ClaimList, Claims, Drivers, Fleet, WorkshopClient};

/// The README's examples compile as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// Re-exported: dates and times in the models and filters are chrono types.
pub use chrono;
/// Re-exported so users name the same versions.
pub use partner_core::{Error, SecretString};
pub use rust_decimal::Decimal;
