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
//! checked before anything is sent against what the document unambiguously forbids (or, opt
//! in, its stricter reading: [`Strictness`]), and every error is a
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
//!
//! ## Layout
//!
//! Every type a caller needs is re-exported here. The modules, the same in every vendor crate:
//! [`client`] (the clients and their builder), [`operations`] (the operation table),
//! [`api`] (one handler per resource: cases, lookups, trucks, incident photos, drivers,
//! claims), [`models`] (the wire models of each resource), [`wire`] (CarFix's date, money,
//! boolean, coordinate and tyre formats), [`validate`] (the document's rules) and [`auth`]
//! (the two token logins).

pub mod api;
pub mod auth;
pub mod client;
pub mod models;
pub mod operations;
pub mod validate;
pub mod wire;

pub use api::{
    CaseList, Cases, ClaimList, Claims, Drivers, Fleet, Lookups, PhotoList, Photos,
    TruckCoordination, TruckTracking,
};
pub use auth::{AccessToken, Credentials};
pub use client::{
    AffiliateClient, ClientBuilder, Clients, ClientsBuilder, DEFAULT_REFRESH_AHEAD, VENDOR,
    WorkshopClient,
};
pub use models::cases::{
    Cancellation, CaseCreated, CaseDetails, CaseInfo, CaseListFilter, CaseStatusReport,
    CaseSummary, CreateCaseRequest, InitialCaseInfo, InitialCaseRequest, RatingRequest,
    ReportedStatus, ServiceInfo,
};
pub use models::claims::{
    ClaimDetail, ClaimInfo, ClaimSummary, Estimate, EstimateLabour, EstimatePart,
};
pub use models::common::{CaseStatus, ClaimStatus, Connectivity, RecordStatus};
pub use models::drivers::Driver;
pub use models::incident_photos::{CasePhotos, Photo, PhotoUpload};
pub use models::lookups::{CarMake, LookupItem, PunctureType};
pub use models::trucks::{Truck, TruckPositionUpdate};
pub use operations::OPERATIONS;
pub use validate::Strictness;
pub use wire::{Coordinate, CoordinateError, MarkedAmount, TyrePosition, TyrePunctures};

/// The README's examples compile as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// Re-exported: dates and times in the models and filters are chrono types.
pub use chrono;
/// Re-exported so users name the same versions.
pub use partner_core::{ClientOptions, Error, SecretString};
pub use rust_decimal::Decimal;
