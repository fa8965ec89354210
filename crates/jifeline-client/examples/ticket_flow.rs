//! The worked flow of docs/jifeline.md against a local mock server: log in with the
//! connector, find the vehicle by VIN, list products for it, read prerequisites, price the
//! cart with a voucher, create the ticket and rate it.
//!
//! Run with `cargo run -p jifeline-client --example ticket_flow`.

use std::time::{Duration, SystemTime};

use futures_util::TryStreamExt;
use httpmock::Method::{GET, POST, PUT};
use httpmock::MockServer;
use jifeline_client::models::{
    CartTotalsRequest, CreateTicket, Csat, PrerequisiteAnswer, TicketMetadata,
};
use jifeline_client::{Credentials, JifelineClient};
use serde_json::json;

const VIN: &str = "JFL91010104591010";
const CONNECTOR_UUID: &str = "6ec2911c-a09a-11ee-8c90-0242ac120002";

fn money(value: u32) -> serde_json::Value {
    json!({"currency": "EUR", "value": value, "localized_value": value + value / 10, "localized_currency": "GBP"})
}

/// Mounts the Jifeline answers the flow needs (shapes from the document's examples).
async fn mock_jifeline(server: &MockServer) {
    let access = jifeline_client::__unsigned_jwt(SystemTime::now() + Duration::from_secs(3600));
    let bearer = format!("Bearer {access}");
    server
        .mock_async(|when, then| {
            when.method(POST).path("/v1/login/connector-uuid");
            then.status(200).json_body(
                json!({"id_token": "id", "access_token": access, "refresh_token": "refresh"}),
            );
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(GET).path("/v1/vehicles/search").query_param("vin", VIN).header("authorization", bearer.as_str());
            then.status(200).json_body(json!({
                "make": {"id": 10, "name": "Ford"},
                "model_group": {"id": 234, "name": "Focus", "vehicle_make_id": 10, "vehicle_make_name": "Ford"},
                "model": {"id": 23423, "name": "FOCUS - II (DA_, HCP, DP) (2004 - 2013)", "manufactured_from": "2004-01-01", "manufactured_to": "2013-12-31", "requires_doip": false},
                "model_variant": {"id": 34234, "name": "1.4 59KW ASDA, ASDB (2004 - 2012)", "vehicle_model_id": 23423, "requires_doip": false}
            }));
        })
        .await;
    for (offset, items) in [("0", json!([52351, 52352])), ("2", json!([52353]))] {
        let products: Vec<_> = items
            .as_array()
            .into_iter()
            .flatten()
            .map(|id| json!({"id": id, "name": format!("Product {id}"), "net_price": money(100), "is_unattended": false}))
            .collect();
        server
            .mock_async(|when, then| {
                when.method(GET).path("/v1/products").query_param("vehicle_model_id", "23423").query_param("offset", offset);
                then.status(200).json_body(json!({"result": products, "total": 3, "offset": offset.parse::<u32>().unwrap(), "limit": 2}));
            })
            .await;
    }
    server
        .mock_async(|when, then| {
            when.method(GET).path("/v1/product-prerequisites").query_param("product_id", "52351,52352");
            then.status(200).json_body(json!({"result": [{
                "id": 1, "name": "Battery charger", "question": "Did you secure the vehicle's power supply?", "required": true,
                "type": "string", "options": [{"id": 1, "productPrerequisiteId": 1, "value": "true"}]
            }], "total": 1}));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(POST).path("/v1/cart/totals").json_body_includes(r#"{"voucher": "234MD23"}"#);
            then.status(200).json_body(json!({
                "voucher": "234MD23",
                "voucher_discount": {"type": "percentual", "percentage": 10, "price": money(20)},
                "needs_confirmation_for_unattended_service": false,
                "sub_total": {"gross_price": money(200), "net_price": money(200)},
                "total": {"gross_price": money(200), "net_price": money(180), "total_discount": {"type": "percentual", "percentage": 10, "price": money(20)}},
                "items": []
            }));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(POST).path("/v1/tickets").json_body_includes(format!(r#"{{"vin": "{VIN}"}}"#));
            then.status(201).json_body(json!({
                "id": "3", "uuid": "abcb2f39-7620-401a-8dab-ec2f6075ed8a", "vin": VIN, "vehicle_model_id": 23423,
                "vehicle_model_variant_id": 34234, "product_ids": [[52351], [52352]], "connector_id": 910101043, "state": 1
            }));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(PUT)
                .path("/v1/tickets/3/csat")
                .json_body(json!({"score": 1.0, "comment": "Very friendly operator"}));
            then.status(204);
        })
        .await;
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let server = MockServer::start_async().await;
    mock_jifeline(&server).await;

    // 1. Log in with the connector: the client logs in on first use and keeps the token.
    let client = JifelineClient::builder()
        .base_url(server.base_url())
        .credentials(Credentials::connector_uuid(CONNECTOR_UUID.parse()?, "1234"))
        .build()?;
    println!(
        "1. client for {} (logs in with connector {CONNECTOR_UUID} on first call)",
        server.base_url()
    );

    // 2. Find the vehicle by VIN.
    let vehicle = client.vehicles().search_by_vin(VIN).await?;
    let model = vehicle.model.ok_or("no model for this VIN")?;
    let variant = vehicle.model_variant.ok_or("no variant for this VIN")?;
    let make = vehicle.make.and_then(|m| m.name).unwrap_or_default();
    let model_name = model.name.clone().unwrap_or_default();
    let variant_name = variant.name.clone().unwrap_or_default();
    println!("2. {VIN} is a {make} {model_name} / {variant_name}");

    // 3. List products for it, page by page (2 per page here).
    let products: Vec<_> = client
        .products()
        .list(model.id, variant.id)
        .limit(2)
        .stream()
        .try_collect()
        .await?;
    for p in &products {
        let price = p
            .net_price
            .as_ref()
            .map(|m| format!("{} {}", m.value, m.currency))
            .unwrap_or_default();
        println!(
            "3. product {} {} at {price}",
            p.id,
            p.name.as_deref().unwrap_or_default()
        );
    }
    let chosen: Vec<i64> = products.iter().take(2).map(|p| p.id).collect();

    // 4. Read the prerequisites of the chosen products.
    let prerequisites = client
        .products()
        .prerequisites(model.id, variant.id, &chosen)
        .send()
        .await?;
    for p in &prerequisites.result {
        let question = p.question.as_deref().unwrap_or_default();
        println!(
            "4. prerequisite {}: {question} (required: {})",
            p.id,
            p.required.unwrap_or(false)
        );
    }

    // 5. Price the cart with a voucher.
    let cart = CartTotalsRequest::new(model.id, variant.id, chosen.clone())
        .voucher("234MD23")
        .vin(VIN);
    let totals = client.cart().totals(&cart).await?;
    let total = totals.total.and_then(|t| t.net_price).ok_or("no total")?;
    let voucher = totals.voucher.unwrap_or_default();
    println!(
        "5. total with voucher {voucher}: {} {}",
        total.value, total.currency
    );

    // 6. Create the ticket, answering the prerequisites.
    let mut metadata = TicketMetadata::default();
    metadata.app_name = Some("ticket_flow example".into());
    let mut ticket = CreateTicket::new(VIN, model.id, variant.id, 910101043, chosen)
        .voucher("234MD23")
        .metadata(metadata);
    for p in &prerequisites.result {
        ticket = ticket.answer(PrerequisiteAnswer::new(p.id, "true"));
    }
    let created = client.tickets().create(&ticket).await?;
    let state = created.state.map(|s| s.to_string()).unwrap_or_default();
    let ticket_id = created.id.ok_or("the answer has no ticket id")?;
    println!(
        "6. ticket {ticket_id} created ({state}), products {:?}",
        created.product_ids.flatten()
    );

    // 7. Rate it: the id of the answer ("3", a string) goes straight into the CSAT path.
    client
        .tickets()
        .rate(
            &ticket_id,
            &Csat::new(1.0).comment("Very friendly operator"),
        )
        .await?;
    println!(
        "7. rated ticket {ticket_id} with CSAT 1 ({} login(s) in total)",
        client.token_fetches()
    );
    Ok(())
}
