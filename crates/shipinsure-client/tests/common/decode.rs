//! Decodes an answer body into the typed model of its operation, through the client's own
//! path ([`read_answer`]: the `{status, message}` envelope, then the model). Used by the
//! decode-variant test (tests/decode_variants.rs).

use partner_core::Error;
use shipinsure_client::models::common::{default_is_success, read_answer};
use shipinsure_client::{
    CancelDeliveryResponse, OperationId, SubmitDeliveryResponse, TrackingDetailResponse,
};

/// `Some` result of decoding `body` as the answer to `operation` (a name of `OPERATIONS`);
/// `None` for an unknown name (every shipinsure answer is JSON). A well-formed refusal (a
/// failure `status`, which the client reports as `Error::Rejected`) decoded fine.
pub fn decode(operation: &str, body: &[u8]) -> Option<Result<(), Error>> {
    let id = OperationId::ALL
        .into_iter()
        .find(|id| id.name() == operation)?;
    let result = match id {
        OperationId::SubmitSmeDelivery => {
            read_answer::<SubmitDeliveryResponse>(id, body, default_is_success).map(drop)
        }
        OperationId::InsertTrackingDetail => {
            read_answer::<TrackingDetailResponse>(id, body, default_is_success).map(drop)
        }
        OperationId::CancelSmeDeliveryOrder => {
            read_answer::<CancelDeliveryResponse>(id, body, default_is_success).map(drop)
        }
        _ => return None,
    };
    Some(match result {
        Err(Error::Rejected { .. }) => Ok(()),
        other => other,
    })
}
