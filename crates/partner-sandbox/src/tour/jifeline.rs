//! Jifeline's worked flow (docs/jifeline.md): log in with the connector, find the vehicle by
//! VIN, list its products, read prerequisites, price the cart with a voucher, create the
//! ticket, rate it; then the operator finishes it and it shows up as historical.

use std::io::Write;

use futures_util::TryStreamExt;
use jifeline_client::models::{CartTotalsRequest, CreateTicket, Csat, PrerequisiteAnswer};
use jifeline_client::{Credentials, JifelineClient};

use super::{failed, unexpected};
use crate::jifeline::{
    DEMO_CONNECTOR_ID, DEMO_CONNECTOR_UUID, DEMO_PINCODE, DEMO_VIN, DEMO_VOUCHER,
};
use crate::{Sandbox, SandboxError, Vendor};

const V: Vendor = Vendor::Jifeline;

pub(super) async fn run(sandbox: &Sandbox, out: &mut impl Write) -> Result<(), SandboxError> {
    let uuid = DEMO_CONNECTOR_UUID
        .parse()
        .map_err(failed(V, "parse the connector UUID"))?;
    let client = JifelineClient::builder()
        .base_url(sandbox.base_url(V))
        .credentials(Credentials::connector_uuid(uuid, DEMO_PINCODE))
        .build()
        .map_err(failed(V, "build the client"))?;

    let vehicle = client
        .vehicles()
        .search_by_vin(DEMO_VIN)
        .await
        .map_err(failed(V, "search by VIN"))?;
    let (model, variant) = match (&vehicle.model, &vehicle.model_variant) {
        (Some(m), Some(v)) => (m.id, v.id),
        _ => return Err(unexpected(V, "search by VIN", "no model or variant")),
    };
    writeln!(
        out,
        "- logged in with connector {DEMO_CONNECTOR_UUID}; VIN {DEMO_VIN} is model {model}, variant {variant}"
    )?;

    let products: Vec<_> = client
        .products()
        .list(model, variant)
        .limit(20)
        .stream()
        .try_collect()
        .await
        .map_err(failed(V, "list products"))?;
    writeln!(
        out,
        "- {} products for the vehicle, fetched 20 per page",
        products.len()
    )?;
    let chosen: Vec<i64> = products.iter().take(3).map(|p| p.id).collect();

    let prerequisites = client
        .products()
        .prerequisites(model, variant, &chosen)
        .send()
        .await
        .map_err(failed(V, "read prerequisites"))?;
    writeln!(
        out,
        "- products {chosen:?}: {} prerequisite(s) to answer",
        prerequisites.result.len()
    )?;

    let totals = client
        .cart()
        .totals(
            &CartTotalsRequest::new(model, variant, chosen.clone())
                .voucher(DEMO_VOUCHER)
                .vin(DEMO_VIN),
        )
        .await
        .map_err(failed(V, "price the cart"))?;
    let net = totals
        .total
        .and_then(|t| t.net_price)
        .map(|m| format!("{} {}", m.value, m.currency));
    writeln!(
        out,
        "- cart with voucher {DEMO_VOUCHER}: {}",
        net.unwrap_or_else(|| "no total".to_owned())
    )?;

    let mut ticket = CreateTicket::new(DEMO_VIN, model, variant, DEMO_CONNECTOR_ID, chosen)
        .voucher(DEMO_VOUCHER);
    for p in &prerequisites.result {
        ticket = ticket.answer(PrerequisiteAnswer::new(p.id, "true"));
    }
    let created = client
        .tickets()
        .create(&ticket)
        .await
        .map_err(failed(V, "create the ticket"))?;
    let id = created
        .id
        .ok_or_else(|| unexpected(V, "create the ticket", "no ticket id"))?;
    let number = id
        .as_i64()
        .ok_or_else(|| unexpected(V, "create the ticket", "no numeric id"))?;
    let active = client
        .connectors()
        .active_ticket(DEMO_CONNECTOR_ID)
        .await
        .map_err(failed(V, "read the active ticket"))?;
    writeln!(
        out,
        "- ticket {id} created; active on the connector: {}",
        active.id.as_ref() == Some(&id)
    )?;
    client
        .tickets()
        .rate(&id, &Csat::new(1.0).comment("Very friendly operator"))
        .await
        .map_err(failed(V, "rate the ticket"))?;
    writeln!(out, "- ticket {id} rated (CSAT 1.0)")?;

    sandbox.jifeline().finish_ticket(number);
    let history = client
        .tickets()
        .historical(Some(DEMO_VIN), None)
        .send()
        .await
        .map_err(failed(V, "list historical tickets"))?;
    writeln!(
        out,
        "- (sandbox) the operator finishes it: {} historical ticket(s) for {DEMO_VIN}",
        history.total.unwrap_or_default()
    )?;
    Ok(())
}
