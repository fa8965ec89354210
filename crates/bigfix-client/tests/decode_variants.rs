//! Every success answer among the fixtures decodes in every variant: unknown keys added,
//! lists null or absent, other keys null or absent (or a decode error naming the key).

mod common;
#[test]
fn every_fixture_response_decodes_in_every_variant() {
    partner_testkit::variants::check_vendor("bigfix", common::decode::decode);
}
