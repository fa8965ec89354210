//! What API #1 answers: the policy issued for an insured delivery order. Its id is what
//! a cancellation (API #3) needs.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The policy number API #1 returns. A cancellation (API #3) needs it, so keep it with
/// the order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PolicyId(String);

impl PolicyId {
    /// A policy id you stored earlier.
    pub fn new(id: impl Into<String>) -> Self {
        PolicyId(id.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PolicyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for PolicyId {
    fn from(id: String) -> Self {
        PolicyId(id)
    }
}

impl From<&str> for PolicyId {
    fn from(id: &str) -> Self {
        PolicyId(id.to_owned())
    }
}

/// The answer to API #1 when its `status` says success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubmitDeliveryResponse {
    /// `status` as the vendor sent it (a success spelling; failures are errors).
    #[serde(deserialize_with = "crate::wire::status_text")]
    pub status: String,
    /// `message`.
    #[serde(default)]
    pub message: Option<String>,
    /// `policy_id`: the insurance policy issued for the order.
    pub policy_id: PolicyId,
    /// `url_certificate`: where the insurance certificate can be downloaded.
    #[serde(default)]
    pub url_certificate: Option<String>,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn response_tolerates_missing_optionals_and_unknown_fields() {
        let r: SubmitDeliveryResponse =
            serde_json::from_value(json!({"status": "success", "policy_id": "P1", "extra": 1}))
                .unwrap();
        assert_eq!(r.policy_id, PolicyId::new("P1"));
        assert_eq!(r.message, None);
        assert_eq!(r.url_certificate, None);
    }

    #[test]
    fn policy_id_is_plain_text_on_the_wire() {
        let id: PolicyId = serde_json::from_value(json!("POL-7")).unwrap();
        assert_eq!(id, PolicyId::from("POL-7"));
        assert_eq!(id.to_string(), "POL-7");
        assert_eq!(serde_json::to_value(&id).unwrap(), json!("POL-7"));
    }
}
