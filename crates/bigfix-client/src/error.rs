//! Errors of this crate: everything `partner-core` reports, plus the answers BigFix documents
//! with a meaning of their own (400 refusal, 409 duplicate, 404 not found), a success answer
//! that cannot be read, and workbook problems.

use partner_core::{ConfigError, RequestSent, ValidationErrors};

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

    /// BigFix answered with success (HTTP 2xx) but the answer could not be read. The request
    /// *was sent* and probably took effect (an order created, a workbook stored): do not
    /// send it again blindly; look the outcome up (tracking, BigFix's summary e-mail).
    /// `raw_body_excerpt` is the start of the answer as received, at most 512 bytes (these
    /// answers carry no credentials, and request headers are never kept).
    #[error(
        "{operation}: sent, and BigFix answered HTTP {status}, but the answer could not be read, so the outcome is unknown (do not resend blindly): {source}"
    )]
    OutcomeUnknown {
        /// Operation name.
        operation: &'static str,
        /// The HTTP status of the answer (2xx).
        status: u16,
        /// The start of the answer as received, at most 512 bytes.
        raw_body_excerpt: String,
        /// Why it could not be read ([`partner_core::Error::Decode`], naming the JSON path).
        #[source]
        source: Box<partner_core::Error>,
    },

    /// A workbook could not be read or written, or its rows break the documented rules.
    #[error(transparent)]
    Sheet(#[from] SheetError),

    /// A chunked upload failed part-way: the chunks in `completed` were sent (its
    /// `unreadable` ones too), chunk `failed_chunk` failed as `source` says (see its
    /// [`request_sent`](Self::request_sent)), and the rest were not sent.
    #[error("bulk upload chunk {failed_chunk} of {chunks} failed ({} chunks sent before): {source}", completed.chunks_sent())]
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

    /// The `partner-core` error inside, when this is one ([`BigfixError::Core`], or the
    /// decode error of [`BigfixError::OutcomeUnknown`]).
    pub fn core(&self) -> Option<&partner_core::Error> {
        match self {
            BigfixError::Core(e) => Some(e),
            BigfixError::OutcomeUnknown { source, .. } => Some(source),
            BigfixError::PartialUpload { source, .. } => source.core(),
            _ => None,
        }
    }

    /// The HTTP status BigFix answered with, when it answered (for a partial upload, the
    /// failed chunk's).
    pub fn status(&self) -> Option<u16> {
        match self {
            BigfixError::Core(e) => e.status(),
            BigfixError::Invalid { .. } => Some(400),
            BigfixError::Duplicate { .. } => Some(409),
            BigfixError::NotFound { .. } => Some(404),
            BigfixError::OutcomeUnknown { status, .. } => Some(*status),
            BigfixError::Sheet(_) => None,
            BigfixError::PartialUpload { source, .. } => source.status(),
        }
    }

    /// True when sending the same request again may succeed (timeouts, connection failures,
    /// 408, 429, 5xx; for a partial upload, the failed chunk). Whether it is *safe* to resend
    /// something that creates orders is [`request_sent`](Self::request_sent)'s question.
    /// An unreadable success answer is not retryable: the request took effect.
    pub fn is_retryable(&self) -> bool {
        match self {
            BigfixError::Core(e) => e.is_retryable(),
            BigfixError::PartialUpload { source, .. } => source.is_retryable(),
            _ => false,
        }
    }

    /// Whether BigFix may have received the request: `No` means surely not (validation,
    /// configuration, a workbook problem), `Yes` that it answered (any status, and
    /// [`BigfixError::OutcomeUnknown`]). For a partial upload, `Yes` once an earlier chunk
    /// was sent, else the failed chunk's.
    pub fn request_sent(&self) -> RequestSent {
        match self {
            BigfixError::Core(e) => e.request_sent(),
            BigfixError::Invalid { .. }
            | BigfixError::Duplicate { .. }
            | BigfixError::NotFound { .. }
            | BigfixError::OutcomeUnknown { .. } => RequestSent::Yes,
            BigfixError::Sheet(_) => RequestSent::No,
            BigfixError::PartialUpload {
                completed, source, ..
            } => {
                if completed.chunks_sent() > 0 {
                    RequestSent::Yes
                } else {
                    source.request_sent()
                }
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::BulkSummary;

    fn decode_error() -> partner_core::Error {
        partner_core::decode_json::<Vec<u8>>("UploadBulkOrders", b"{}").unwrap_err()
    }

    #[test]
    fn helpers_say_what_was_answered_and_sent() {
        let unknown = BigfixError::OutcomeUnknown {
            operation: "UploadBulkOrders",
            status: 200,
            raw_body_excerpt: "{}".into(),
            source: Box::new(decode_error()),
        };
        assert_eq!(unknown.request_sent(), RequestSent::Yes);
        assert_eq!(unknown.status(), Some(200));
        assert!(!unknown.is_retryable());
        assert!(matches!(
            unknown.core(),
            Some(partner_core::Error::Decode { .. })
        ));
        assert!(
            unknown.to_string().contains("outcome is unknown"),
            "{unknown}"
        );

        let invalid = BigfixError::Invalid {
            operation: "CreateRepairOrder",
            message: "Invalid Pincode format".into(),
        };
        assert_eq!(
            (invalid.status(), invalid.request_sent()),
            (Some(400), RequestSent::Yes)
        );
        let mut v = partner_core::Validator::new();
        v.required("ReferenceID", "");
        let config: BigfixError = v.finish().unwrap_err().into();
        assert_eq!(
            (config.status(), config.request_sent()),
            (None, RequestSent::No)
        );
        let core = partner_core::Client::builder(crate::VENDOR, crate::OPERATIONS)
            .base_url(crate::DEFAULT_BASE_URL)
            .build()
            .unwrap();
        let answer =
            partner_core::mock::json_response(503, &serde_json::json!({"Message": "busy"}));
        let busy = BigfixError::Core(core.check_status("TrackOrder", answer).unwrap_err());
        assert!(busy.is_retryable());
        assert_eq!(busy.status(), Some(503));

        let first_chunk = BigfixError::PartialUpload {
            completed: BulkSummary::default(),
            failed_chunk: 1,
            chunks: 2,
            source: Box::new(config),
        };
        assert_eq!(first_chunk.request_sent(), RequestSent::No);
        let mut sent_before = BulkSummary::default();
        sent_before.unreadable.push(crate::models::UnreadableChunk {
            chunk: 1,
            rows: 0..2,
            status: 200,
            raw_body_excerpt: String::new(),
            error: String::new(),
        });
        let second_chunk = BigfixError::PartialUpload {
            completed: sent_before,
            failed_chunk: 2,
            chunks: 2,
            source: Box::new(busy),
        };
        assert_eq!(second_chunk.request_sent(), RequestSent::Yes);
        assert!(second_chunk.is_retryable());
        assert_eq!(second_chunk.status(), Some(503));
        assert!(second_chunk.to_string().contains("1 chunks sent before"));
    }
}
