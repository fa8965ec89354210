//! Decodes an answer body as the answer of an operation, through the decode path the client
//! uses (the answer envelope, then the typed model: `CreatedOrder::from_json`,
//! `BulkUploadResult::from_json`, `Tracking::from_json`). For
//! `partner_testkit::variants::check_vendor`.

use bigfix_client::{BulkUploadResult, CreatedOrder, Tracking, ops};
use partner_core::Error;

/// `Some(result)` of decoding `body` as the answer of `operation` (a name from
/// `bigfix_client::OPERATIONS`); `None` for `DownloadTemplate`, whose answer is an `.xlsx`
/// file, not JSON. Panics on an unknown name.
pub fn decode(operation: &str, body: &[u8]) -> Option<Result<(), Error>> {
    assert!(
        bigfix_client::OPERATIONS
            .iter()
            .any(|o| o.name == operation),
        "`{operation}` is not a BigFix operation"
    );
    match operation {
        ops::CREATE_REPAIR_ORDER => Some(CreatedOrder::from_json(body).map(|_| ())),
        ops::UPLOAD_BULK_ORDERS => Some(BulkUploadResult::from_json(body).map(|_| ())),
        ops::TRACK_ORDER => Some(Tracking::from_json("REPAIR202611230042", body).map(|_| ())),
        ops::DOWNLOAD_TEMPLATE => None,
        other => panic!("no decoder for `{other}`"),
    }
}
