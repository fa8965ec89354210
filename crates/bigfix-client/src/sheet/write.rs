//! Writing uploads with rust_xlsxwriter: the documented header in row 1 and every cell as
//! text, so mobile numbers and pincodes keep their digits.

use rust_xlsxwriter::{Format, Workbook};

use crate::error::SheetError;
use crate::models::{BULK_COLUMNS, BulkRow};

/// Writes rows to an `.xlsx` workbook: one sheet, the documented header in row 1, every
/// cell as a string. Rows are not validated here (see [`crate::validate_rows`]).
///
/// ```
/// use bigfix_client::{write_sheet, read_sheet_header, BULK_COLUMNS};
/// let bytes = write_sheet(&[])?;
/// assert_eq!(read_sheet_header(&bytes)?, BULK_COLUMNS);
/// # Ok::<(), bigfix_client::SheetError>(())
/// ```
pub fn write_sheet(rows: &[BulkRow]) -> Result<Vec<u8>, SheetError> {
    let err = |e: rust_xlsxwriter::XlsxError| SheetError::Write(e.to_string());
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Sheet1").map_err(err)?;
    for (col, name) in (0u16..).zip(BULK_COLUMNS) {
        sheet
            .write_string_with_format(0, col, name, &bold)
            .map_err(err)?;
    }
    for (r, row) in (1u32..).zip(rows) {
        for (col, cell) in (0u16..).zip(row.cells()) {
            // Empty strings are skipped so the cell stays truly empty.
            if !cell.is_empty() {
                sheet.write_string(r, col, cell).map_err(err)?;
            }
        }
    }
    workbook.save_to_buffer().map_err(err)
}
