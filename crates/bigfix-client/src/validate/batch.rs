//! The rules of a batch of bulk rows: every row, the number of orders of one upload, and
//! references unique within the batch.

use std::collections::HashMap;

use partner_core::ValidationErrors;
use partner_core::validation::{Rule, Validator};

use super::ValidationRules;
use crate::models::BulkRow;

/// Checks a batch: every row (fields `rows[i].Column`, `i` counting from 0), duplicate
/// references inside the batch, and, unless [`ValidationRules::allow_empty_uploads`], at
/// least one row. `max_rows` caps the batch (use
/// [`MAX_ROWS_PER_UPLOAD`](crate::MAX_ROWS_PER_UPLOAD) for one upload, `None` before
/// splitting).
pub fn validate_rows(
    rows: &[BulkRow],
    rules: &ValidationRules,
    max_rows: Option<usize>,
) -> Result<(), ValidationErrors> {
    let mut v = Validator::new();
    check_count(&mut v, rows.len(), rules, max_rows);
    v.each("rows", rows, |v, row| row.validate_into_with(v, rules));
    check_duplicates(
        &mut v,
        rules,
        rows.iter()
            .enumerate()
            .map(|(i, r)| (format!("rows[{i}]"), r)),
    );
    v.finish()
}

/// The number of orders of one upload (field `rows`): at most `max_rows`, and at least one
/// unless empty uploads are allowed.
pub(crate) fn check_count(
    v: &mut Validator,
    count: usize,
    rules: &ValidationRules,
    max_rows: Option<usize>,
) {
    if !rules.allow_empty_uploads {
        v.check("rows", count > 0, Rule::MinItems { min: 1 });
    }
    if let Some(max) = max_rows {
        v.max_items("rows", count, max);
    }
}

/// Reports each `repair_ref_no` seen before in `rows` (labelled), pointing at the first one.
pub(crate) fn check_duplicates<'a>(
    v: &mut Validator,
    rules: &ValidationRules,
    rows: impl Iterator<Item = (String, &'a BulkRow)>,
) {
    let mut seen: HashMap<&str, String> = HashMap::new();
    for (label, row) in rows {
        let key = rules.reference_key(&row.repair_ref_no);
        if key.is_empty() {
            continue;
        }
        match seen.get(key) {
            Some(first) => {
                v.push(
                    &format!("{label}.repair_ref_no"),
                    Rule::Duplicate {
                        first: format!("{first}.repair_ref_no").into(),
                    },
                );
            }
            None => {
                seen.insert(key, label);
            }
        }
    }
}
