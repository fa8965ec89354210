//! Wire models, one module per API of the document: the request and answer of each call.

pub mod bulk_upload;
pub mod order_tracking;
pub mod repair_request;
#[cfg(test)]
pub(crate) mod test_data;
pub mod tracking_status;

pub use bulk_upload::{
    BULK_COLUMNS, BulkEngagementType, BulkRow, BulkSummary, BulkUploadResult, MAX_ROWS_PER_UPLOAD,
    UnreadableChunk,
};
pub use order_tracking::{Tracking, TrackingEvent};
pub use repair_request::{CreatedOrder, CreatedOrderData, EngagementType, RepairOrder, RequestId};
pub use tracking_status::{StatusCode, TrackingStatus, Workflow};
