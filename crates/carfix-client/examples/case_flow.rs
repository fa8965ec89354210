//! The worked flow of docs/carfix.md against a local mock CarFix: log in, look up state and
//! area, create a case, follow the truck, mark it resolved, rate the service.
//!
//! The mock answers each call only for the request body the document asks for (areas by the
//! state's id, the case with state/area labels and lookup ids, ...), and the program checks at
//! the end that every step reached CarFix exactly once, so it fails if the flow goes wrong.
//!
//! Run with `cargo run -p carfix-client --example case_flow`.

use carfix_client::*;
use httpmock::Mock;
use httpmock::prelude::*;
use serde_json::json;

/// Answers POST `/api/Affiliate/{name}` with `reply`, but only when the request body is
/// `expect` (`(body, false)`: exactly; `(body, true)`: at least those keys): a step that sends the wrong ids or labels
/// gets a 404 and the example stops there.
async fn serve<'a>(
    server: &'a MockServer,
    name: &str,
    expect: Option<(serde_json::Value, bool)>,
    reply: serde_json::Value,
) -> (String, Mock<'a>) {
    let path = format!("/api/Affiliate/{name}");
    let mock = server
        .mock_async(move |when, then| {
            let when = when.method(POST).path(path);
            match expect {
                Some((body, false)) => {
                    when.json_body(body);
                }
                Some((body, true)) => {
                    when.json_body_includes(body.to_string());
                }
                None => {}
            }
            then.status(200).json_body(reply);
        })
        .await;
    (name.to_owned(), mock)
}

fn exactly(body: serde_json::Value) -> Option<(serde_json::Value, bool)> {
    Some((body, false))
}

/// A local CarFix answering the flow's calls, each only for the documented request body.
async fn mock_carfix(server: &MockServer) -> Vec<(String, Mock<'_>)> {
    let token = json!({"access_token": "demo-token", "token_type": "bearer", "expires_in": 215999.9, "scope": "", "schema": ""});
    vec![
        serve(
            server,
            "Token",
            exactly(json!({"clientusername": "CARFIX-REFERRED", "clientkey": "demo-key"})),
            token,
        )
        .await,
        serve(
            server,
            "GetStates",
            None,
            json!([{"id": "st-05", "label": "NEGERI SEMBILAN"}, {"id": "st-01", "label": "Johor"}]),
        )
        .await,
        // Areas take the state's id (3.13).
        serve(
            server,
            "GetAreas",
            exactly(json!({"State": "st-05"})),
            json!([{"id": "ar-77", "label": "SEREMBAN"}, {"id": "ar-78", "label": "NILAI"}]),
        )
        .await,
        serve(
            server,
            "GetNatureOfCalls",
            None,
            json!([{"id": "nc-1", "label": "Accident"}, {"id": "nc-2", "label": "Breakdown"}]),
        )
        .await,
        serve(
            server,
            "GetServiceNeeded",
            exactly(json!({"NatureOfCall": "nc-2"})),
            json!([{"id": "sv-9", "label": "Towing - Tow Truck A"}]),
        )
        .await,
        serve(
            server,
            "GetBreakdownCauses",
            None,
            json!([{"id": "bc-3", "label": "Flat Tyre"}]),
        )
        .await,
        // Create Case takes state and area labels, the other lookups' ids (3.3).
        serve(
            server,
            "CreateCase",
            Some((
                json!({"CaseInfo": {"VehicleNo": "ABC1234", "NatureOfCall": "nc-2", "ServiceNeeded": "sv-9"},
                       "ServiceInfo": {"BreakDownCause": "bc-3", "TyrePuncture": 1},
                       "LocationCoordinate": "2.725889,101.9378239",
                       "LocationState": "NEGERI SEMBILAN", "LocationArea": "SEREMBAN",
                       "PanelWorkshopName": "WORKSHOP A", "WorkshopName": "",
                       "TowDestinationState": "NEGERI SEMBILAN", "TowDestinationArea": "SEREMBAN"}),
                true,
            )),
            json!({"CaseID": "CF-2024-0001", "Message": "Case Created Successfully", "Result": true}),
        )
        .await,
        serve(
            server,
            "GetCaseDetails",
            exactly(json!({"CaseID": "CF-2024-0001"})),
            json!({"VehicleNo": "ABC1234", "CaseStatus": "WorkInProgress", "CreatedDate": "2024-02-17T13:40:02.5",
                   "TruckNo": "VBN 4321", "TruckLatitude": 2.7301, "TruckLongitude": 101.9402, "ArrivedTime": null,
                   "LocationCoordinate": "2.72588900, 101.93782390", "ServiceNeeded": "Towing - Tow Truck A",
                   "DriverName": "Ali", "data": []}),
        )
        .await,
        serve(
            server,
            "GetTruckCoordination",
            exactly(json!({"TruckNo": "VBN 4321", "CaseID": "CF-2024-0001"})),
            json!({"items": [{"TruckNo": "VBN 4321", "Status": "ACTIVE", "Online": "Online", "CurrentDriver": "Ali",
                              "LastUpdateTime": "17/02/2024 01:58:16 PM", "Latitude": 2.7275, "Longitude": 101.9390}]}),
        )
        .await,
        serve(
            server,
            "UpdateCaseResolved",
            exactly(json!({"CaseID": "CF-2024-0001"})),
            json!({"Result": true}),
        )
        .await,
        serve(
            server,
            "UpdateCallerSatisfactionRating",
            exactly(json!({"CaseID": "CF-2024-0001", "CustomerSatisfactionID": 5, "CustomerRemarks": "Fast and friendly"})),
            json!({"Result": true}),
        )
        .await,
    ]
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let server = MockServer::start_async().await;
    let steps = mock_carfix(&server).await;
    let carfix = AffiliateClient::builder()
        .base_url(server.base_url())
        .credentials("CARFIX-REFERRED", "demo-key")
        .build()?;

    carfix.login().await?;
    println!("1. logged in (logins so far: {})", carfix.login_count());

    let states = carfix.lookups().states().await?;
    let state = LookupItem::find_in(&states, "Negeri Sembilan").ok_or("no state")?;
    let areas = carfix.lookups().areas(&state.id).await?;
    let area = LookupItem::find_in(&areas, "Seremban").ok_or("no area")?;
    println!(
        "2. state {} ({}), area {} ({})",
        state.label, state.id, area.label, area.id
    );

    let natures = carfix.lookups().nature_of_calls().await?;
    let breakdown = LookupItem::find_in(&natures, "Breakdown").ok_or("no nature")?;
    let services = carfix.lookups().services_needed(&breakdown.id).await?;
    let causes = carfix.lookups().breakdown_causes().await?;
    println!(
        "   nature {}, service {}, cause {}",
        breakdown.label, services[0].label, causes[0].label
    );

    let here = Coordinate::new(2.725889, 101.9378239)?;
    let mut service = ServiceInfo::new(causes[0].id.clone());
    service.tyre_puncture = TyrePunctures::of([TyrePosition::FrontLeft]);
    service.is_spare_tyre_good_condition = false;
    let case = CreateCaseRequest::new(
        CaseInfo::new("ABC1234", &breakdown.id, &services[0].id, "60123456789")
            .vehicle("PERODUA", "PERODUA MYVI 1.3EZ1", "Manual")
            .caller_name("Lana")
            .insured_email("lana@gmail.com"),
        service,
        "70300 SEREMBAN, NEGERI SEMBILAN, MALAYSIA",
        here,
        state.label.clone(),
        area.label.clone(),
    )
    .panel_workshop("WORKSHOP A")
    .tow_to(
        "70300 SEREMBAN",
        here,
        state.label.clone(),
        area.label.clone(),
    );
    let case_id = carfix.cases().create(&case).await?;
    println!("3. case created: {case_id}");

    let details = carfix.cases().get(&case_id).await?;
    println!(
        "4. case {:?}, truck {:?} driven by {:?}",
        details.case_status, details.truck_no, details.driver_name
    );
    if let Some(truck_no) = &details.truck_no {
        for truck in carfix
            .trucks()
            .coordination(truck_no)
            .case_id(&case_id)
            .send()
            .await?
        {
            println!(
                "   truck {} {:?} at {} (updated {:?})",
                truck.truck_no,
                truck.online,
                truck
                    .position()
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "unknown".into()),
                truck.last_update_time
            );
        }
    }

    carfix.cases().mark_resolved(&case_id).await?;
    println!("5. case marked resolved");
    carfix
        .cases()
        .rate(&case_id, 5, "Fast and friendly")
        .await?;
    println!(
        "6. service rated 5/5 (logins in all: {})",
        carfix.login_count()
    );

    // Every mocked call answered exactly once: nothing skipped, nothing sent twice.
    for (name, mock) in &steps {
        let calls = mock.calls_async().await;
        if calls != 1 {
            return Err(format!("{name}: expected one call, got {calls}").into());
        }
    }
    println!(
        "   all {} CarFix calls matched their documented request bodies",
        steps.len()
    );
    Ok(())
}
