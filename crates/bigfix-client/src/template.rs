//! The vendor's Excel template: `GET /api/warrantify/sample-template/` with `X-API-Key`.
//! The bytes can be saved, and the header row compared with what this crate writes.

use std::path::Path;

use bytes::Bytes;
use partner_core::Request;

use crate::bulk::{BULK_COLUMNS, SheetRow, XLSX_CONTENT_TYPE, read_sheet_header};
use crate::client::{BigfixClient, Credential};
use crate::error::{BigfixError, SheetError};
use crate::ops;

/// Handler for the template, from [`BigfixClient::template`].
#[derive(Debug, Clone, Copy)]
pub struct Template<'a> {
    client: &'a BigfixClient,
}

impl<'a> Template<'a> {
    pub(crate) fn new(client: &'a BigfixClient) -> Self {
        Template { client }
    }

    /// Downloads the template (`repair_template.xlsx`). A 404 ("template file not found on
    /// server") is [`BigfixError::NotFound`].
    ///
    /// ```no_run
    /// # async fn run(client: bigfix_client::BigfixClient) -> Result<(), bigfix_client::BigfixError> {
    /// let template = client.template().download().await?;
    /// template.save_to("repair_template.xlsx")?;
    /// template.check_header()?; // fails if BigFix changed the columns
    /// # Ok(()) }
    /// ```
    pub async fn download(&self) -> Result<TemplateFile, BigfixError> {
        let op = ops::DOWNLOAD_TEMPLATE;
        let http = self.client.authed(op, Credential::ApiKey)?;
        // Ask for the workbook, not JSON (partner-core defaults Accept to JSON).
        let req = Request::new(op).header(
            "accept",
            &format!("{XLSX_CONTENT_TYPE}, application/octet-stream"),
        )?;
        let resp = http.send_raw(req).await?;
        let resp = self.client.check(http, op, resp)?;
        // An .xlsx is a zip archive; anything else on a 200 (a JSON or HTML error page) is
        // reported instead of being handed over as a "template".
        if !resp.body.starts_with(b"PK") {
            return Err(partner_core::Error::Rejected {
                operation: op,
                code: None,
                message: format!(
                    "expected an .xlsx file, got: {}",
                    crate::wire::server_message(&resp.body, "an empty body")
                ),
            }
            .into());
        }
        let header = |name: &str| {
            resp.headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let file_name = header("content-disposition")
            .as_deref()
            .and_then(disposition_file_name);
        Ok(TemplateFile {
            content_type: header("content-type"),
            file_name,
            bytes: resp.body,
        })
    }
}

/// The downloaded template.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TemplateFile {
    /// The file's bytes.
    pub bytes: Bytes,
    /// The file name from `Content-Disposition`, when sent (documented: `repair_template.xlsx`).
    pub file_name: Option<String>,
    /// The `Content-Type` sent.
    pub content_type: Option<String>,
}

impl TemplateFile {
    /// Writes the file to `path`.
    pub fn save_to(&self, path: impl AsRef<Path>) -> Result<(), SheetError> {
        std::fs::write(path, &self.bytes)?;
        Ok(())
    }

    /// Row 1 of the template's first sheet.
    pub fn header(&self) -> Result<Vec<String>, SheetError> {
        read_sheet_header(&self.bytes)
    }

    /// Checks that the template's header row is exactly [`BULK_COLUMNS`], the columns this
    /// crate writes; [`SheetError::Header`] shows both when BigFix has changed them.
    pub fn check_header(&self) -> Result<(), SheetError> {
        let found = self.header()?;
        if found == BULK_COLUMNS {
            Ok(())
        } else {
            Err(SheetError::Header {
                expected: BULK_COLUMNS.iter().map(|s| (*s).to_owned()).collect(),
                found,
            })
        }
    }

    /// The sample rows of the template, read and validated like a user's sheet.
    pub fn sample_rows(&self) -> Result<Vec<SheetRow>, SheetError> {
        crate::bulk::read_sheet(&self.bytes, &crate::rules::ValidationRules::STRICT)
    }
}

/// `attachment; filename="repair_template.xlsx"` -> `repair_template.xlsx`.
fn disposition_file_name(value: &str) -> Option<String> {
    value.split(';').map(str::trim).find_map(|part| {
        let (key, v) = part.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("filename")
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulk::write_sheet;

    #[test]
    fn file_name_from_disposition() {
        assert_eq!(
            disposition_file_name("attachment; filename=\"repair_template.xlsx\"").as_deref(),
            Some("repair_template.xlsx")
        );
        assert_eq!(
            disposition_file_name("attachment; filename=t.xlsx").as_deref(),
            Some("t.xlsx")
        );
        assert_eq!(disposition_file_name("inline"), None);
    }

    #[test]
    fn header_check_compares_with_the_crate_columns() {
        let ok = TemplateFile {
            bytes: write_sheet(&[]).unwrap().into(),
            file_name: None,
            content_type: None,
        };
        ok.check_header().unwrap();

        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, name) in (0u16..).zip(["repair_ref_no", "name"]) {
            sheet.write_string(0, c, name).unwrap();
        }
        let changed = TemplateFile {
            bytes: book.save_to_buffer().unwrap().into(),
            file_name: None,
            content_type: None,
        };
        match changed.check_header() {
            Err(SheetError::Header { found, expected }) => {
                assert_eq!(found, ["repair_ref_no", "name"]);
                assert_eq!(expected.len(), 14);
            }
            other => panic!("expected a header mismatch, got {other:?}"),
        }
        let garbage = TemplateFile {
            bytes: Bytes::from_static(b"not a zip"),
            file_name: None,
            content_type: None,
        };
        assert!(matches!(garbage.header(), Err(SheetError::Open(_))));
    }
}
