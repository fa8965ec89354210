//! # bigfix-client
//!
//! A typed async client for the BigFix (India) repair order API, built on `partner-core`.
//! One handler per API of the document ([`api`]):
//!
//! - [`api::repair_request`] (`client.orders()`): raise one repair order (JSON, JWT in
//!   `Authorization`), with every documented rule checked before sending and the 409
//!   duplicate as its own error;
//! - [`api::bulk_upload`] (`client.bulk()`): up to 1000 orders per upload as a real `.xlsx`,
//!   a helper that splits any number of orders into uploads and merges the results, and
//!   uploading a user's own workbook;
//! - [`api::repair_template`] (`client.template()`): download the vendor's template and
//!   check its header row;
//! - [`api::order_tracking`] (`client.tracking()`): current status and history of an order
//!   by `ReferenceID`.
//!
//! The wire models are in [`models`], the documented field rules in [`validate`], the
//! vendor's formats (string flags and codes, `DD-MM-YYYY HH:MM:SS` times) in [`wire`], and
//! the Excel files (writing uploads with `rust_xlsxwriter`, reading workbooks with
//! `calamine`, the template) in [`sheet`]. Everything a user needs is re-exported here.
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

pub mod api;
pub mod client;
pub mod error;
pub mod models;
pub mod operations;
pub mod sheet;
pub mod validate;
pub mod wire;

pub use api::{
    BulkOrders, DEFAULT_FILE_NAME, Orders, Template, TrackingApi, UploadAllBuilder, UploadBuilder,
};
pub use client::{BigfixClient, BigfixClientBuilder, DEFAULT_BASE_URL, DEFAULT_MAX_RESPONSE_BYTES};
pub use error::{BigfixError, SheetError};
pub use models::{
    BULK_COLUMNS, BulkEngagementType, BulkRow, BulkSummary, BulkUploadResult, CreatedOrder,
    CreatedOrderData, EngagementType, MAX_ROWS_PER_UPLOAD, RepairOrder, RequestId, StatusCode,
    Tracking, TrackingEvent, TrackingStatus, UnreadableChunk, Workflow,
};
/// Operation names, so callers and tests do not repeat string literals.
pub use operations as ops;
pub use operations::{OPERATIONS, VENDOR};
/// The `partner-core` error inside [`BigfixError::Core`], re-exported so callers can match
/// it without depending on `partner-core` themselves.
pub use partner_core::Error as CoreError;
pub use partner_core::{
    ClientOptions, ConfigError, RequestSent, RetryPolicy, SecretString, Strictness,
    ValidationErrors,
};
pub use sheet::{
    SheetLayout, SheetRow, TemplateFile, XLSX_CONTENT_TYPE, read_sheet, read_sheet_header,
    write_sheet, write_sheet_with,
};
pub use validate::{ValidationRules, validate_rows};
pub use wire::ServerDateTime;

// The README's quickstart is compiled as a doctest so it cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
