//! Errors of this crate: everything partner-core reports, plus the two answers this vendor
//! gives a meaning of their own: a duplicate submit (HTTP 409 to API #1) and the cancel of a
//! policy that is already cancelled (API #3).

use partner_core::{ConfigError, RequestSent, ValidationErrors};

use crate::models::PolicyId;

/// Everything a shipinsure call can fail with.
///
/// ```no_run
/// # use shipinsure_client::*;
/// # async fn run(client: ShipInsureClient, order: SubmitDeliveryRequest) -> Result<(), ShipInsureError> {
/// match client.deliveries().submit(&order).await {
///     Ok(policy) => println!("insured as {}", policy.policy_id),
///     Err(ShipInsureError::Duplicate { tracking_number, .. }) => {
///         println!("{tracking_number} already has a policy");
///     }
///     Err(e) if e.is_retryable() => println!("try again later: {e}"),
///     Err(e) => return Err(e),
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ShipInsureError {
    /// Configuration, client-side validation, signing, transport, other statuses (401/403 is
    /// [`partner_core::Error::Auth`]), decoding, or a 2xx answer whose `status` is not a
    /// success ([`partner_core::Error::Rejected`]).
    #[error(transparent)]
    Core(#[from] partner_core::Error),

    /// API #1 answered HTTP 409: the order's `tracking_number` ("the unique key" of a
    /// delivery order) is already insured. If an earlier submit of the same order timed out
    /// or lost its connection, this usually means that attempt succeeded; the document has
    /// no call to read the policy back, so ask the vendor for its `policy_id`.
    #[error(
        "SubmitSmeDelivery: tracking_number `{tracking_number}` is already insured (HTTP 409): {message}"
    )]
    Duplicate {
        /// The tracking number that is already insured.
        tracking_number: String,
        /// The vendor's message, or the reason phrase when the answer had none.
        message: String,
    },

    /// API #3: the vendor says this policy is already cancelled (HTTP 409, or a 2xx answer
    /// with a failure `status`, whose message says "already cancelled"). The policy *is*
    /// cancelled: after a retried cancel this is usually the first attempt's work, so a
    /// caller that wanted it cancelled can treat this as done. Any other refusal stays a
    /// [`ShipInsureError::Core`] error.
    #[error(
        "CancelSmeDeliveryOrder: policy `{policy_id}` of `{tracking_number}` is already cancelled: {message}"
    )]
    AlreadyCancelled {
        /// The order's tracking number.
        tracking_number: String,
        /// The policy that is cancelled.
        policy_id: PolicyId,
        /// The vendor's message.
        message: String,
    },
}

impl ShipInsureError {
    /// The partner-core error, when this is one.
    pub fn core(&self) -> Option<&partner_core::Error> {
        match self {
            ShipInsureError::Core(e) => Some(e),
            _ => None,
        }
    }

    /// The client-side validation failures, when this is one.
    pub fn validation(&self) -> Option<&ValidationErrors> {
        self.core().and_then(partner_core::Error::validation)
    }

    /// The HTTP status of the answer, when there was one: 409 for a duplicate.
    pub fn status(&self) -> Option<u16> {
        match self {
            ShipInsureError::Core(e) => e.status(),
            ShipInsureError::Duplicate { .. } => Some(409),
            ShipInsureError::AlreadyCancelled { .. } => None,
        }
    }

    /// True when sending the same request again may succeed (see
    /// [`partner_core::Error::is_retryable`]); never for a duplicate or a cancelled policy.
    pub fn is_retryable(&self) -> bool {
        self.core().is_some_and(partner_core::Error::is_retryable)
    }

    /// Whether the vendor may have received the request.
    pub fn request_sent(&self) -> RequestSent {
        match self {
            ShipInsureError::Core(e) => e.request_sent(),
            _ => RequestSent::Yes,
        }
    }

    /// True for [`ShipInsureError::Duplicate`].
    pub fn is_duplicate(&self) -> bool {
        matches!(self, ShipInsureError::Duplicate { .. })
    }

    /// True for [`ShipInsureError::AlreadyCancelled`].
    pub fn is_already_cancelled(&self) -> bool {
        matches!(self, ShipInsureError::AlreadyCancelled { .. })
    }
}

impl From<ValidationErrors> for ShipInsureError {
    fn from(e: ValidationErrors) -> Self {
        ShipInsureError::Core(partner_core::Error::Validation(e))
    }
}

impl From<ConfigError> for ShipInsureError {
    fn from(e: ConfigError) -> Self {
        ShipInsureError::Core(partner_core::Error::Config(e))
    }
}

/// An answer to API #1: HTTP 409 is [`ShipInsureError::Duplicate`], whatever its body
/// (the vendor may send none).
pub(crate) fn submit_error(error: partner_core::Error, tracking_number: &str) -> ShipInsureError {
    match error {
        partner_core::Error::Status {
            status: 409,
            message,
            ..
        } => ShipInsureError::Duplicate {
            tracking_number: tracking_number.to_owned(),
            message,
        },
        other => ShipInsureError::Core(other),
    }
}

/// An answer to API #3: a 409 or a 2xx refusal saying "already cancelled" (or "already
/// canceled") is [`ShipInsureError::AlreadyCancelled`]; anything else is left as it is.
pub(crate) fn cancel_error(
    error: partner_core::Error,
    tracking_number: &str,
    policy_id: &PolicyId,
) -> ShipInsureError {
    let says_cancelled = match &error {
        partner_core::Error::Status {
            status: 409,
            message,
            body_excerpt,
            ..
        } => says_already_cancelled(message) || says_already_cancelled(body_excerpt),
        partner_core::Error::Rejected { message, .. } => says_already_cancelled(message),
        _ => false,
    };
    match error {
        partner_core::Error::Status { message, .. }
        | partner_core::Error::Rejected { message, .. }
            if says_cancelled =>
        {
            ShipInsureError::AlreadyCancelled {
                tracking_number: tracking_number.to_owned(),
                policy_id: policy_id.clone(),
                message,
            }
        }
        other => ShipInsureError::Core(other),
    }
}

/// "Policy already cancelled", "already canceled", in any case.
fn says_already_cancelled(text: &str) -> bool {
    text.to_ascii_lowercase().contains("already cancel")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(code: u16, message: &str, body: &str) -> partner_core::Error {
        partner_core::Error::Status {
            operation: "CancelSmeDeliveryOrder",
            status: code,
            message: message.to_owned(),
            body_excerpt: body.to_owned(),
        }
    }

    #[test]
    fn any_409_to_a_submit_is_a_duplicate() {
        let e = submit_error(status(409, "Conflict", ""), "T1");
        assert!(
            matches!(&e, ShipInsureError::Duplicate { tracking_number, message } if tracking_number == "T1" && message == "Conflict"),
            "{e:?}"
        );
        assert_eq!(e.status(), Some(409));
        assert!(!e.is_retryable());
        assert_eq!(e.request_sent(), RequestSent::Yes);
        let e = submit_error(status(400, "bad", ""), "T1");
        assert!(matches!(&e, ShipInsureError::Core(_)), "{e:?}");
        assert_eq!(e.status(), Some(400));
    }

    #[test]
    fn only_an_already_cancelled_answer_is_already_cancelled() {
        let policy = PolicyId::new("POL-1");
        for (error, cancelled) in [
            (status(409, "Policy already cancelled", ""), true),
            (status(409, "Conflict", "Policy ALREADY CANCELED"), true),
            (
                partner_core::Error::Rejected {
                    operation: "CancelSmeDeliveryOrder",
                    code: Some("fail".into()),
                    message: "policy already cancelled".into(),
                },
                true,
            ),
            (status(409, "Conflict", ""), false),
            (status(409, "policy_id does not match", "{}"), false),
            (status(500, "already cancelled", ""), false),
        ] {
            let text = format!("{error:?}");
            let e = cancel_error(error, "T1", &policy);
            assert_eq!(e.is_already_cancelled(), cancelled, "{text}");
        }
    }
}
