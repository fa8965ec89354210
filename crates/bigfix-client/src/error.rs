//! Errors of this crate: everything `partner-core` reports, plus the answers BigFix documents
//! with a meaning of their own (400 refusal, 409 duplicate, 404 not found) and workbook
//! problems.

use partner_core::{ConfigError, ValidationErrors};

use crate::models::BulkSummary;

/// Everything a BigFix call or workbook helper can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BigfixError {
    /// Configuration, client-side validation, transport, other statuses (401 is
    /// [`partner_core::Error::Auth`], 500 is [`partner_core::Error::Status`]), decoding, or a
    /// 2xx answer whose `Success` is not `"True"` ([`partner_core::Error::Rejected`]).
    #[error(transparent)]
    Core(#[from] partner_core::Error),

    /// The server refused the input with HTTP 400 (missing field, bad format, too many rows).
    /// Client-side validation catches the documented rules first, so this usually means a
    /// rule the document does not spell out.
    #[error("{operation}: BigFix refused the input (HTTP 400): {message}")]
    Invalid {
        /// Operation name.
        operation: &'static str,
        /// The server's message.
        message: String,
    },

    /// HTTP 409: an order with this `repair_ref_no` already exists. After a retried or
    /// timed-out create this can mean the *first* attempt succeeded: look the order up
    /// before raising it under a new reference.
    #[error(
        "CreateRepairOrder: repair_ref_no `{repair_ref_no}` already exists (HTTP 409): {message}"
    )]
    Duplicate {
        /// The reference that already exists.
        repair_ref_no: String,
        /// The server's message.
        message: String,
    },

    /// HTTP 404: the ReferenceID does not exist (tracking) or the template is missing.
    #[error("{operation}: not found (HTTP 404): {message}")]
    NotFound {
        /// Operation name.
        operation: &'static str,
        /// The server's message.
        message: String,
    },

    /// A workbook could not be read or written, or its rows break the documented rules.
    #[error(transparent)]
    Sheet(#[from] SheetError),

    /// A chunked upload failed part-way: the chunks in `completed` were uploaded, the rest
    /// were not sent.
    #[error("bulk upload chunk {failed_chunk} of {chunks} failed ({} chunks uploaded before): {source}", completed.uploads.len())]
    PartialUpload {
        /// What the chunks uploaded before the failure returned.
        completed: BulkSummary,
        /// 1-based number of the chunk that failed.
        failed_chunk: usize,
        /// How many chunks the orders were split into.
        chunks: usize,
        /// Why it failed.
        #[source]
        source: Box<BigfixError>,
    },
}

impl BigfixError {
    /// The client-side validation failures, when this is one.
    pub fn validation(&self) -> Option<&ValidationErrors> {
        match self {
            BigfixError::Core(e) => e.validation(),
            BigfixError::Sheet(SheetError::Rows(v)) => Some(v),
            _ => None,
        }
    }

    /// True for a 404 answer.
    pub fn is_not_found(&self) -> bool {
        matches!(self, BigfixError::NotFound { .. })
    }
}

impl From<ValidationErrors> for BigfixError {
    fn from(e: ValidationErrors) -> Self {
        BigfixError::Core(partner_core::Error::Validation(e))
    }
}

impl From<ConfigError> for BigfixError {
    fn from(e: ConfigError) -> Self {
        BigfixError::Core(partner_core::Error::Config(e))
    }
}

/// Problems with an `.xlsx` workbook.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SheetError {
    /// The bytes are not a workbook calamine can open.
    #[error("not a readable .xlsx workbook: {0}")]
    Open(String),
    /// The workbook has no worksheet.
    #[error("the workbook has no worksheet")]
    NoWorksheet,
    /// Row 1 does not hold the documented column names exactly (case-sensitive, in order).
    #[error("row 1 must hold the columns {expected:?} exactly, in this order; found {found:?}")]
    Header {
        /// The documented columns.
        expected: Vec<String>,
        /// What the sheet holds.
        found: Vec<String>,
    },
    /// One or more rows break the documented rules; fields are named `row N.Column` with
    /// `N` the spreadsheet row number (the header is row 1).
    #[error("{0}")]
    Rows(ValidationErrors),
    /// The workbook could not be written.
    #[error("could not write the workbook: {0}")]
    Write(String),
    /// Saving to or reading from disk failed.
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}
