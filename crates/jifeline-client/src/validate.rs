//! The document's input rules: VIN, e-mail, BCP 47 locale and page size, and how strictly
//! they are applied ([`Strictness`]).
//!
//! By default the client refuses only what the document unambiguously forbids, where it
//! states it (docs/jifeline.md, "Validation", lists each rule with its section). Where the
//! text admits a stricter reading, [`Strictness::Strict`] applies it as well; the vendor's
//! server stays the final judge either way.

use partner_core::{Rule, Validate, ValidationErrors, Validator};

use crate::operations as ops;

/// Length of a VIN.
pub const VIN_LEN: usize = 17;

/// Largest page the vendor returns (`limit` is 0..=200).
pub const MAX_PAGE_SIZE: u32 = 200;

/// The list operations whose section documents `offset` and `limit` ("integer [ 0 .. 200 ]").
/// The others answer with the same envelope but list no such parameters: their `limit` is
/// checked only under [`Strictness::Strict`].
pub const LIMIT_DOCUMENTED: &[&str] = &[
    ops::LIST_CONNECTORS,
    ops::LIST_PREPARED_TICKETS,
    ops::LIST_SERVICED_VEHICLES,
    ops::LIST_VEHICLE_MAKES,
    ops::LIST_VEHICLE_MODEL_GROUPS,
    ops::LIST_VEHICLE_MODELS,
    ops::LIST_VEHICLE_MODEL_VARIANTS,
    ops::LIST_EMPLOYEES,
];

/// How strictly requests are checked before they are sent: partner-core's common
/// [`partner_core::Strictness`], re-exported here and at the crate root. Set it with
/// `.strictness(..)` on [`JifelineClientBuilder`](crate::JifelineClientBuilder) or in shared
/// [`ClientOptions`](partner_core::ClientOptions).
///
/// For Jifeline, [`Strictness::Lenient`] (the default) applies only the rules the document
/// states, where it states them: the VIN pattern on cart totals only, e-mail format on
/// employee usernames only, `limit` 0..=200 on the lists that document it, and so on.
/// [`Strictness::Strict`] adds the stricter readings the text admits: the 17-character VIN
/// pattern on every VIN (lookups, historical and prepared tickets, ticket creation), e-mail
/// format on every e-mail field, non-blank names, texts, file names and credentials, at
/// least one product in a ticket or cart, and `limit` 0..=200 on every list.
pub use partner_core::Strictness;

/// A request's rules at a [`Strictness`]: [`Validate`] holds the documented rules,
/// [`validate_strict_into`](Self::validate_strict_into) the stricter readings.
pub trait StrictValidate: Validate {
    /// Records the violations of the stricter reading only (none unless overridden).
    fn validate_strict_into(&self, v: &mut Validator) {
        let _ = v;
    }

    /// Every violation at `strictness`.
    fn validate_with(&self, strictness: Strictness) -> Result<(), ValidationErrors> {
        let mut v = Validator::new();
        self.validate_into(&mut v);
        if strictness == Strictness::Strict {
            self.validate_strict_into(&mut v);
        }
        v.finish()
    }
}

/// True for exactly 17 characters of `[a-zA-Z0-9]` (the document's pattern).
pub fn is_valid_vin(vin: &str) -> bool {
    vin.len() == VIN_LEN && vin.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Records a violation unless `vin` matches `^[a-zA-Z0-9]{17}$` (Cart: `vin`).
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

/// Records a violation for a VIN the document gives no pattern for (lookups, historical and
/// prepared tickets, ticket creation): blank is refused; under [`Strictness::Strict`] the
/// cart's 17-character pattern applies too. The document's own connector example carries a
/// 16-character `vin_number` (`VF1CN04054456164`), which these calls accept by default.
pub fn check_vin_lookup(v: &mut Validator, field: &str, vin: &str, strictness: Strictness) {
    if vin.trim().is_empty() {
        v.push(field, Rule::Required);
    } else if strictness == Strictness::Strict {
        check_vin(v, field, vin);
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

/// The syntax of a BCP 47 tag (RFC 5646), checked by shape only: a language subtag of 2 to 8
/// letters, or a private-use (`x-…`) or grandfathered irregular (`i-…`) start, then
/// `-`-separated subtags of 1 to 8 letters or digits (`en-GB`, `nl`, `zh-Hant-TW`,
/// `es-419`, `x-whatever`). Whether the vendor supports the locale is for the vendor to say.
pub fn is_bcp47(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(first) = parts.next() else {
        return false;
    };
    let first_ok = if first.eq_ignore_ascii_case("x") || first.eq_ignore_ascii_case("i") {
        // A singleton start needs at least one subtag after it.
        tag.len() > 2
    } else {
        (2..=8).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_alphabetic())
    };
    first_ok
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

/// Whether the 0..=200 `limit` rule applies to `operation` at `strictness`.
pub fn limit_checked(operation: &str, strictness: Strictness) -> bool {
    strictness == Strictness::Strict || LIMIT_DOCUMENTED.contains(&operation)
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
    fn lookup_vins_are_free_unless_strict() {
        // The document's own connector example: 16 characters.
        let connector_vin = "VF1CN04054456164";
        let mut v = Validator::new();
        check_vin_lookup(&mut v, "vin", connector_vin, Strictness::Lenient);
        assert!(v.finish().is_ok());
        let mut v = Validator::new();
        check_vin_lookup(&mut v, "vin", connector_vin, Strictness::Strict);
        assert!(
            v.finish()
                .unwrap_err()
                .has("vin", &Rule::ExactLength { len: 17 })
        );
        let mut v = Validator::new();
        check_vin_lookup(&mut v, "vin", " ", Strictness::Lenient);
        assert!(v.finish().unwrap_err().has("vin", &Rule::Required));
    }

    #[test]
    fn emails_and_locales() {
        assert!(is_plausible_email("john.smith@my-garage.com"));
        for bad in [
            "", "john", "john@", "@x.nl", "a@b", "a b@x.nl", "a@@x.nl", "a@x.",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
        for ok in [
            "en-GB",
            "nl",
            "de-DE",
            "zh-Hant-TW",
            "es-419",
            "x-klingon",
            "i-default",
            "abcd",
            "sr-Latn-RS-u-nu-latn",
        ] {
            assert!(is_bcp47(ok), "{ok}");
        }
        for bad in [
            "",
            "e",
            "x",
            "x-",
            "en_GB",
            "en-",
            "english-GB-",
            "en-GB!",
            "123",
        ] {
            assert!(!is_bcp47(bad), "{bad}");
        }
    }

    #[test]
    fn limit_rule_follows_the_document() {
        assert!(limit_checked(ops::LIST_VEHICLE_MAKES, Strictness::Lenient));
        assert!(!limit_checked(ops::LIST_PRODUCTS, Strictness::Lenient));
        assert!(limit_checked(ops::LIST_PRODUCTS, Strictness::Strict));
    }
}
