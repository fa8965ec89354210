//! Import: the document's rules checked before sending (all violations at once), splitting by
//! location, and the exact request sent.

use std::borrow::Cow;

use chrono::{TimeZone, Utc};
use claire_client::{
    ClaireClient, Error, ImportAppointment, ImportCar, ImportCustomer, ImportIntervention,
    ImportRequest, LocationId, MAX_IMPORT_BATCH, SecretString, ValidateWith, ValidationRules,
};
use httpmock::prelude::*;
use partner_core::validation::{Rule, Validate};
use serde_json::json;

fn valid(location: i64, n: usize) -> ImportAppointment {
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    ImportAppointment::new(
        LocationId(location),
        format!("A-{n}"),
        format!("WO-{n}"),
        at,
        at,
    )
    .car(ImportCar::new(
        format!("C-{n}"),
        "WVWZZZ1JZXW000001",
        "Volkswagen",
        "Golf",
    ))
    .driver(ImportCustomer::new(format!("K-{n}"), "Jansen"))
}

fn client(base: &str) -> ClaireClient {
    ClaireClient::builder()
        .base_url(base)
        .api_key(SecretString::from("k"))
        .build()
        .unwrap()
}

#[test]
fn every_violation_is_reported_with_index_and_field() {
    let mut broken = valid(12, 1);
    broken.dms_nr = " ".into();
    broken.wo_nr.clear();
    broken.dms_created_at = None;
    broken.time_car_app = None;
    broken.car = Some(ImportCar::new("", "", "", "Golf"));
    broken.customer_driver = None;
    let mut no_car = valid(12, 2);
    no_car.car = None;
    no_car.customer_owner = Some(ImportCustomer::new("", "Lease BV"));
    no_car
        .interventions
        .push(ImportIntervention::new("", "Service"));
    no_car
        .interventions
        .push(ImportIntervention::new("I-2", ""));
    let other_location = valid(13, 3);
    let zero_location = {
        let mut a = valid(12, 4);
        a.location_id = LocationId(0);
        a
    };

    let req = ImportRequest::new(vec![
        valid(12, 0),
        broken,
        no_car,
        other_location,
        zero_location,
    ]);
    let err = req.validate().unwrap_err();
    let want: &[(&str, Rule)] = &[
        ("appointments[1].dms_nr", Rule::Required),
        ("appointments[1].wo_nr", Rule::Required),
        ("appointments[1].dms_created_at", Rule::Required),
        ("appointments[1].time_car_app", Rule::Required),
        ("appointments[1].car.dms_nr", Rule::Required),
        ("appointments[1].car.vin", Rule::Required),
        ("appointments[1].car.make", Rule::Required),
        ("appointments[2].car", Rule::Required),
        ("appointments[2].interventions[0].dms_nr", Rule::Required),
        ("appointments[2].interventions[1].title", Rule::Required),
        ("appointments[4].location_id", Rule::Required),
    ];
    for (field, rule) in want {
        assert!(err.has(field, rule), "missing {field} {rule:?} in {err}");
    }
    assert!(
        err.for_field("appointments[1].customer_driver")
            .any(|v| matches!(v.rule, Rule::Other(_)))
    );
    assert!(
        err.for_field("appointments[3].location_id")
            .any(|v| matches!(v.rule, Rule::Other(_))),
        "{err}"
    );
    assert!(!err.has("appointments[1].car.model", &Rule::Required));
    assert_eq!(err.violations().len(), want.len() + 2, "{err}");

    // The owner beside a complete driver lacks a DMS number: only the strict reading says so.
    let strict = req.validate_with(&ValidationRules::STRICT).unwrap_err();
    assert!(strict.has("appointments[2].customer_owner.dms_nr", &Rule::Required));
    assert_eq!(strict.violations().len(), err.violations().len() + 1);
}

#[test]
fn one_customer_with_dms_nr_and_surname_is_enough() {
    // "have at least one customer with a dms_nr and surname" (Import Appointments).
    // A lease company owner without a surname rides along with a named driver.
    let with_company = valid(12, 1).owner(ImportCustomer::new("K-LEASE", ""));
    assert!(with_company.validate().is_ok());
    // So does one without a DMS number, unless the strict reading is asked for.
    let without_nr = valid(12, 5).owner(ImportCustomer::new("", "Lease BV"));
    assert!(without_nr.validate().is_ok());
    let strict = without_nr
        .validate_with(&ValidationRules::STRICT)
        .unwrap_err();
    assert!(
        strict.has("customer_owner.dms_nr", &Rule::Required),
        "{strict}"
    );
    assert_eq!(strict.violations().len(), 1, "{strict}");
    // The named customer may be any of the three.
    let mut owner_named = valid(12, 2).owner(ImportCustomer::new("K-O", "Smit"));
    owner_named.customer_driver = Some(ImportCustomer::new("K-D", " "));
    assert!(owner_named.validate().is_ok());
    // Nobody named: each given customer is missing its surname.
    let mut nobody = valid(12, 3).contractor(ImportCustomer::new("K-C", ""));
    nobody.customer_driver = Some(ImportCustomer::new("K-D", ""));
    let err = nobody.validate().unwrap_err();
    assert!(err.has("customer_driver.surname", &Rule::Required), "{err}");
    assert!(
        err.has("customer_contract.surname", &Rule::Required),
        "{err}"
    );
    assert_eq!(err.violations().len(), 2, "{err}");
    // A named customer without a DMS number does not count, and is reported.
    let mut no_nr = valid(12, 4);
    no_nr.customer_driver = Some(ImportCustomer::new("", "Jansen"));
    let err = no_nr.validate().unwrap_err();
    assert!(err.has("customer_driver.dms_nr", &Rule::Required), "{err}");
    assert!(!err.has("customer_driver.surname", &Rule::Required));
    assert_eq!(err.violations().len(), 1, "{err}");
}

#[test]
fn mixed_locations_are_found_even_when_the_first_has_none() {
    let first_without = {
        let mut a = valid(12, 0);
        a.location_id = LocationId(0);
        a
    };
    let err = ImportRequest::new(vec![first_without, valid(12, 1), valid(13, 2)])
        .validate()
        .unwrap_err();
    assert!(err.has("appointments[0].location_id", &Rule::Required));
    let mixed: Vec<_> = err.for_field("appointments[2].location_id").collect();
    assert!(
        matches!(&mixed[0].rule, Rule::Other(text) if text.contains("(12, from appointments[1])")),
        "{err}"
    );
    assert_eq!(err.violations().len(), 2, "{err}");
}

#[test]
fn size_limits() {
    let empty = ImportRequest::new(vec![]).validate().unwrap_err();
    assert!(empty.has("appointments", &Rule::MinItems { min: 1 }));
    let full = ImportRequest::new((0..MAX_IMPORT_BATCH).map(|i| valid(12, i)).collect());
    assert!(full.validate().is_ok());
    let over = ImportRequest::new((0..=MAX_IMPORT_BATCH).map(|i| valid(12, i)).collect());
    assert!(
        over.validate()
            .unwrap_err()
            .has("appointments", &Rule::MaxItems { max: 100 })
    );
}

#[test]
fn batches_split_by_location_then_by_hundred() {
    let input: Vec<_> = (0..230)
        .map(|i| valid(if i % 3 == 0 { 7 } else { 8 }, i))
        .collect();
    let batches = ImportRequest::batches(input);
    let shape: Vec<(i64, usize)> = batches
        .iter()
        .map(|b| (b.location_id().unwrap().get(), b.appointments.len()))
        .collect();
    assert_eq!(shape, [(7, 77), (8, 100), (8, 53)]);
    for b in &batches {
        b.validate().unwrap();
    }
    // Order within a location is kept.
    assert_eq!(batches[1].appointments[0].dms_nr, "A-1");
    assert_eq!(batches[1].appointments[1].dms_nr, "A-2");
    assert_eq!(batches[2].appointments[0].dms_nr, "A-151");
    assert!(ImportRequest::batches(Vec::new()).is_empty());
}

#[tokio::test]
async fn invalid_batch_is_not_sent() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200);
        })
        .await;
    let err = client(&server.base_url())
        .appointments()
        .import(&ImportRequest::new(vec![valid(12, 1), valid(13, 2)]))
        .await
        .unwrap_err();
    let Error::Validation(v) = err else {
        panic!("{err:?}")
    };
    assert_eq!(v.violations()[0].field, "appointments[1].location_id");
    assert!(
        matches!(&v.violations()[0].rule, Rule::Other(Cow::Owned(text)) if text.contains("(12"))
    );
    mock.assert_calls_async(0).await;
}

#[tokio::test]
async fn import_sends_the_batch_and_reports_it_queued() {
    let server = MockServer::start_async().await;
    let appointment = valid(12, 1).intervention(
        ImportIntervention::new("I-1", "Annual service").price("249.50".parse().unwrap()),
    );
    let mock = server.mock_async(|when, then| {
        when.method(POST)
            .path("/v1/appointments/import")
            .header("authorization", "k")
            .header("content-type", "application/json")
            .json_body(json!({"appointments": [{
                "dms_nr": "A-1", "wo_nr": "WO-1",
                "dms_created_at": "2026-11-23T09:00:00Z", "time_car_app": "2026-11-23T09:00:00Z",
                "location_id": 12,
                "car": {"dms_nr": "C-1", "vin": "WVWZZZ1JZXW000001", "make": "Volkswagen", "model": "Golf"},
                "customer_driver": {"dms_nr": "K-1", "surname": "Jansen"},
                "interventions": [{"dms_nr": "I-1", "title": "Annual service", "price": 249.5}]
            }]}));
        then.status(200);
    }).await;
    let queued = client(&server.base_url())
        .appointments()
        .import(&ImportRequest::new(vec![appointment]))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(
        (queued.location_id, queued.appointments),
        (LocationId(12), 1)
    );
}

#[test]
fn extra_fields_are_sent_as_given() {
    let a = valid(12, 1)
        .field("dms_status", "open")
        .car(ImportCar::new("C-1", "WVWZZZ1JZXW000001", "Volkswagen", "Golf").reg_nr("AB-123-C"))
        .owner(
            ImportCustomer::new("K-2", "Smit")
                .firstname("Piet")
                .title("Dhr.")
                .company("Lease BV"),
        )
        .intervention(ImportIntervention::new("I-1", "Service").description("yearly"));
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["dms_status"], json!("open"));
    assert_eq!(v["car"]["reg_nr"], json!("AB-123-C"));
    assert_eq!(
        v["customer_owner"],
        json!({"dms_nr": "K-2", "surname": "Smit", "firstname": "Piet", "title": "Dhr.", "company": "Lease BV"})
    );
    assert_eq!(
        v["interventions"][0],
        json!({"dms_nr": "I-1", "title": "Service", "description": "yearly"})
    );
    assert_eq!(serde_json::from_value::<ImportAppointment>(v).unwrap(), a);
}
