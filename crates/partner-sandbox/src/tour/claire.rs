//! Claire's worked flow: locations, register the import webhook, import an appointment,
//! receive the `PublicAPIAppointmentImported` call, read the appointment and its car back.

use std::io::Write;
use std::time::Duration;

use chrono::Utc;
use claire_client::{
    AppointmentFilter, ClaireClient, ImportAppointment, ImportCar, ImportCustomer, ImportOutcome,
    ImportRequest, SecretString, Webhook, WebhookPayload, WebhookTriggerId,
};

use super::{failed, unexpected};
use crate::claire::{DEMO_API_KEY, WebhookSink};
use crate::{Sandbox, SandboxError, Vendor};

const V: Vendor = Vendor::Claire;

pub(super) async fn run(sandbox: &Sandbox, out: &mut impl Write) -> Result<(), SandboxError> {
    let client = ClaireClient::builder()
        .base_url(sandbox.base_url(V))
        .api_key(SecretString::from(DEMO_API_KEY))
        .build()
        .map_err(failed(V, "build the client"))?;

    let locations = client
        .locations()
        .list()
        .await
        .map_err(failed(V, "list locations"))?;
    let names: Vec<_> = locations
        .iter()
        .map(|l| format!("{} ({})", l.name, l.id.0))
        .collect();
    writeln!(out, "- locations of the dealer: {}", names.join(", "))?;
    let location = locations
        .first()
        .map(|l| l.id)
        .ok_or_else(|| unexpected(V, "list locations", "no location"))?;

    let mut sink = WebhookSink::start().await?;
    let hook = Webhook::new(
        "import results",
        WebhookTriggerId::PublicApiAppointmentImported,
        sink.url(),
    )
    .location(location);
    let hook_id = client
        .webhooks()
        .create(&hook)
        .await
        .map_err(failed(V, "create a webhook"))?;
    writeln!(
        out,
        "- webhook {} registered for PublicAPIAppointmentImported at {}",
        hook_id.0,
        sink.url()
    )?;

    let appointment = ImportAppointment::new(location, "A-1001", "WO-1001", Utc::now(), Utc::now())
        .car(ImportCar::new(
            "C-77",
            "WVWZZZ1JZXW000001",
            "Volkswagen",
            "Golf",
        ))
        .driver(ImportCustomer::new("K-501", "Jansen"));
    let queued = client
        .appointments()
        .import(&ImportRequest::new(vec![appointment]))
        .await
        .map_err(failed(V, "import appointments"))?;
    writeln!(
        out,
        "- {} appointment(s) queued for import at location {}",
        queued.appointments, queued.location_id.0
    )?;

    let call = sink
        .next(Duration::from_secs(5))
        .await
        .ok_or_else(|| unexpected(V, "receive the webhook", "no call within 5 s"))?;
    let payload =
        WebhookPayload::from_slice(&call.body).map_err(failed(V, "parse the webhook payload"))?;
    let id = match payload.import_outcome() {
        Some(ImportOutcome::Imported { appointment_id }) => appointment_id,
        other => {
            return Err(unexpected(
                V,
                "receive the webhook",
                format!("expected an import, got {other:?}"),
            ));
        }
    };
    writeln!(
        out,
        "- webhook called: work order {} imported as appointment {}",
        payload.wo_nr, id.0
    )?;

    let read = client
        .appointments()
        .get(id)
        .await
        .map_err(failed(V, "get the appointment"))?;
    writeln!(
        out,
        "- appointment {}: work order {}, {} {}",
        read.id.0, read.wo_nr, read.car_make, read.car_model
    )?;
    let today = client
        .appointments()
        .list(&AppointmentFilter::new(location).date(Utc::now().date_naive()))
        .await
        .map_err(failed(V, "list today's appointments"))?;
    writeln!(
        out,
        "- {} appointment(s) today at location {}",
        today.len(),
        location.0
    )?;
    let car = client
        .cars()
        .find_by_vin("WVWZZZ1JZXW000001")
        .await
        .map_err(failed(V, "find the car"))?;
    writeln!(
        out,
        "- car by VIN: {}",
        car.map_or("not found".to_owned(), |c| format!(
            "{} {} (id {})",
            c.make, c.model, c.id.0
        ))
    )?;
    if let Some(quota) = client.quota() {
        writeln!(
            out,
            "- rate limit: {:?} of {:?} requests left this hour",
            quota.remaining, quota.limit
        )?;
    }
    Ok(())
}
