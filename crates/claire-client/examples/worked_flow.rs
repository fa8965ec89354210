//! The worked flow of docs/claire.md against a local mock of Claire (httpmock on 127.0.0.1):
//! list locations, list today's appointments, fetch one with its checks, import a batch,
//! register a webhook for the import result and receive Claire's call.
//!
//! Run with `cargo run -p claire-client --example worked_flow`.

use std::net::IpAddr;

use chrono::Utc;
use claire_client::{
    AppointmentFilter, ClaireClient, ImportAppointment, ImportCar, ImportCustomer,
    ImportIntervention, ImportOutcome, ImportRequest, SecretString, Webhook, WebhookReceiver,
    WebhookTriggerId,
};
use httpmock::prelude::*;
use serde_json::json;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let claire = MockServer::start_async().await;
    mock_claire(&claire).await;

    let client = ClaireClient::builder()
        .base_url(claire.base_url())
        .api_key(SecretString::from("demo-key"))
        .build()?;

    // 1. Locations of the key's dealer.
    let locations = client.locations().list().await?;
    for l in &locations {
        println!("1. location {} {} ({})", l.id, l.name, l.city);
    }
    let location = locations.first().ok_or("no location")?.id;

    // 2. Today's appointments there.
    let today = Utc::now().date_naive();
    let appointments = client
        .appointments()
        .list(&AppointmentFilter::new(location).date(today))
        .await?;
    for a in &appointments {
        println!(
            "2. appointment {} wo {} car {} status {:?}",
            a.id, a.wo_nr, a.reg_number, a.status
        );
    }
    if let Some(q) = client.quota() {
        println!("   quota: {:?} of {:?} left", q.remaining, q.limit);
    }

    // 3. One appointment in full, with its checks.
    let id = appointments.first().ok_or("no appointment")?.id;
    let appointment = client.appointments().get(id).await?;
    println!(
        "3. appointment {}: {} interventions, customer {:?}, communication {:?}",
        appointment.id,
        appointment.interventions.len(),
        appointment
            .customer_driver
            .as_ref()
            .map(|c| c.surname.as_str()),
        appointment.customer_communication_url().map(String::from),
    );
    for check in client.checks().list(id).await? {
        for r in &check.question_results {
            println!(
                "   check {}: {} -> {:?} ({} EUR)",
                check.id, r.title, r.status, r.price
            );
        }
    }

    // 4. Register a webhook for import results, then import a batch.
    let hook = Webhook::new(
        "import results",
        WebhookTriggerId::PublicApiAppointmentImported,
        "https://example.com/claire",
    )
    .location(location)
    .header("X-Shared-Secret", "change-me");
    let webhook_id = client.webhooks().create(&hook).await?;
    println!("4. webhook {webhook_id} registered for PublicAPIAppointmentImported");

    let now = Utc::now();
    let appointments: Vec<ImportAppointment> = (1..=3)
        .map(|n| {
            ImportAppointment::new(location, format!("A-{n}"), format!("WO-{n}"), now, now)
                .car(ImportCar::new(
                    format!("C-{n}"),
                    "WVWZZZ1JZXW000001",
                    "Volkswagen",
                    "Golf",
                ))
                .driver(ImportCustomer::new(format!("K-{n}"), "Jansen"))
                .intervention(ImportIntervention::new(format!("I-{n}"), "Annual service"))
        })
        .collect();
    for batch in ImportRequest::batches(appointments) {
        let queued = client.appointments().import(&batch).await?;
        println!(
            "5. {} appointments queued for location {} (results come by webhook)",
            queued.appointments, queued.location_id
        );
    }

    // 6. Claire calls the webhook; your HTTP handler passes the body and peer address in.
    let receiver = WebhookReceiver::production().allow(IpAddr::from([127, 0, 0, 1]));
    let calls = [
        json!({"webhook_trigger_id": 19, "dealer_id": 3, "dealer_location_id": location, "wo_nr": "WO-1", "appointment_id": 4712}),
        json!({"webhook_trigger_id": 19, "dealer_id": 3, "dealer_location_id": location, "wo_nr": "WO-2",
               "appointment_import_error": "car: vin already used by another make"}),
    ];
    for body in calls {
        let payload = receiver.receive(
            body.to_string().as_bytes(),
            Some(IpAddr::from([34, 91, 154, 69])),
        )?;
        match payload.import_outcome() {
            Some(ImportOutcome::Imported { appointment_id }) => {
                println!(
                    "6. {} imported as appointment {appointment_id}",
                    payload.wo_nr
                );
            }
            Some(ImportOutcome::Failed { error }) => {
                println!("6. {} failed: {error}", payload.wo_nr);
            }
            _ => println!("6. other event for {}", payload.wo_nr),
        }
    }
    let refused = receiver.receive(b"{}", Some(IpAddr::from([203, 0, 113, 9])));
    println!(
        "   a call from 203.0.113.9 is refused: {}",
        refused.unwrap_err()
    );
    Ok(())
}

/// Serves the calls of the flow with bodies shaped like the document's examples.
async fn mock_claire(server: &MockServer) {
    let rate = |then: httpmock::Then| {
        then.status(200)
            .header("content-type", "application/json")
            .header("x-ratelimit-limit", "10800")
            .header("x-ratelimit-remaining", "10795")
            .header("x-ratelimit-reset", "3400")
    };
    server
        .mock_async(|when, then| {
            when.method(GET).path("/v1/locations").header("authorization", "demo-key");
            rate(then).json_body(json!([{"id": 12, "name": "Claire Motors Utrecht", "city": "Utrecht", "DeskCheckInEnabled": true}]));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(POST).path("/v1/appointments/list").json_body_includes(r#"{"location_id": 12}"#);
            rate(then).json_body(json!({"appointments": [
                {"id": 4711, "workorder_number": "WO-1001", "license_plate_number": "AB-123-C", "appointment_status_identifier": 4,
                 "time_car_app": "2026-11-23T09:00:00Z", "scheduled_out": "0001-01-01T00:00:00Z"}
            ]}));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(GET).path("/v1/appointments/4711");
            rate(then).json_body(json!({
                "id": 4711, "workorder_number": "WO-1001", "customcom_key": "k3y",
                "customer_driver": {"dms_nr": "K-501", "surname": "Jansen"},
                "interventions": [{"id": 900, "title": "Annual service", "price": 249.95}]
            }));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/v1/checks")
                .query_param("appointment_id", "4711");
            rate(then).json_body(json!([{"id": 1, "appointment_id": 4711, "question_items": [
                {"id": 10, "title": "Brake pads", "status": 3, "price": 120.5},
                {"id": 11, "title": "Tyres", "status": 0, "price": 0}
            ]}]));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/v1/webhooks/create")
                .json_body_includes(r#"{"webhook_trigger_id": 19}"#);
            rate(then).json_body(json!({"ID": 9}));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(POST).path("/v1/appointments/import");
            then.status(200);
        })
        .await;
}
