//! Unit tests of the documented rules: single orders, bulk rows and batches.

use partner_core::validation::{Rule, Validate};

use super::*;
use crate::models::MAX_ROWS_PER_UPLOAD;
use crate::models::test_data::{rows, sample_order};

const STRICT: ValidationRules = ValidationRules::STRICT;

#[test]
fn digits() {
    assert!(is_digits("9876543210", 10));
    assert!(!is_digits("987654321", 10));
    assert!(!is_digits("98765432100", 10));
    assert!(!is_digits("98765 4321", 10));
    assert!(!is_digits("९८७६५४३२१०", 10), "only ASCII digits");
    assert!(is_digits("560001", 6));
    assert!(!is_digits("56000", 6), "one short");
    assert!(!is_digits("5600011", 6), "one past");
    assert!(!is_digits("", 6));
}

#[test]
fn place_names() {
    let strict = ValidationRules::STRICT;
    assert!(is_place_name("Bangalore", &strict));
    assert!(is_place_name("Jammu-Kashmir", &strict));
    assert!(!is_place_name("Tamil Nadu", &strict));
    assert!(!is_place_name("Sector 5", &strict));
    assert!(!is_place_name("---", &strict));
    let loose = ValidationRules::allowing_spaces_in_place_names();
    assert!(is_place_name("Tamil Nadu", &loose));
    assert!(!is_place_name("Sector 5", &loose));
}

#[test]
fn emails() {
    assert!(is_email("amit@example.com"));
    assert!(is_email("a.b+c@mail.example.in"));
    for bad in [
        "amit",
        "amit@",
        "@example.com",
        "amit@example",
        "a@b@c.com",
        "amit @example.com",
        "amit@example..com",
    ] {
        assert!(!is_email(bad), "{bad}");
    }
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
fn thousand_rows_pass_and_one_more_is_refused() {
    validate_rows(&rows(1000), &STRICT, Some(MAX_ROWS_PER_UPLOAD)).unwrap();
    let err = validate_rows(&rows(1001), &STRICT, Some(MAX_ROWS_PER_UPLOAD)).unwrap_err();
    assert_eq!(err.violations().len(), 1);
    assert!(err.has("rows", &Rule::MaxItems { max: 1000 }));
    validate_rows(&rows(1001), &STRICT, None).unwrap();
    assert!(
        validate_rows(&[], &STRICT, None)
            .unwrap_err()
            .has("rows", &Rule::MinItems { min: 1 })
    );
}

#[test]
fn each_rule_is_reported_with_row_and_column() {
    let mut batch = rows(4);
    batch[1].customer_mobile = "+919876543210".into();
    batch[1].pincode = "5600".into();
    batch[2].city = "Bengaluru Urban".into();
    batch[2].state = "K4rnataka".into();
    batch[2].customer_email = "amit@".into();
    batch[3].engagement_type = BulkEngagementType::from_wire("Home");
    batch[3].issue = " ".into();
    let err = validate_rows(&batch, &STRICT, Some(1000)).unwrap_err();
    let fmt = |e: &'static str| Rule::Format { expected: e.into() };
    assert!(err.has("rows[1].CustomerMobile", &fmt("10 digits")));
    assert!(err.has("rows[1].Pincode", &fmt("6 digits")));
    assert!(err.has("rows[2].City", &fmt("letters and hyphens only")));
    assert!(err.has("rows[2].State", &fmt("letters and hyphens only")));
    assert!(err.has("rows[2].CustomerEmail", &fmt("an e-mail address")));
    assert!(err.has(
        "rows[3].Engagement_Type",
        &Rule::OneOf {
            allowed: BulkEngagementType::WIRE
        }
    ));
    assert!(err.has("rows[3].Issue", &Rule::Required));
    assert_eq!(err.violations().len(), 7, "{err}");
}

#[test]
fn duplicate_references_in_one_batch_are_caught() {
    let mut batch = rows(5);
    batch[3].repair_ref_no = batch[0].repair_ref_no.clone();
    batch[4].repair_ref_no = format!(" {} ", batch[0].repair_ref_no);
    let err = validate_rows(&batch, &STRICT, Some(1000)).unwrap_err();
    let dup = Rule::Duplicate {
        first: "rows[0].repair_ref_no".into(),
    };
    assert!(err.has("rows[3].repair_ref_no", &dup));
    assert!(err.has("rows[4].repair_ref_no", &dup));
    assert_eq!(err.violations().len(), 2);
}
