//! API #3 - Cancel SME Delivery Order: cancelling the policy API #1 issued for an order.
//!
//! The JSON under API #3 lists the request fields plus `signature`, so it is read as the
//! request example (its `cancellation_time` gives the crate's timestamp format). It also
//! stands where API #1 and #2 show their responses, so the vendor may answer with that
//! echo. [`CancelDeliveryResponse`] reads both: the `status`/`message` envelope of API #2
//! (a failure `status` is an error) and the echoed fields, all optional, so a bare echo
//! without `status` is a success too.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::policy::PolicyId;

/// The body of API #3, without the `signature` (the client adds it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CancelDeliveryRequest {
    /// `tracking_number` (required); part of the signature.
    pub tracking_number: String,
    /// `policy_id` (required): the one API #1 returned for this order.
    pub policy_id: PolicyId,
    /// `canceled_by` (required): who cancelled (the partner's staff member).
    pub canceled_by: String,
    /// `cancellation_reason` (required).
    pub cancellation_reason: String,
    /// `cancellation_time` (required), sent as `2022-04-06T06:05:00.528Z` like the example.
    #[serde(with = "crate::wire::timestamp")]
    pub cancellation_time: DateTime<Utc>,
}

impl CancelDeliveryRequest {
    /// A cancellation of the policy `policy_id` of order `tracking_number`.
    ///
    /// ```
    /// use chrono::Utc;
    /// use shipinsure_client::{CancelDeliveryRequest, PolicyId};
    /// let cancel = CancelDeliveryRequest::new("SME0001234", PolicyId::new("POL-1"), "cs.agent", "customer request", Utc::now());
    /// assert_eq!(cancel.policy_id.as_str(), "POL-1");
    /// ```
    pub fn new(
        tracking_number: impl Into<String>,
        policy_id: PolicyId,
        canceled_by: impl Into<String>,
        cancellation_reason: impl Into<String>,
        cancellation_time: DateTime<Utc>,
    ) -> Self {
        CancelDeliveryRequest {
            tracking_number: tracking_number.into(),
            policy_id,
            canceled_by: canceled_by.into(),
            cancellation_reason: cancellation_reason.into(),
            cancellation_time,
        }
    }
}

/// The answer to API #3: a success `status` (failures are errors), or the echo of the
/// cancellation the document shows under API #3, or both. Every field is optional because
/// the document shows no response of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CancelDeliveryResponse {
    /// `status` as the vendor sent it (a success spelling), or `None` for a bare echo.
    #[serde(default, deserialize_with = "crate::wire::optional_status_text")]
    pub status: Option<String>,
    /// `message`.
    #[serde(default)]
    pub message: Option<String>,
    /// `tracking_number`, when the vendor echoes it.
    #[serde(default)]
    pub tracking_number: Option<String>,
    /// `policy_id`, when the vendor echoes it.
    #[serde(default)]
    pub policy_id: Option<PolicyId>,
    /// `canceled_by`, when the vendor echoes it.
    #[serde(default)]
    pub canceled_by: Option<String>,
    /// `cancellation_reason`, when the vendor echoes it.
    #[serde(default)]
    pub cancellation_reason: Option<String>,
    /// `cancellation_time`, when the vendor echoes it: `2022-04-06T06:05:00.528Z` as sent,
    /// or (read leniently) an epoch integer in seconds or milliseconds.
    #[serde(default, with = "crate::wire::timestamp::echoed")]
    pub cancellation_time: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn documented_example_round_trips() {
        let example = json!({
            "tracking_number": "string",
            "policy_id": "string",
            "canceled_by": "string",
            "cancellation_time": "2022-04-06T06:05:00.528Z",
            "cancellation_reason": "string"
        });
        let req: CancelDeliveryRequest = serde_json::from_value(example.clone()).unwrap();
        assert_eq!(req.policy_id, PolicyId::new("string"));
        assert_eq!(serde_json::to_value(&req).unwrap(), example);
    }

    #[test]
    fn the_documented_echo_reads_as_a_response() {
        let echo = json!({
            "tracking_number": "string",
            "policy_id": "string",
            "canceled_by": "string",
            "cancellation_time": "2022-04-06T06:05:00.528Z",
            "cancellation_reason": "string",
            "signature": "string"
        });
        let r: CancelDeliveryResponse = serde_json::from_value(echo).unwrap();
        assert_eq!(r.status, None);
        assert_eq!(r.policy_id, Some(PolicyId::new("string")));
        assert_eq!(r.canceled_by.as_deref(), Some("string"));
        assert_eq!(
            r.cancellation_time
                .map(|t| crate::wire::timestamp::format(&t)),
            Some("2022-04-06T06:05:00.528Z".to_owned())
        );
        let r: CancelDeliveryResponse =
            serde_json::from_value(json!({"status": "success", "message": "done"})).unwrap();
        assert_eq!(r.status.as_deref(), Some("success"));
        assert_eq!(r.cancellation_time, None);
    }
}
