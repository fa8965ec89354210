//! Replays every fixture in fixtures/carfix through the typed client and checks what it sent.

use carfix_client::wire::datetime::{dotnet, utc_millis};
use carfix_client::*;
use partner_core::{Error, RetryPolicy};
use partner_testkit::{BoxError, Fixture, Replay, load_fixture, run_contract};
use serde_json::Value;

fn affiliate(base: String) -> Result<AffiliateClient, BoxError> {
    Ok(AffiliateClient::builder()
        .base_url(base)
        .credentials("CARFIX-REFERRED", "affiliate-key")
        .retry_policy(RetryPolicy::none())
        .build()?)
}

fn workshop(base: String) -> Result<WorkshopClient, BoxError> {
    Ok(WorkshopClient::builder()
        .base_url(base)
        .credentials("ONEWORKS-TOWING", "workshop-key")
        .retry_policy(RetryPolicy::none())
        .build()?)
}

async fn logged_in_affiliate(rp: &Replay) -> Result<AffiliateClient, BoxError> {
    rp.mount(&load_fixture("carfix", "AffiliateLogin")?).await;
    affiliate(rp.base_url())
}

async fn logged_in_workshop(rp: &Replay) -> Result<WorkshopClient, BoxError> {
    rp.mount(&load_fixture("carfix", "WorkshopLogin")?).await;
    workshop(rp.base_url())
}

fn req(fx: &Fixture, key: &str) -> Result<String, BoxError> {
    let body = fx
        .request
        .body
        .as_ref()
        .ok_or("fixture has no request body")?;
    Ok(body[key]
        .as_str()
        .ok_or_else(|| format!("request body has no string {key}"))?
        .to_owned())
}

fn resp(fx: &Fixture) -> Result<&Value, BoxError> {
    fx.response
        .body
        .as_ref()
        .ok_or_else(|| "fixture has no response body".into())
}

fn check(cond: bool, what: &str) -> Result<(), BoxError> {
    if cond {
        Ok(())
    } else {
        Err(format!("check failed: {what}").into())
    }
}

async fn lookup_labels(items: Vec<LookupItem>, fx: &Fixture) -> Result<(), BoxError> {
    let want: Vec<&str> = resp(fx)?
        .as_array()
        .ok_or("array")?
        .iter()
        .filter_map(|v| v["label"].as_str())
        .collect();
    let got: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
    check(got == want, "lookup labels")
}

async fn replay(fx: &Fixture, rp: &Replay) -> Result<(), BoxError> {
    match fx.name.as_str() {
        "AffiliateLogin" => {
            let c = affiliate(rp.base_url())?;
            c.login().await?;
            check(c.login_count() == 1, "one login")
        }
        "AffiliateLogin--invalid" => {
            let err = affiliate(rp.base_url())?
                .login()
                .await
                .err()
                .ok_or("expected an error, the login succeeded")?;
            check(
                matches!(&err, Error::Auth { operation: "AffiliateLogin", status: Some(400), message } if message.contains("incorrect")),
                "invalid login is Error::Auth with CarFix's message",
            )
        }
        "WorkshopLogin" => {
            let c = workshop(rp.base_url())?;
            c.login().await?;
            check(c.login_count() == 1, "one login")
        }
        "Test" => {
            logged_in_affiliate(rp).await?.test().await?;
            Ok(())
        }
        "InitialCallCentreCase" => {
            let body: InitialCaseRequest = fx.request_body()?;
            let id = logged_in_affiliate(rp)
                .await?
                .cases()
                .create_initial(&body)
                .await?;
            check(id == resp(fx)?["CaseID"], "case id")
        }
        "CreateCase" => {
            let body: CreateCaseRequest = fx.request_body()?;
            check(
                body.service_info
                    .tyre_puncture
                    .contains(TyrePosition::FrontRight),
                "TyrePuncture 3 has front right",
            )?;
            let id = logged_in_affiliate(rp).await?.cases().create(&body).await?;
            check(id == resp(fx)?["CaseID"], "case id")
        }
        "CreateCase--rejected" => {
            let body: CreateCaseRequest = fx.request_body()?;
            let err = logged_in_affiliate(rp)
                .await?
                .cases()
                .create(&body)
                .await
                .err()
                .ok_or("expected an error, the call succeeded")?;
            check(
                matches!(&err, Error::Rejected { operation: "CreateCase", message, .. } if message == "Vehicle has an open case"),
                "Result false is Error::Rejected",
            )
        }
        "GetCaseDetails" => {
            let d = logged_in_affiliate(rp)
                .await?
                .cases()
                .get(&req(fx, "CaseID")?)
                .await?;
            check(d.case_status == Some(CaseStatus::Open), "status")?;
            check(
                d.created_date.map(|t| dotnet::format(&t)).as_deref()
                    == Some("2023-03-13T14:56:18.67"),
                "created",
            )?;
            check(
                d.location_coordinate == Some(Coordinate::new(2.725889, 101.9378239)?),
                "coordinate",
            )?;
            check(
                d.truck_no.is_none() && d.case_closed_date.is_none(),
                "nulls",
            )
        }
        "UpdateCaseResolved" => Ok(logged_in_affiliate(rp)
            .await?
            .cases()
            .mark_resolved(&req(fx, "CaseID")?)
            .await?),
        "UpdateCallerSatisfactionRating" => {
            let body: RatingRequest = fx.request_body()?;
            let c = logged_in_affiliate(rp).await?;
            Ok(c.cases()
                .rate(
                    &body.case_id,
                    body.customer_satisfaction_id,
                    &body.customer_remarks,
                )
                .await?)
        }
        "UpdateArrivalTime" => {
            let at = utc_millis::parse(&req(fx, "ArrivalDateTime")?).ok_or("arrival time")?;
            Ok(logged_in_affiliate(rp)
                .await?
                .cases()
                .set_arrival_time(&req(fx, "CaseID")?, at)
                .await?)
        }
        "UpdateIncidentPhotos" => {
            let body: PhotoUpload = fx.request_body()?;
            Ok(logged_in_affiliate(rp)
                .await?
                .photos()
                .upload(&body.case_id, body.jpeg)
                .await?)
        }
        "GetListOfWorkshop" => {
            let items = logged_in_affiliate(rp)
                .await?
                .lookups()
                .workshops(&req(fx, "Area")?)
                .await?;
            lookup_labels(items, fx).await
        }
        "GetListOfRsaWorkshop" => {
            let items = logged_in_affiliate(rp)
                .await?
                .lookups()
                .rsa_workshops(&req(fx, "Area")?)
                .await?;
            lookup_labels(items, fx).await
        }
        "GetCarMakes" => {
            let makes = logged_in_affiliate(rp).await?.lookups().car_makes().await?;
            check(
                makes.iter().map(|m| m.label.as_str()).collect::<Vec<_>>()
                    == ["ALFA ROMEO", "APRILIA", "AUDI"],
                "makes",
            )
        }
        "GetStates" => {
            lookup_labels(logged_in_affiliate(rp).await?.lookups().states().await?, fx).await
        }
        "GetAreas" => {
            let items = logged_in_affiliate(rp)
                .await?
                .lookups()
                .areas(&req(fx, "State")?)
                .await?;
            lookup_labels(items, fx).await
        }
        "GetNatureOfCalls" => {
            lookup_labels(
                logged_in_affiliate(rp)
                    .await?
                    .lookups()
                    .nature_of_calls()
                    .await?,
                fx,
            )
            .await
        }
        "GetServiceNeeded" => {
            let items = logged_in_affiliate(rp)
                .await?
                .lookups()
                .services_needed(&req(fx, "NatureOfCall")?)
                .await?;
            lookup_labels(items, fx).await
        }
        "GetTypeOfPunctures" => {
            let p = logged_in_affiliate(rp)
                .await?
                .lookups()
                .puncture_types()
                .await?;
            let positions: Vec<_> = p.iter().filter_map(PunctureType::position).collect();
            check(positions == TyrePosition::ALL, "four positions in id order")
        }
        "GetBreakdownCauses" => {
            lookup_labels(
                logged_in_affiliate(rp)
                    .await?
                    .lookups()
                    .breakdown_causes()
                    .await?,
                fx,
            )
            .await
        }
        "GetTruckCoordination" => {
            let c = logged_in_affiliate(rp).await?;
            let trucks = c
                .trucks()
                .coordination(&req(fx, "TruckNo")?)
                .case_id(req(fx, "CaseID")?)
                .send()
                .await?;
            check(
                trucks.len() == 1 && trucks[0].truck_no == "ABC1234",
                "truck",
            )?;
            check(
                trucks[0].online == Some(Connectivity::Offline) && trucks[0].position().is_none(),
                "offline, no position",
            )?;
            check(trucks[0].last_update_time.is_some(), "update time")
        }
        "CancelCase" => {
            let c = logged_in_affiliate(rp)
                .await?
                .cases()
                .cancel(&req(fx, "Key")?)
                .await?;
            check(
                c.case_status == Some(CaseStatus::Cancelled)
                    && c.cancellation_charges == Some(Decimal::ZERO),
                "cancelled",
            )
        }
        "CancelCase--check-only" => {
            let q = logged_in_affiliate(rp)
                .await?
                .cases()
                .quote_cancellation(&req(fx, "Key")?)
                .await?;
            check(
                q.result && q.cancellation_charges == Some(Decimal::new(50, 0)),
                "quote of 50",
            )
        }
        "CancelCase--refused" => {
            let err = logged_in_affiliate(rp)
                .await?
                .cases()
                .cancel(&req(fx, "Key")?)
                .await
                .err()
                .ok_or("expected an error, the call succeeded")?;
            check(
                matches!(&err, Error::Rejected { operation: "CancelCase", message, .. } if message == "Case already resolved"),
                "Result No is Error::Rejected with ErrorMessage",
            )
        }
        "GetCaseStatus" => {
            let r = logged_in_affiliate(rp)
                .await?
                .cases()
                .status(&req(fx, "Key")?)
                .await?;
            // The documented answer lists all five: no current status can be read from it.
            check(
                matches!(r.reported(), ReportedStatus::Ambiguous(all) if all.len() == 5)
                    && r.current().is_none(),
                "five statuses, none taken as current",
            )
        }
        "GetListOfCases" => {
            let filter: CaseListFilter = fx.request_body()?;
            let cases = logged_in_affiliate(rp)
                .await?
                .cases()
                .list()
                .filter(filter)
                .send()
                .await?;
            check(cases.len() == 3, "three cases")?;
            check(
                cases[1].created_date.map(|t| dotnet::format(&t)).as_deref()
                    == Some("2023-10-02T14:53:14.37"),
                "date",
            )
        }
        "GetIncidentPhotos" => {
            let photos = logged_in_affiliate(rp)
                .await?
                .photos()
                .list()
                .send()
                .await?;
            let img = &photos[0].images[0];
            check(
                img.file_name.as_deref() == Some("fileName.jpg"),
                "file name",
            )?;
            check(
                models::incident_photos::is_jpeg(&img.bytes),
                "decoded to JPEG bytes",
            )
        }
        "GetTrucks" => {
            let trucks = logged_in_workshop(rp).await?.trucks().list().await?;
            check(trucks[0].current_driver.as_deref() == Some("Ali"), "driver")?;
            check(
                trucks[0].position() == Some(Coordinate::new(3.0898378, 101.6892946)?),
                "position",
            )
        }
        "GetDrivers" => {
            let drivers = logged_in_workshop(rp).await?.drivers().list().await?;
            check(
                drivers.len() == 1
                    && !drivers[0].is_leader
                    && drivers[0].status == Some(RecordStatus::Active),
                "driver",
            )
        }
        "UpdateTruckCoordinate" => {
            let body: TruckPositionUpdate = fx.request_body()?;
            let truck = logged_in_workshop(rp)
                .await?
                .trucks()
                .update_position(&body)
                .await?;
            check(
                truck.imei.as_deref() == Some("123456789012345")
                    && truck.latitude == Some(3.197467),
                "stored truck",
            )
        }
        "GetClaims" => {
            let from = wire::datetime::date::parse(fx.query("accidentFromDate").ok_or("from")?)
                .ok_or("date")?;
            let to = wire::datetime::date::parse(fx.query("accidentToDate").ok_or("to")?)
                .ok_or("date")?;
            let claims = logged_in_workshop(rp)
                .await?
                .claims()
                .list()
                .accident_from(from)
                .accident_to(to)
                .send()
                .await?;
            check(
                claims.len() == 1 && claims[0].claim_status == Some(ClaimStatus::Unsubmitted),
                "claim",
            )
        }
        "GetClaimDetail" => {
            let d = logged_in_workshop(rp)
                .await?
                .claims()
                .get(fx.query("key").ok_or("key")?)
                .await?;
            let e = d.estimate.ok_or("estimate")?;
            check(e.total == Some(Decimal::new(1550, 0)), "total")?;
            // The fixture's normal form writes 1550.0 (the document 1550.00): the scale read
            // is the one on the wire.
            let served = resp(fx)?["EstimateDetail"]["Total"].to_string();
            check(
                e.total.map(|t| t.to_string()) == Some(served),
                "total read with the scale it was written with",
            )?;
            let price = e.parts_lines[0].price.as_ref().ok_or("price")?;
            check(
                price.prefix() == "*" && price.amount() == Decimal::new(100000, 2),
                "marked price",
            )?;
            let sum: Decimal = e
                .parts_lines
                .iter()
                .filter_map(|p| p.total.as_ref())
                .map(MarkedAmount::amount)
                .sum();
            check(
                Some(sum) == e.total,
                "part totals add up to the estimate total",
            )?;
            check(
                e.labour_lines[2].total == Some(Decimal::new(84, 1)),
                "labour total",
            )
        }
        other => Err(format!("no replay for {other}").into()),
    }
}

#[tokio::test]
async fn contract() {
    run_contract(
        "carfix",
        carfix_client::OPERATIONS,
        |fx: &Fixture, rp: &Replay| Box::pin(replay(fx, rp)),
    )
    .await;
}

#[test]
fn docs_operation_table_is_current() {
    partner_testkit::check_operation_table("carfix", carfix_client::OPERATIONS);
}
