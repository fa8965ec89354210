//! Every documented limit: the boundary value passes, one more fails naming the field; and
//! what only the strict reading refuses (docs/carfix.md, "Validation before sending").

use carfix_client::validate::Rules;
use carfix_client::*;
use partner_core::Rule;
use partner_core::validation::Validate;

fn here() -> Coordinate {
    Coordinate::new(2.725889, 101.9378239).unwrap()
}

fn full_case() -> CreateCaseRequest {
    CreateCaseRequest::new(
        CaseInfo::new("ABC1234", "n", "s", "60123456789")
            .vehicle("PERODUA", "MYVI", "Manual")
            .caller_name("Lana")
            .insured_email("lana@gmail.com"),
        ServiceInfo::new("b"),
        "SEREMBAN",
        here(),
        "NEGERI SEMBILAN",
        "SEREMBAN",
    )
    .panel_workshop("WORKSHOP A")
    .tow_to("SEREMBAN", here(), "NEGERI SEMBILAN", "SEREMBAN")
}

type Setter = fn(&mut CreateCaseRequest, String);

#[test]
fn create_case_length_limits() {
    let cases: &[(&str, usize, Setter)] = &[
        ("CaseInfo.VehicleNo", 30, |r, s| r.case_info.vehicle_no = s),
        ("CaseInfo.Make", 50, |r, s| r.case_info.make = s),
        ("CaseInfo.Model", 200, |r, s| r.case_info.model = s),
        ("CaseInfo.Type", 100, |r, s| r.case_info.transmission = s),
        ("CaseInfo.CallerName", 100, |r, s| {
            r.case_info.caller_name = s;
        }),
        ("CaseInfo.InsuredEmail", 100, |r, s| {
            r.case_info.insured_email = s;
        }),
        ("IncidentLocation", 300, |r, s| r.incident_location = s),
        ("PanelWorkshopName", 300, |r, s| {
            r.panel_workshop_name = Some(s);
        }),
        ("TowDestination", 300, |r, s| r.tow_destination = Some(s)),
        ("CaseInfo.CallerContactNo", 50, |r, s| {
            r.case_info.caller_contact_no = format!("60{}", "1".repeat(s.chars().count() - 2));
        }),
    ];
    for (field, max, set) in cases {
        let mut ok = full_case();
        // Multi-byte characters: limits count characters, not bytes.
        set(&mut ok, "é".repeat(*max));
        assert!(
            ok.validate().is_ok(),
            "{field} at {max} chars: {:?}",
            ok.validate()
        );
        let mut bad = full_case();
        set(&mut bad, "é".repeat(max + 1));
        let err = bad.validate().unwrap_err();
        assert!(
            err.has(field, &Rule::MaxLength { max: *max }),
            "{field}: {err}"
        );
        assert_eq!(err.violations().len(), 1, "{field}: {err}");
    }
    // WorkshopName at its limit (with the panel workshop blank, as required).
    let ok = full_case().other_workshop("w".repeat(300));
    assert!(ok.validate().is_ok());
    let err = full_case()
        .other_workshop("w".repeat(301))
        .validate()
        .unwrap_err();
    assert!(err.has("WorkshopName", &Rule::MaxLength { max: 300 }));
}

#[test]
fn workshop_name_must_be_blank_with_a_panel_workshop() {
    let mut r = full_case();
    r.workshop_name = Some("OTHER".into());
    let err = r.validate().unwrap_err();
    assert!(err.has(
        "WorkshopName",
        &Rule::ConflictsWith {
            other: "PanelWorkshopName".into()
        }
    ));
    r.workshop_name = Some("  ".into());
    assert!(r.validate().is_ok());
    r.panel_workshop_name = None;
    r.workshop_name = Some("OTHER".into());
    assert!(r.validate().is_ok());
}

#[test]
fn create_case_blank_values_and_formats_are_refused_by_the_strict_reading() {
    let mut r = full_case();
    r.case_info.vehicle_no.clear();
    r.case_info.nature_of_call = " ".into();
    r.case_info.service_needed.clear();
    r.case_info.caller_contact_no = "012-3456789".into();
    r.location_state.clear();
    r.location_area.clear();
    r.tow_destination_coordinate = Some(Coordinate {
        latitude: 100.0,
        longitude: 0.0,
    });
    // By default only the coordinate that is not one.
    let err = r.validate().unwrap_err();
    assert_eq!(err.violations().len(), 1, "{err}");
    assert!(
        err.for_field("TowDestinationCoordinate")
            .any(|v| matches!(v.rule, Rule::Format { .. }))
    );
    let err = r.check(Strictness::Strict).unwrap_err();
    for f in [
        "CaseInfo.VehicleNo",
        "CaseInfo.NatureOfCall",
        "CaseInfo.ServiceNeeded",
        "LocationState",
        "LocationArea",
    ] {
        assert!(err.has(f, &Rule::Required), "{f}");
    }
    assert!(
        err.for_field("CaseInfo.CallerContactNo")
            .any(|v| matches!(v.rule, Rule::Format { .. }))
    );
    assert!(
        err.for_field("TowDestinationCoordinate")
            .any(|v| matches!(v.rule, Rule::Format { .. }))
    );
    assert_eq!(err.violations().len(), 7);
}

#[test]
fn initial_case_limits() {
    let ok = InitialCaseRequest::new(
        "v".repeat(30),
        format!("60{}", "1".repeat(28)),
        "n".repeat(200),
        "l".repeat(300),
        here(),
    );
    assert!(ok.validate().is_ok());
    let bad = InitialCaseRequest::new(
        "v".repeat(31),
        format!("60{}", "1".repeat(29)),
        "n".repeat(201),
        "l".repeat(301),
        here(),
    );
    let err = bad.validate().unwrap_err();
    assert!(err.has("CaseInfo.VehicleNo", &Rule::MaxLength { max: 30 }));
    assert!(err.has("CaseInfo.CallerContactNo", &Rule::MaxLength { max: 30 }));
    assert!(err.has("CaseInfo.Name", &Rule::MaxLength { max: 200 }));
    assert!(err.has("IncidentLocation", &Rule::MaxLength { max: 300 }));
    let blank = InitialCaseRequest::new("v", "", "", "", here());
    assert!(
        blank.validate().is_ok(),
        "blank values are the server's to judge"
    );
    let err = blank.check(Strictness::Strict).unwrap_err();
    assert!(err.has("CaseInfo.CallerContactNo", &Rule::Required));
    assert!(err.has("CaseInfo.Name", &Rule::Required));
    assert!(err.has("IncidentLocation", &Rule::Required));
}

#[test]
fn rating_and_case_list_limits() {
    for ok in 0..=5 {
        assert!(
            RatingRequest::new("c", ok, "r".repeat(200))
                .validate()
                .is_ok()
        );
    }
    let err = RatingRequest::new("c", 6, "r".repeat(201))
        .validate()
        .unwrap_err();
    assert!(err.has("CustomerSatisfactionID", &Rule::Range { min: 0, max: 5 }));
    assert!(err.has("CustomerRemarks", &Rule::MaxLength { max: 200 }));
    let mut at_limit = CaseListFilter::default();
    at_limit.vehicle_number = Some("v".repeat(30));
    assert!(at_limit.validate().is_ok());
    let mut over = CaseListFilter::default();
    over.vehicle_number = Some("v".repeat(31));
    assert!(
        over.validate()
            .unwrap_err()
            .has("VehicleNumber", &Rule::MaxLength { max: 30 })
    );
}

#[test]
fn case_list_range_may_be_one_instant_but_not_backwards() {
    let t = chrono::NaiveDate::from_ymd_opt(2023, 10, 2)
        .unwrap()
        .and_hms_opt(14, 31, 28)
        .unwrap();
    let mut same = CaseListFilter::default();
    same.created_from = Some(t);
    same.created_to = Some(t);
    assert!(same.validate().is_ok());
    assert!(same.check(Strictness::Strict).is_ok());
    let mut backwards = same;
    backwards.created_from = Some(t + chrono::Duration::seconds(1));
    assert!(
        backwards.validate().is_ok(),
        "the document does not forbid it"
    );
    let err = backwards.check(Strictness::Strict).unwrap_err();
    assert!(err.for_field("CreatedToDate").next().is_some(), "{err}");
}

#[tokio::test]
async fn claim_range_may_be_one_day_and_is_refused_backwards_only_strictly() {
    use partner_core::mock::{MockTransport, json_response};
    let mock = MockTransport::new();
    mock.push(json_response(
        200,
        &serde_json::json!({"access_token": "t", "expires_in": 215999.9}),
    ))
    .push(json_response(200, &serde_json::json!({"items": []})))
    .push(json_response(
        200,
        &serde_json::json!({"access_token": "t2", "expires_in": 215999.9}),
    ))
    .push(json_response(200, &serde_json::json!({"items": []})));
    let workshop = WorkshopClient::builder()
        .base_url("https://carfix.example")
        .credentials("ONEWORKS-TOWING", "k")
        .transport(std::sync::Arc::new(mock.clone()))
        .strictness(Strictness::Strict)
        .build()
        .unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2022, 9, 3).unwrap();
    let claims = workshop.claims().list().accident_from(day).accident_to(day);
    assert!(claims.clone().send().await.unwrap().is_empty());
    assert_eq!(
        mock.requests()[1].url.query(),
        Some("accidentFromDate=2022-09-03&accidentToDate=2022-09-03")
    );
    let err = workshop
        .claims()
        .list()
        .accident_from(day.succ_opt().unwrap())
        .accident_to(day)
        .send()
        .await
        .unwrap_err();
    assert!(
        err.validation()
            .unwrap()
            .for_field("accidentToDate")
            .next()
            .is_some()
    );
    assert_eq!(mock.requests().len(), 2, "the backwards range was not sent");
    // The default rules leave it to CarFix (it finds nothing).
    let lenient = WorkshopClient::builder()
        .base_url("https://carfix.example")
        .credentials("ONEWORKS-TOWING", "k")
        .transport(std::sync::Arc::new(mock.clone()))
        .build()
        .unwrap();
    let backwards = lenient
        .claims()
        .list()
        .accident_from(day.succ_opt().unwrap())
        .accident_to(day);
    assert!(backwards.send().await.unwrap().is_empty());
    assert_eq!(
        mock.requests().last().unwrap().url.query(),
        Some("accidentFromDate=2022-09-04&accidentToDate=2022-09-03")
    );
}
