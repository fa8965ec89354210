//! Reading users' workbooks with calamine: exact header row, blank rows skipped, numbers
//! Excel made of digit cells read back as the digits typed, every bad cell reported with its
//! row number and column.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
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

fn first_sheet(bytes: &[u8]) -> Result<calamine::Range<Data>, SheetError> {
    let mut workbook: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| SheetError::Open(e.to_string()))?;
    match workbook.worksheet_range_at(0) {
        None => Err(SheetError::NoWorksheet),
        Some(range) => range.map_err(|e| SheetError::Open(e.to_string())),
    }
}

/// The cell at absolute (row, col), `Empty` outside the used range.
fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> &Data {
    static EMPTY: Data = Data::Empty;
    range.get_value((row, col)).unwrap_or(&EMPTY)
}

/// The text of row 1 of the first sheet, up to its last non-empty cell.
pub fn read_sheet_header(bytes: &[u8]) -> Result<Vec<String>, SheetError> {
    let range = first_sheet(bytes)?;
    Ok(header_of(&range))
}

fn header_of(range: &calamine::Range<Data>) -> Vec<String> {
    let width = range.end().map_or(0, |(_, c)| c + 1);
    let mut header: Vec<String> = (0..width).map(|c| cell(range, 0, c).to_string()).collect();
    while header.last().is_some_and(String::is_empty) {
        header.pop();
    }
    header
}

/// A cell as the text the user typed, or the reason it cannot be read as text.
fn cell_text(data: &Data) -> Result<String, &'static str> {
    match data {
        Data::Empty => Ok(String::new()),
        Data::String(s) => Ok(s.trim().to_owned()),
        Data::Int(i) => Ok(i.to_string()),
        // Excel stores 9876543210 typed into a General cell as the number 9876543210.0:
        // integral values are written back without the fraction. Leading zeros are lost by
        // Excel itself and cannot be recovered (the digit-count rules then flag the cell).
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Ok(format!("{f:.0}")),
        Data::Float(f) => Ok(f.to_string()),
        Data::Bool(_) => Err("text, not TRUE/FALSE"),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
            Err("text, not a date or time")
        }
        Data::Error(_) => Err("a value, not an Excel error"),
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
    let range = first_sheet(bytes)?;
    let found = header_of(&range);
    let header_ok = if rules.allow_extra_sheet_columns {
        found.len() >= BULK_COLUMNS.len() && found[..BULK_COLUMNS.len()] == BULK_COLUMNS
    } else {
        found == BULK_COLUMNS
    };
    if !header_ok {
        return Err(SheetError::Header {
            expected: BULK_COLUMNS.iter().map(|s| (*s).to_owned()).collect(),
            found,
        });
    }
    let last_row = range.end().map_or(0, |(r, _)| r);
    let mut v = Validator::new();
    let mut rows = Vec::new();
    for r in 1..=last_row {
        let row_number = r + 1;
        let label = format!("row {row_number}");
        let mut bad_cells: Vec<String> = Vec::new();
        let cells: [String; 14] = std::array::from_fn(|c| {
            let c32 = u32::try_from(c).unwrap_or(u32::MAX);
            cell_text(cell(&range, r, c32)).unwrap_or_else(|expected| {
                let field = format!("{label}.{}", BULK_COLUMNS[c]);
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
    }
    check_duplicates(
        &mut v,
        rules,
        rows.iter()
            .map(|r| (format!("row {}", r.row_number), &r.order)),
    );
    v.finish().map_err(SheetError::Rows)?;
    Ok(rows)
}
