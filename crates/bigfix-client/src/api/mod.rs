//! One handler per API of the document, each reached from [`BigfixClient`]:
//! [`BigfixClient::orders`] (Repair Request API), [`BigfixClient::bulk`] (Bulk Repair Order
//! Upload API), [`BigfixClient::template`] (Download Repair Template API) and
//! [`BigfixClient::tracking`] (Order Tracking API).

pub mod bulk_upload;
pub mod order_tracking;
pub mod repair_request;
pub mod repair_template;

pub use bulk_upload::{BulkOrders, DEFAULT_FILE_NAME, UploadAllBuilder, UploadBuilder};
pub use order_tracking::TrackingApi;
pub use repair_request::Orders;
pub use repair_template::Template;

#[cfg(doc)]
use crate::BigfixClient;
