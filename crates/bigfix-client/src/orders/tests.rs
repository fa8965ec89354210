//! Unit tests of single-order models and validation.

use partner_core::validation::{Rule, Validate};
use serde_json::json;

use super::*;
use crate::rules::ValidationRules;

pub(crate) fn sample_order() -> RepairOrder {
    RepairOrder {
        repair_ref_no: "REP10001".into(),
        client_name: "Acme Warranty".into(),
        name: "Amit Patel".into(),
        customer_mobile: "9876543210".into(),
        customer_email: "amit@example.com".into(),
        engagement_type: EngagementType::Home,
        address_line1: "Flat 301, Tower A".into(),
        address_line2: None,
        city: "Bangalore".into(),
        state: "Karnataka".into(),
        pincode: "560001".into(),
        asset_type: "Laptop".into(),
        make: "Dell".into(),
        model: "XPS 15".into(),
        imei_no: "SN123456789".into(),
        centre_city: "Bangalore".into(),
        issue: "Battery not charging".into(),
        size: "15 inch".into(),
    }
}

#[test]
fn serialises_with_documented_wire_names() {
    let mut order = sample_order();
    let v = serde_json::to_value(&order).unwrap();
    assert_eq!(v["CustomerMobile"], "9876543210");
    assert_eq!(v["Engagement_Type"], "Home");
    assert_eq!(v["IMEINo"], "SN123456789");
    assert_eq!(v["repair_ref_no"], "REP10001");
    assert_eq!(v["centre_city"], "Bangalore");
    assert!(
        v.get("AddressLine2").is_none(),
        "an absent optional field is omitted"
    );
    assert_eq!(v.as_object().unwrap().len(), 17);
    order.address_line2 = Some("MG Road".into());
    order.engagement_type = EngagementType::WalkIn;
    let v = serde_json::to_value(&order).unwrap();
    assert_eq!(v["AddressLine2"], "MG Road");
    assert_eq!(v["Engagement_Type"], "Walk-in");
    let back: RepairOrder = serde_json::from_value(v).unwrap();
    assert_eq!(back, order);
}

#[test]
fn a_valid_order_passes() {
    sample_order().validate().unwrap();
}

#[test]
fn every_violation_is_reported_at_once() {
    let mut o = sample_order();
    o.customer_mobile = "98765".into();
    o.pincode = "56001".into();
    o.city = "Bangalore 1".into();
    o.state = "Karna_taka".into();
    o.customer_email = "amit.example.com".into();
    o.engagement_type = EngagementType::from_wire("Onsite");
    o.name = "  ".into();
    o.size = String::new();
    let err = o.validate().unwrap_err();
    let fmt = |e: &'static str| Rule::Format { expected: e.into() };
    assert!(err.has("CustomerMobile", &fmt("10 digits")));
    assert!(err.has("Pincode", &fmt("6 digits")));
    assert!(err.has("City", &fmt("letters and hyphens only")));
    assert!(err.has("State", &fmt("letters and hyphens only")));
    assert!(err.has("CustomerEmail", &fmt("an e-mail address")));
    assert!(err.has(
        "Engagement_Type",
        &Rule::OneOf {
            allowed: EngagementType::WIRE
        }
    ));
    assert!(err.has("Name", &Rule::Required));
    assert!(err.has("Size", &Rule::Required));
    assert_eq!(err.violations().len(), 8, "{err}");
}

#[test]
fn every_required_field_is_checked() {
    let empty = RepairOrder {
        repair_ref_no: String::new(),
        client_name: String::new(),
        name: String::new(),
        customer_mobile: String::new(),
        customer_email: String::new(),
        engagement_type: EngagementType::Home,
        address_line1: String::new(),
        address_line2: None,
        city: String::new(),
        state: String::new(),
        pincode: String::new(),
        asset_type: String::new(),
        make: String::new(),
        model: String::new(),
        imei_no: String::new(),
        centre_city: String::new(),
        issue: String::new(),
        size: String::new(),
    };
    let err = empty.validate().unwrap_err();
    // 17 required fields minus Engagement_Type (set), each reported once as Required.
    assert_eq!(err.violations().len(), 16, "{err}");
    assert!(err.violations().iter().all(|v| v.rule == Rule::Required));
    let blank_type = RepairOrder {
        engagement_type: EngagementType::from_wire(""),
        ..sample_order()
    };
    assert!(
        blank_type
            .validate()
            .unwrap_err()
            .has("Engagement_Type", &Rule::Required)
    );
}

#[test]
fn hyphenated_place_names_pass_and_spaces_are_a_switch() {
    let mut o = sample_order();
    o.city = "Navi-Mumbai".into();
    o.validate().unwrap();
    o.state = "Tamil Nadu".into();
    assert!(o.validate().is_err());
    o.validate_with(&ValidationRules::allowing_spaces_in_place_names())
        .unwrap();
}

#[test]
fn engagement_types_round_trip_and_keep_unknowns() {
    for (text, ty) in [
        ("Home", EngagementType::Home),
        ("Pickup", EngagementType::Pickup),
        ("Walk-in", EngagementType::WalkIn),
    ] {
        assert_eq!(EngagementType::from_wire(text), ty);
        assert_eq!(serde_json::to_value(&ty).unwrap(), json!(text));
    }
    let lower: EngagementType = serde_json::from_value(json!("walk-in")).unwrap();
    assert_eq!(lower, EngagementType::WalkIn);
    assert_eq!(serde_json::to_value(&lower).unwrap(), json!("Walk-in"));
    let other: EngagementType = serde_json::from_value(json!("Drone")).unwrap();
    assert_eq!(other, EngagementType::Unknown("Drone".into()));
    assert_eq!(serde_json::to_value(&other).unwrap(), json!("Drone"));
}

#[test]
fn response_is_typed() {
    let body = json!({
        "Success": "True",
        "Message": "Repair request has been raised successfully",
        "Status_code": "200",
        "DATA": {"request_id": "REPAIR202611230042", "service_request_id": "REP10001"}
    });
    let r: CreatedOrder = serde_json::from_value(body.clone()).unwrap();
    assert!(r.success);
    assert_eq!(r.status_code, Some(200));
    assert_eq!(r.data.service_request_id, "REP10001");
    assert_eq!(
        r.data.request_id.date(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
    );
    assert_eq!(r.data.request_id.suffix(), Some(42));
    assert_eq!(serde_json::to_value(&r).unwrap(), body);
}

#[test]
fn request_ids_are_checked_but_never_refused() {
    assert!(
        RequestId::new("REPAIR202602291234").date().is_none(),
        "2026 is not a leap year"
    );
    assert!(!RequestId::new("REPAIR2026112300421").is_well_formed());
    assert!(!RequestId::new("ORDER202611230042").is_well_formed());
    assert!(RequestId::new("REPAIR202402290001").is_well_formed());
    let id: RequestId = serde_json::from_value(json!("something-new")).unwrap();
    assert_eq!(id.as_str(), "something-new");
}
