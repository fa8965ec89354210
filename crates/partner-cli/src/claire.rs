//! `partner claire ...`: appointments, checks, locations, tags, questions, cars, webhooks,
//! plus `import` (batched, with progress) and `webhooks listen` (a local receiver).

use claire_client::{
    AppointmentFilter, AppointmentId, ClaireClient, LocationId, SecretString, Webhook, WebhookId,
    WebhookTestMessage,
};
use futures_util::StreamExt;

use crate::args;
use crate::context::Ctx;
use crate::error::{CliError, IntoCli};

mod cmd;
mod import;
mod listen;

pub use cmd::*;

/// Builds the client from the profile.
pub fn client(ctx: &Ctx) -> Result<ClaireClient, CliError> {
    let p = &ctx.profile.claire;
    let mut b = ClaireClient::builder();
    if let Some(key) = &p.api_key {
        b = b.api_key(SecretString::from(key.clone()));
    }
    if let Some(url) = &p.base_url {
        b = b.base_url(url);
    }
    for (op, path) in &p.paths {
        b = b.override_path(op, path);
    }
    if let Some(t) = ctx.profile.timeout() {
        b = b.timeout(t);
    }
    b = b.strictness(ctx.strictness);
    b.build().cli("claire").map_err(|e| e.configuring("claire"))
}

/// Runs a Claire command.
pub async fn run(cmd: Cmd, ctx: &Ctx) -> Result<(), CliError> {
    let out = &ctx.out;
    match cmd {
        Cmd::Import(args) => return import::run(args, ctx).await,
        Cmd::Webhooks(Webhooks::Listen(args)) => return listen::run(args, ctx).await,
        _ => {}
    }
    let c = client(ctx)?;
    match cmd {
        Cmd::Import(_) | Cmd::Webhooks(Webhooks::Listen(_)) => Ok(()),
        Cmd::Appointments(a) => appointments(a, &c, ctx).await,
        Cmd::Checks(Checks::List { appointment_id }) => out.emit(
            &c.checks()
                .list(AppointmentId(appointment_id))
                .await
                .cli("GetChecks")?,
        ),
        Cmd::Locations(List::List) => out.emit(&c.locations().list().await.cli("GetLocations")?),
        Cmd::Tags(List::List) => out.emit(&c.tags().list().await.cli("GetTags")?),
        Cmd::Questions(List::List) => out.emit(&c.questions().list().await.cli("GetQuestions")?),
        Cmd::Cars(Cars::Get { vin }) => {
            out.emit(&c.cars().find_by_vin(&vin).await.cli("GetCarByVin")?)
        }
        Cmd::Webhooks(w) => webhooks(w, &c, ctx).await,
    }
}

async fn appointments(cmd: Appointments, c: &ClaireClient, ctx: &Ctx) -> Result<(), CliError> {
    let out = &ctx.out;
    match cmd {
        Appointments::List {
            body,
            location,
            date,
            dms_nr,
            customer_kind,
            pinned,
        } => {
            let op = "ListAppointments";
            let mut filter = match &body.body {
                Some(path) => args::read_body::<AppointmentFilter>(op, path)?,
                None => AppointmentFilter::default(),
            };
            if let Some(l) = location {
                filter.location_id = LocationId(l);
            }
            if let Some(d) = date {
                filter = filter.date(d);
            }
            if let Some(n) = dms_nr {
                filter = filter.dms_nr(n);
            }
            if let Some(k) = customer_kind {
                filter = filter.customer_kind(k.as_str().into());
            }
            if pinned {
                filter = filter.pinned();
            }
            out.emit(&c.appointments().list(&filter).await.cli(op)?)
        }
        Appointments::Get { id } => out.emit(
            &c.appointments()
                .get(AppointmentId(id))
                .await
                .cli("GetAppointment")?,
        ),
        Appointments::ByDmsNumber {
            location,
            dms_nr,
            customer_kind,
        } => {
            #[allow(deprecated)]
            let mut q = c.appointments().by_dms_number(LocationId(location), dms_nr);
            if let Some(k) = customer_kind {
                q = q.customer_kind(k.as_str().into());
            }
            out.emit(&q.send().await.cli("GetAppointmentsByDmsNumber")?)
        }
    }
}

async fn webhooks(cmd: Webhooks, c: &ClaireClient, ctx: &Ctx) -> Result<(), CliError> {
    let out = &ctx.out;
    let w = c.webhooks();
    match cmd {
        Webhooks::List => out.emit(&w.list().await.cli("ListWebhooks")?),
        Webhooks::Create(b) => {
            let op = "CreateWebhook";
            let hook: Webhook = args::read_body(op, &b.body)?;
            let id = w.create(&hook).await.cli(op)?;
            out.emit(&serde_json::json!({ "id": id }))
        }
        Webhooks::Get { id } => out.emit(&w.get(WebhookId(id)).await.cli("GetWebhook")?),
        Webhooks::Update(b) => {
            let op = "UpdateWebhook";
            let hook: Webhook = args::read_body(op, &b.body)?;
            w.update(&hook).await.cli(op)?;
            out.done(op)
        }
        Webhooks::Delete { id } => {
            w.delete(WebhookId(id)).await.cli("DeleteWebhook")?;
            out.done("DeleteWebhook")
        }
        Webhooks::Test(b) => {
            let op = "TestWebhook";
            let message: WebhookTestMessage = args::read_body(op, &b.body)?;
            w.test(&message).await.cli(op)?;
            out.done(op)
        }
        Webhooks::Errors { id, page, paging } => {
            let op = "ListWebhookErrors";
            let errors = w.errors(WebhookId(id));
            if paging.all || paging.limit.is_some() {
                let errors = match page {
                    Some(p) => errors.first_page(p),
                    None => errors,
                };
                let stream = errors.stream();
                let stream = match paging.limit {
                    Some(n) => stream.take(n).left_stream(),
                    None => stream.right_stream(),
                };
                out.emit_stream(stream, |e| CliError::from_core(op, &e))
                    .await
            } else {
                out.emit(&errors.page(page.unwrap_or(1)).await.cli(op)?)
            }
        }
        Webhooks::Triggers => out.emit(&w.triggers().await.cli("ListWebhookTriggers")?),
        Webhooks::Listen(_) => Ok(()),
    }
}
