//! Client-side validation: documented rules checked before anything is sent.
//!
//! A [`Validator`] collects every violation (so a batch or a sheet reports all its problems at
//! once); each [`Violation`] names the field by its path (`appointments[3].car.vin`) and the
//! [`Rule`] it broke. Values are not echoed back, as they may be personal data or secrets.
//!
//! [`Strictness`] is the one switch, common to every vendor, between the lenient reading of a
//! document (the default) and its stricter readings.

use std::borrow::Cow;
use std::fmt;

/// Which reading of a vendor's document requests are checked against before sending, set for
/// every vendor the same way: `ClientOptions::strictness` or `.strictness(..)` on any vendor
/// builder. The vendor's server is the final judge either way.
///
/// ```
/// use partner_core::{ClientOptions, Strictness};
/// assert_eq!(ClientOptions::new().strictness_value(), Strictness::Lenient);
/// let strict = ClientOptions::new().strictness(Strictness::Strict);
/// assert_eq!(strict.strictness_value(), Strictness::Strict);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Strictness {
    /// Refuse only what the document unambiguously forbids (the default): where the text
    /// admits two readings, the lenient one, and the vendor's server judges the rest.
    #[default]
    Lenient,
    /// Also apply the stricter readings each vendor lists in its `docs/VENDOR.md` (for
    /// example CarFix's phone format, Jifeline's VIN pattern on lookups).
    Strict,
}

/// A documented rule a value broke.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// The value is required and was missing or blank.
    Required,
    /// At most this many characters.
    MaxLength {
        /// The limit.
        max: usize,
    },
    /// At least this many characters.
    MinLength {
        /// The limit.
        min: usize,
    },
    /// Exactly this many characters.
    ExactLength {
        /// The length.
        len: usize,
    },
    /// A number outside an inclusive range.
    Range {
        /// Lowest allowed.
        min: i64,
        /// Highest allowed.
        max: i64,
    },
    /// A number below a lower bound.
    Min {
        /// Lowest allowed.
        min: i64,
    },
    /// At most this many items.
    MaxItems {
        /// The limit.
        max: usize,
    },
    /// At least this many items.
    MinItems {
        /// The limit.
        min: usize,
    },
    /// Must have the described shape (for example "10 digits").
    Format {
        /// Human description of the format.
        expected: Cow<'static, str>,
    },
    /// Must be one of these values.
    OneOf {
        /// The allowed values.
        allowed: &'static [&'static str],
    },
    /// Must not be given together with another field.
    ConflictsWith {
        /// The other field.
        other: Cow<'static, str>,
    },
    /// A value that must be unique appeared more than once.
    Duplicate {
        /// Where it appeared first.
        first: Cow<'static, str>,
    },
    /// Any other documented rule, described in words.
    Other(Cow<'static, str>),
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Required => f.write_str("is required"),
            Rule::MaxLength { max } => write!(f, "must be at most {max} characters"),
            Rule::MinLength { min } => write!(f, "must be at least {min} characters"),
            Rule::ExactLength { len } => write!(f, "must be exactly {len} characters"),
            Rule::Range { min, max } => write!(f, "must be between {min} and {max}"),
            Rule::Min { min } => write!(f, "must be at least {min}"),
            Rule::MaxItems { max } => write!(f, "must have at most {max} items"),
            Rule::MinItems { min } => write!(f, "must have at least {min} items"),
            Rule::Format { expected } => write!(f, "must be {expected}"),
            Rule::OneOf { allowed } => write!(f, "must be one of {}", allowed.join(", ")),
            Rule::ConflictsWith { other } => write!(f, "must not be given together with `{other}`"),
            Rule::Duplicate { first } => write!(f, "duplicates the value at `{first}`"),
            Rule::Other(text) => f.write_str(text),
        }
    }
}

/// One broken rule on one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Path of the field, in the wire or Rust naming the vendor crate documents.
    pub field: String,
    /// The rule it broke.
    pub rule: Rule,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` {}", self.field, self.rule)
    }
}

/// One or more violations, found together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors {
    violations: Vec<Violation>,
}

impl ValidationErrors {
    /// All violations, in the order they were found.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The violations of one field (exact path).
    pub fn for_field<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a Violation> + 'a {
        self.violations.iter().filter(move |v| v.field == field)
    }

    /// True when `field` broke `rule`.
    pub fn has(&self, field: &str, rule: &Rule) -> bool {
        self.violations
            .iter()
            .any(|v| v.field == field && &v.rule == rule)
    }

    /// A single violation.
    pub fn single(field: impl Into<String>, rule: Rule) -> Self {
        ValidationErrors {
            violations: vec![Violation {
                field: field.into(),
                rule,
            }],
        }
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.violations.len();
        write!(f, "{n} validation error{}: ", if n == 1 { "" } else { "s" })?;
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl IntoIterator for ValidationErrors {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}

/// Collects violations; call [`Validator::finish`] to get the result.
///
/// ```
/// use partner_core::validation::{Rule, Validator};
/// let mut v = Validator::new();
/// v.required("VehicleNo", "");
/// v.max_chars("Name", &"x".repeat(201), 200);
/// let err = v.finish().unwrap_err();
/// assert!(err.has("VehicleNo", &Rule::Required));
/// assert!(err.has("Name", &Rule::MaxLength { max: 200 }));
/// ```
#[derive(Debug, Default)]
pub struct Validator {
    prefix: String,
    violations: Vec<Violation>,
}

impl Validator {
    /// An empty validator.
    pub fn new() -> Self {
        Self::default()
    }

    fn path(&self, field: &str) -> String {
        if self.prefix.is_empty() {
            field.to_owned()
        } else if field.starts_with('[') {
            format!("{}{field}", self.prefix)
        } else {
            format!("{}.{field}", self.prefix)
        }
    }

    /// Records a violation of `rule` on `field`.
    pub fn push(&mut self, field: &str, rule: Rule) -> &mut Self {
        let field = self.path(field);
        self.violations.push(Violation { field, rule });
        self
    }

    /// Records `rule` on `field` unless `ok`.
    pub fn check(&mut self, field: &str, ok: bool, rule: Rule) -> &mut Self {
        if !ok {
            self.push(field, rule);
        }
        self
    }

    /// The value must not be empty or only whitespace.
    pub fn required(&mut self, field: &str, value: &str) -> &mut Self {
        self.check(field, !value.trim().is_empty(), Rule::Required)
    }

    /// An optional value must, when given, be non-blank.
    pub fn required_some(&mut self, field: &str, value: Option<&str>) -> &mut Self {
        self.check(
            field,
            value.is_some_and(|v| !v.trim().is_empty()),
            Rule::Required,
        )
    }

    /// At most `max` characters (Unicode scalar values, as the vendors count them).
    pub fn max_chars(&mut self, field: &str, value: &str, max: usize) -> &mut Self {
        self.check(field, value.chars().count() <= max, Rule::MaxLength { max })
    }

    /// Like [`Validator::max_chars`] for an optional value.
    pub fn max_chars_opt(&mut self, field: &str, value: Option<&str>, max: usize) -> &mut Self {
        if let Some(value) = value {
            self.max_chars(field, value, max);
        }
        self
    }

    /// Exactly `len` characters.
    pub fn exact_chars(&mut self, field: &str, value: &str, len: usize) -> &mut Self {
        self.check(
            field,
            value.chars().count() == len,
            Rule::ExactLength { len },
        )
    }

    /// A number within `min..=max`.
    pub fn range(&mut self, field: &str, value: i64, min: i64, max: i64) -> &mut Self {
        self.check(
            field,
            (min..=max).contains(&value),
            Rule::Range { min, max },
        )
    }

    /// A number of at least `min`.
    pub fn min(&mut self, field: &str, value: i64, min: i64) -> &mut Self {
        self.check(field, value >= min, Rule::Min { min })
    }

    /// At most `max` items.
    pub fn max_items(&mut self, field: &str, len: usize, max: usize) -> &mut Self {
        self.check(field, len <= max, Rule::MaxItems { max })
    }

    /// A value matching a predicate, described by `expected` ("10 digits").
    pub fn format(
        &mut self,
        field: &str,
        ok: bool,
        expected: impl Into<Cow<'static, str>>,
    ) -> &mut Self {
        if !ok {
            self.push(
                field,
                Rule::Format {
                    expected: expected.into(),
                },
            );
        }
        self
    }

    /// Validates a nested value: its fields are reported under `prefix` (`car.vin`, `[3].name`).
    pub fn nested(&mut self, prefix: &str, f: impl FnOnce(&mut Validator)) -> &mut Self {
        let mut inner = Validator {
            prefix: self.path(prefix),
            violations: Vec::new(),
        };
        f(&mut inner);
        self.violations.extend(inner.violations);
        self
    }

    /// Validates each item of a list under `field[i]`.
    pub fn each<T>(
        &mut self,
        field: &str,
        items: &[T],
        mut f: impl FnMut(&mut Validator, &T),
    ) -> &mut Self {
        for (i, item) in items.iter().enumerate() {
            self.nested(&format!("{field}[{i}]"), |v| f(v, item));
        }
        self
    }

    /// True when nothing was recorded yet.
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// Adds violations found elsewhere (already carrying their full path).
    pub fn extend(&mut self, errors: ValidationErrors) -> &mut Self {
        self.violations.extend(errors.violations);
        self
    }

    /// `Ok` when no rule was broken, else every violation.
    pub fn finish(self) -> Result<(), ValidationErrors> {
        if self.violations.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors {
                violations: self.violations,
            })
        }
    }
}

/// A plausible e-mail address: one `@`, a non-empty local part, a domain of at least two
/// non-empty dot-separated labels, no whitespace. Vendors have the final word; this catches
/// typos before a round trip (and lets the sandbox apply the same rule as the clients).
///
/// ```
/// use partner_core::validation::is_email;
/// assert!(is_email("ops@repair.example.in"));
/// for bad in ["", "ops", "@x.in", "ops@x", "ops@x..in", "ops@x.in.", "o ps@x.in", "a@b@c.in"] {
///     assert!(!is_email(bad), "{bad}");
/// }
/// ```
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !value.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| !label.is_empty())
}

/// A value that can check itself against its vendor's documented rules.
pub trait Validate {
    /// Records every violation into `v`.
    fn validate_into(&self, v: &mut Validator);

    /// Checks the value, reporting every violation at once.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut v = Validator::new();
        self.validate_into(&mut v);
        v.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strictness_defaults_to_lenient() {
        assert_eq!(Strictness::default(), Strictness::Lenient);
        let options = crate::ClientOptions::new();
        assert_eq!(options.strictness_value(), Strictness::Lenient);
        let options = options.strictness(Strictness::Strict);
        assert_eq!(options.strictness_value(), Strictness::Strict);
        assert!(format!("{options:?}").contains("Strict"));
        let options = options.strictness(Strictness::Lenient);
        assert_eq!(options.strictness_value(), Strictness::Lenient);
    }

    #[test]
    fn nested_and_each_build_paths() {
        let mut v = Validator::new();
        v.each("appointments", &["ok", ""], |v, s| {
            v.nested("car", |v| {
                v.required("vin", s);
            });
        });
        let err = v.finish().unwrap_err();
        assert_eq!(err.violations().len(), 1);
        assert_eq!(err.violations()[0].field, "appointments[1].car.vin");
        assert_eq!(
            err.to_string(),
            "1 validation error: `appointments[1].car.vin` is required"
        );
    }

    #[test]
    fn boundaries() {
        let mut v = Validator::new();
        v.max_chars("a", "ééé", 3)
            .exact_chars("b", "abc", 3)
            .range("c", 5, 0, 5);
        assert!(v.finish().is_ok());
        let mut v = Validator::new();
        v.max_chars("a", "éééé", 3)
            .range("c", 6, 0, 5)
            .range("d", -1, 0, 5);
        assert_eq!(v.finish().unwrap_err().violations().len(), 3);
    }
}
