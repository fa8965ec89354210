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
    /// The rules of the client that downloaded it, used by [`TemplateFile::sample_rows`].
    pub(crate) rules: ValidationRules,
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

    /// The sample rows of the template, read and validated like a user's sheet with the
    /// validation rules of the client that downloaded it.
    pub fn sample_rows(&self) -> Result<Vec<SheetRow>, SheetError> {
        self.sample_rows_with(&self.rules)
    }

    /// The sample rows of the template, read and validated with `rules`.
    pub fn sample_rows_with(&self, rules: &ValidationRules) -> Result<Vec<SheetRow>, SheetError> {
        read_sheet(&self.bytes, rules)
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
            rules: ValidationRules::default(),
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
            rules: ValidationRules::default(),
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
            rules: ValidationRules::default(),
        };
        assert!(matches!(garbage.header(), Err(SheetError::Open(_))));
    }

    #[test]
    fn sample_rows_use_the_rules_of_the_client() {
        let mut sample = crate::models::test_data::row(0);
        sample.state = "Tamil Nadu".into();
        let mut template = TemplateFile {
            bytes: write_sheet(&[sample]).unwrap().into(),
            file_name: None,
            content_type: None,
            rules: ValidationRules::default(),
        };
        assert_eq!(template.sample_rows().unwrap()[0].order.state, "Tamil Nadu");
        assert!(template.sample_rows_with(&ValidationRules::STRICT).is_err());
        template.rules = ValidationRules::STRICT;
        assert!(matches!(template.sample_rows(), Err(SheetError::Rows(_))));
    }
}
