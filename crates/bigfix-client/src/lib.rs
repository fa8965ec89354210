//! # bigfix-client
//!
//! A typed async client for the BigFix (India) repair order API, built on `partner-core`:
//!
//! - [`orders`]: raise one repair order (JSON, JWT in `Authorization`), with every documented
//!   rule checked before sending and the 409 duplicate as its own error;
//! - [`bulk`]: up to 1000 orders per upload as a real `.xlsx` (written with `rust_xlsxwriter`),
//!   a helper that splits any number of orders into uploads and merges the results, and
//!   reading orders from a user's workbook (`calamine`);
//! - [`template`]: download the vendor's template and check its header row;
//! - [`tracking`]: current status and history of an order by `ReferenceID`.
//!
//! ```no_run
//! use bigfix_client::{BigfixClient, SecretString};
//!
//! # async fn run() -> Result<(), bigfix_client::BigfixError> {
//! let client = BigfixClient::builder()
//!     .api_key(SecretString::from("my-api-key"))
//!     .jwt(SecretString::from("eyJhbGciOi..."))
//!     .build()?;
//! let tracking = client.tracking().get("REPAIR202611230042").await?;
//! if let Some(now) = tracking.current_status() {
//!     println!("{} at {}", now.status, now.date);
//! }
//! # Ok(()) }
//! ```

pub mod bulk;
pub mod client;
pub mod error;
pub mod orders;
pub mod rules;
pub mod template;
pub mod tracking;
mod wire;

use partner_core::Operation;
use partner_core::http::Method;

pub use bulk::{
    BULK_COLUMNS, BulkEngagementType, BulkRow, BulkSummary, BulkUploadResult, MAX_ROWS_PER_UPLOAD,
    SheetRow, read_sheet, read_sheet_header, write_sheet,
};
pub use client::{BigfixClient, BigfixClientBuilder, DEFAULT_BASE_URL};
pub use error::{BigfixError, SheetError};
pub use orders::{CreatedOrder, EngagementType, RepairOrder, RequestId};
pub use partner_core::{RetryPolicy, SecretString, ValidationErrors};
pub use rules::ValidationRules;
pub use template::TemplateFile;
pub use tracking::{ServerDateTime, StatusCode, Tracking, TrackingEvent, TrackingStatus, Workflow};

/// The vendor name used in errors, tracing, fixtures and docs.
pub const VENDOR: &str = "bigfix";

/// Every documented BigFix operation. Paths are the documented ones, relative to
/// [`DEFAULT_BASE_URL`]; each can be overridden with [`BigfixClientBuilder::override_path`].
pub const OPERATIONS: &[Operation] = &[
    Operation::new(
        "CreateRepairOrder",
        Method::POST,
        "/api/warrantify/repair/single-order/",
    )
    .section("Repair Request API")
    .unsafe_to_retry()
    .documented_path(),
    Operation::new(
        "UploadBulkOrders",
        Method::POST,
        "/api/warrantify/repair/bulk-order/",
    )
    .section("Bulk Repair Order Upload API")
    .unsafe_to_retry()
    .documented_path(),
    Operation::new(
        "DownloadTemplate",
        Method::GET,
        "/api/warrantify/sample-template/",
    )
    .section("Download Repair Template API")
    .documented_path(),
    Operation::new("TrackOrder", Method::GET, "/api/warrantify/claim/tracking/")
        .section("Order Tracking API")
        .documented_path(),
];

/// Operation names, so callers and tests do not repeat string literals.
pub mod ops {
    /// `POST /api/warrantify/repair/single-order/`.
    pub const CREATE_REPAIR_ORDER: &str = "CreateRepairOrder";
    /// `POST /api/warrantify/repair/bulk-order/`.
    pub const UPLOAD_BULK_ORDERS: &str = "UploadBulkOrders";
    /// `GET /api/warrantify/sample-template/`.
    pub const DOWNLOAD_TEMPLATE: &str = "DownloadTemplate";
    /// `GET /api/warrantify/claim/tracking/`.
    pub const TRACK_ORDER: &str = "TrackOrder";
}

// The README's quickstart is compiled as a doctest so it cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
