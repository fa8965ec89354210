//! The document's input rules that several requests share: VIN, e-mail, BCP 47 locale and
//! page size.

use partner_core::{Rule, Validator};

/// Length of a VIN.
pub const VIN_LEN: usize = 17;

/// Largest page the vendor returns (`limit` is 0..=200).
pub const MAX_PAGE_SIZE: u32 = 200;

/// True for exactly 17 characters of `[a-zA-Z0-9]` (the document's pattern).
pub fn is_valid_vin(vin: &str) -> bool {
    vin.len() == VIN_LEN && vin.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Records a violation unless `vin` matches `^[a-zA-Z0-9]{17}$`.
pub fn check_vin(v: &mut Validator, field: &str, vin: &str) {
    if vin.chars().count() != VIN_LEN {
        v.push(field, Rule::ExactLength { len: VIN_LEN });
    } else if !is_valid_vin(vin) {
        v.push(
            field,
            Rule::Format {
                expected: "letters and digits only ([a-zA-Z0-9])".into(),
            },
        );
    }
}

/// A plain structural e-mail check (partner-core's `validation::is_email`, shared with the
/// other vendors and the sandbox): one `@`, a non-empty local part, a domain of non-empty
/// dotted labels, no spaces. The vendor has the final word; this catches typos early.
pub fn is_plausible_email(value: &str) -> bool {
    partner_core::validation::is_email(value)
}

/// Records a violation unless `value` is an e-mail address of at least one character.
pub fn check_email(v: &mut Validator, field: &str, value: &str) {
    if value.is_empty() {
        v.push(field, Rule::MinLength { min: 1 });
    } else if !is_plausible_email(value) {
        v.push(
            field,
            Rule::Format {
                expected: "an e-mail address".into(),
            },
        );
    }
}

/// Syntax of a BCP 47 tag as the vendor uses it: a 2-3 letter (or 5-8 letter) language,
/// then `-`-separated subtags of 1-8 letters or digits (`en-GB`, `nl`, `zh-Hant-TW`).
/// Whether the vendor supports the locale is for the vendor to say.
pub fn is_bcp47(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang_ok = parts.next().is_some_and(|l| {
        matches!(l.len(), 2 | 3 | 5..=8) && l.bytes().all(|b| b.is_ascii_alphabetic())
    });
    lang_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Records a violation unless `value` is a BCP 47 tag.
pub fn check_bcp47(v: &mut Validator, field: &str, value: &str) {
    v.format(
        field,
        is_bcp47(value),
        "a BCP 47 language tag such as en-GB",
    );
}

/// Records a violation unless `limit` is within 0..=200.
pub fn check_limit(v: &mut Validator, field: &str, limit: u32) {
    v.range(field, i64::from(limit), 0, i64::from(MAX_PAGE_SIZE));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vin_is_exactly_17_alphanumerics() {
        assert!(is_valid_vin("JFL91010104591010"));
        assert!(is_valid_vin("wvwzzz1jz3w386752"));
        assert!(!is_valid_vin("JFL9101010459101")); // 16
        assert!(!is_valid_vin("JFL910101045910101")); // 18
        assert!(!is_valid_vin("JFL9101010459101-"));
        assert!(!is_valid_vin("JFL9101010459101é"));
        let mut v = Validator::new();
        check_vin(&mut v, "vin", "JFL9101010459101");
        check_vin(&mut v, "other", "JFL91010104591 10");
        let err = v.finish().unwrap_err();
        assert!(err.has("vin", &Rule::ExactLength { len: 17 }));
        assert_eq!(err.for_field("other").count(), 1);
    }

    #[test]
    fn emails_and_locales() {
        assert!(is_plausible_email("john.smith@my-garage.com"));
        for bad in [
            "", "john", "john@", "@x.nl", "a@b", "a b@x.nl", "a@@x.nl", "a@x.",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
        for ok in ["en-GB", "nl", "de-DE", "zh-Hant-TW", "es-419"] {
            assert!(is_bcp47(ok), "{ok}");
        }
        for bad in ["", "e", "en_GB", "en-", "english-GB-", "en-GB!", "123"] {
            assert!(!is_bcp47(bad), "{bad}");
        }
    }
}
