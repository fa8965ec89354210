//! Every 2xx answer among fixtures/shipinsure/ decodes through the client's own path in
//! every variant: unknown keys at every level, each key `null` or absent (lists as empty; a
//! required key may only fail with a `Decode` error naming it).

mod common;
#[test]
fn every_fixture_response_decodes_in_every_variant() {
    partner_testkit::variants::check_vendor("shipinsure", |op, body| {
        common::decode::decode(op, body)
    });
}
