//! The document's rules for request bodies, checked before anything is sent.
//!
//! Client-side checks refuse only what the document unambiguously forbids; where its text
//! admits two readings the lenient one is the default and the strict one is opt-in through
//! the common option `.strictness(Strictness::Strict)` (all of them) or, for single rules,
//! [`ValidationRules`] (the vendor's server is the final judge). Always checked: every
//! field marked `*` is filled in (not empty or only whitespace), since a required value left
//! blank is no value. Opt-in ([`ValidationRules::STRICT`]), because the document types these
//! fields without stating a range: amounts not negative, `good_quantity` at least 1, at
//! least one `tracking_detail` event, a `delivery_status` among the seven listed.
//! Violations name fields by their wire names.

use partner_core::Strictness;
use partner_core::validation::{Rule, Validate, ValidationErrors, Validator};

use crate::models::{
    CancelDeliveryRequest, DeliveryStatus, SubmitDeliveryRequest, TrackingDetailRequest,
};

/// Which readings of the document's ambiguous rules are enforced before sending. The
/// default ([`ValidationRules::LENIENT`]) refuses only what the document forbids outright;
/// turn single checks on, or all with [`ValidationRules::STRICT`], to catch what your
/// vendor account refuses before a round trip.
///
/// ```
/// use shipinsure_client::validate::ValidationRules;
/// let rules = ValidationRules::LENIENT.with_non_negative_amounts(true);
/// assert!(rules.non_negative_amounts && !rules.positive_quantity);
/// assert_eq!(ValidationRules::default(), ValidationRules::LENIENT);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ValidationRules {
    /// Refuse a negative `cod_amount`, `item_value` or `premium_amount` (API #1 types them
    /// "interger" and states no range).
    pub non_negative_amounts: bool,
    /// Refuse a `good_quantity` below 1 (API #1 types it "Interger" and states no range).
    pub positive_quantity: bool,
    /// Refuse an empty `tracking_detail` (API #2 marks the array required, `tracking_detail*`,
    /// which may mean present or non-empty).
    pub at_least_one_event: bool,
    /// Refuse a `delivery_status` outside the seven API #2 lists (by default a value the
    /// vendor added later is sent as given).
    pub documented_statuses_only: bool,
}

impl ValidationRules {
    /// Only what the document forbids outright: required fields filled in (the default).
    pub const LENIENT: ValidationRules = ValidationRules {
        non_negative_amounts: false,
        positive_quantity: false,
        at_least_one_event: false,
        documented_statuses_only: false,
    };

    /// Every strict reading: non-negative amounts, `good_quantity` at least 1, at least one
    /// event, documented delivery statuses only.
    pub const STRICT: ValidationRules = ValidationRules {
        non_negative_amounts: true,
        positive_quantity: true,
        at_least_one_event: true,
        documented_statuses_only: true,
    };

    /// The rules of a common [`Strictness`]: [`LENIENT`](Self::LENIENT) or
    /// [`STRICT`](Self::STRICT).
    ///
    /// ```
    /// use shipinsure_client::{Strictness, ValidationRules};
    /// assert_eq!(ValidationRules::for_strictness(Strictness::Strict), ValidationRules::STRICT);
    /// ```
    pub const fn for_strictness(strictness: Strictness) -> Self {
        match strictness {
            Strictness::Strict => Self::STRICT,
            _ => Self::LENIENT,
        }
    }

    /// Sets [`ValidationRules::non_negative_amounts`].
    pub const fn with_non_negative_amounts(mut self, on: bool) -> Self {
        self.non_negative_amounts = on;
        self
    }

    /// Sets [`ValidationRules::positive_quantity`].
    pub const fn with_positive_quantity(mut self, on: bool) -> Self {
        self.positive_quantity = on;
        self
    }

    /// Sets [`ValidationRules::at_least_one_event`].
    pub const fn with_at_least_one_event(mut self, on: bool) -> Self {
        self.at_least_one_event = on;
        self
    }

    /// Sets [`ValidationRules::documented_statuses_only`].
    pub const fn with_documented_statuses_only(mut self, on: bool) -> Self {
        self.documented_statuses_only = on;
        self
    }
}

/// A request checked against [`ValidationRules`]. Its [`Validate`] implementation applies
/// [`ValidationRules::LENIENT`]; the client applies the rules set with
/// [`ShipInsureClientBuilder::validation_rules`](crate::ShipInsureClientBuilder::validation_rules).
pub trait ValidateWith: Validate {
    /// Records every violation of `rules` into `v`.
    fn validate_into_with(&self, v: &mut Validator, rules: &ValidationRules);

    /// Checks the request under `rules`, reporting every violation at once.
    ///
    /// ```
    /// use chrono::Utc;
    /// use shipinsure_client::validate::{ValidateWith, ValidationRules};
    /// use shipinsure_client::{DeliveryStatus, TrackingDetailRequest};
    /// let update = TrackingDetailRequest::new("SME0001234", DeliveryStatus::InDelivery, vec![]);
    /// assert!(update.validate_with(&ValidationRules::LENIENT).is_ok());
    /// assert!(update.validate_with(&ValidationRules::STRICT).is_err());
    /// ```
    fn validate_with(&self, rules: &ValidationRules) -> Result<(), ValidationErrors> {
        let mut v = Validator::new();
        self.validate_into_with(&mut v, rules);
        v.finish()
    }
}

macro_rules! lenient_by_default {
    ($($ty:ty),+) => {$(
        impl Validate for $ty {
            /// The rules of [`ValidationRules::LENIENT`].
            fn validate_into(&self, v: &mut Validator) {
                self.validate_into_with(v, &ValidationRules::LENIENT);
            }
        }
    )+};
}

lenient_by_default!(
    SubmitDeliveryRequest,
    CancelDeliveryRequest,
    TrackingDetailRequest
);

impl ValidateWith for SubmitDeliveryRequest {
    /// The 13 required fields of API #1 that are text filled in; with the strict rules also
    /// amounts >= 0 and `good_quantity` >= 1.
    fn validate_into_with(&self, v: &mut Validator, rules: &ValidationRules) {
        v.required("tracking_number", &self.tracking_number)
            .required("product_code", &self.product_code)
            .required("customer_name", &self.customer.name)
            .required("customer_phone", &self.customer.phone)
            .required("pickup_address", &self.addresses.pickup)
            .required("drop_up_address", &self.addresses.drop_off)
            .required("type_of_goods", &self.goods.kind)
            .required("goods_description", &self.goods.description);
        if rules.non_negative_amounts {
            let a = &self.amounts;
            for (field, value) in [
                ("cod_amount", a.cod_amount),
                ("item_value", a.item_value),
                ("premium_amount", a.premium_amount),
            ] {
                v.min(field, value, 0);
            }
        }
        if rules.positive_quantity {
            v.min("good_quantity", self.goods.quantity, 1);
        }
    }
}

impl ValidateWith for CancelDeliveryRequest {
    /// Every field of API #3 is required: each string filled in, in particular the
    /// `policy_id` from API #1. No rule is ambiguous here.
    fn validate_into_with(&self, v: &mut Validator, _rules: &ValidationRules) {
        v.required("tracking_number", &self.tracking_number)
            .required("policy_id", self.policy_id.as_str())
            .required("canceled_by", &self.canceled_by)
            .required("cancellation_reason", &self.cancellation_reason);
    }
}

/// The seven values API #2 lists for `delivery_status`.
const DOCUMENTED_STATUSES: &[&str] = &[
    "created",
    "in_process",
    "in_delivery",
    "success",
    "fail",
    "in_return",
    "returned",
];

impl ValidateWith for TrackingDetailRequest {
    /// `tracking_number` and `delivery_status` filled in (a
    /// [`DeliveryStatus::Unknown`] value is sent as given, for statuses the vendor adds);
    /// with the strict rules also at least one event and a documented status.
    fn validate_into_with(&self, v: &mut Validator, rules: &ValidationRules) {
        v.required("tracking_number", &self.tracking_number)
            .required("delivery_status", self.delivery_status.as_str());
        if rules.at_least_one_event {
            v.check(
                "tracking_detail",
                !self.events.is_empty(),
                Rule::MinItems { min: 1 },
            );
        }
        let status = &self.delivery_status;
        if rules.documented_statuses_only
            && matches!(status, DeliveryStatus::Unknown(s) if !s.trim().is_empty())
        {
            v.push(
                "delivery_status",
                Rule::OneOf {
                    allowed: DOCUMENTED_STATUSES,
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::models::{Addresses, Amounts, Customer, Goods, PolicyId, TrackingEvent};

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

    fn fields(err: &ValidationErrors) -> Vec<&str> {
        err.violations().iter().map(|v| v.field.as_str()).collect()
    }

    #[test]
    fn reports_every_violation_by_wire_name() {
        let mut req = request();
        req.tracking_number = " ".into();
        req.customer.phone.clear();
        req.addresses.drop_off.clear();
        req.amounts = Amounts::new(-1, -2, -3);
        req.goods.quantity = 0;
        let err = req.validate_with(&ValidationRules::STRICT).unwrap_err();
        assert_eq!(
            fields(&err),
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
        // The default reading refuses only the blank required fields.
        let err = req.validate().unwrap_err();
        assert_eq!(
            fields(&err),
            ["tracking_number", "customer_phone", "drop_up_address"]
        );
        assert_eq!(req.validate_with(&ValidationRules::LENIENT), Err(err));
    }

    #[test]
    fn ranges_the_document_does_not_state_are_opt_in() {
        // API #1 types amounts and good_quantity as "interger" without a range.
        let mut req = request();
        req.amounts = Amounts::new(-1, -2, -3);
        req.goods.quantity = 0;
        assert!(req.validate().is_ok());
        let only_amounts = ValidationRules::LENIENT.with_non_negative_amounts(true);
        let err = req.validate_with(&only_amounts).unwrap_err();
        assert_eq!(fields(&err), ["cod_amount", "item_value", "premium_amount"]);
        let only_quantity = ValidationRules::LENIENT.with_positive_quantity(true);
        let err = req.validate_with(&only_quantity).unwrap_err();
        assert_eq!(fields(&err), ["good_quantity"]);
    }

    #[test]
    fn zero_amounts_and_one_item_are_valid() {
        let mut req = request();
        req.amounts = Amounts::new(0, 0, 0);
        req.goods.quantity = 1;
        assert!(req.validate_with(&ValidationRules::STRICT).is_ok());
    }

    #[test]
    fn a_policy_id_is_required() {
        let req = CancelDeliveryRequest::new("T1", PolicyId::new(""), "", "why", Utc::now());
        for rules in [ValidationRules::LENIENT, ValidationRules::STRICT] {
            let err = req.validate_with(&rules).unwrap_err();
            assert!(err.has("policy_id", &Rule::Required));
            assert!(err.has("canceled_by", &Rule::Required));
            assert_eq!(err.violations().len(), 2);
        }
    }

    #[test]
    fn validation_reports_all_problems() {
        let req = TrackingDetailRequest::new("", DeliveryStatus::Unknown(" ".into()), vec![]);
        let err = req.validate_with(&ValidationRules::STRICT).unwrap_err();
        assert!(err.has("tracking_number", &Rule::Required));
        assert!(err.has("delivery_status", &Rule::Required));
        assert!(err.has("tracking_detail", &Rule::MinItems { min: 1 }));
        assert_eq!(err.violations().len(), 3);
        let err = req.validate().unwrap_err();
        assert_eq!(fields(&err), ["tracking_number", "delivery_status"]);
        let ok = TrackingDetailRequest::new(
            "T1",
            DeliveryStatus::Unknown("lost".into()),
            vec![TrackingEvent::new(Utc::now())],
        );
        assert!(ok.validate().is_ok());
    }

    #[test]
    fn events_and_documented_statuses_are_opt_in() {
        // `tracking_detail*` is required: present, but maybe empty; the seven statuses are
        // listed, but the vendor may add more.
        let req = TrackingDetailRequest::new("T1", DeliveryStatus::from_wire("lost"), vec![]);
        assert!(req.validate().is_ok());
        let err = req
            .validate_with(&ValidationRules::LENIENT.with_at_least_one_event(true))
            .unwrap_err();
        assert_eq!(fields(&err), ["tracking_detail"]);
        let err = req
            .validate_with(&ValidationRules::LENIENT.with_documented_statuses_only(true))
            .unwrap_err();
        assert!(err.has(
            "delivery_status",
            &Rule::OneOf {
                allowed: DOCUMENTED_STATUSES
            }
        ));
        assert_eq!(DOCUMENTED_STATUSES.len(), DeliveryStatus::ALL.len());
        for status in DeliveryStatus::ALL {
            assert!(DOCUMENTED_STATUSES.contains(&status.as_str()));
        }
    }
}
