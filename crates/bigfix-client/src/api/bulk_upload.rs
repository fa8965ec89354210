//! Bulk repair orders: uploading workbooks to `POST /api/warrantify/repair/bulk-order/`
//! (multipart, `X-API-Key`), and splitting any number of orders into uploads of at most 1000.
//! The workbooks themselves are written and read in [`crate::sheet`].

use partner_core::Request;
use partner_core::multipart::Multipart;
use partner_core::validation::Validator;

use crate::client::{BigfixClient, Credential};
use crate::error::BigfixError;
use crate::models::{BulkRow, BulkSummary, BulkUploadResult, MAX_ROWS_PER_UPLOAD, UnreadableChunk};
use crate::ops;
use crate::sheet::{SheetLayout, XLSX_CONTENT_TYPE, read_sheet, write_sheet_with};
use crate::validate::{Fields, ValidationRules, check_count, validate_rows};
use crate::wire::read_answer;

/// The file name sent for generated workbooks unless you choose another.
pub const DEFAULT_FILE_NAME: &str = "repair_orders.xlsx";

/// Handler for bulk uploads, from [`BigfixClient::bulk`].
#[derive(Debug, Clone, Copy)]
pub struct BulkOrders<'a> {
    client: &'a BigfixClient,
}

impl<'a> BulkOrders<'a> {
    pub(crate) fn new(client: &'a BigfixClient) -> Self {
        BulkOrders { client }
    }

    /// Uploads up to 1000 orders as one generated workbook. `client_email` receives BigFix's
    /// summary e-mail.
    ///
    /// ```no_run
    /// # use bigfix_client::{BigfixClient, BulkRow};
    /// # async fn run(client: BigfixClient, rows: Vec<BulkRow>) -> Result<(), bigfix_client::BigfixError> {
    /// let result = client
    ///     .bulk()
    ///     .upload("ops@acme.example", "Acme Warranty", &rows)
    ///     .file_name("november.xlsx")
    ///     .send()
    ///     .await?;
    /// println!("{} uploaded, duplicates: {:?}", result.uploaded_orders_count, result.duplicate_reference_ids);
    /// # Ok(()) }
    /// ```
    pub fn upload(
        &self,
        client_email: impl Into<String>,
        client_name: impl Into<String>,
        rows: &'a [BulkRow],
    ) -> UploadBuilder<'a> {
        UploadBuilder {
            client: self.client,
            form: FormFields::new(client_email.into(), client_name.into()),
            rows,
            layout: SheetLayout::default(),
        }
    }

    /// Uploads any number of orders in chunks of at most 1000 (one workbook each, sent one
    /// after the other) and merges the answers. Every row is validated, and references are
    /// checked for duplicates across all chunks, before the first upload.
    ///
    /// ```no_run
    /// # use bigfix_client::{BigfixClient, BulkRow};
    /// # async fn run(client: BigfixClient, rows: Vec<BulkRow>) -> Result<(), bigfix_client::BigfixError> {
    /// let summary = client.bulk().upload_all("ops@acme.example", "Acme Warranty", &rows).send().await?;
    /// println!("{} uploads, {} orders created, {} duplicates", summary.uploads.len(), summary.uploaded, summary.duplicates);
    /// # Ok(()) }
    /// ```
    pub fn upload_all(
        &self,
        client_email: impl Into<String>,
        client_name: impl Into<String>,
        rows: &'a [BulkRow],
    ) -> UploadAllBuilder<'a> {
        UploadAllBuilder {
            client: self.client,
            form: FormFields::new(client_email.into(), client_name.into()),
            rows,
            chunk_size: MAX_ROWS_PER_UPLOAD,
            layout: SheetLayout::default(),
        }
    }

    /// Uploads a workbook the user filled (for example from the template) as it is, after
    /// reading it with [`read_sheet`]: header, every row's rules and the 1000-row limit are
    /// checked first.
    ///
    /// ```no_run
    /// # async fn run(client: bigfix_client::BigfixClient) -> Result<(), bigfix_client::BigfixError> {
    /// let bytes = std::fs::read("orders.xlsx").map_err(bigfix_client::SheetError::Io)?;
    /// let result = client.bulk().upload_workbook("ops@acme.example", "Acme Warranty", "orders.xlsx", bytes).await?;
    /// println!("{}", result.uploaded_orders_count);
    /// # Ok(()) }
    /// ```
    pub async fn upload_workbook(
        &self,
        client_email: impl Into<String>,
        client_name: impl Into<String>,
        file_name: impl Into<String>,
        bytes: Vec<u8>,
    ) -> Result<BulkUploadResult, BigfixError> {
        let mut form = FormFields::new(client_email.into(), client_name.into());
        form.file_name = file_name.into();
        let rules = self.client.rules();
        let mut v = Validator::new();
        form.validate_into(&mut v, rules);
        v.finish()?;
        let rows = read_sheet(&bytes, rules)?;
        let mut v = Validator::new();
        check_count(&mut v, rows.len(), rules, Some(MAX_ROWS_PER_UPLOAD));
        v.finish()?;
        send_workbook(self.client, &form, bytes).await
    }
}

/// The form fields besides the file.
#[derive(Debug, Clone)]
struct FormFields {
    client_email: String,
    client_name: String,
    file_name: String,
}

impl FormFields {
    fn new(client_email: String, client_name: String) -> Self {
        FormFields {
            client_email,
            client_name,
            file_name: DEFAULT_FILE_NAME.to_owned(),
        }
    }

    fn validate_into(&self, v: &mut Validator, rules: &ValidationRules) {
        let mut f = Fields { v, rules };
        f.email("Client Email", &self.client_email);
        f.text("Client Name", &self.client_name);
        v.format(
            "customFile",
            self.file_name.to_ascii_lowercase().ends_with(".xlsx"),
            "a file name ending in .xlsx",
        );
    }
}

/// Options of [`BulkOrders::upload`]; finish with [`UploadBuilder::send`].
#[derive(Debug)]
#[must_use = "call .send().await"]
pub struct UploadBuilder<'a> {
    client: &'a BigfixClient,
    form: FormFields,
    rows: &'a [BulkRow],
    layout: SheetLayout,
}

impl UploadBuilder<'_> {
    /// How the workbook stores its text (default [`SheetLayout::InlineStrings`]; see there
    /// for when to choose [`SheetLayout::SharedStrings`]).
    pub fn sheet_layout(mut self, layout: SheetLayout) -> Self {
        self.layout = layout;
        self
    }

    /// The file name of the `customFile` part (default [`DEFAULT_FILE_NAME`]; must end in `.xlsx`).
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.form.file_name = name.into();
        self
    }

    /// Validates everything (all violations at once), writes the workbook and uploads it.
    /// A 2xx answer that cannot be read is [`BigfixError::OutcomeUnknown`]: the workbook was
    /// received, so do not send it again blindly.
    pub async fn send(self) -> Result<BulkUploadResult, BigfixError> {
        let rules = self.client.rules();
        let mut v = Validator::new();
        self.form.validate_into(&mut v, rules);
        if let Err(rows) = validate_rows(self.rows, rules, Some(MAX_ROWS_PER_UPLOAD)) {
            v.extend(rows);
        }
        v.finish()?;
        let bytes = write_sheet_with(self.rows, self.layout)?;
        send_workbook(self.client, &self.form, bytes).await
    }
}

/// Options of [`BulkOrders::upload_all`]; finish with [`UploadAllBuilder::send`].
#[derive(Debug)]
#[must_use = "call .send().await"]
pub struct UploadAllBuilder<'a> {
    client: &'a BigfixClient,
    form: FormFields,
    rows: &'a [BulkRow],
    chunk_size: usize,
    layout: SheetLayout,
}

impl UploadAllBuilder<'_> {
    /// How every chunk's workbook stores its text (default [`SheetLayout::InlineStrings`]).
    pub fn sheet_layout(mut self, layout: SheetLayout) -> Self {
        self.layout = layout;
        self
    }

    /// Orders per upload, 1 to 1000 (default 1000).
    pub fn chunk_size(mut self, n: usize) -> Self {
        self.chunk_size = n;
        self
    }

    /// The file name of every chunk's `customFile` part (default [`DEFAULT_FILE_NAME`]).
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.form.file_name = name.into();
        self
    }

    /// Validates everything, then uploads the chunks in order (no orders: nothing is sent
    /// and the summary is empty, unless the rules refuse empty uploads).
    ///
    /// A chunk BigFix accepted (2xx) but whose answer could not be read was *sent*: it is
    /// recorded in [`BulkSummary::unreadable`] with the raw answer, never sent again, and the
    /// next chunks follow. If a chunk fails otherwise (refused, 5xx, timeout) the rest are not
    /// sent and [`BigfixError::PartialUpload`] carries what the earlier chunks returned.
    pub async fn send(self) -> Result<BulkSummary, BigfixError> {
        let rules = self.client.rules();
        let mut v = Validator::new();
        self.form.validate_into(&mut v, rules);
        let max = i64::try_from(MAX_ROWS_PER_UPLOAD).unwrap_or(i64::MAX);
        v.range(
            "chunk_size",
            i64::try_from(self.chunk_size).unwrap_or(i64::MAX),
            1,
            max,
        );
        if let Err(rows) = validate_rows(self.rows, rules, None) {
            v.extend(rows);
        }
        v.finish()?;
        let chunks: Vec<&[BulkRow]> = self.rows.chunks(self.chunk_size).collect();
        let mut summary = BulkSummary::default();
        for (i, chunk) in chunks.iter().enumerate() {
            let outcome = match write_sheet_with(chunk, self.layout) {
                Ok(bytes) => send_workbook(self.client, &self.form, bytes).await,
                Err(e) => Err(e.into()),
            };
            match outcome {
                Ok(result) => summary.push(result),
                Err(BigfixError::OutcomeUnknown {
                    status,
                    raw_body_excerpt,
                    source,
                    ..
                }) => {
                    let first = i * self.chunk_size;
                    summary.unreadable.push(UnreadableChunk {
                        chunk: i + 1,
                        rows: first..first + chunk.len(),
                        status,
                        raw_body_excerpt,
                        error: source.to_string(),
                    });
                }
                Err(e) => {
                    return Err(BigfixError::PartialUpload {
                        completed: summary,
                        failed_chunk: i + 1,
                        chunks: chunks.len(),
                        source: Box::new(e),
                    });
                }
            }
        }
        Ok(summary)
    }
}

/// Sends one workbook as `Client Email`, `Client Name`, `customFile`.
async fn send_workbook(
    client: &BigfixClient,
    form: &FormFields,
    bytes: Vec<u8>,
) -> Result<BulkUploadResult, BigfixError> {
    let op = ops::UPLOAD_BULK_ORDERS;
    let http = client.authed(op, Credential::ApiKey)?;
    let body = Multipart::new()
        .text("Client Email", form.client_email.trim())
        .text("Client Name", form.client_name.trim())
        .file(
            "customFile",
            form.file_name.as_str(),
            XLSX_CONTENT_TYPE,
            bytes,
        );
    let resp = http.send_raw(Request::new(op).multipart(&body)).await?;
    let resp = client.check(http, op, resp)?;
    read_answer(op, &resp, BulkUploadResult::from_json)
}
