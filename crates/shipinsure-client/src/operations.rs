//! The operation table: the document's three calls with their method and (assumed) path,
//! their names, and which of them may be repeated.

use partner_core::Operation;
use partner_core::http::Method;

/// The vendor name used in errors, tracing and fixtures.
pub const VENDOR: &str = "shipinsure";

/// Operation name of API #1 - Submit SME Delivery.
pub const SUBMIT_SME_DELIVERY: &str = "SubmitSmeDelivery";
/// Operation name of API #2 - insert tracking detail.
pub const INSERT_TRACKING_DETAIL: &str = "InsertTrackingDetail";
/// Operation name of API #3 - Cancel SME Delivery Order.
pub const CANCEL_SME_DELIVERY_ORDER: &str = "CancelSmeDeliveryOrder";

/// The three documented calls, by name. Non-exhaustive: the vendor may add calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum OperationId {
    /// API #1 - Submit SME Delivery.
    SubmitSmeDelivery,
    /// API #2 - insert tracking detail.
    InsertTrackingDetail,
    /// API #3 - Cancel SME Delivery Order.
    CancelSmeDeliveryOrder,
}

impl OperationId {
    /// Every operation, in document order.
    pub const ALL: [OperationId; 3] = [
        OperationId::SubmitSmeDelivery,
        OperationId::InsertTrackingDetail,
        OperationId::CancelSmeDeliveryOrder,
    ];

    /// The name used in [`OPERATIONS`], errors, tracing and fixture files.
    pub const fn name(self) -> &'static str {
        match self {
            OperationId::SubmitSmeDelivery => SUBMIT_SME_DELIVERY,
            OperationId::InsertTrackingDetail => INSERT_TRACKING_DETAIL,
            OperationId::CancelSmeDeliveryOrder => CANCEL_SME_DELIVERY_ORDER,
        }
    }

    /// The entry of [`OPERATIONS`] for this operation.
    pub const fn operation(self) -> &'static Operation {
        &OPERATIONS[self as usize]
    }
}

impl std::fmt::Display for OperationId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Every documented operation. The document gives no paths: these are assumed (override
/// them with [`ShipInsureClientBuilder::override_path`](crate::ShipInsureClientBuilder::override_path)).
/// Submitting and tracking are not retried once they may have reached the vendor (a repeat
/// could insure or log twice); cancelling the same policy twice changes nothing more, so it
/// is retried.
pub const OPERATIONS: &[Operation] = &[
    Operation::new(
        SUBMIT_SME_DELIVERY,
        Method::POST,
        "/api/v1/sme-delivery/submit",
    )
    .section("API #1 - Submit SME Delivery")
    .unsafe_to_retry(),
    Operation::new(
        INSERT_TRACKING_DETAIL,
        Method::POST,
        "/api/v1/sme-delivery/tracking",
    )
    .section("API #2 - insert tracking detail")
    .unsafe_to_retry(),
    Operation::new(
        CANCEL_SME_DELIVERY_ORDER,
        Method::POST,
        "/api/v1/sme-delivery/cancel",
    )
    .section("API #3 - Cancel SME Delivery Order"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_ids_index_the_table() {
        for id in OperationId::ALL {
            assert_eq!(id.operation().name, id.name());
        }
        assert_eq!(OPERATIONS.len(), OperationId::ALL.len());
        assert!(!OperationId::SubmitSmeDelivery.operation().is_idempotent());
        assert!(
            !OperationId::InsertTrackingDetail
                .operation()
                .is_idempotent()
        );
        assert!(
            OperationId::CancelSmeDeliveryOrder
                .operation()
                .is_idempotent()
        );
    }
}
