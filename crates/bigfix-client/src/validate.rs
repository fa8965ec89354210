//! The documented rules: the field rules shared by single orders and bulk rows (10-digit
//! mobile, 6-digit pincode, City/State in letters and hyphens, e-mail shape, required
//! fields), the rules of a batch (row limit, unique references), and the one switch for where
//! the document is ambiguous ([`ValidationRules`]).

use std::collections::HashMap;

use partner_core::ValidationErrors;
use partner_core::validation::{Rule, Validate, Validator};

use crate::models::{BulkEngagementType, BulkRow, EngagementType, RepairOrder};

/// Knobs for rules the document leaves ambiguous. The default is the strict reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ValidationRules {
    /// Allow spaces in City, State and centre_city ("Tamil Nadu", "Navi Mumbai"). The document
    /// says "alphabets only (hyphens allowed)", so the default refuses them; turn this on if
    /// BigFix accepts multi-word names for your account.
    pub allow_spaces_in_place_names: bool,
}

impl ValidationRules {
    /// The strict documented rules.
    pub const STRICT: ValidationRules = ValidationRules {
        allow_spaces_in_place_names: false,
    };

    /// Strict rules except that place names may contain spaces.
    pub const fn allowing_spaces_in_place_names() -> Self {
        ValidationRules {
            allow_spaces_in_place_names: true,
        }
    }
}

/// True when `value` is exactly `len` ASCII digits.
pub(crate) fn is_digits(value: &str, len: usize) -> bool {
    value.len() == len && value.bytes().all(|b| b.is_ascii_digit())
}

/// Letters and hyphens (and spaces if allowed), with at least one letter.
pub(crate) fn is_place_name(value: &str, rules: &ValidationRules) -> bool {
    value.chars().any(|c| c.is_ascii_alphabetic())
        && value.chars().all(|c| {
            c.is_ascii_alphabetic() || c == '-' || (c == ' ' && rules.allow_spaces_in_place_names)
        })
}

/// A plausible e-mail address: `local@domain.tld`, no spaces, one `@` (partner-core's rule).
pub(crate) use partner_core::validation::is_email;

/// Field checks that report each field once: a blank value is `Required`, a filled one is
/// checked for its format.
pub(crate) struct Fields<'a> {
    pub(crate) v: &'a mut Validator,
    pub(crate) rules: &'a ValidationRules,
}

impl Fields<'_> {
    pub(crate) fn text(&mut self, field: &str, value: &str) -> bool {
        self.v.required(field, value);
        !value.trim().is_empty()
    }

    pub(crate) fn mobile(&mut self, field: &str, value: &str) {
        if self.text(field, value) {
            self.v.format(field, is_digits(value, 10), "10 digits");
        }
    }

    pub(crate) fn pincode(&mut self, field: &str, value: &str) {
        if self.text(field, value) {
            self.v.format(field, is_digits(value, 6), "6 digits");
        }
    }

    pub(crate) fn email(&mut self, field: &str, value: &str) {
        if self.text(field, value) {
            self.v.format(field, is_email(value), "an e-mail address");
        }
    }

    /// A value of a documented set: `unknown` is the text when it is outside the set (blank
    /// counts as missing), `None` when it is one of `allowed`.
    pub(crate) fn choice(
        &mut self,
        field: &str,
        unknown: Option<&str>,
        allowed: &'static [&'static str],
    ) {
        match unknown {
            Some(text) if text.trim().is_empty() => {
                self.v.push(field, Rule::Required);
            }
            Some(_) => {
                self.v.push(field, Rule::OneOf { allowed });
            }
            None => {}
        }
    }

    pub(crate) fn place(&mut self, field: &str, value: &str) {
        if self.text(field, value) {
            let expected = if self.rules.allow_spaces_in_place_names {
                "letters, hyphens and spaces only"
            } else {
                "letters and hyphens only"
            };
            self.v
                .format(field, is_place_name(value, self.rules), expected);
        }
    }
}

impl RepairOrder {
    /// Checks every documented rule with `rules`, reporting all violations at once under the
    /// wire field names.
    pub fn validate_with(
        &self,
        rules: &ValidationRules,
    ) -> Result<(), partner_core::ValidationErrors> {
        let mut v = Validator::new();
        self.check(&mut v, rules);
        v.finish()
    }

    fn check(&self, v: &mut Validator, rules: &ValidationRules) {
        let mut f = Fields { v, rules };
        f.text("repair_ref_no", &self.repair_ref_no);
        f.text("client_name", &self.client_name);
        f.text("Name", &self.name);
        f.mobile("CustomerMobile", &self.customer_mobile);
        f.email("CustomerEmail", &self.customer_email);
        let unknown = match &self.engagement_type {
            EngagementType::Unknown(text) => Some(text.as_str()),
            _ => None,
        };
        f.choice("Engagement_Type", unknown, EngagementType::WIRE);
        f.text("AddressLine1", &self.address_line1);
        f.place("City", &self.city);
        f.place("State", &self.state);
        f.pincode("Pincode", &self.pincode);
        f.text("AssetType", &self.asset_type);
        f.text("Make", &self.make);
        f.text("Model", &self.model);
        f.text("IMEINo", &self.imei_no);
        f.text("centre_city", &self.centre_city);
        f.text("Issue", &self.issue);
        f.text("Size", &self.size);
    }
}

impl Validate for RepairOrder {
    /// The strict documented rules ([`ValidationRules::STRICT`]).
    fn validate_into(&self, v: &mut Validator) {
        self.check(v, &ValidationRules::STRICT);
    }
}

impl BulkRow {
    /// Records every rule this row breaks into `v` (fields named by column).
    pub fn validate_into_with(&self, v: &mut Validator, rules: &ValidationRules) {
        let mut f = Fields { v, rules };
        f.text("repair_ref_no", &self.repair_ref_no);
        f.text("Name", &self.name);
        f.mobile("CustomerMobile", &self.customer_mobile);
        f.email("CustomerEmail", &self.customer_email);
        let unknown = match &self.engagement_type {
            BulkEngagementType::Unknown(text) => Some(text.as_str()),
            _ => None,
        };
        f.choice("Engagement_Type", unknown, BulkEngagementType::WIRE);
        f.text("AddressLine1", &self.address_line1);
        f.place("City", &self.city);
        f.place("State", &self.state);
        f.pincode("Pincode", &self.pincode);
        f.text("AssetType", &self.asset_type);
        f.text("Make", &self.make);
        f.text("Model", &self.model);
        f.text("IMEINo", &self.imei_no);
        f.text("Issue", &self.issue);
    }
}

/// Checks a batch: every row (fields `rows[i].Column`, `i` counting from 0), duplicate
/// references inside the batch, and at least one row. `max_rows` caps the batch (use
/// [`MAX_ROWS_PER_UPLOAD`](crate::MAX_ROWS_PER_UPLOAD) for one upload, `None` before
/// splitting).
pub fn validate_rows(
    rows: &[BulkRow],
    rules: &ValidationRules,
    max_rows: Option<usize>,
) -> Result<(), ValidationErrors> {
    let mut v = Validator::new();
    v.check("rows", !rows.is_empty(), Rule::MinItems { min: 1 });
    if let Some(max) = max_rows {
        v.max_items("rows", rows.len(), max);
    }
    v.each("rows", rows, |v, row| row.validate_into_with(v, rules));
    check_duplicates(
        &mut v,
        rows.iter()
            .enumerate()
            .map(|(i, r)| (format!("rows[{i}]"), r)),
    );
    v.finish()
}

/// Reports each `repair_ref_no` seen before in `rows` (labelled), pointing at the first one.
pub(crate) fn check_duplicates<'a>(
    v: &mut Validator,
    rows: impl Iterator<Item = (String, &'a BulkRow)>,
) {
    let mut seen: HashMap<&str, String> = HashMap::new();
    for (label, row) in rows {
        let key = row.repair_ref_no.trim();
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

#[cfg(test)]
mod tests;
