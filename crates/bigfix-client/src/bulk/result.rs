//! What a bulk upload returns, and the merged result of a chunked upload.

use serde::{Deserialize, Serialize};

/// The answer to one bulk upload (section "Success Response" of the bulk API).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BulkUploadResult {
    /// `Success`: "True" on the wire.
    #[serde(rename = "Success", with = "partner_core::wire::true_false")]
    pub success: bool,
    /// `Status_code`: documented as the integer 200 here (strings accepted).
    #[serde(
        rename = "Status_code",
        with = "crate::wire::status_code_number",
        default
    )]
    pub status_code: Option<u16>,
    /// Summary message with the count.
    #[serde(rename = "Message", default)]
    pub message: Option<String>,
    /// Orders created.
    #[serde(rename = "Uploaded_Orders_Count", default)]
    pub uploaded_orders_count: u64,
    /// Orders skipped because their repair_ref_no already existed.
    #[serde(rename = "Duplicate_Orders_Count", default)]
    pub duplicate_orders_count: u64,
    /// The skipped references.
    #[serde(rename = "Duplicate_Reference_IDs", default)]
    pub duplicate_reference_ids: Vec<String>,
}

/// The merged outcome of [`super::BulkOrders::upload_all`]: one result per chunk, in order,
/// plus the totals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct BulkSummary {
    /// Each chunk's answer, in upload order.
    pub uploads: Vec<BulkUploadResult>,
    /// Sum of `Uploaded_Orders_Count`.
    pub uploaded: u64,
    /// Sum of `Duplicate_Orders_Count`.
    pub duplicates: u64,
    /// Every duplicate reference reported, in order.
    pub duplicate_reference_ids: Vec<String>,
}

impl BulkSummary {
    /// Adds one chunk's answer.
    pub fn push(&mut self, result: BulkUploadResult) {
        self.uploaded += result.uploaded_orders_count;
        self.duplicates += result.duplicate_orders_count;
        self.duplicate_reference_ids
            .extend(result.duplicate_reference_ids.iter().cloned());
        self.uploads.push(result);
    }

    /// Merges answers (for example from uploads you made yourself).
    pub fn merge(results: impl IntoIterator<Item = BulkUploadResult>) -> Self {
        let mut s = BulkSummary::default();
        for r in results {
            s.push(r);
        }
        s
    }
}
