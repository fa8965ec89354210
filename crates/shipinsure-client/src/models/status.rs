//! `delivery_status` of API #2: the seven documented values, and room for more.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Where a delivery order stands ("created, in_process, in_delivery, success, fail,
/// in_return, returned").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DeliveryStatus {
    /// `created`: the order exists.
    Created,
    /// `in_process`: being prepared (picked up, in the warehouse).
    InProcess,
    /// `in_delivery`: on its way to the recipient.
    InDelivery,
    /// `success`: delivered.
    Success,
    /// `fail`: delivery failed.
    Fail,
    /// `in_return`: on its way back to the sender.
    InReturn,
    /// `returned`: back with the sender.
    Returned,
    /// A value the document does not list, kept as sent.
    Unknown(String),
}

impl DeliveryStatus {
    /// The seven documented values, in document order.
    pub const DOCUMENTED: [DeliveryStatus; 7] = [
        DeliveryStatus::Created,
        DeliveryStatus::InProcess,
        DeliveryStatus::InDelivery,
        DeliveryStatus::Success,
        DeliveryStatus::Fail,
        DeliveryStatus::InReturn,
        DeliveryStatus::Returned,
    ];

    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            DeliveryStatus::Created => "created",
            DeliveryStatus::InProcess => "in_process",
            DeliveryStatus::InDelivery => "in_delivery",
            DeliveryStatus::Success => "success",
            DeliveryStatus::Fail => "fail",
            DeliveryStatus::InReturn => "in_return",
            DeliveryStatus::Returned => "returned",
            DeliveryStatus::Unknown(other) => other,
        }
    }

    /// The status for a wire value; values the document does not list become `Unknown`.
    ///
    /// ```
    /// use shipinsure_client::DeliveryStatus;
    /// assert_eq!(DeliveryStatus::from_wire("in_delivery"), DeliveryStatus::InDelivery);
    /// assert_eq!(DeliveryStatus::from_wire("lost"), DeliveryStatus::Unknown("lost".into()));
    /// ```
    pub fn from_wire(value: &str) -> Self {
        Self::DOCUMENTED
            .into_iter()
            .find(|s| s.as_str() == value)
            .unwrap_or_else(|| DeliveryStatus::Unknown(value.to_owned()))
    }
}

impl fmt::Display for DeliveryStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for DeliveryStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for DeliveryStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self::from_wire(&String::deserialize(deserializer)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_value_round_trips() {
        let wire = [
            "created",
            "in_process",
            "in_delivery",
            "success",
            "fail",
            "in_return",
            "returned",
        ];
        for (status, text) in DeliveryStatus::DOCUMENTED.iter().zip(wire) {
            let json = serde_json::to_string(status).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            let back: DeliveryStatus = serde_json::from_str(&json).unwrap();
            assert_eq!(&back, status);
            assert!(
                !matches!(back, DeliveryStatus::Unknown(_)),
                "{text} is documented"
            );
            assert_eq!(status.to_string(), text);
        }
    }

    #[test]
    fn unknown_values_are_kept() {
        let s: DeliveryStatus = serde_json::from_str("\"lost_in_transit\"").unwrap();
        assert_eq!(s, DeliveryStatus::Unknown("lost_in_transit".into()));
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"lost_in_transit\"");
        // Matching is exact: the document's values are lowercase.
        assert_eq!(
            DeliveryStatus::from_wire("Success"),
            DeliveryStatus::Unknown("Success".into())
        );
    }
}
