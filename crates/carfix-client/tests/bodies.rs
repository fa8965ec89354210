//! Every request body carries exactly the keys of the document's example for its section,
//! even when built with as little as the rules allow (an unset value goes out as `""`, as
//! 3.3's example sends `"WorkshopName": ""`), and the bodiless calls send no body.
//!
//! The examples below are the document's, copied with their masked values; only their keys
//! are compared. 3.18's definition adds `UserCode`, sent only when set
//! (`truck_coordination_sends_truck_and_case_or_user_code` in tests/requests.rs).

use std::collections::BTreeMap;
use std::sync::Arc;

use carfix_client::*;
use chrono::{NaiveDate, Utc};
use partner_core::HttpRequest;
use partner_core::mock::{MockTransport, json_response};
use serde_json::{Value, json};

/// The document's example body of each operation (`None`: "Not Required", no body).
fn documented(operation: &str) -> Option<Value> {
    let credentials = json!({ "clientusername": "CARFIX-REFERRED", "clientkey": "627a1c11-0ea4-4e23-9632-10621297ffe3" });
    let case_id = json!({ "CaseID": "*******" });
    let area = json!({ "Area": "*******" });
    Some(match operation {
        "AffiliateLogin" | "WorkshopLogin" | "Test" => credentials,
        "InitialCallCentreCase" => json!({
            "CaseInfo": { "VehicleNo": "ABC1234", "CallerContactNo": "60123456789", "Name": "Wong Wai Yan" },
            "IncidentLocation": "70300 SEREMBAN, NEGERI SEMBILAN, MALAYSIA",
            "LocationCoordinate": "2.725889,101.9378239"
        }),
        "CreateCase" => json!({
            "CaseInfo": { "VehicleNo": "ABC1234", "NatureOfCall": "*******", "ServiceNeeded": "*******", "Make": "PERODUA", "Model": "PERODUA MYVI 1.3EZ1", "Type": "Manual", "CallerName": "Lana", "CallerContactNo": "60123456789", "InsuredEmail": "lana@gmail.com" },
            "ServiceInfo": { "BreakDownCause": "*******", "IsLowered": true, "SteeringCantTurn": true, "GearCantMove": false, "HandBreakCantRelease": false, "BasementORRoofTop": false, "IsCarBlocking": false, "IsSpareTyreGoodCondition": false, "IsSpecialToolsAndNutAvailable": false, "TyrePuncture": 3 },
            "IncidentLocation": "70300 SEREMBAN, NEGERI SEMBILAN, MALAYSIA", "LocationCoordinate": "2.725889,101.9378239", "LocationState": "NEGERI SEMBILAN", "LocationArea": "SEREMBAN", "PanelWorkshopName": "WORKSHOP A", "WorkshopName": "", "TowDestination": "70300 SEEMBAN", "TowDestinationCoordinate": "2.725889,101.9378239", "TowDestinationState": "NEGERI SEMBILAN", "TowDestinationArea": "SEREMBAN"
        }),
        "GetCaseDetails" | "UpdateCaseResolved" => case_id,
        "UpdateCallerSatisfactionRating" => {
            json!({ "CaseID": "*******", "CustomerSatisfactionID": 3, "CustomerRemarks": "Service Is Good" })
        }
        "UpdateArrivalTime" => {
            json!({ "CaseID": "*******", "ArrivalDateTime": "2012-07-23T18:25:43.511Z" })
        }
        "UpdateIncidentPhotos" => {
            json!({ "CaseID": "*******", "images": "/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEAA ... QdBo7SnBcuR3RKs//2Q==" })
        }
        "GetListOfWorkshop" | "GetListOfRsaWorkshop" => area,
        "GetAreas" => json!({ "State": "*******" }),
        "GetServiceNeeded" => json!({ "NatureOfCall": "*******" }),
        "GetTruckCoordination" => json!({ "TruckNo": "ABC1234", "CaseID": "*******" }),
        "CancelCase" => json!({ "Key": "*******", "IsCheckOnly": "false" }),
        "GetCaseStatus" => json!({ "Key": "*******" }),
        "GetListOfCases" => {
            json!({ "VehicleNumber": "*******", "CreatedFromDate": "*******", "CreatedToDate": "*******" })
        }
        "UpdateTruckCoordinate" => {
            json!({ "IMEI": "123456789012345", "TruckNo": "ABC1234", "Latitude": 3.19746700, "Longitude": 101.71457700 })
        }
        "GetCarMakes" | "GetStates" | "GetNatureOfCalls" | "GetTypeOfPunctures"
        | "GetBreakdownCauses" | "GetIncidentPhotos" | "GetTrucks" | "GetDrivers" | "GetClaims"
        | "GetClaimDetail" => return None,
        other => panic!("no documented example for {other}"),
    })
}

/// The keys of a JSON value, nested: values are replaced by `null`, objects keep their keys.
fn keys(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), keys(v))).collect()),
        _ => Value::Null,
    }
}

/// A CarFix stand-in answering every call with a body its client accepts.
fn carfix() -> MockTransport {
    let mock = MockTransport::new();
    mock.fallback(|req: &HttpRequest| {
        let op = req
            .url
            .path()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        let body = match op.as_str() {
            "Token" => json!({"access_token": "t", "token_type": "bearer", "expires_in": 215999.9}),
            "InitialCallCentreCase" | "CreateCase" => json!({"CaseID": "C-1", "Result": true}),
            "GetCaseDetails" => json!({"VehicleNo": "ABC1234"}),
            "CancelCase" => json!({"Result": "Yes"}),
            "GetCaseStatus" => json!({"Result": "Yes", "CaseStatus": "Open"}),
            "GetTruckCoordination" | "GetTrucks" | "GetDrivers" | "GetClaims" => {
                json!({"items": []})
            }
            "UpdateTruckCoordinate" => json!({"TruckNo": "ABC1234"}),
            "GetClaimDetail" => json!({"ClaimDetail": {}}),
            "Test"
            | "UpdateCaseResolved"
            | "UpdateCallerSatisfactionRating"
            | "UpdateArrivalTime"
            | "UpdateIncidentPhotos" => json!({"Result": true}),
            _ => json!([]),
        };
        Ok(json_response(200, &body))
    });
    mock
}

const TINY_JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0xFF, 0xD9];

#[tokio::test]
async fn every_body_has_the_keys_of_the_documents_example() {
    let mock = carfix();
    let carfix = Clients::builder()
        .base_url("https://carfix.example")
        .transport(Arc::new(mock.clone()))
        .affiliate("CARFIX-REFERRED", "k")
        .workshop("ONEWORKS-TOWING", "k")
        .build()
        .unwrap();
    let (a, w) = (&carfix.affiliate, &carfix.workshop);
    let at = Coordinate::new(2.725889, 101.9378239).unwrap();
    // The least each call can be given: blank texts, no optional part set.
    a.test().await.unwrap();
    a.cases()
        .create_initial(&InitialCaseRequest::new("", "", "", "", at))
        .await
        .unwrap();
    let bare = CreateCaseRequest::new(
        CaseInfo::new("", "", "", ""),
        ServiceInfo::default(),
        "",
        at,
        "",
        "",
    );
    a.cases().create(&bare).await.unwrap();
    a.cases().get("C-1").await.unwrap();
    a.cases().mark_resolved("C-1").await.unwrap();
    a.cases().rate("C-1", 0, "").await.unwrap();
    a.cases().set_arrival_time("C-1", Utc::now()).await.unwrap();
    a.photos().upload("C-1", TINY_JPEG).await.unwrap();
    a.lookups().workshops("A-1").await.unwrap();
    a.lookups().rsa_workshops("A-1").await.unwrap();
    a.lookups().car_makes().await.unwrap();
    a.lookups().states().await.unwrap();
    a.lookups().areas("S-1").await.unwrap();
    a.lookups().nature_of_calls().await.unwrap();
    a.lookups().services_needed("N-1").await.unwrap();
    a.lookups().puncture_types().await.unwrap();
    a.lookups().breakdown_causes().await.unwrap();
    a.trucks().coordination("").send().await.unwrap();
    a.cases().cancel("C-1").await.unwrap();
    a.cases().quote_cancellation("C-1").await.unwrap();
    a.cases().status("C-1").await.unwrap();
    a.cases().list().send().await.unwrap();
    a.photos().list().case_id("C-1").send().await.unwrap();
    w.trucks().list().await.unwrap();
    w.drivers().list().await.unwrap();
    let update = TruckPositionUpdate::new("", "", at);
    w.trucks().update_position(&update).await.unwrap();
    w.claims()
        .list()
        .accident_from(NaiveDate::from_ymd_opt(2022, 9, 1).unwrap())
        .send()
        .await
        .unwrap();
    w.claims().get("K-1").await.unwrap();

    // Each request, by the operation whose (default) path it went to.
    let mut seen: BTreeMap<&'static str, usize> = BTreeMap::new();
    for req in mock.requests() {
        let op = OPERATIONS
            .iter()
            .find(|o| o.path == req.url.path())
            .unwrap_or_else(|| panic!("no operation at {}", req.url.path()));
        *seen.entry(op.name).or_default() += 1;
        match documented(op.name) {
            None => assert!(
                req.body.is_empty(),
                "{}: the document sends no body",
                op.name
            ),
            Some(example) => {
                let sent: Value = serde_json::from_slice(&req.body)
                    .unwrap_or_else(|e| panic!("{}: a JSON body ({e})", op.name));
                assert_eq!(keys(&sent), keys(&example), "{}: keys sent", op.name);
            }
        }
    }
    let missing: Vec<&str> = OPERATIONS
        .iter()
        .map(|o| o.name)
        .filter(|n| !seen.contains_key(n))
        .collect();
    assert!(missing.is_empty(), "operations not exercised: {missing:?}");
}

#[tokio::test]
async fn blank_values_go_out_as_empty_strings_not_null() {
    let mock = carfix();
    let carfix = AffiliateClient::builder()
        .base_url("https://carfix.example")
        .transport(Arc::new(mock.clone()))
        .credentials("CARFIX-REFERRED", "k")
        .build()
        .unwrap();
    let at = Coordinate::new(2.725889, 101.9378239).unwrap();
    let jump_start = CreateCaseRequest::new(
        CaseInfo::new("ABC1234", "NC", "SN", "60123456789"),
        ServiceInfo::new("BC"),
        "JALAN AMPANG",
        at,
        "KUALA LUMPUR",
        "AMPANG",
    );
    carfix.cases().create(&jump_start).await.unwrap();
    carfix
        .trucks()
        .coordination("ABC1234")
        .send()
        .await
        .unwrap();
    carfix
        .cases()
        .list()
        .vehicle_number("ABC1234")
        .send()
        .await
        .unwrap();
    let sent: Vec<Value> = mock
        .requests()
        .iter()
        .skip(1)
        .map(|r| r.json_body().unwrap())
        .collect();
    for key in [
        "PanelWorkshopName",
        "WorkshopName",
        "TowDestination",
        "TowDestinationCoordinate",
        "TowDestinationState",
        "TowDestinationArea",
    ] {
        assert_eq!(sent[0][key], json!(""), "3.3 {key}");
    }
    assert_eq!(sent[1], json!({"TruckNo": "ABC1234", "CaseID": ""}));
    assert_eq!(
        sent[2],
        json!({"VehicleNumber": "ABC1234", "CreatedFromDate": "", "CreatedToDate": ""})
    );
}
