//! BigFix's Excel files: writing upload workbooks ([`write_sheet`]), reading the workbooks
//! users filled ([`read_sheet`]), and the vendor's template ([`TemplateFile`]).

mod read;
mod template;
#[cfg(test)]
mod tests;
mod write;

pub use read::{SheetRow, read_sheet, read_sheet_header};
pub use template::TemplateFile;
pub use write::{SheetLayout, write_sheet, write_sheet_with};

/// The MIME type of `.xlsx` files.
pub const XLSX_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
