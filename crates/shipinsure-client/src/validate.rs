//! The document's rules for request bodies, checked before anything is sent: every field
//! marked `*` must be filled in, amounts and quantities are integers in range, and an
//! update carries at least one tracking event. Violations name fields by their wire names.

use partner_core::validation::{Rule, Validate, Validator};

use crate::models::{CancelDeliveryRequest, SubmitDeliveryRequest, TrackingDetailRequest};

impl Validate for SubmitDeliveryRequest {
    /// Required strings non-blank, amounts non-negative, `good_quantity` at least 1.
    /// Fields are named by their wire names.
    fn validate_into(&self, v: &mut Validator) {
        v.required("tracking_number", &self.tracking_number)
            .required("product_code", &self.product_code)
            .required("customer_name", &self.customer.name)
            .required("customer_phone", &self.customer.phone)
            .required("pickup_address", &self.addresses.pickup)
            .required("drop_up_address", &self.addresses.drop_off)
            .required("type_of_goods", &self.goods.kind)
            .required("goods_description", &self.goods.description);
        let a = &self.amounts;
        for (field, value) in [
            ("cod_amount", a.cod_amount),
            ("item_value", a.item_value),
            ("premium_amount", a.premium_amount),
        ] {
            v.min(field, value, 0);
        }
        v.min("good_quantity", self.goods.quantity, 1);
    }
}

impl Validate for CancelDeliveryRequest {
    /// Every string non-blank; in particular the `policy_id` from API #1.
    fn validate_into(&self, v: &mut Validator) {
        v.required("tracking_number", &self.tracking_number)
            .required("policy_id", self.policy_id.as_str())
            .required("canceled_by", &self.canceled_by)
            .required("cancellation_reason", &self.cancellation_reason);
    }
}

impl Validate for TrackingDetailRequest {
    /// `tracking_number` non-blank, at least one event, and a status that is not blank
    /// (a [`DeliveryStatus::Unknown`](crate::DeliveryStatus::Unknown) value is sent as given, for statuses the vendor adds).
    fn validate_into(&self, v: &mut Validator) {
        v.required("tracking_number", &self.tracking_number)
            .required("delivery_status", self.delivery_status.as_str())
            .check(
                "tracking_detail",
                !self.events.is_empty(),
                Rule::MinItems { min: 1 },
            );
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::models::{
        Addresses, Amounts, Customer, DeliveryStatus, Goods, PolicyId, TrackingEvent,
    };

    fn request() -> SubmitDeliveryRequest {
        SubmitDeliveryRequest::new(
            "T1",
            "ahasme",
            Customer::new("An", "0901"),
            Addresses::new("A st", "B st"),
            Goods::new("food", "rice", 2),
            Amounts::new(0, 100, 5),
            Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap(),
        )
    }

    #[test]
    fn reports_every_violation_by_wire_name() {
        let mut req = request();
        req.tracking_number = " ".into();
        req.customer.phone.clear();
        req.addresses.drop_off.clear();
        req.amounts = Amounts::new(-1, -2, -3);
        req.goods.quantity = 0;
        let err = req.validate().unwrap_err();
        let fields: Vec<&str> = err.violations().iter().map(|v| v.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "tracking_number",
                "customer_phone",
                "drop_up_address",
                "cod_amount",
                "item_value",
                "premium_amount",
                "good_quantity"
            ]
        );
        assert!(err.has("good_quantity", &Rule::Min { min: 1 }));
        assert!(err.has("premium_amount", &Rule::Min { min: 0 }));
        assert!(err.has("drop_up_address", &Rule::Required));
    }

    #[test]
    fn zero_amounts_and_one_item_are_valid() {
        let mut req = request();
        req.amounts = Amounts::new(0, 0, 0);
        req.goods.quantity = 1;
        assert!(req.validate().is_ok());
    }

    #[test]
    fn a_policy_id_is_required() {
        let req = CancelDeliveryRequest::new("T1", PolicyId::new(""), "", "why", Utc::now());
        let err = req.validate().unwrap_err();
        assert!(err.has("policy_id", &Rule::Required));
        assert!(err.has("canceled_by", &Rule::Required));
        assert_eq!(err.violations().len(), 2);
    }

    #[test]
    fn validation_reports_all_problems() {
        let req = TrackingDetailRequest::new("", DeliveryStatus::Unknown(" ".into()), vec![]);
        let err = req.validate().unwrap_err();
        assert!(err.has("tracking_number", &Rule::Required));
        assert!(err.has("delivery_status", &Rule::Required));
        assert!(err.has("tracking_detail", &Rule::MinItems { min: 1 }));
        assert_eq!(err.violations().len(), 3);
        let ok = TrackingDetailRequest::new(
            "T1",
            DeliveryStatus::Unknown("lost".into()),
            vec![TrackingEvent::new(Utc::now())],
        );
        assert!(ok.validate().is_ok());
    }
}
