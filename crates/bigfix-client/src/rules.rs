//! The documented field rules shared by single orders and bulk rows (10-digit mobile, 6-digit
//! pincode, City/State in letters and hyphens, e-mail shape, required fields), and the one
//! switch for where the document is ambiguous.

use partner_core::validation::{Rule, Validator};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        assert!(is_digits("9876543210", 10));
        assert!(!is_digits("987654321", 10));
        assert!(!is_digits("98765432100", 10));
        assert!(!is_digits("98765 4321", 10));
        assert!(!is_digits("९८७६५४३२१०", 10), "only ASCII digits");
        assert!(is_digits("560001", 6));
        assert!(!is_digits("56000", 6), "one short");
        assert!(!is_digits("5600011", 6), "one past");
        assert!(!is_digits("", 6));
    }

    #[test]
    fn place_names() {
        let strict = ValidationRules::STRICT;
        assert!(is_place_name("Bangalore", &strict));
        assert!(is_place_name("Jammu-Kashmir", &strict));
        assert!(!is_place_name("Tamil Nadu", &strict));
        assert!(!is_place_name("Sector 5", &strict));
        assert!(!is_place_name("---", &strict));
        let loose = ValidationRules::allowing_spaces_in_place_names();
        assert!(is_place_name("Tamil Nadu", &loose));
        assert!(!is_place_name("Sector 5", &loose));
    }

    #[test]
    fn emails() {
        assert!(is_email("amit@example.com"));
        assert!(is_email("a.b+c@mail.example.in"));
        for bad in [
            "amit",
            "amit@",
            "@example.com",
            "amit@example",
            "a@b@c.com",
            "amit @example.com",
            "amit@example..com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
