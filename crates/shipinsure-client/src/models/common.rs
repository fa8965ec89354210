//! The `{"status": ..., "message": ...}` envelope every answer shares, and the rule deciding
//! which `status` means success, so a failure inside a 2xx answer becomes an error instead
//! of an `Ok`.

use partner_core::{Error, decode_json};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::operations::OperationId;

/// Decides whether a response `status` means success. The document shows only
/// `"status": "string"`; the default accepts `success`, `ok`, `true`, `200` and `1`
/// (case-insensitive). Replace it with
/// [`ShipInsureClientBuilder::success_status`](crate::ShipInsureClientBuilder::success_status).
pub type StatusRule = fn(&str) -> bool;

/// The part of every response the client reads before the typed body. `status` is
/// optional here: API #1 and #2 document it (their typed answers require it), but API #3
/// shows no response of its own and may answer with a bare echo (see
/// [`CancelDeliveryResponse`](crate::CancelDeliveryResponse)).
#[derive(Debug, Deserialize)]
pub(crate) struct Envelope {
    #[serde(default, deserialize_with = "crate::wire::optional_status_text")]
    pub(crate) status: Option<String>,
    #[serde(default)]
    pub(crate) message: Option<String>,
}

/// The statuses read as success by default: the document shows only `"status": "string"`,
/// so this accepts the common spellings (case-insensitive, trimmed): `success`, `ok`,
/// `true`, `200`, `1`. Anything else (`fail`, `error`, `false`, `400`, ...) is a rejection.
///
/// ```
/// use shipinsure_client::models::common::default_is_success;
/// // A rule accepting the vendor's "00" as well.
/// let rule: shipinsure_client::StatusRule = |s| s == "00" || default_is_success(s);
/// assert!(rule("00") && rule("Success") && !rule("fail"));
/// ```
pub fn default_is_success(status: &str) -> bool {
    const SUCCESS: &[&str] = &["success", "ok", "true", "200", "1"];
    let status = status.trim();
    SUCCESS.iter().any(|s| s.eq_ignore_ascii_case(status))
}

/// Reads a 2xx answer to `operation` the way the client does: the envelope first, where a
/// `status` that `is_success` refuses is [`Error::Rejected`] (with the vendor's `message`),
/// then the whole body as `R`. A missing `status` is left to `R`: API #1 and #2 require it,
/// API #3 may omit it. Useful to read recorded answers with the client's own rules.
///
/// ```
/// use shipinsure_client::models::common::{default_is_success, read_answer};
/// use shipinsure_client::{Error, OperationId, TrackingDetailResponse};
/// let ok: TrackingDetailResponse = read_answer(
///     OperationId::InsertTrackingDetail,
///     br#"{"status": "success", "message": "inserted"}"#,
///     default_is_success,
/// )?;
/// assert_eq!(ok.message.as_deref(), Some("inserted"));
/// let refused = read_answer::<TrackingDetailResponse>(
///     OperationId::InsertTrackingDetail,
///     br#"{"status": "fail", "message": "unknown tracking_number"}"#,
///     default_is_success,
/// );
/// assert!(matches!(refused, Err(Error::Rejected { .. })));
/// # Ok::<(), Error>(())
/// ```
pub fn read_answer<R: DeserializeOwned>(
    operation: OperationId,
    body: &[u8],
    is_success: StatusRule,
) -> Result<R, Error> {
    let name = operation.name();
    let Envelope { status, message } = decode_json(name, body)?;
    if let Some(status) = status.filter(|s| !is_success(s)) {
        tracing::debug!(operation = name, status = %status, "the vendor rejected the call");
        return Err(Error::Rejected {
            operation: name,
            code: Some(status),
            message: message.unwrap_or_else(|| "no message given".to_owned()),
        });
    }
    decode_json(name, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_may_be_text_number_or_flag() {
        let e: Envelope = serde_json::from_str(r#"{"status": 200}"#).unwrap();
        assert_eq!(e.status.as_deref(), Some("200"));
        assert_eq!(e.message, None);
        let e: Envelope = serde_json::from_str(r#"{"status": true, "message": "done"}"#).unwrap();
        assert_eq!(e.status.as_deref(), Some("true"));
        assert_eq!(e.message.as_deref(), Some("done"));
        let e: Envelope = serde_json::from_str(r#"{"message": "no status"}"#).unwrap();
        assert_eq!(e.status, None);
        let e: Envelope = serde_json::from_str(r#"{"status": null}"#).unwrap();
        assert_eq!(e.status, None);
        assert!(serde_json::from_str::<Envelope>(r#"{"status": {"code": 1}}"#).is_err());
    }

    #[test]
    fn default_success_spellings() {
        for ok in ["success", "SUCCESS", " ok ", "true", "200", "1"] {
            assert!(default_is_success(ok), "{ok}");
        }
        for bad in [
            "fail",
            "failed",
            "error",
            "false",
            "0",
            "400",
            "",
            "successful?",
        ] {
            assert!(!default_is_success(bad), "{bad}");
        }
    }
}
