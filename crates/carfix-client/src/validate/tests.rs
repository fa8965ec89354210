use super::*;
use crate::models::cases::{CaseInfo, ServiceInfo};

fn here() -> Coordinate {
    Coordinate::new(2.725889, 101.9378239).unwrap()
}

#[test]
fn rating_bounds() {
    assert!(RatingRequest::new("c", 0, "").validate().is_ok());
    assert!(
        RatingRequest::new("c", 5, "x".repeat(200))
            .validate()
            .is_ok()
    );
    let err = RatingRequest::new("", 6, "x".repeat(201))
        .validate()
        .unwrap_err();
    assert!(err.has("CaseID", &Rule::Required));
    assert!(err.has("CustomerSatisfactionID", &Rule::Range { min: 0, max: 5 }));
    assert!(err.has("CustomerRemarks", &Rule::MaxLength { max: 200 }));
    assert_eq!(err.violations().len(), 3);
    let err = RatingRequest::new("c", 3, " ")
        .check(Strictness::Strict)
        .unwrap_err();
    assert!(err.has("CustomerRemarks", &Rule::Required));
}

#[test]
fn position_update_rules() {
    let ok = TruckPositionUpdate {
        imei: "1".into(),
        truck_no: "T".into(),
        latitude: -90.0,
        longitude: 180.0,
    };
    assert!(ok.check(Strictness::Strict).is_ok());
    let blank = TruckPositionUpdate {
        imei: "".into(),
        truck_no: " ".into(),
        latitude: 3.1,
        longitude: 101.7,
    };
    assert!(blank.validate().is_ok(), "no table says IMEI is required");
    assert_eq!(
        blank
            .check(Strictness::Strict)
            .unwrap_err()
            .violations()
            .len(),
        2
    );
    let off_earth = TruckPositionUpdate {
        latitude: 90.1,
        longitude: f64::NAN,
        ..ok
    };
    assert_eq!(off_earth.validate().unwrap_err().violations().len(), 2);
}

#[test]
fn contact_numbers_are_checked_only_by_the_strict_reading() {
    let check = |s: &str, strictness| {
        InitialCaseRequest::new("ABC1234", s, "Wong", "SEREMBAN", here()).check(strictness)
    };
    for lenient_only in ["0123456789", "+60123456789", "60 12-345 6789", "60"] {
        assert!(
            check(lenient_only, Strictness::Lenient).is_ok(),
            "{lenient_only}"
        );
        let err = check(lenient_only, Strictness::Strict).unwrap_err();
        assert!(
            err.has(
                "CaseInfo.CallerContactNo",
                &Rule::Format {
                    expected: CONTACT_NO_FORMAT.into()
                }
            ),
            "{lenient_only}: {err}"
        );
    }
    assert!(check("60123456789", Strictness::Strict).is_ok());
    assert!(
        check("", Strictness::Strict)
            .unwrap_err()
            .has("CaseInfo.CallerContactNo", &Rule::Required)
    );
    // The length is the table's in both readings.
    let long = format!("60{}", "1".repeat(29));
    assert!(
        check(&long, Strictness::Lenient)
            .unwrap_err()
            .has("CaseInfo.CallerContactNo", &Rule::MaxLength { max: 30 })
    );
}

#[test]
fn a_jump_start_passes_the_default_rules_and_not_the_literal_reading() {
    let jump_start = CreateCaseRequest::new(
        CaseInfo::new("ABC1234", "noc", "svc", "60123456789"),
        ServiceInfo::new("flat-battery"),
        "JALAN AMPANG",
        here(),
        "KUALA LUMPUR",
        "AMPANG",
    );
    assert!(jump_start.check(Strictness::Lenient).is_ok());
    let err = jump_start.check(Strictness::Strict).unwrap_err();
    for f in [
        "CaseInfo.Make",
        "CaseInfo.Model",
        "CaseInfo.Type",
        "CaseInfo.CallerName",
        "CaseInfo.InsuredEmail",
        "PanelWorkshopName",
        "TowDestination",
        "TowDestinationCoordinate",
        "TowDestinationState",
        "TowDestinationArea",
    ] {
        assert!(err.has(f, &Rule::Required), "{f}: {err}");
    }
    assert_eq!(err.violations().len(), 10, "{err}");
    let mut full = jump_start.other_workshop("BENGKEL ALI").tow_to(
        "JALAN TUN RAZAK",
        here(),
        "KUALA LUMPUR",
        "AMPANG",
    );
    full.case_info = full
        .case_info
        .vehicle("PERODUA", "MYVI", "Manual")
        .caller_name("Lana")
        .insured_email("lana@gmail.com");
    assert!(
        full.check(Strictness::Strict).is_ok(),
        "a workshop outside the panel is enough"
    );
}

#[test]
fn blank_ids_are_refused_in_both_readings_blank_truck_numbers_only_strictly() {
    for strictness in [Strictness::Lenient, Strictness::Strict] {
        let err = CaseIdRequest {
            case_id: " ".into(),
        }
        .check(strictness)
        .unwrap_err();
        assert!(err.has("CaseID", &Rule::Required));
        let err = StateQuery { state: "".into() }
            .check(strictness)
            .unwrap_err();
        assert!(err.has("State", &Rule::Required));
    }
    let query = TruckQuery {
        truck_no: String::new(),
        case_id: Some("C-1".into()),
        user_code: None,
    };
    assert!(query.check(Strictness::Lenient).is_ok());
    assert!(
        query
            .check(Strictness::Strict)
            .unwrap_err()
            .has("TruckNo", &Rule::Required)
    );
}

#[test]
fn backwards_ranges_are_refused_only_strictly() {
    let day = NaiveDate::from_ymd_opt(2022, 9, 3).unwrap();
    let next = day.succ_opt().unwrap();
    assert!(claim_range(Some(next), Some(day), Strictness::Lenient).is_ok());
    assert!(claim_range(Some(day), Some(day), Strictness::Strict).is_ok());
    assert!(
        claim_range(Some(next), Some(day), Strictness::Strict)
            .unwrap_err()
            .for_field("accidentToDate")
            .next()
            .is_some()
    );
    let backwards = CaseListFilter {
        vehicle_number: None,
        created_from: next.and_hms_opt(0, 0, 0),
        created_to: day.and_hms_opt(0, 0, 0),
    };
    assert!(backwards.check(Strictness::Lenient).is_ok());
    assert!(backwards.check(Strictness::Strict).is_err());
}
