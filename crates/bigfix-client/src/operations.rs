//! The operation table: the four documented BigFix operations with their method, path and
//! document section, and their names as constants (also reachable as [`crate::ops`]).

use partner_core::Operation;
use partner_core::http::Method;

/// The vendor name used in errors, tracing, fixtures and docs.
pub const VENDOR: &str = "bigfix";

/// `POST /api/warrantify/repair/single-order/`.
pub const CREATE_REPAIR_ORDER: &str = "CreateRepairOrder";
/// `POST /api/warrantify/repair/bulk-order/`.
pub const UPLOAD_BULK_ORDERS: &str = "UploadBulkOrders";
/// `GET /api/warrantify/sample-template/`.
pub const DOWNLOAD_TEMPLATE: &str = "DownloadTemplate";
/// `GET /api/warrantify/claim/tracking/`.
pub const TRACK_ORDER: &str = "TrackOrder";

/// Every documented BigFix operation. Paths are the documented ones, relative to
/// [`crate::DEFAULT_BASE_URL`]; each can be overridden with
/// [`BigfixClientBuilder::override_path`](crate::BigfixClientBuilder::override_path).
pub const OPERATIONS: &[Operation] = &[
    Operation::new(
        CREATE_REPAIR_ORDER,
        Method::POST,
        "/api/warrantify/repair/single-order/",
    )
    .section("Repair Request API")
    .unsafe_to_retry()
    .documented_path(),
    Operation::new(
        UPLOAD_BULK_ORDERS,
        Method::POST,
        "/api/warrantify/repair/bulk-order/",
    )
    .section("Bulk Repair Order Upload API")
    .unsafe_to_retry()
    .documented_path(),
    Operation::new(
        DOWNLOAD_TEMPLATE,
        Method::GET,
        "/api/warrantify/sample-template/",
    )
    .section("Download Repair Template API")
    .documented_path(),
    Operation::new(TRACK_ORDER, Method::GET, "/api/warrantify/claim/tracking/")
        .section("Order Tracking API")
        .documented_path(),
];
