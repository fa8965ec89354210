//! Every success answer of the Claire fixtures decodes, through the client's decode path, in
//! every variant partner-testkit makes: unknown keys at every level, lists `null` or absent,
//! other keys `null` or absent (or a decode error naming the key).
mod common;
#[test]
fn every_fixture_response_decodes_in_every_variant() {
    partner_testkit::variants::check_vendor("claire", common::decode::decode);
}
