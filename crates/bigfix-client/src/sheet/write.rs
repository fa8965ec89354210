//! Writing uploads with rust_xlsxwriter: the documented header in row 1 and every cell as
//! text, so mobile numbers and pincodes keep their digits.
//!
//! Rows are streamed: rust_xlsxwriter's "constant memory" worksheets (the default,
//! [`SheetLayout::InlineStrings`]) or "low memory" ones ([`SheetLayout::SharedStrings`]) write
//! each row's XML as soon as the next row starts, instead of keeping every cell of the sheet
//! in a tree until the end. Both stream through a temporary file, so they need a writable
//! [`std::env::temp_dir`].

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::error::SheetError;
use crate::models::{BULK_COLUMNS, BulkRow};

/// How [`write_sheet_with`] stores the text of the cells in the workbook. Both layouts are plain
/// `.xlsx` (ECMA-376) that Excel, LibreOffice, calamine ([`crate::read_sheet`]), openpyxl,
/// pandas, Apache POI and PhpSpreadsheet read; the cells, their values and the header are the
/// same.
///
/// The default is [`SheetLayout::InlineStrings`]: it is the layout that writes 1000 rows
/// well inside the 15 ms budget of the performance issue (about 40% faster than the shared
/// string table, which has to hash every cell and write a second XML part), and its memory
/// does not grow with the number of rows. Choose [`SheetLayout::SharedStrings`] if a
/// consumer of the file only understands the layout Excel itself saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum SheetLayout {
    /// Every string in its own cell (`t="inlineStr"`), rust_xlsxwriter's constant-memory
    /// mode. The fastest to write; no `sharedStrings.xml` part.
    #[default]
    InlineStrings,
    /// Strings in the workbook's shared string table (`t="s"`), the layout Excel itself
    /// saves; rust_xlsxwriter's low-memory mode (rows streamed, the string table kept).
    SharedStrings,
}

/// Writes rows to an `.xlsx` workbook with the given [`SheetLayout`]: one sheet named
/// `Sheet1`, the documented header (bold) in row 1, every non-empty cell as a string. Rows
/// are not validated here (see [`crate::validate_rows`]). The rows are streamed through a
/// temporary file in [`std::env::temp_dir`], deleted when the workbook is written; a
/// temporary directory that cannot be written is [`SheetError::Write`].
///
/// ```
/// use bigfix_client::sheet::{SheetLayout, write_sheet_with};
/// use bigfix_client::{read_sheet_header, BULK_COLUMNS};
/// let bytes = write_sheet_with(&[], SheetLayout::SharedStrings)?;
/// assert_eq!(read_sheet_header(&bytes)?, BULK_COLUMNS);
/// # Ok::<(), bigfix_client::SheetError>(())
/// ```
pub fn write_sheet_with(rows: &[BulkRow], layout: SheetLayout) -> Result<Vec<u8>, SheetError> {
    let mut workbook = Workbook::new();
    // rust_xlsxwriter creates the temporary file of a streamed worksheet with `unwrap`, in
    // `std::env::temp_dir()`: checking that directory first makes an unwritable one an
    // error instead of a panic.
    workbook
        .set_tempdir(std::env::temp_dir())
        .map_err(write_error)?;
    let sheet = match layout {
        SheetLayout::InlineStrings => workbook.add_worksheet_with_constant_memory(),
        SheetLayout::SharedStrings => workbook.add_worksheet_with_low_memory(),
    };
    sheet.set_name("Sheet1").map_err(write_error)?;
    let bold = Format::new().set_bold();
    for (col, name) in (0u16..).zip(BULK_COLUMNS) {
        sheet
            .write_string_with_format(0, col, name, &bold)
            .map_err(write_error)?;
    }
    for (r, row) in (1u32..).zip(rows) {
        for (col, cell) in (0u16..).zip(row.cells()) {
            // Empty strings are skipped so the cell stays truly empty.
            if !cell.is_empty() {
                sheet.write_string(r, col, cell).map_err(write_error)?;
            }
        }
    }
    workbook.save_to_buffer().map_err(write_error)
}

fn write_error(e: XlsxError) -> SheetError {
    SheetError::Write(e.to_string())
}

/// Writes rows to an `.xlsx` workbook with the default [`SheetLayout`]: one sheet, the
/// documented header in row 1, every cell as a string, strings inline
/// ([`SheetLayout::InlineStrings`]; see there why it is the default, and
/// [`write_sheet_with`] for the shared string table). Rows are not validated here (see
/// [`crate::validate_rows`]).
///
/// ```
/// use bigfix_client::{write_sheet, read_sheet_header, BULK_COLUMNS};
/// let bytes = write_sheet(&[])?;
/// assert_eq!(read_sheet_header(&bytes)?, BULK_COLUMNS);
/// # Ok::<(), bigfix_client::SheetError>(())
/// ```
pub fn write_sheet(rows: &[BulkRow]) -> Result<Vec<u8>, SheetError> {
    write_sheet_with(rows, SheetLayout::default())
}
