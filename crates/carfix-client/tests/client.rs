//! Client behaviour beyond the fixtures and logins: retries, body-level rejections,
//! validation before I/O, path overrides and user agent, decode errors naming the field.

mod common;

use std::sync::Arc;

use carfix_client::*;
use common::{mock_affiliate, token};
use httpmock::prelude::*;
use partner_core::mock::{MockTransport, json_response, response};
use partner_core::{Error, Rule};
use serde_json::json;

#[tokio::test(start_paused = true)]
async fn creates_are_not_resent_but_reads_are() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &token(215999.9, "t")))
        .push(response(503, &[], "busy"));
    let carfix = mock_affiliate(&mock);
    let at = Coordinate::new(2.7, 101.9).unwrap();
    let req = InitialCaseRequest::new("ABC1234", "60123456789", "Wong", "SEREMBAN", at);
    let err = carfix.cases().create_initial(&req).await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(mock.requests().len(), 2, "login + one create, no resend");

    mock.push(response(503, &[], "busy"))
        .push(json_response(200, &json!([{"id": "1", "label": "Johor"}])));
    let states = carfix.lookups().states().await.unwrap();
    assert_eq!(states[0].label, "Johor");
    assert_eq!(mock.requests().len(), 4, "the read was retried once");
}

#[tokio::test(start_paused = true)]
async fn body_level_failures_are_rejections() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &token(215999.9, "t")))
        .push(json_response(200, &json!({"Result": false, "Message": "Case not found"})))
        .push(json_response(200, &json!({"Result": "No", "CaseStatus": null, "ErrorMessage": "Unknown key"})))
        .push(json_response(200, &json!({"Result": "No", "CaseStatus": "Closed", "CancellationCharges": 0.0, "ErrorMessage": "Closed"})));
    let carfix = mock_affiliate(&mock);
    let err = carfix.cases().rate("C1", 4, "").await.unwrap_err();
    assert!(
        matches!(&err, Error::Rejected { operation: "UpdateCallerSatisfactionRating", message, .. } if message == "Case not found")
    );
    let err = carfix.cases().status("C1").await.unwrap_err();
    assert!(
        matches!(&err, Error::Rejected { operation: "GetCaseStatus", message, .. } if message == "Unknown key")
    );
    // A quote answering "No" is information, not an error.
    let quote = carfix.cases().quote_cancellation("C1").await.unwrap();
    assert!(!quote.result);
    assert_eq!(quote.error_message.as_deref(), Some("Closed"));
    assert_eq!(
        mock.requests()[3].json_body().unwrap(),
        json!({"Key": "C1", "IsCheckOnly": "true"})
    );
}

#[tokio::test]
async fn invalid_input_is_refused_before_any_request() {
    let mock = MockTransport::new();
    let carfix = mock_affiliate(&mock);
    let at = Coordinate::new(2.7, 101.9).unwrap();
    let req = InitialCaseRequest::new("", "0123456789", "x".repeat(201), "y".repeat(301), at);
    let err = carfix.cases().create_initial(&req).await.unwrap_err();
    let v = err.validation().expect("validation error");
    // By default only what the document forbids: the table's lengths.
    assert!(v.has("CaseInfo.Name", &Rule::MaxLength { max: 200 }));
    assert!(v.has("IncidentLocation", &Rule::MaxLength { max: 300 }));
    assert_eq!(v.violations().len(), 2, "{v}");
    // The strict reading adds the blank vehicle number and the contact number format.
    let strict = AffiliateClient::builder()
        .base_url("https://carfix.example")
        .credentials("CARFIX-REFERRED", "k3y-s3cret")
        .transport(Arc::new(mock.clone()))
        .strictness(Strictness::Strict)
        .build()
        .unwrap();
    let err = strict.cases().create_initial(&req).await.unwrap_err();
    let v = err.validation().expect("validation error");
    assert!(v.has("CaseInfo.VehicleNo", &Rule::Required));
    assert!(
        v.for_field("CaseInfo.CallerContactNo")
            .any(|x| matches!(x.rule, Rule::Format { .. }))
    );
    assert_eq!(v.violations().len(), 4, "{v}");
    let err = carfix.cases().rate("C1", 6, "ok").await.unwrap_err();
    assert!(
        err.validation()
            .unwrap()
            .has("CustomerSatisfactionID", &Rule::Range { min: 0, max: 5 })
    );
    let err = carfix
        .photos()
        .upload("C1", b"\x89PNG\r\n".to_vec())
        .await
        .unwrap_err();
    assert!(err.validation().is_some());
    let err = carfix.lookups().areas(" ").await.unwrap_err();
    assert!(err.validation().unwrap().has("State", &Rule::Required));
    assert!(
        mock.requests().is_empty(),
        "nothing was sent, not even the login"
    );
}

#[tokio::test]
async fn exact_request_shapes_on_the_wire() {
    let server = MockServer::start_async().await;
    let login = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/cf/Token")
                .header("content-type", "application/json")
                .json_body(json!({"clientusername": "ONEWORKS-TOWING", "clientkey": "wk"}));
            then.status(200).json_body(token(215999.9, "wt"));
        })
        .await;
    let claims = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/api/Workshop/GetClaims")
                .query_param("accidentFromDate", "2022-09-01")
                .query_param("accidentToDate", "2022-09-30")
                .header("authorization", "Bearer wt")
                .header(
                    "user-agent",
                    concat!(
                        "carfix-client/",
                        env!("CARGO_PKG_VERSION"),
                        " partner-core/0.1.0"
                    ),
                );
            then.status(200).json_body(json!({"items": []}));
        })
        .await;
    let position = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/api/Workshop/UpdateTruckCoordinate")
                .header("authorization", "Bearer wt")
                .json_body(json!({"IMEI": "123456789012345", "TruckNo": "ABC1234", "Latitude": 3.197467, "Longitude": 101.714577}));
            then.status(200).json_body(json!({"TruckNo": "ABC1234", "Latitude": "3.197467", "Longitude": 101.714577, "LastUpdateTime": "22/07/2022 11:23:11 AM"}));
        })
        .await;
    let workshop = WorkshopClient::builder()
        .base_url(server.base_url())
        .credentials("ONEWORKS-TOWING", "wk")
        .override_path("WorkshopLogin", "/cf/Token")
        .strictness(Strictness::Strict)
        .build()
        .unwrap();
    let from = chrono::NaiveDate::from_ymd_opt(2022, 9, 1).unwrap();
    let to = chrono::NaiveDate::from_ymd_opt(2022, 9, 30).unwrap();
    assert!(
        workshop
            .claims()
            .list()
            .accident_from(from)
            .accident_to(to)
            .send()
            .await
            .unwrap()
            .is_empty()
    );
    let at = Coordinate::new(3.197467, 101.714577).unwrap();
    let truck = workshop
        .trucks()
        .update_position(&TruckPositionUpdate::new("123456789012345", "ABC1234", at))
        .await
        .unwrap();
    assert_eq!(truck.position(), Some(at));
    login.assert_calls_async(1).await;
    claims.assert_calls_async(1).await;
    position.assert_calls_async(1).await;
    // Backwards date ranges are refused before sending (strict reading).
    let err = workshop
        .claims()
        .list()
        .accident_from(to)
        .accident_to(from)
        .send()
        .await
        .unwrap_err();
    assert!(err.validation().unwrap().has(
        "accidentToDate",
        &Rule::Other("must not be before accidentFromDate".into())
    ));
    claims.assert_calls_async(1).await;
}

#[tokio::test]
async fn create_case_sends_the_documented_body() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method(POST).path("/api/Affiliate/Token");
            then.status(200).json_body(token(215999.9, "at"));
        })
        .await;
    let create = server
        .mock_async(|when, then| {
            when.method(POST).path("/api/Affiliate/CreateCase").header("authorization", "Bearer at").json_body(json!({
                "CaseInfo": {"VehicleNo": "WXY 88", "NatureOfCall": "n1", "ServiceNeeded": "s1", "Make": "", "Model": "",
                             "Type": "", "CallerName": "", "CallerContactNo": "60198765432", "InsuredEmail": ""},
                "ServiceInfo": {"BreakDownCause": "b1", "IsLowered": false, "SteeringCantTurn": false, "GearCantMove": false,
                                "HandBreakCantRelease": true, "BasementORRoofTop": false, "IsCarBlocking": true,
                                "IsSpareTyreGoodCondition": false, "IsSpecialToolsAndNutAvailable": false, "TyrePuncture": 12},
                "IncidentLocation": "JALAN AMPANG", "LocationCoordinate": "3.1589,101.7119",
                "LocationState": "KUALA LUMPUR", "LocationArea": "AMPANG",
                "PanelWorkshopName": "", "WorkshopName": "BENGKEL ALI",
                "TowDestination": "", "TowDestinationCoordinate": "", "TowDestinationState": "",
                "TowDestinationArea": ""
            }));
            then.status(200).json_body(json!({"CaseID": "C-77", "Message": "Case Created Successfully", "Result": true}));
        })
        .await;
    let carfix = AffiliateClient::builder()
        .base_url(server.base_url())
        .credentials("CARFIX-REFERRED", "k")
        .build()
        .unwrap();
    // Only what dispatch needs: make, model, type, caller name, email and the tow
    // destination (none: the car is repaired where it stands) go out blank.
    let info = CaseInfo::new("WXY 88", "n1", "s1", "60198765432");
    let mut service = ServiceInfo::new("b1");
    service.hand_brake_cant_release = true;
    service.is_car_blocking = true;
    service.tyre_puncture = TyrePunctures::of([TyrePosition::RearLeft, TyrePosition::RearRight]);
    let req = CreateCaseRequest::new(
        info,
        service,
        "JALAN AMPANG",
        Coordinate::new(3.1589, 101.7119).unwrap(),
        "KUALA LUMPUR",
        "AMPANG",
    )
    .other_workshop("BENGKEL ALI");
    assert_eq!(carfix.cases().create(&req).await.unwrap(), "C-77");
    create.assert_calls_async(1).await;
}

#[tokio::test]
async fn decode_errors_name_the_field_and_photos_are_filtered_here() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &token(215999.9, "t")))
        .push(json_response(
            200,
            &json!({"Result": false, "Message": "Invalid client"}),
        ))
        .push(json_response(200, &json!(null)))
        .push(json_response(
            200,
            &json!([{"CaseID": "C0", "Images": null}, {"CaseID": "C1", "Images": []}]),
        ))
        .push(json_response(
            200,
            &json!({"VehicleNo": "ABC1234", "CreatedDate": "13/03/2023"}),
        ));
    let carfix = mock_affiliate(&mock);
    let err = carfix.test().await.unwrap_err();
    assert!(
        matches!(&err, Error::Rejected { operation: "Test", message, .. } if message == "Invalid client")
    );
    assert!(
        carfix.photos().list().send().await.unwrap().is_empty(),
        "a null list is empty"
    );
    let photos = carfix.photos().list().case_id("C1").send().await.unwrap();
    assert_eq!(photos.len(), 1, "only the case asked for");
    assert_eq!(photos[0].case_id, "C1");
    let err = carfix.cases().get("C1").await.unwrap_err();
    assert!(
        matches!(&err, Error::Decode { operation: "GetCaseDetails", path, .. } if path == "CreatedDate"),
        "{err}"
    );
    let reqs = mock.requests();
    assert!(reqs[2].body.is_empty(), "3.22 sends no body");
    assert!(
        reqs[3].body.is_empty(),
        "nor with a case id: no undocumented CaseID key"
    );
}

#[tokio::test]
async fn workshop_decodes_marked_amounts_and_reports_bad_ones_by_path() {
    let mock = MockTransport::new();
    let detail = |price: &str| {
        json!({"ClaimDetail": {"CarRegNo": "ABC1234", "AccidentDate": "2022-08-22T14:24:00"},
               "EstimateDetail": {"Total": 250.10, "EstimateParts": [{"Description": "*Fender RH", "Qty": 1, "Price": price, "Total": "250.10F"}],
                                  "EstimateLabours": []}})
    };
    mock.push(json_response(200, &token(215999.9, "t")))
        .push(json_response(200, &detail("*250.10")))
        .push(json_response(200, &detail("*")));
    let workshop = WorkshopClient::builder()
        .base_url("https://carfix.example")
        .credentials("ONEWORKS-TOWING", "k")
        .transport(Arc::new(mock.clone()))
        .build()
        .unwrap();
    let d = workshop.claims().get("K 1").await.unwrap();
    let e = d.estimate.unwrap();
    assert_eq!(e.total, Some(Decimal::new(25010, 2)));
    assert_eq!(
        e.parts_lines[0].price.as_ref().unwrap().amount(),
        Decimal::new(25010, 2)
    );
    assert_eq!(
        e.parts_lines[0].total.as_ref().unwrap().to_string(),
        "250.10F"
    );
    assert_eq!(mock.requests()[1].url.query(), Some("key=K+1"));
    assert_eq!(mock.requests()[1].method, partner_core::http::Method::GET);
    let err = workshop.claims().get("K 1").await.unwrap_err();
    assert!(
        matches!(&err, Error::Decode { path, .. } if path == "EstimateDetail.EstimateParts[0].Price"),
        "{err}"
    );
    let err = workshop.claims().get("").await.unwrap_err();
    assert!(err.validation().unwrap().has("key", &Rule::Required));
}

#[tokio::test]
async fn claim_amounts_keep_the_scale_the_document_writes() {
    // 4.5's example answer, verbatim.
    let body = r#"{ "ClaimDetail": { "InCompanyName": "Insurance BHD", "CarRegNo": "ABC1234", "AccidentDate": "2022-08-22T14:24:00", "AccidentPlace": "58200 Kuala Lumpur, KL, Malaysia", "PolicyNo": "PN123", "PolicyCover": "", "ClaimType": "Own Damage", "Make": "BMW", "Model": "1-Series 2013 On", "VehYear": null, "EngineNo": null, "ChassisNo": null, "InsuredName": "Ali", "InsuredEmail": "ali@mail.com", "DriverName": "Ali" }, "EstimateDetail": { "Parts": 1550.00, "Labour": 0.00, "PaintworkLabour": 0.00, "PaintMaterials": 0.0, "Towing": 0.0, "Miscellenous": 0.00, "Total": 1550.00, "EstimateParts": [ { "Description": "*BONNET", "PartNo": null, "Src": 1, "Qty": 1, "Price": "*1,000.00", "Disc": 0.00, "Btmt": 0.00, "Total": "1,000.00F" } ], "EstimateMiscellaneous": [], "EstimateLabours": [ { "Description": "Bonnet", "Src": "T", "MET": "0.60", "Panel": "0.40", "Paint": "6.10", "CP": "0.40", "Other": "", "Total": 7.50 } ] } }"#;
    let mock = MockTransport::new();
    mock.push(json_response(200, &token(215999.9, "t")))
        .push(response(200, &[("content-type", "application/json")], body));
    let workshop = WorkshopClient::builder()
        .base_url("https://carfix.example")
        .credentials("ONEWORKS-TOWING", "k")
        .transport(Arc::new(mock.clone()))
        .build()
        .unwrap();
    let e = workshop.claims().get("K1").await.unwrap().estimate.unwrap();
    let text = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    assert_eq!(text(e.parts), "1550.00");
    assert_eq!(text(e.total), "1550.00");
    assert_eq!(text(e.paint_materials), "0.0");
    assert_eq!(text(e.miscellaneous), "0.00");
    assert_eq!(text(e.parts_lines[0].discount), "0.00");
    assert_eq!(text(e.labour_lines[0].total), "7.50");
    assert_eq!(text(e.labour_lines[0].met), "0.60");
    // Written back as the same numbers.
    let again = serde_json::to_string(&e).unwrap();
    assert!(again.contains(r#""Parts":1550.00"#), "{again}");
    assert!(again.contains(r#""Total":7.50"#), "{again}");
}
