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
    assert!(!is_place_name("Pondichéry", &strict));
    let loose = ValidationRules::default();
    assert_eq!(loose, ValidationRules::LENIENT);
    for name in [
        "Tamil Nadu",
        "Uttar Pradesh",
        "West Bengal",
        "New Delhi",
        "Jammu-Kashmir",
        "Pondichéry",
        "मुंबई",
    ] {
        assert!(is_place_name(name, &loose), "{name}");
    }
    for bad in ["Sector 5", "St. Thomas Mount", "---", "  ", "Bangalore_1"] {
        assert!(!is_place_name(bad, &loose), "{bad}");
    }
    let spaces_only = ValidationRules::allowing_spaces_in_place_names();
    assert!(is_place_name("Tamil Nadu", &spaces_only));
    assert!(!is_place_name("Pondichéry", &spaces_only));
    assert!(!is_place_name(
        "Tamil Nadu",
        &ValidationRules::refusing_spaces_in_place_names()
    ));
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
    let fmt = |e: &'static str| Rule::Format { expected: e.into() };
    let one_of = Rule::OneOf {
        allowed: EngagementType::WIRE,
    };

    let err = o.validate_with(&STRICT).unwrap_err();
    assert!(err.has("CustomerMobile", &fmt("10 digits")));
    assert!(err.has("Pincode", &fmt("6 digits")));
    assert!(err.has("City", &fmt("letters and hyphens only")));
    assert!(err.has("State", &fmt("letters and hyphens only")));
    assert!(err.has("CustomerEmail", &fmt("an e-mail address")));
    assert!(err.has("Engagement_Type", &one_of));
    assert!(
        err.has("Name", &Rule::Required),
        "blank is missing when strict"
    );
    assert!(err.has("Size", &Rule::Required));
    assert_eq!(err.violations().len(), 8, "{err}");

    // The default (lenient) reading: spaces are allowed in place names (a digit or `_` is
    // still refused) and a blank name is sent for BigFix to judge; an empty one is missing.
    let err = o.validate().unwrap_err();
    assert!(err.has("City", &fmt("letters, hyphens and spaces only")));
    assert!(err.has("State", &fmt("letters, hyphens and spaces only")));
    assert!(!err.has("Name", &Rule::Required));
    assert!(err.has("Size", &Rule::Required));
    assert_eq!(err.violations().len(), 7, "{err}");
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
fn multi_word_cities_and_states_pass_by_default_and_strict_mode_refuses_them() {
    // "alphabets only (hyphens allowed)" (Repair Request API, Validation Rules): the lenient
    // reading allows the spaces of multi-word names, the strict one is opt-in.
    for (city, state) in [
        ("Chennai", "Tamil Nadu"),
        ("Lucknow", "Uttar Pradesh"),
        ("Kolkata", "West Bengal"),
        ("New Delhi", "Delhi"),
    ] {
        let mut o = sample_order();
        o.city = city.into();
        o.state = state.into();
        o.validate().unwrap();
        o.validate_with(&ValidationRules::default()).unwrap();
        let err = o
            .validate_with(&ValidationRules::refusing_spaces_in_place_names())
            .unwrap_err();
        assert_eq!(err.violations().len(), 1, "{err}");
        assert!(o.validate_with(&STRICT).is_err());

        let mut row = rows(1).remove(0);
        row.city = city.into();
        row.state = state.into();
        validate_rows(&[row.clone()], &ValidationRules::default(), Some(1000)).unwrap();
        assert!(validate_rows(&[row], &STRICT, Some(1000)).is_err());
    }
    let mut o = sample_order();
    o.city = "Navi-Mumbai".into();
    o.validate_with(&STRICT).unwrap();
}

#[test]
fn blanks_are_missing_only_when_strict() {
    let mut o = sample_order();
    o.issue = "   ".into();
    o.validate().unwrap();
    assert!(
        o.validate_with(&STRICT)
            .unwrap_err()
            .has("Issue", &Rule::Required)
    );
    o.issue = String::new();
    assert!(o.validate().unwrap_err().has("Issue", &Rule::Required));
}

#[test]
fn empty_uploads_are_allowed_unless_strict() {
    validate_rows(&[], &ValidationRules::default(), Some(MAX_ROWS_PER_UPLOAD)).unwrap();
    assert!(
        validate_rows(&[], &STRICT, None)
            .unwrap_err()
            .has("rows", &Rule::MinItems { min: 1 })
    );
}

#[test]
fn thousand_rows_pass_and_one_more_is_refused() {
    validate_rows(&rows(1000), &STRICT, Some(MAX_ROWS_PER_UPLOAD)).unwrap();
    let err = validate_rows(&rows(1001), &STRICT, Some(MAX_ROWS_PER_UPLOAD)).unwrap_err();
    assert_eq!(err.violations().len(), 1);
    assert!(err.has("rows", &Rule::MaxItems { max: 1000 }));
    validate_rows(&rows(1001), &STRICT, None).unwrap();
    let lenient = ValidationRules::default();
    let err = validate_rows(&rows(1001), &lenient, Some(MAX_ROWS_PER_UPLOAD)).unwrap_err();
    assert!(err.has("rows", &Rule::MaxItems { max: 1000 }));
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
    // By default references are compared as they are sent: " REP10000 " is another one.
    let err = validate_rows(&batch, &ValidationRules::default(), Some(1000)).unwrap_err();
    assert!(err.has("rows[3].repair_ref_no", &dup));
    assert_eq!(err.violations().len(), 1, "{err}");
}
