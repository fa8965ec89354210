//! The vendor's Excel template: `GET /api/warrantify/sample-template/` with `X-API-Key`.
//! The file itself ([`TemplateFile`]: saving, header check, sample rows) is in
//! [`crate::sheet`].

use partner_core::Request;

use crate::client::{BigfixClient, Credential};
use crate::error::BigfixError;
use crate::ops;
use crate::sheet::{TemplateFile, XLSX_CONTENT_TYPE};

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
            rules: *self.client.rules(),
        })
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
}
