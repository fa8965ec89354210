//! `partner claire import FILE.json`: every appointment checked first, then sent in batches
//! (at most 100, one location each) with progress, and a summary.

use claire_client::{ImportAppointment, ImportRequest};
use partner_core::validation::Validate;
use serde_json::{Value, json};

use super::ImportArgs;
use crate::args;
use crate::context::Ctx;
use crate::error::{CliError, code};
use crate::output::Progress;

const OP: &str = "ImportAppointments";

/// Reads `{"appointments": [...]}` or a bare array.
fn read(args: &ImportArgs) -> Result<Vec<ImportAppointment>, CliError> {
    let bytes = args::read_input(OP, &args.file)?;
    let source = args.file.display().to_string();
    let value: Value = args::decode(OP, &bytes, &source)?;
    let list = match value {
        Value::Array(_) => value,
        Value::Object(mut map) => map.remove("appointments").unwrap_or(Value::Null),
        _ => Value::Null,
    };
    if !list.is_array() {
        return Err(CliError::usage(
            OP,
            format!("{source}: expected {{\"appointments\": [...]}} or an array of appointments"),
        ));
    }
    args::decode(OP, list.to_string().as_bytes(), &source)
}

/// Runs the import.
pub async fn run(args: ImportArgs, ctx: &Ctx) -> Result<(), CliError> {
    let appointments = read(&args)?;
    let total = appointments.len();
    let batches = ImportRequest::batches(appointments);
    // Every rule of every batch, before anything is sent.
    let mut details = Vec::new();
    for (i, batch) in batches.iter().enumerate() {
        if let Err(v) = batch.validate() {
            details.extend(
                v.violations()
                    .iter()
                    .map(|x| format!("  batch {}: {x}", i + 1)),
            );
        }
    }
    if total == 0 {
        return Err(CliError::new(
            code::VALIDATION,
            OP,
            "the file holds no appointments",
        ));
    }
    if !details.is_empty() {
        return Err(CliError::new(
            code::VALIDATION,
            OP,
            format!(
                "invalid input, {} violations; nothing was sent",
                details.len()
            ),
        )
        .with_details(details));
    }
    if args.dry_run {
        return ctx.out.emit(&json!({
            "dry_run": true,
            "appointments": total,
            "batches": batches.len(),
        }));
    }
    let client = super::client(ctx)?;
    let mut progress = Progress::new("import", batches.len() as u64, "batches");
    let mut queued = Vec::new();
    let mut failed = Vec::new();
    let mut first_error: Option<CliError> = None;
    for (i, batch) in batches.iter().enumerate() {
        let n = batch.appointments.len();
        let location = batch.location_id().map(|l| l.to_string());
        match client.appointments().import(batch).await {
            Ok(q) => {
                progress.advance(1, &format!("batch {}: {n} appointments queued", i + 1));
                queued.push(json!({ "batch": i + 1, "location_id": location, "appointments": q.appointments }));
            }
            Err(e) => {
                let err = CliError::from_core(OP, &e);
                progress.advance(1, &format!("batch {}: failed: {}", i + 1, err.message));
                failed.push(json!({ "batch": i + 1, "location_id": location, "appointments": n, "error": err.message }));
                first_error.get_or_insert(err);
            }
        }
    }
    progress.finish();
    ctx.out.emit(&json!({
        "appointments": total,
        "batches": batches.len(),
        "queued": queued,
        "failed": failed,
        "note": "queued only: each appointment's result arrives by the PublicAPIAppointmentImported webhook (see `partner claire webhooks listen`)",
    }))?;
    match first_error {
        Some(e) => Err(CliError::new(
            e.code,
            OP,
            format!(
                "{} of {} batches failed (first: {})",
                failed.len(),
                batches.len(),
                e.message
            ),
        )),
        None => Ok(()),
    }
}
