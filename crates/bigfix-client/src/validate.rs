//! The documented rules: the field rules shared by single orders and bulk rows (10-digit
//! mobile, 6-digit pincode, City/State in letters and hyphens, e-mail shape, required
//! fields), the rules of a batch (row limit, unique references), and the one switch for where
//! the document is ambiguous ([`ValidationRules`]).

use partner_core::Strictness;
use partner_core::validation::{Rule, Validate, Validator};

use crate::models::{BulkEngagementType, BulkRow, EngagementType, RepairOrder};

/// The switches for rules the document states in words that admit two readings. The
/// default ([`ValidationRules::LENIENT`]) takes the lenient reading of each, so nothing the
/// document allows is refused before BigFix sees it (BigFix's server is the final judge);
/// [`ValidationRules::STRICT`] takes the strict reading of all, and is what the common option
/// `.strictness(Strictness::Strict)` selects on a client. Rules the document states
/// unambiguously (10-digit mobile, 6-digit pincode, required fields, the Engagement_Type
/// values, at most 1000 orders, unique references, the column names) are always checked.
///
/// Start from either and change single switches:
///
/// ```
/// use bigfix_client::ValidationRules;
///
/// let mut rules = ValidationRules::default();
/// rules.allow_spaces_in_place_names = false; // "Tamil Nadu" refused before sending
/// assert_ne!(rules, ValidationRules::LENIENT);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidationRules {
    /// City and State may contain spaces ("Tamil Nadu", "New Delhi"). "Alphabets only
    /// (hyphens allowed)" can mean letters only, or that names are made of letters rather
    /// than digits and signs; multi-word names are the norm in India. Default `true`.
    pub allow_spaces_in_place_names: bool,
    /// City and State may use letters of any script ("Pondichéry"); strict: A-Z only. The
    /// document says "alphabets", not which. Default `true`.
    pub allow_non_ascii_letters_in_place_names: bool,
    /// Values are judged trimmed: a value of only spaces counts as missing, and " REP1 "
    /// repeats "REP1" in a batch. The document says "required" and "unique" but not whether
    /// surrounding blanks count. Default `false` (only an empty value is missing, and
    /// references are compared exactly as they are sent).
    pub trim_before_checking: bool,
    /// A workbook's `Engagement_Type` must be spelt exactly "Onsite"/"Offsite" (the
    /// workbook is uploaded unchanged). The document makes column *headers* case-sensitive,
    /// not values. Default `false`: "onsite" passes and BigFix decides.
    pub exact_engagement_type_in_sheets: bool,
    /// A workbook may have columns after the 14 documented ones (ignored when reading,
    /// uploaded as they are). The document says the file "must contain" the columns, with
    /// their names and order unchanged, not that it holds nothing else. Default `true`.
    pub allow_extra_sheet_columns: bool,
    /// An upload may hold no orders (sent as a header-only workbook; `upload_all` with no
    /// orders sends nothing). The document sets a maximum, not a minimum. Default `true`.
    pub allow_empty_uploads: bool,
}

impl ValidationRules {
    /// The lenient reading of every ambiguous rule (the default).
    pub const LENIENT: ValidationRules = ValidationRules {
        allow_spaces_in_place_names: true,
        allow_non_ascii_letters_in_place_names: true,
        trim_before_checking: false,
        exact_engagement_type_in_sheets: false,
        allow_extra_sheet_columns: true,
        allow_empty_uploads: true,
    };

    /// The strict reading of every ambiguous rule: place names of A-Z and hyphens only (no
    /// spaces), blank values missing, exact Engagement_Type spelling in workbooks, exactly
    /// the 14 columns, at least one order per upload.
    pub const STRICT: ValidationRules = ValidationRules {
        allow_spaces_in_place_names: false,
        allow_non_ascii_letters_in_place_names: false,
        trim_before_checking: true,
        exact_engagement_type_in_sheets: true,
        allow_extra_sheet_columns: false,
        allow_empty_uploads: false,
    };

    /// The rules of a common [`Strictness`]: [`LENIENT`](Self::LENIENT) or
    /// [`STRICT`](Self::STRICT).
    ///
    /// ```
    /// use bigfix_client::{Strictness, ValidationRules};
    /// assert_eq!(ValidationRules::for_strictness(Strictness::Strict), ValidationRules::STRICT);
    /// ```
    pub const fn for_strictness(strictness: Strictness) -> Self {
        match strictness {
            Strictness::Strict => Self::STRICT,
            _ => Self::LENIENT,
        }
    }

    /// [`STRICT`](Self::STRICT) except that place names may contain spaces.
    pub const fn allowing_spaces_in_place_names() -> Self {
        let mut rules = Self::STRICT;
        rules.allow_spaces_in_place_names = true;
        rules
    }

    /// [`LENIENT`](Self::LENIENT) except that place names may not contain spaces
    /// ("Tamil Nadu" refused before sending).
    pub const fn refusing_spaces_in_place_names() -> Self {
        let mut rules = Self::LENIENT;
        rules.allow_spaces_in_place_names = false;
        rules
    }

    /// Whether `value` counts as missing.
    pub(crate) fn is_missing(&self, value: &str) -> bool {
        if self.trim_before_checking {
            value.trim().is_empty()
        } else {
            value.is_empty()
        }
    }

    /// A reference as it is compared with others in a batch.
    pub(crate) fn reference_key<'a>(&self, value: &'a str) -> &'a str {
        if self.trim_before_checking {
            value.trim()
        } else {
            value
        }
    }
}

impl Default for ValidationRules {
    fn default() -> Self {
        Self::LENIENT
    }
}

/// True when `value` is exactly `len` ASCII digits.
pub(crate) fn is_digits(value: &str, len: usize) -> bool {
    value.len() == len && value.bytes().all(|b| b.is_ascii_digit())
}

/// Letters and hyphens (and spaces if allowed), with at least one letter.
pub(crate) fn is_place_name(value: &str, rules: &ValidationRules) -> bool {
    let letter = |c: char| {
        if rules.allow_non_ascii_letters_in_place_names {
            c.is_alphabetic()
        } else {
            c.is_ascii_alphabetic()
        }
    };
    value.chars().any(letter)
        && value
            .chars()
            .all(|c| letter(c) || c == '-' || (c == ' ' && rules.allow_spaces_in_place_names))
}

/// A plausible e-mail address: `local@domain.tld`, no spaces, one `@` (partner-core's rule).
pub(crate) use partner_core::validation::is_email;

/// Field checks that report each field once: a missing value is `Required`, a given one is
/// checked for its format.
pub(crate) struct Fields<'a> {
    pub(crate) v: &'a mut Validator,
    pub(crate) rules: &'a ValidationRules,
}

impl Fields<'_> {
    /// A required value: `Required` when missing ([`ValidationRules::trim_before_checking`]
    /// says whether blanks count); true when given.
    pub(crate) fn text(&mut self, field: &str, value: &str) -> bool {
        let given = !self.rules.is_missing(value);
        self.v.check(field, given, Rule::Required);
        given
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
    /// The default rules ([`ValidationRules::LENIENT`]).
    fn validate_into(&self, v: &mut Validator) {
        self.check(v, &ValidationRules::default());
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

mod batch;
#[cfg(test)]
mod tests;

pub use batch::validate_rows;
pub(crate) use batch::{check_count, check_duplicates};
