//! What the client sends for requests built from Rust values (constructors and builders,
//! never a fixture's recorded body): for every operation, the exact method, path, query,
//! headers and JSON body on a local httpmock server.
//!
//! The contract test feeds each fixture's own values back through the client, so it proves
//! the round trip; these tests prove that values a user writes in Rust come out as the
//! document's wire shapes.

use std::future::Future;
use std::sync::{Arc, Mutex};

use carfix_client::*;
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use httpmock::{HttpMockRequest, MockServer};
use partner_core::Error;
use serde_json::{Value, json};

/// One request as the server received it.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Seen {
    fn from_mock(req: &HttpMockRequest) -> Self {
        Seen {
            method: req.method().to_string(),
            path: req.uri().path().to_owned(),
            query: req.query_params(),
            headers: req
                .headers()
                .iter()
                .map(|(k, v)| {
                    let v = v.to_str().unwrap_or_default().to_owned();
                    (k.as_str().to_owned(), v)
                })
                .collect(),
            body: req.body_vec(),
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Asserts a POST with exactly this JSON body (and no query) to `path`, with the token.
    fn assert_json(&self, path: &str, body: Value) {
        assert_eq!((self.method.as_str(), self.path.as_str()), ("POST", path));
        assert!(self.query.is_empty(), "{path}: query {:?}", self.query);
        assert_eq!(self.header("authorization"), Some("Bearer tok"), "{path}");
        assert_eq!(
            self.header("content-type"),
            Some("application/json"),
            "{path}"
        );
        let sent: Value = serde_json::from_slice(&self.body).expect("a JSON body");
        assert_eq!(sent, body, "{path}");
    }

    /// Asserts a request without a body to `path`, with the token and exactly this query.
    fn assert_bodyless(&self, method: &str, path: &str, query: &[(&str, &str)]) {
        assert_eq!((self.method.as_str(), self.path.as_str()), (method, path));
        let query: Vec<(String, String)> = query
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        assert_eq!(self.query, query, "{path}");
        assert_eq!(self.header("authorization"), Some("Bearer tok"), "{path}");
        assert_eq!(self.header("content-type"), None, "{path}");
        assert!(self.body.is_empty(), "{path}: body {:?}", self.body);
    }
}

/// A CarFix stand-in: both logins answer a token, every other request gets `reply`; all
/// requests are recorded in order.
struct Recorder {
    server: MockServer,
    seen: Arc<Mutex<Vec<Seen>>>,
}

fn is_login(req: &HttpMockRequest) -> bool {
    req.uri().path().ends_with("/Token")
}

impl Recorder {
    async fn start(reply: Value) -> Recorder {
        let server = MockServer::start_async().await;
        let seen = Arc::new(Mutex::new(Vec::new()));
        let rec = seen.clone();
        server
            .mock_async(move |when, then| {
                when.is_true(move |req| {
                    rec.lock().unwrap().push(Seen::from_mock(req));
                    is_login(req)
                });
                then.status(200).json_body(json!({"access_token": "tok", "token_type": "bearer", "expires_in": 215999.9, "scope": "", "schema": ""}));
            })
            .await;
        server
            .mock_async(move |when, then| {
                when.is_true(|req| !is_login(req));
                then.status(200).json_body(reply);
            })
            .await;
        Recorder { server, seen }
    }

    /// The requests after the login, having checked the login's exact body.
    fn calls(&self, login_path: &str, username: &str, key: &str) -> Vec<Seen> {
        let seen = self.seen.lock().unwrap().clone();
        let (login, calls) = seen.split_first().expect("a login");
        assert_eq!(
            (login.method.as_str(), login.path.as_str()),
            ("POST", login_path)
        );
        assert_eq!(login.header("authorization"), None);
        assert_eq!(login.header("content-type"), Some("application/json"));
        let body: Value = serde_json::from_slice(&login.body).expect("a JSON login body");
        assert_eq!(body, json!({"clientusername": username, "clientkey": key}));
        assert!(
            calls.iter().all(|c| !c.path.ends_with("/Token")),
            "one login"
        );
        calls.to_vec()
    }
}

/// Runs `call` on a fresh Affiliate client; returns its result and the one request it sent.
async fn affiliate<T, Fut>(reply: Value, call: impl FnOnce(AffiliateClient) -> Fut) -> (T, Seen)
where
    Fut: Future<Output = Result<T, Error>>,
{
    let rec = Recorder::start(reply).await;
    let client = AffiliateClient::builder()
        .base_url(rec.server.base_url())
        .credentials("CARFIX-REFERRED", "affiliate-key")
        .build()
        .unwrap();
    let out = call(client).await.expect("the call succeeds");
    let mut calls = rec.calls("/api/Affiliate/Token", "CARFIX-REFERRED", "affiliate-key");
    assert_eq!(calls.len(), 1, "{calls:#?}");
    (out, calls.remove(0))
}

/// The same for the Workshop client.
async fn workshop<T, Fut>(reply: Value, call: impl FnOnce(WorkshopClient) -> Fut) -> (T, Seen)
where
    Fut: Future<Output = Result<T, Error>>,
{
    let rec = Recorder::start(reply).await;
    let client = WorkshopClient::builder()
        .base_url(rec.server.base_url())
        .credentials("ONEWORKS-TOWING", "workshop-key")
        .build()
        .unwrap();
    let out = call(client).await.expect("the call succeeds");
    let mut calls = rec.calls("/api/Workshop/Token", "ONEWORKS-TOWING", "workshop-key");
    assert_eq!(calls.len(), 1, "{calls:#?}");
    (out, calls.remove(0))
}

fn seremban() -> Coordinate {
    Coordinate::new(2.725889, 101.9378239).unwrap()
}

fn created() -> Value {
    json!({"CaseID": "C-1", "Message": "Case Created Successfully", "Result": true})
}

/// A JPEG start and end marker around a JFIF header: enough to pass the JPEG check.
const TINY_JPEG: &[u8] = &[
    0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0xFF, 0xD9,
];

#[tokio::test]
async fn test_call_sends_the_credentials_with_the_token() {
    let ((), sent) = affiliate(json!({"Result": true}), |c| async move { c.test().await }).await;
    sent.assert_json(
        "/api/Affiliate/Test",
        json!({"clientusername": "CARFIX-REFERRED", "clientkey": "affiliate-key"}),
    );
}

#[tokio::test]
async fn initial_case_from_its_constructor_is_the_documented_example() {
    let req = InitialCaseRequest::new(
        "ABC1234",
        "60123456789",
        "Wong Wai Yan",
        "70300 SEREMBAN, NEGERI SEMBILAN, MALAYSIA",
        seremban(),
    );
    let (id, sent) = affiliate(created(), |c| async move {
        c.cases().create_initial(&req).await
    })
    .await;
    assert_eq!(id, "C-1");
    // 3.2.1.1, trailing comma removed.
    sent.assert_json(
        "/api/Affiliate/InitialCallCentreCase",
        json!({
            "CaseInfo": {"VehicleNo": "ABC1234", "CallerContactNo": "60123456789", "Name": "Wong Wai Yan"},
            "IncidentLocation": "70300 SEREMBAN, NEGERI SEMBILAN, MALAYSIA",
            "LocationCoordinate": "2.725889,101.9378239"
        }),
    );
}

fn lana_case_info() -> CaseInfo {
    CaseInfo::new("ABC1234", "nc-2", "sv-9", "60123456789")
        .vehicle("PERODUA", "PERODUA MYVI 1.3EZ1", "Manual")
        .caller_name("Lana")
        .insured_email("lana@gmail.com")
}

#[tokio::test]
async fn create_case_from_builders_is_the_documented_example() {
    let mut service = ServiceInfo::new("bc-3");
    service.is_lowered = true;
    service.steering_cant_turn = true;
    service.tyre_puncture = TyrePunctures::of([TyrePosition::FrontLeft, TyrePosition::FrontRight]);
    let req = CreateCaseRequest::new(
        lana_case_info(),
        service,
        "70300 SEREMBAN, NEGERI SEMBILAN, MALAYSIA",
        seremban(),
        "NEGERI SEMBILAN",
        "SEREMBAN",
    )
    .panel_workshop("WORKSHOP A")
    .tow_to("70300 SEEMBAN", seremban(), "NEGERI SEMBILAN", "SEREMBAN");
    let (id, sent) = affiliate(created(), |c| async move { c.cases().create(&req).await }).await;
    assert_eq!(id, "C-1");
    // 3.3.1.1 with the masked ids filled in.
    sent.assert_json(
        "/api/Affiliate/CreateCase",
        json!({
            "CaseInfo": {"VehicleNo": "ABC1234", "NatureOfCall": "nc-2", "ServiceNeeded": "sv-9", "Make": "PERODUA",
                         "Model": "PERODUA MYVI 1.3EZ1", "Type": "Manual", "CallerName": "Lana",
                         "CallerContactNo": "60123456789", "InsuredEmail": "lana@gmail.com"},
            "ServiceInfo": {"BreakDownCause": "bc-3", "IsLowered": true, "SteeringCantTurn": true, "GearCantMove": false,
                            "HandBreakCantRelease": false, "BasementORRoofTop": false, "IsCarBlocking": false,
                            "IsSpareTyreGoodCondition": false, "IsSpecialToolsAndNutAvailable": false, "TyrePuncture": 3},
            "IncidentLocation": "70300 SEREMBAN, NEGERI SEMBILAN, MALAYSIA",
            "LocationCoordinate": "2.725889,101.9378239",
            "LocationState": "NEGERI SEMBILAN",
            "LocationArea": "SEREMBAN",
            "PanelWorkshopName": "WORKSHOP A",
            "WorkshopName": "",
            "TowDestination": "70300 SEEMBAN",
            "TowDestinationCoordinate": "2.725889,101.9378239",
            "TowDestinationState": "NEGERI SEMBILAN",
            "TowDestinationArea": "SEREMBAN"
        }),
    );
}

#[tokio::test]
async fn create_case_without_workshop_or_tow_sends_those_keys_blank() {
    let req = CreateCaseRequest::new(
        lana_case_info(),
        ServiceInfo::new("bc-1"),
        "JALAN AMPANG",
        Coordinate::new(3.1589, 101.7119).unwrap(),
        "KUALA LUMPUR",
        "AMPANG",
    );
    let (_, sent) = affiliate(created(), |c| async move { c.cases().create(&req).await }).await;
    let body: Value = serde_json::from_slice(&sent.body).unwrap();
    let keys: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "CaseInfo",
            "IncidentLocation",
            "LocationArea",
            "LocationCoordinate",
            "LocationState",
            "PanelWorkshopName",
            "ServiceInfo",
            "TowDestination",
            "TowDestinationArea",
            "TowDestinationCoordinate",
            "TowDestinationState",
            "WorkshopName"
        ]
    );
    for blank in [
        "PanelWorkshopName",
        "WorkshopName",
        "TowDestination",
        "TowDestinationCoordinate",
        "TowDestinationState",
        "TowDestinationArea",
    ] {
        assert_eq!(body[blank], json!(""), "{blank}");
    }
    assert_eq!(body["ServiceInfo"]["TyrePuncture"], json!(0));
    assert_eq!(body["LocationCoordinate"], json!("3.1589,101.7119"));
}

#[tokio::test]
async fn case_id_calls_send_the_case_id() {
    let details = json!({"VehicleNo": "ABC1234", "CaseStatus": "Open", "data": []});
    let (d, sent) = affiliate(details, |c| async move { c.cases().get("C-1").await }).await;
    assert_eq!(d.case_status, Some(CaseStatus::Open));
    sent.assert_json("/api/Affiliate/GetCaseDetails", json!({"CaseID": "C-1"}));

    let ok = || json!({"Result": true});
    let ((), sent) = affiliate(
        ok(),
        |c| async move { c.cases().mark_resolved("C-1").await },
    )
    .await;
    sent.assert_json(
        "/api/Affiliate/UpdateCaseResolved",
        json!({"CaseID": "C-1"}),
    );

    let ((), sent) = affiliate(ok(), |c| async move {
        c.cases().rate("C-1", 3, "Service Is Good").await
    })
    .await;
    sent.assert_json(
        "/api/Affiliate/UpdateCallerSatisfactionRating",
        json!({"CaseID": "C-1", "CustomerSatisfactionID": 3, "CustomerRemarks": "Service Is Good"}),
    );

    let arrived =
        Utc.with_ymd_and_hms(2012, 7, 23, 18, 25, 43).unwrap() + Duration::milliseconds(511);
    let ((), sent) = affiliate(ok(), |c| async move {
        c.cases().set_arrival_time("C-1", arrived).await
    })
    .await;
    sent.assert_json(
        "/api/Affiliate/UpdateArrivalTime",
        json!({"CaseID": "C-1", "ArrivalDateTime": "2012-07-23T18:25:43.511Z"}),
    );
}

#[tokio::test]
async fn cancel_and_status_send_the_key() {
    let answer = || json!({"Result": "Yes", "CaseStatus": "Cancelled", "CancellationCharges": 0.00, "ErrorMessage": ""});
    let (quote, sent) = affiliate(answer(), |c| async move {
        c.cases().quote_cancellation("C-1").await
    })
    .await;
    assert!(quote.result);
    sent.assert_json(
        "/api/Affiliate/CancelCase",
        json!({"Key": "C-1", "IsCheckOnly": "true"}),
    );
    let (done, sent) = affiliate(answer(), |c| async move { c.cases().cancel("C-1").await }).await;
    assert_eq!(done.case_status, Some(CaseStatus::Cancelled));
    sent.assert_json(
        "/api/Affiliate/CancelCase",
        json!({"Key": "C-1", "IsCheckOnly": "false"}),
    );
    let (report, sent) = affiliate(
        json!({"Result": "Yes", "CaseStatus": "Open"}),
        |c| async move { c.cases().status("C-1").await },
    )
    .await;
    assert_eq!(report.current(), Some(&CaseStatus::Open));
    sent.assert_json("/api/Affiliate/GetCaseStatus", json!({"Key": "C-1"}));
}

#[tokio::test]
async fn case_list_filters_from_the_builder() {
    let day = NaiveDate::from_ymd_opt(2023, 10, 2).unwrap();
    let listed =
        json!([{"ReferenceNo": "R-1", "CaseID": "C-1", "CreatedDate": "2023-10-02T14:31:28.673"}]);
    let (cases, sent) = affiliate(listed, |c| async move {
        c.cases()
            .list()
            .vehicle_number("ABC1234")
            .created_between(
                day.and_hms_opt(0, 0, 0).unwrap(),
                day.and_hms_opt(23, 59, 59).unwrap(),
            )
            .send()
            .await
    })
    .await;
    assert_eq!(cases[0].case_id, "C-1");
    sent.assert_json(
        "/api/Affiliate/GetListOfCases",
        json!({"VehicleNumber": "ABC1234", "CreatedFromDate": "2023-10-02 00:00:00", "CreatedToDate": "2023-10-02 23:59:59"}),
    );
    let (_, sent) = affiliate(json!([]), |c| async move { c.cases().list().send().await }).await;
    sent.assert_json(
        "/api/Affiliate/GetListOfCases",
        json!({"VehicleNumber": "", "CreatedFromDate": "", "CreatedToDate": ""}),
    );
}

#[tokio::test]
async fn lookups_without_input_send_no_body() {
    let (_, sent) = affiliate(json!([]), |c| async move { c.lookups().states().await }).await;
    sent.assert_bodyless("POST", "/api/Affiliate/GetStates", &[]);
    let (_, sent) = affiliate(json!([]), |c| async move { c.lookups().car_makes().await }).await;
    sent.assert_bodyless("POST", "/api/Affiliate/GetCarMakes", &[]);
    let (_, sent) = affiliate(
        json!([]),
        |c| async move { c.lookups().nature_of_calls().await },
    )
    .await;
    sent.assert_bodyless("POST", "/api/Affiliate/GetNatureOfCalls", &[]);
    let (_, sent) = affiliate(
        json!([]),
        |c| async move { c.lookups().puncture_types().await },
    )
    .await;
    sent.assert_bodyless("POST", "/api/Affiliate/GetTypeOfPunctures", &[]);
    let (_, sent) = affiliate(json!([]), |c| async move {
        c.lookups().breakdown_causes().await
    })
    .await;
    sent.assert_bodyless("POST", "/api/Affiliate/GetBreakdownCauses", &[]);
}

#[tokio::test]
async fn lookup_chain_sends_the_parent_id_under_its_wire_name() {
    let areas = json!([{"id": "ar-77", "label": "SEREMBAN"}]);
    let (items, sent) = affiliate(areas, |c| async move { c.lookups().areas("st-05").await }).await;
    assert_eq!(items[0].id, "ar-77");
    sent.assert_json("/api/Affiliate/GetAreas", json!({"State": "st-05"}));
    let (_, sent) = affiliate(json!([]), |c| async move {
        c.lookups().workshops("ar-77").await
    })
    .await;
    sent.assert_json("/api/Affiliate/GetListOfWorkshop", json!({"Area": "ar-77"}));
    let (_, sent) = affiliate(json!([]), |c| async move {
        c.lookups().rsa_workshops("ar-77").await
    })
    .await;
    sent.assert_json(
        "/api/Affiliate/GetListOfRSAWorkshop",
        json!({"Area": "ar-77"}),
    );
    let (_, sent) = affiliate(json!([]), |c| async move {
        c.lookups().services_needed("nc-2").await
    })
    .await;
    sent.assert_json(
        "/api/Affiliate/GetServiceNeeded",
        json!({"NatureOfCall": "nc-2"}),
    );
}

#[tokio::test]
async fn truck_coordination_sends_truck_and_case_or_user_code() {
    let none = || json!({"items": []});
    let (_, sent) = affiliate(none(), |c| async move {
        c.trucks()
            .coordination("VBN 4321")
            .case_id("C-1")
            .send()
            .await
    })
    .await;
    sent.assert_json(
        "/api/Affiliate/GetTruckCoordination",
        json!({"TruckNo": "VBN 4321", "CaseID": "C-1"}),
    );
    let (_, sent) = affiliate(none(), |c| async move {
        c.trucks()
            .coordination("VBN 4321")
            .user_code("123456")
            .send()
            .await
    })
    .await;
    sent.assert_json(
        "/api/Affiliate/GetTruckCoordination",
        json!({"TruckNo": "VBN 4321", "CaseID": "", "UserCode": "123456"}),
    );
}

#[tokio::test]
async fn photos_go_out_as_base64_and_the_list_never_sends_a_body() {
    let ((), sent) = affiliate(json!({"Result": true}), |c| async move {
        c.photos().upload("C-1", TINY_JPEG).await
    })
    .await;
    sent.assert_json(
        "/api/Affiliate/UpdateIncidentPhotos",
        json!({"CaseID": "C-1", "images": "/9j/4AAQSkZJRv/Z"}),
    );
    let (_, sent) = affiliate(json!([]), |c| async move { c.photos().list().send().await }).await;
    sent.assert_bodyless("POST", "/api/Affiliate/GetIncidentPhotos", &[]);
    let (_, sent) = affiliate(json!([]), |c| async move {
        c.photos().list().case_id("C-1").send().await
    })
    .await;
    sent.assert_bodyless("POST", "/api/Affiliate/GetIncidentPhotos", &[]);
}

#[tokio::test]
async fn workshop_reads_are_gets_with_documented_query_names() {
    let none = || json!({"items": []});
    let (_, sent) = workshop(none(), |c| async move { c.trucks().list().await }).await;
    sent.assert_bodyless("GET", "/api/Workshop/GetTrucks", &[]);
    let (_, sent) = workshop(none(), |c| async move { c.drivers().list().await }).await;
    sent.assert_bodyless("GET", "/api/Workshop/GetDrivers", &[]);
    let (_, sent) = workshop(none(), |c| async move { c.claims().list().send().await }).await;
    sent.assert_bodyless("GET", "/api/Workshop/GetClaims", &[]);
    let from = NaiveDate::from_ymd_opt(2022, 9, 1).unwrap();
    let (_, sent) = workshop(none(), |c| async move {
        c.claims().list().accident_from(from).send().await
    })
    .await;
    sent.assert_bodyless(
        "GET",
        "/api/Workshop/GetClaims",
        &[("accidentFromDate", "2022-09-01")],
    );
    let detail = json!({"ClaimDetail": {"CarRegNo": "ABC1234"}});
    let (d, sent) = workshop(detail, |c| async move { c.claims().get("K 1").await }).await;
    assert_eq!(d.claim.car_reg_no.as_deref(), Some("ABC1234"));
    sent.assert_bodyless("GET", "/api/Workshop/GetClaimDetail", &[("key", "K 1")]);
}

#[tokio::test]
async fn truck_position_from_a_coordinate() {
    let stored = json!({"IMEI": "123456789012345", "TruckNo": "ABC1234", "Status": "ACTIVE", "Online": "Online",
                        "CurrentDriver": null, "LastUpdateTime": "22/07/2022 11:23:11 AM",
                        "Latitude": 3.197467, "Longitude": 101.714577});
    let at = Coordinate::new(3.197467, 101.714577).unwrap();
    let update = TruckPositionUpdate::new("123456789012345", "ABC1234", at);
    let (truck, sent) = workshop(stored, |c| async move {
        c.trucks().update_position(&update).await
    })
    .await;
    assert_eq!(truck.position(), Some(at));
    assert_eq!(truck.online, Some(Connectivity::Online));
    sent.assert_json(
        "/api/Workshop/UpdateTruckCoordinate",
        json!({"IMEI": "123456789012345", "TruckNo": "ABC1234", "Latitude": 3.197467, "Longitude": 101.714577}),
    );
}
