//! Models against the document's examples (the fixtures): every documented field decodes,
//! typed values are what the examples say, and values survive a round trip.

use chrono::{Datelike, Timelike};
use jifeline_client::models::*;
use partner_testkit::load_fixture;
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

fn response(name: &str) -> Value {
    load_fixture("jifeline", name)
        .unwrap()
        .response
        .body
        .unwrap()
}

/// Decodes, encodes and decodes again; both decodings must be equal.
fn round_trip<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(value: Value) -> T {
    let first: T = serde_json::from_value(value).unwrap();
    let again: T = serde_json::from_value(serde_json::to_value(&first).unwrap()).unwrap();
    assert_eq!(first, again);
    first
}

#[test]
fn product_money_and_discounts_are_exact() {
    let page: Page<Product> = round_trip(response("ListProducts"));
    let p = &page.result[0];
    let gross = p.gross_price.as_ref().unwrap();
    assert_eq!(
        (gross.currency.as_str(), gross.value),
        ("EUR", Decimal::from(100))
    );
    assert_eq!(
        (gross.localized_currency.as_deref(), gross.localized_value),
        (Some("GBP"), Some(Decimal::from(110)))
    );
    let discount = p.total_discount.as_ref().unwrap();
    assert_eq!(discount.kind, DiscountType::Percentual);
    assert_eq!(discount.percentage.unwrap().to_string(), "30.35");
    let legacy = p.price.as_ref().unwrap();
    assert_eq!(
        (legacy.price_final, legacy.contains_discount),
        (Some(Decimal::from(8)), Some(false))
    );
    // Written back as the vendor sends it, apart from item_number (a string per the schema).
    let mut expected = response("ListProducts")["result"][0].clone();
    expected["item_number"] = json!("100022");
    assert_eq!(serde_json::to_value(p).unwrap(), expected);
}

#[test]
fn historical_ticket_timestamps_and_lines() {
    let t: HistoricalTicket = round_trip(response("GetHistoricalTicket"));
    let created = t.created_at.unwrap();
    assert_eq!(
        (
            created.year(),
            created.month(),
            created.day(),
            created.hour()
        ),
        (2021, 9, 8, 10)
    );
    assert_eq!(created.offset().local_minus_utc(), 0);
    let back = serde_json::to_value(&t).unwrap();
    assert_eq!(
        back["created_at"], "2021-09-08T10:03:29+00:00",
        "written in the document's format"
    );
    assert_eq!(t.state, Some(TicketState(7)));
    let line = &t.product_lines[0];
    assert_eq!((line.product_id, line.quantity), (Some(1234), Some(2)));
    assert_eq!(
        line.discounts[0].discount.as_ref().unwrap().kind,
        DiscountType::Percentual
    );
    assert_eq!(
        t.sub_total.unwrap().net_price.unwrap().value,
        Decimal::from(100)
    );
}

#[test]
fn cart_totals_decode_every_block() {
    let t: CartTotals = round_trip(response("CalculateCartTotals"));
    assert_eq!(t.needs_confirmation_for_unattended_service, Some(true));
    for block in [
        &t.sub_total,
        &t.voucher_sub_total,
        &t.original_equipment_service_fee,
        &t.total,
    ] {
        assert!(block.as_ref().unwrap().total_discount.is_some());
    }
    let item = &t.items[0];
    assert_eq!(
        (item.product_id, item.product_item_number.as_deref()),
        (52351, Some("100022"))
    );
}

#[test]
fn catalogue_dates_and_user_details() {
    let r: VinSearchResult = round_trip(response("SearchVehicleByVin"));
    let model = r.model.unwrap();
    assert_eq!(
        model.manufactured_from,
        chrono::NaiveDate::from_ymd_opt(2019, 9, 8)
    );
    assert_eq!(
        serde_json::to_value(model.manufactured_to).unwrap(),
        json!("2020-09-08")
    );
    let user: User = round_trip(response("GetUser"));
    let sc = user.service_provider.unwrap().service_center.unwrap();
    assert_eq!(
        sc.tickets_scheduler_active_until.unwrap().to_rfc3339(),
        "2021-09-08T10:03:29+00:00"
    );
    let state: ServiceCenterState = round_trip(response("GetServiceCenterState"));
    assert_eq!(
        serde_json::to_value(&state).unwrap()["ends_at"],
        "2023-05-22T12:44:36+0200"
    );
}

#[test]
fn unknown_values_and_fields_are_kept_or_ignored() {
    let c: Connector = serde_json::from_value(json!({
        "id": 1, "uuid": "5f3d760d-ade2-4a19-aea4-36e097678ae3", "hardware_type": "doip-pro", "new_field": {"x": 1}
    }))
    .unwrap();
    assert_eq!(
        c.hardware_type,
        Some(HardwareType::Unknown("doip-pro".into()))
    );
    assert_eq!(serde_json::to_value(&c.hardware_type).unwrap(), "doip-pro");
    let s: ServiceCenterState = serde_json::from_value(json!({"state": "closed"})).unwrap();
    assert_eq!(s.state, ServiceCenterStateKind::Unknown("closed".into()));
    let t: Ticket =
        serde_json::from_value(json!({"id": 3, "state": 42, "product_ids": [5, 6]})).unwrap();
    assert_eq!(
        (t.id.as_ref().map(TicketId::as_str), t.state),
        (Some("3"), Some(TicketState(42)))
    );
    assert_eq!(t.product_ids.flatten(), vec![5, 6]);
}

#[test]
fn customer_numbers_as_text_and_tokens_stay_secret() {
    let d: CustomerDetails = round_trip(response("GetCustomerDetails"));
    assert_eq!(
        (d.reference.as_deref(), d.phone.as_deref()),
        (Some("213432"), Some("31651226913"))
    );
    let tokens: SessionTokens = serde_json::from_value(response("LoginWithConnectorUuid")).unwrap();
    assert!(!format!("{tokens:?}").contains("eyJ"));
    assert_eq!(
        tokens.access_expires_at(),
        None,
        "the example tokens are truncated"
    );
}
