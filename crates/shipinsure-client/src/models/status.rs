//! `delivery_status` of API #2: the seven documented values, and room for more.

partner_core::open_enum! {
    /// Where a delivery order stands ("created, in_process, in_delivery, success, fail,
    /// in_return, returned"). Values the document does not list are kept in `Unknown` and
    /// sent back unchanged.
    pub enum DeliveryStatus {
        /// `created`: the order exists.
        Created = "created",
        /// `in_process`: being prepared (picked up, in the warehouse).
        InProcess = "in_process",
        /// `in_delivery`: on its way to the recipient.
        InDelivery = "in_delivery",
        /// `success`: delivered.
        Success = "success",
        /// `fail`: delivery failed.
        Fail = "fail",
        /// `in_return`: on its way back to the sender.
        InReturn = "in_return",
        /// `returned`: back with the sender.
        Returned = "returned",
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
        assert_eq!(DeliveryStatus::ALL.len(), wire.len());
        for (status, text) in DeliveryStatus::ALL.iter().zip(wire) {
            let json = serde_json::to_string(status).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            let back: DeliveryStatus = serde_json::from_str(&json).unwrap();
            assert_eq!(&back, status);
            assert!(!back.is_unknown(), "{text} is documented");
            assert_eq!(status.to_string(), text);
        }
    }

    #[test]
    fn unknown_values_are_kept() {
        let s: DeliveryStatus = serde_json::from_str("\"lost_in_transit\"").unwrap();
        assert_eq!(s, DeliveryStatus::Unknown("lost_in_transit".into()));
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"lost_in_transit\"");
        // Other casing reads as the documented value and is written in the document's spelling.
        let s: DeliveryStatus = serde_json::from_str("\"In_Delivery\"").unwrap();
        assert_eq!(s, DeliveryStatus::InDelivery);
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"in_delivery\"");
    }
}
