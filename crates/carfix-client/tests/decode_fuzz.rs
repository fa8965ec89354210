//! Decoding never panics, whatever arrives: seeded random answers built from the fixtures
//! (`PARTNER_FUZZ_CASES`, default 100,000; `PARTNER_FUZZ_SEED`) through the client's own
//! decode path; every outcome a value or a typed decode error.

mod common;

#[test]
fn decoding_random_answers_never_panics() {
    let report = partner_testkit::fuzz::check_vendor("carfix", common::decode::decode);
    assert!(report.decoded > 0 && report.refused > 0, "{report:?}");
}
