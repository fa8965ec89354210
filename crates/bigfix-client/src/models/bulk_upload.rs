//! Models of the bulk upload: one row of the sheet (the 14 documented columns in order,
//! `Engagement_Type` Onsite/Offsite), the answer to one upload, and the merged answers of a
//! chunked upload. The row rules are in [`crate::validate`].

use serde::{Deserialize, Serialize};

/// The most orders one upload may carry ("Maximum 1000 orders per upload").
pub const MAX_ROWS_PER_UPLOAD: usize = 1000;

/// The sheet's column names, exactly as documented and in order (row 1 of every upload).
pub const BULK_COLUMNS: [&str; 14] = [
    "repair_ref_no",
    "Name",
    "CustomerMobile",
    "CustomerEmail",
    "Engagement_Type",
    "AddressLine1",
    "City",
    "State",
    "Pincode",
    "AssetType",
    "Make",
    "Model",
    "IMEINo",
    "Issue",
];

/// One repair order of a bulk upload (section "Excel File Structure"). All columns are
/// required. Unlike a single order there is no client_name, centre_city, Size or
/// AddressLine2, and Engagement_Type is Onsite/Offsite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkRow {
    /// Unique reference (duplicates of existing orders are skipped by BigFix).
    pub repair_ref_no: String,
    /// Customer name.
    #[serde(rename = "Name")]
    pub name: String,
    /// 10-digit mobile number.
    #[serde(rename = "CustomerMobile")]
    pub customer_mobile: String,
    /// Customer e-mail.
    #[serde(rename = "CustomerEmail")]
    pub customer_email: String,
    /// Onsite or Offsite.
    #[serde(rename = "Engagement_Type")]
    pub engagement_type: BulkEngagementType,
    /// Address line.
    #[serde(rename = "AddressLine1")]
    pub address_line1: String,
    /// City: letters and hyphens only.
    #[serde(rename = "City")]
    pub city: String,
    /// State: letters and hyphens only.
    #[serde(rename = "State")]
    pub state: String,
    /// 6-digit postal code.
    #[serde(rename = "Pincode")]
    pub pincode: String,
    /// Device category.
    #[serde(rename = "AssetType")]
    pub asset_type: String,
    /// Brand.
    #[serde(rename = "Make")]
    pub make: String,
    /// Model.
    #[serde(rename = "Model")]
    pub model: String,
    /// Serial or IMEI number.
    #[serde(rename = "IMEINo")]
    pub imei_no: String,
    /// Problem description.
    #[serde(rename = "Issue")]
    pub issue: String,
}

impl BulkRow {
    /// The cells in [`BULK_COLUMNS`] order.
    pub fn cells(&self) -> [&str; 14] {
        [
            &self.repair_ref_no,
            &self.name,
            &self.customer_mobile,
            &self.customer_email,
            self.engagement_type.as_str(),
            &self.address_line1,
            &self.city,
            &self.state,
            &self.pincode,
            &self.asset_type,
            &self.make,
            &self.model,
            &self.imei_no,
            &self.issue,
        ]
    }

    /// A row from cells in [`BULK_COLUMNS`] order.
    pub fn from_cells(cells: [String; 14]) -> Self {
        let [
            repair_ref_no,
            name,
            customer_mobile,
            customer_email,
            engagement,
            address_line1,
            city,
            state,
            pincode,
            asset_type,
            make,
            model,
            imei_no,
            issue,
        ] = cells;
        BulkRow {
            repair_ref_no,
            name,
            customer_mobile,
            customer_email,
            engagement_type: BulkEngagementType::from_wire(&engagement),
            address_line1,
            city,
            state,
            pincode,
            asset_type,
            make,
            model,
            imei_no,
            issue,
        }
    }

    /// True when every cell is blank (such rows are skipped, as BigFix does).
    pub fn is_blank(&self) -> bool {
        self.cells().iter().all(|c| c.trim().is_empty())
    }
}

partner_core::open_enum! {
    /// How a bulk order is served ("Onsite" or "Offsite"). Read case-insensitively and written
    /// in the documented spelling; anything else is kept as `Unknown` and refused by
    /// validation. [`crate::read_sheet`] still requires the exact spelling, since a user's
    /// workbook is uploaded unchanged.
    pub enum BulkEngagementType {
        /// "Onsite": a technician visits the customer.
        Onsite = "Onsite",
        /// "Offsite": the device goes to a service centre.
        Offsite = "Offsite",
    }
}

/// The answer to one bulk upload (section "Success Response" of the bulk API).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BulkUploadResult {
    /// `Success`: "True" on the wire (absent or `null` reads as true: the HTTP status said
    /// success).
    #[serde(
        rename = "Success",
        with = "crate::wire::success_flag",
        default = "crate::wire::success_flag::absent"
    )]
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
    /// The skipped references (`null`, absent or `[]`: none).
    #[serde(
        rename = "Duplicate_Reference_IDs",
        default,
        deserialize_with = "partner_core::wire::null_as_empty"
    )]
    pub duplicate_reference_ids: Vec<String>,
}

impl BulkUploadResult {
    /// Reads the body of a 2xx answer to `UploadBulkOrders` as the client does: a
    /// `"Success": "False"` body is [`partner_core::Error::Rejected`], a body without the
    /// documented shape [`partner_core::Error::Decode`] naming the JSON path. (The client
    /// reports the latter as [`BigfixError::OutcomeUnknown`](crate::BigfixError::OutcomeUnknown),
    /// since the orders may have been stored.)
    pub fn from_json(body: &[u8]) -> Result<Self, partner_core::Error> {
        crate::wire::decode_success(crate::ops::UPLOAD_BULK_ORDERS, body)
    }
}

/// The merged outcome of [`BulkOrders::upload_all`](crate::BulkOrders::upload_all): the
/// answer of each chunk, in order, plus the totals, and the chunks that were sent but whose
/// answer could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct BulkSummary {
    /// Each readable chunk's answer, in upload order.
    pub uploads: Vec<BulkUploadResult>,
    /// Sum of `Uploaded_Orders_Count`.
    pub uploaded: u64,
    /// Sum of `Duplicate_Orders_Count`.
    pub duplicates: u64,
    /// Every duplicate reference reported, in order.
    pub duplicate_reference_ids: Vec<String>,
    /// Chunks BigFix accepted (HTTP 2xx) whose answer could not be read. They were sent and
    /// were not sent again: their orders were probably stored, but their counts are not in
    /// the totals above. Check them (tracking, BigFix's summary e-mail) before uploading
    /// their rows again.
    pub unreadable: Vec<UnreadableChunk>,
}

/// A chunk of [`BulkOrders::upload_all`](crate::BulkOrders::upload_all) that was sent and
/// answered with HTTP 2xx, but whose answer could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnreadableChunk {
    /// 1-based number of the chunk.
    pub chunk: usize,
    /// The indices of its orders in the slice given to `upload_all`.
    pub rows: std::ops::Range<usize>,
    /// The HTTP status of the answer.
    pub status: u16,
    /// The start of the answer as received, at most 512 bytes (these answers carry no
    /// credentials).
    pub raw_body_excerpt: String,
    /// Why it could not be read (the JSON path and what was wrong).
    pub error: String,
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

    /// How many chunks were sent and answered with success, readable or not.
    pub fn chunks_sent(&self) -> usize {
        self.uploads.len() + self.unreadable.len()
    }

    /// True when every chunk's answer could be read (nothing in
    /// [`unreadable`](Self::unreadable)).
    pub fn all_answers_read(&self) -> bool {
        self.unreadable.is_empty()
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

#[cfg(test)]
mod tests;
