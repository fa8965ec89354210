//! `partner bigfix ...`: single repair orders, tracking, the template, and the Excel work
//! people do by hand: `sheet check` (offline, every row error at once) and `upload`
//! (chunks of at most 1000 rows, with progress and a summary).

use std::path::PathBuf;

use bigfix_client::{
    BigfixClient, BulkRow, MAX_ROWS_PER_UPLOAD, RepairOrder, SecretString, SheetError, SheetLayout,
    SheetRow, ValidationRules,
};
use clap::Subcommand;
use serde_json::{Value, json};

use crate::args::{self, Body};
use crate::context::Ctx;
use crate::error::{CliError, IntoCli, code};
use crate::output::Progress;

/// BigFix commands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Single repair orders (JWT).
    #[command(subcommand)]
    Orders(Orders),
    /// Current status and history of an order by its ReferenceID (API key).
    Track {
        /// The ReferenceID.
        reference_id: String,
    },
    /// The vendor's Excel template.
    #[command(subcommand)]
    Template(Template),
    /// Bulk-order workbooks, checked offline.
    #[command(subcommand)]
    Sheet(Sheet),
    /// Uploads a workbook: checked offline first (nothing is sent if a row is bad), then
    /// sent in chunks of at most 1000 rows with progress; prints created, duplicate and
    /// failed rows.
    Upload {
        /// The workbook (.xlsx, header row as in the template).
        file: PathBuf,
        /// Receives BigFix's summary e-mail (`Client Email`).
        #[arg(long)]
        client_email: String,
        /// `Client Name`.
        #[arg(long)]
        client_name: String,
        /// Rows per upload, 1 to 1000.
        #[arg(long, default_value_t = MAX_ROWS_PER_UPLOAD)]
        chunk_size: usize,
        /// Write the text of the cells into a shared string table (the layout Excel itself
        /// saves) instead of inline strings (faster to write; the default).
        #[arg(long)]
        shared_strings: bool,
    },
}

/// Order commands.
#[derive(Debug, Subcommand)]
pub enum Orders {
    /// Raises one repair order from a JSON body.
    Create(Body),
}

/// Template commands.
#[derive(Debug, Subcommand)]
pub enum Template {
    /// Downloads the template and saves it; says whether its header row is still the one this
    /// tool checks sheets against.
    Save {
        /// Where to save it (default: the name BigFix sends, else repair_template.xlsx).
        file: Option<PathBuf>,
    },
}

/// Sheet commands.
#[derive(Debug, Subcommand)]
pub enum Sheet {
    /// Checks a workbook against every documented rule without sending it: prints each
    /// error (row, column, rule) and exits 3 when there is one.
    Check {
        /// The workbook (.xlsx).
        file: PathBuf,
    },
}

fn client(ctx: &Ctx) -> Result<BigfixClient, CliError> {
    let p = &ctx.profile.bigfix;
    let mut b = BigfixClient::builder();
    if let Some(k) = &p.api_key {
        b = b.api_key(SecretString::from(k.clone()));
    }
    if let Some(t) = &p.jwt {
        b = b.jwt(SecretString::from(t.clone()));
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
    b.build().cli("bigfix").map_err(|e| e.configuring("bigfix"))
}

/// One sheet error: `row 3.Mobile_No` split into row and column.
fn sheet_error(field: &str, rule: String) -> Value {
    let (row, column) = match field.strip_prefix("row ").and_then(|r| r.split_once('.')) {
        Some((n, col)) => (n.parse::<u64>().ok(), col.to_owned()),
        None => (None, field.to_owned()),
    };
    json!({ "row": row, "column": column, "rule": rule })
}

/// Reads and checks a workbook; on failure prints every error (as the command's output) and
/// returns the error to exit with.
fn checked_rows(ctx: &Ctx, op: &str, file: &PathBuf) -> Result<Vec<SheetRow>, CliError> {
    let bytes = args::read_input(op, file)?;
    let shown = file.display().to_string();
    match bigfix_client::read_sheet(&bytes, &ValidationRules::for_strictness(ctx.strictness)) {
        Ok(rows) => Ok(rows),
        Err(SheetError::Rows(v)) => {
            let errors: Vec<Value> = v
                .violations()
                .iter()
                .map(|x| sheet_error(&x.field, x.rule.to_string()))
                .collect();
            ctx.out.emit(&errors)?;
            Err(CliError::new(
                code::VALIDATION,
                op,
                format!(
                    "{shown}: {} errors in the sheet (listed above); nothing was sent",
                    errors.len()
                ),
            ))
        }
        Err(SheetError::Header { expected, found }) => {
            let missing: Vec<&String> = expected.iter().filter(|c| !found.contains(c)).collect();
            let extra: Vec<&String> = found.iter().filter(|c| !expected.contains(c)).collect();
            ctx.out.emit(&vec![json!({
                "row": 1,
                "column": null,
                "rule": "must hold the template's columns exactly, in order",
                "missing": missing,
                "unexpected": extra,
            })])?;
            Err(CliError::new(
                code::VALIDATION,
                op,
                format!("{shown}: row 1 is not the template's header row (listed above)"),
            ))
        }
        Err(SheetError::Io(e)) => Err(CliError::usage(op, format!("{shown}: {e}"))),
        Err(other) => Err(CliError::new(
            code::VALIDATION,
            op,
            format!("{shown}: {other}"),
        )),
    }
}

/// Runs a BigFix command.
pub async fn run(cmd: Cmd, ctx: &Ctx) -> Result<(), CliError> {
    let out = &ctx.out;
    match cmd {
        Cmd::Orders(Orders::Create(b)) => {
            let op = "CreateRepairOrder";
            let order: RepairOrder = args::read_body(op, &b.body)?;
            out.emit(&client(ctx)?.orders().create(&order).await.cli(op)?)
        }
        Cmd::Track { reference_id } => out.emit(
            &client(ctx)?
                .tracking()
                .get(&reference_id)
                .await
                .cli("TrackOrder")?,
        ),
        Cmd::Template(Template::Save { file }) => {
            let op = "DownloadTemplate";
            let template = client(ctx)?.template().download().await.cli(op)?;
            let path = file.unwrap_or_else(|| {
                PathBuf::from(
                    template
                        .file_name
                        .as_deref()
                        .filter(|n| !n.contains(['/', '\\']) && !n.is_empty())
                        .unwrap_or("repair_template.xlsx"),
                )
            });
            template
                .save_to(&path)
                .map_err(|e| CliError::new(code::OTHER, op, format!("{}: {e}", path.display())))?;
            let header = template.check_header();
            if let Err(e) = &header {
                eprintln!("warning: {op}: {e}");
            }
            out.emit(&json!({
                "saved": path.display().to_string(),
                "bytes": template.bytes.len(),
                "header_matches": header.is_ok(),
            }))
        }
        Cmd::Sheet(Sheet::Check { file }) => {
            let rows = checked_rows(ctx, "sheet check", &file)?;
            out.emit(&json!({
                "file": file.display().to_string(),
                "rows": rows.len(),
                "errors": [],
                "ok": true,
            }))
        }
        Cmd::Upload {
            file,
            client_email,
            client_name,
            chunk_size,
            shared_strings,
        } => {
            let layout = if shared_strings {
                SheetLayout::SharedStrings
            } else {
                SheetLayout::InlineStrings
            };
            upload(ctx, &file, &client_email, &client_name, chunk_size, layout).await
        }
    }
}

async fn upload(
    ctx: &Ctx,
    file: &PathBuf,
    email: &str,
    name: &str,
    chunk_size: usize,
    layout: SheetLayout,
) -> Result<(), CliError> {
    let op = "UploadBulkOrders";
    if !(1..=MAX_ROWS_PER_UPLOAD).contains(&chunk_size) {
        return Err(CliError::usage(
            op,
            format!("--chunk-size must be between 1 and {MAX_ROWS_PER_UPLOAD}"),
        ));
    }
    let rows = checked_rows(ctx, op, file)?;
    if rows.is_empty() {
        return Err(CliError::new(
            code::VALIDATION,
            op,
            "the sheet holds no orders",
        ));
    }
    let client = client(ctx)?;
    let chunks: Vec<&[SheetRow]> = rows.chunks(chunk_size).collect();
    let mut progress = Progress::new("upload", rows.len() as u64, "rows");
    let (mut created, mut duplicates, mut failed) = (0u64, 0u64, 0u64);
    let mut duplicate_ids = Vec::new();
    let mut failures = Vec::new();
    let mut first_error: Option<CliError> = None;
    for (i, chunk) in chunks.iter().enumerate() {
        let orders: Vec<BulkRow> = chunk.iter().map(|r| r.order.clone()).collect();
        let span = format!(
            "rows {}-{}",
            chunk.first().map_or(0, |r| r.row_number),
            chunk.last().map_or(0, |r| r.row_number)
        );
        let label = format!("chunk {}/{} ({span})", i + 1, chunks.len());
        let n = orders.len() as u64;
        match client
            .bulk()
            .upload(email, name, &orders)
            .sheet_layout(layout)
            .send()
            .await
        {
            Ok(r) => {
                created += r.uploaded_orders_count;
                duplicates += r.duplicate_orders_count;
                duplicate_ids.extend(r.duplicate_reference_ids.iter().cloned());
                progress.advance(
                    n,
                    &format!(
                        "{label}: {} created, {} duplicate",
                        r.uploaded_orders_count, r.duplicate_orders_count
                    ),
                );
            }
            Err(e) => {
                let err = crate::error::bigfix(op, &e);
                failed += n;
                progress.advance(n, &format!("{label}: failed: {}", err.message));
                failures.push(json!({ "chunk": i + 1, "rows": span, "error": err.message }));
                first_error.get_or_insert(err);
            }
        }
    }
    progress.finish();
    ctx.out.emit(&json!({
        "file": file.display().to_string(),
        "rows": rows.len(),
        "chunks": chunks.len(),
        "created": created,
        "duplicate": duplicates,
        "failed": failed,
        "duplicate_reference_ids": duplicate_ids,
        "failures": failures,
    }))?;
    match first_error {
        Some(e) => Err(CliError::new(
            e.code,
            op,
            format!(
                "{failed} of {} rows failed (first: {})",
                rows.len(),
                e.message
            ),
        )),
        None => Ok(()),
    }
}
