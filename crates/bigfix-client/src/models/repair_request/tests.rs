//! Unit tests of single-order models (the rules are tested in `validate`).

use serde_json::json;

use super::*;
use crate::models::test_data::sample_order;

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

#[test]
fn a_success_flag_that_is_absent_or_null_is_the_http_status_s_success() {
    for body in [
        json!({"DATA": {"request_id": "REPAIR202611230042", "service_request_id": "REP10001"}}),
        json!({"Success": null, "Message": null, "Status_code": null,
               "DATA": {"request_id": "REPAIR202611230042", "service_request_id": "REP10001"}}),
    ] {
        let r = CreatedOrder::from_json(body.to_string().as_bytes()).unwrap();
        assert!(r.success);
        assert_eq!(r.data.request_id.as_str(), "REPAIR202611230042");
    }
    match CreatedOrder::from_json(br#"{"Success": "True", "DATA": null}"#) {
        Err(partner_core::Error::Decode { path, .. }) => assert_eq!(path, "DATA"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        CreatedOrder::from_json(br#"{"Success": "False", "Message": "Could not save"}"#),
        Err(partner_core::Error::Rejected { .. })
    ));
}
