//! shipinsure's worked flow: insure a delivery, report its tracking events, try the same
//! tracking number again (a typed duplicate), cancel the policy, cancel it again (a typed
//! "already cancelled").

use std::io::Write;

use chrono::Utc;
use shipinsure_client::{
    Addresses, Amounts, CancelDeliveryRequest, Customer, DeliveryStatus, EnvironmentConfig, Goods,
    ShipInsureClient, ShipInsureError, SubmitDeliveryRequest, TrackingDetailRequest, TrackingEvent,
};

use super::{failed, unexpected};
use crate::{Sandbox, SandboxError, Vendor};

const V: Vendor = Vendor::ShipInsure;

pub(super) async fn run(sandbox: &Sandbox, out: &mut impl Write) -> Result<(), SandboxError> {
    let client = ShipInsureClient::builder(EnvironmentConfig::staging(
        sandbox.base_url(V),
        crate::shipinsure::DEMO_API_TOKEN_KEY,
    ))
    .build()
    .map_err(failed(V, "build the client"))?;

    let order = SubmitDeliveryRequest::new(
        "SME0001234",
        "ahasme",
        Customer::new("Nguyen Van A", "0901234567"),
        Addresses::new("12 Le Loi, District 1", "45 Hai Ba Trung, District 3"),
        Goods::new("electronics", "Bluetooth speaker", 1),
        Amounts::new(0, 1_500_000, 15_000),
        Utc::now(),
    );
    let policy = client
        .deliveries()
        .submit(&order)
        .await
        .map_err(failed(V, "submit a delivery"))?;
    writeln!(
        out,
        "- insured delivery {} (premium 15000, signed md5): policy {}",
        order.tracking_number,
        policy.policy_id.as_str()
    )?;

    for status in [DeliveryStatus::InDelivery, DeliveryStatus::Success] {
        let event = TrackingEvent::new(Utc::now())
            .with_tracking_status(format!("carrier reports {status}"));
        let request =
            TrackingDetailRequest::new(&order.tracking_number, status.clone(), vec![event]);
        let answer = client
            .tracking()
            .insert(&request)
            .await
            .map_err(failed(V, "insert tracking detail"))?;
        writeln!(
            out,
            "- tracking event `{status}` recorded: {}",
            answer.message.as_deref().unwrap_or("ok")
        )?;
    }

    match client.deliveries().submit(&order).await {
        Err(ShipInsureError::Duplicate { message, .. }) => {
            writeln!(
                out,
                "- the same tracking number again is a duplicate (HTTP 409): {message}"
            )?;
        }
        other => {
            return Err(unexpected(
                V,
                "submit a duplicate",
                format!("expected a duplicate, got {other:?}"),
            ));
        }
    }

    let cancel = CancelDeliveryRequest::new(
        &order.tracking_number,
        policy.policy_id.clone(),
        "cs.agent",
        "customer changed their mind",
        Utc::now(),
    );
    let cancelled = client
        .deliveries()
        .cancel(&cancel)
        .await
        .map_err(failed(V, "cancel the policy"))?;
    writeln!(
        out,
        "- policy {} cancelled: {}",
        policy.policy_id.as_str(),
        cancelled.message.as_deref().unwrap_or("ok")
    )?;

    match client.deliveries().cancel(&cancel).await {
        Err(ShipInsureError::AlreadyCancelled { message, .. }) => {
            writeln!(out, "- cancelling again: already cancelled ({message})")?;
        }
        other => {
            return Err(unexpected(
                V,
                "cancel twice",
                format!("expected AlreadyCancelled, got {other:?}"),
            ));
        }
    }
    Ok(())
}
