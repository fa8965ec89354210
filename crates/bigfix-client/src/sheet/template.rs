//! The downloaded template: its bytes, saving them, its header row compared with what this
//! crate writes, and its sample rows.

use std::path::Path;

use bytes::Bytes;

use super::{read_sheet, read_sheet_header};
use crate::error::SheetError;
use crate::models::BULK_COLUMNS;
use crate::sheet::SheetRow;
use crate::validate::ValidationRules;

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
        read_sheet(&self.bytes, &ValidationRules::STRICT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::write_sheet;

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
