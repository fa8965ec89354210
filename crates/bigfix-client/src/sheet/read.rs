//! Reading users' workbooks with calamine: exact header row, blank rows skipped, numbers
//! Excel made of digit cells read back as the digits typed, every bad cell reported with its
//! row number and column.

use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Xlsx, XlsxError};
use partner_core::validation::{Rule, Validator};

use crate::error::SheetError;
use crate::models::{BULK_COLUMNS, BulkEngagementType, BulkRow};
use crate::validate::{ValidationRules, check_duplicates};

/// Index of `Engagement_Type` in [`BULK_COLUMNS`].
pub(super) const ENGAGEMENT_COLUMN: usize = 4;

/// A row read from a workbook, with its spreadsheet row number (the header is row 1).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SheetRow {
    /// 1-based row number as Excel shows it.
    pub row_number: u32,
    /// The order.
    pub order: BulkRow,
}

/// A cell of the first [`BULK_COLUMNS`]`.len()` columns of a data row: the text the user
/// typed, or why it cannot be read as text.
type CellText = Result<String, &'static str>;

/// The first sheet, as calamine streams it: row 1 as calamine displays it (missing cells as
/// `""`), and the data rows that have a cell in one of the documented columns, ascending,
/// each with the text of those columns. Cells further right are not kept (the header check
/// decides whether they may be there); empty rows are not kept either.
#[derive(Default)]
struct FirstSheet {
    header: Vec<String>,
    rows: Vec<(u32, [CellText; BULK_COLUMNS.len()])>,
}

/// A data row with no cells yet.
fn no_cells() -> [CellText; BULK_COLUMNS.len()] {
    std::array::from_fn(|_| Ok(String::new()))
}

fn open(bytes: &[u8]) -> Result<Xlsx<Cursor<&[u8]>>, SheetError> {
    Xlsx::new(Cursor::new(bytes)).map_err(|e| SheetError::Open(e.to_string()))
}

fn first_sheet_name(workbook: &Xlsx<Cursor<&[u8]>>) -> Result<String, SheetError> {
    workbook
        .sheet_names()
        .into_iter()
        .next()
        .ok_or(SheetError::NoWorksheet)
}

/// Reads the first sheet once, cell by cell (calamine's cell reader: no dense range, no owned
/// copy of each shared string before it is trimmed), with `keep_rows` false only its header.
fn read_first_sheet(bytes: &[u8], keep_rows: bool) -> Result<FirstSheet, SheetError> {
    let open_error = |e: XlsxError| SheetError::Open(e.to_string());
    let mut workbook = open(bytes)?;
    let name = first_sheet_name(&workbook)?;
    let mut cells = match workbook.worksheet_cells_reader(&name) {
        Ok(cells) => cells,
        // A chartsheet first: no cells, as `worksheet_range` reads it (an empty header).
        Err(XlsxError::NotAWorksheet(_)) => return Ok(FirstSheet::default()),
        Err(e) => return Err(open_error(e)),
    };
    let mut sheet = FirstSheet::default();
    while let Some(cell) = cells.next_cell().map_err(open_error)? {
        let value = cell.get_value();
        if matches!(value, DataRef::Empty) {
            continue;
        }
        let (row, col) = cell.get_position();
        let col = usize::try_from(col).unwrap_or(usize::MAX);
        if row == 0 {
            if sheet.header.len() <= col {
                sheet.header.resize(col + 1, String::new());
            }
            sheet.header[col] = Data::from(value.clone()).to_string();
        } else if keep_rows && col < BULK_COLUMNS.len() {
            // Rows come in ascending order in every file Excel or a library writes; a file
            // that has them out of order is still read right (looked up, sorted below).
            let at = match sheet.rows.last() {
                Some((last, _)) if *last == row => sheet.rows.len() - 1,
                Some((last, _)) if *last > row => {
                    match sheet.rows.iter().position(|(r, _)| *r == row) {
                        Some(at) => at,
                        None => {
                            sheet.rows.push((row, no_cells()));
                            sheet.rows.len() - 1
                        }
                    }
                }
                _ => {
                    sheet.rows.push((row, no_cells()));
                    sheet.rows.len() - 1
                }
            };
            sheet.rows[at].1[col] = cell_text(value);
        }
    }
    // Already sorted unless the file had rows out of order.
    sheet.rows.sort_by_key(|(row, _)| *row);
    while sheet.header.last().is_some_and(String::is_empty) {
        sheet.header.pop();
    }
    Ok(sheet)
}

/// The text of row 1 of the first sheet, up to its last non-empty cell.
pub fn read_sheet_header(bytes: &[u8]) -> Result<Vec<String>, SheetError> {
    Ok(read_first_sheet(bytes, false)?.header)
}

/// A cell as the text the user typed, or the reason it cannot be read as text.
fn cell_text(data: &DataRef<'_>) -> CellText {
    match data {
        DataRef::Empty => Ok(String::new()),
        DataRef::String(s) => Ok(s.trim().to_owned()),
        DataRef::SharedString(s) => Ok(s.trim().to_owned()),
        DataRef::Int(i) => Ok(i.to_string()),
        // Excel stores 9876543210 typed into a General cell as the number 9876543210.0:
        // integral values are written back without the fraction. Leading zeros are lost by
        // Excel itself and cannot be recovered (the digit-count rules then flag the cell).
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Ok(format!("{f:.0}")),
        DataRef::Float(f) => Ok(f.to_string()),
        DataRef::Bool(_) => Err("text, not TRUE/FALSE"),
        DataRef::DateTime(_) | DataRef::DateTimeIso(_) | DataRef::DurationIso(_) => {
            Err("text, not a date or time")
        }
        DataRef::Error(_) => Err("a value, not an Excel error"),
    }
}

/// Reads the orders of the first sheet of an `.xlsx` workbook.
///
/// Row 1 must start with [`BULK_COLUMNS`] exactly (case-sensitive, in order), else
/// [`SheetError::Header`]; further columns are ignored unless the rules refuse them
/// ([`ValidationRules::allow_extra_sheet_columns`]). Blank rows are skipped. Every cell that
/// is not text-like and every documented rule a row breaks (including a `repair_ref_no`
/// repeated in the sheet) is reported together as [`SheetError::Rows`], fields named
/// `row N.Column`.
///
/// ```no_run
/// let bytes = std::fs::read("orders.xlsx")?;
/// match bigfix_client::read_sheet(&bytes, &Default::default()) {
///     Ok(rows) => println!("{} orders", rows.len()),
///     Err(e) => eprintln!("{e}"),
/// }
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn read_sheet(bytes: &[u8], rules: &ValidationRules) -> Result<Vec<SheetRow>, SheetError> {
    let FirstSheet {
        header,
        rows: cells,
    } = read_first_sheet(bytes, true)?;
    let header_ok = if rules.allow_extra_sheet_columns {
        header.len() >= BULK_COLUMNS.len() && header[..BULK_COLUMNS.len()] == BULK_COLUMNS
    } else {
        header == BULK_COLUMNS
    };
    if !header_ok {
        return Err(SheetError::Header {
            expected: BULK_COLUMNS.iter().map(|s| (*s).to_owned()).collect(),
            found: header,
        });
    }
    let mut v = Validator::new();
    let mut rows = Vec::with_capacity(cells.len());
    let mut labels = Vec::with_capacity(cells.len());
    let mut bad_cells: Vec<String> = Vec::new();
    for (r, row_cells) in cells {
        let row_number = r + 1;
        let label = format!("row {row_number}");
        bad_cells.clear();
        let mut c = 0;
        let cells = row_cells.map(|text| {
            let column = BULK_COLUMNS[c];
            c += 1;
            text.unwrap_or_else(|expected| {
                let field = format!("{label}.{column}");
                v.push(
                    &field,
                    Rule::Format {
                        expected: expected.into(),
                    },
                );
                bad_cells.push(field);
                String::new()
            })
        });
        // The workbook is uploaded as it is: with the strict rules "onsite" must not pass as
        // "Onsite" here (`BulkEngagementType` itself reads case-insensitively).
        let engagement_misspelt = rules.exact_engagement_type_in_sheets && {
            let typed = &cells[ENGAGEMENT_COLUMN];
            let parsed = BulkEngagementType::from_wire(typed);
            !parsed.is_unknown() && parsed.as_str() != typed
        };
        let order = BulkRow::from_cells(cells);
        if order.is_blank() && bad_cells.is_empty() {
            continue;
        }
        // A cell already reported as unreadable is not reported again as blank.
        let mut row_rules = Validator::new();
        row_rules.nested(&label, |v| order.validate_into_with(v, rules));
        if engagement_misspelt {
            row_rules.push(
                &format!("{label}.Engagement_Type"),
                Rule::OneOf {
                    allowed: BulkEngagementType::WIRE,
                },
            );
        }
        if let Err(errors) = row_rules.finish() {
            for violation in errors.into_iter().filter(|x| !bad_cells.contains(&x.field)) {
                v.push(&violation.field, violation.rule);
            }
        }
        rows.push(SheetRow { row_number, order });
        labels.push(label);
    }
    check_duplicates(
        &mut v,
        rules,
        labels.into_iter().zip(rows.iter().map(|r| &r.order)),
    );
    v.finish().map_err(SheetError::Rows)?;
    Ok(rows)
}
