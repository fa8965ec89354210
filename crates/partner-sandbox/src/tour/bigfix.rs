//! BigFix's worked flow: template, bulk upload (with a duplicate skipped), a single order
//! (and its duplicate refused), then tracking it through its workflow.

use std::io::Write;

use bigfix_client::{
    BigfixClient, BigfixError, BulkEngagementType, BulkRow, EngagementType, RepairOrder,
    SecretString,
};

use super::{failed, unexpected};
use crate::bigfix::{DEMO_API_KEY, DEMO_JWT};
use crate::{Sandbox, SandboxError, Vendor};

const V: Vendor = Vendor::BigFix;

/// A valid bulk row for reference `reference`.
fn bulk_row(reference: &str, i: u32) -> BulkRow {
    BulkRow {
        repair_ref_no: reference.into(),
        name: "Amit Patel".into(),
        customer_mobile: format!("98{i:08}"),
        customer_email: format!("customer{i}@example.com"),
        engagement_type: if i.is_multiple_of(2) {
            BulkEngagementType::Onsite
        } else {
            BulkEngagementType::Offsite
        },
        address_line1: "Flat 301, Tower A".into(),
        city: "Bangalore".into(),
        state: "Karnataka".into(),
        pincode: "560001".into(),
        asset_type: "Laptop".into(),
        make: "Dell".into(),
        model: "XPS 15".into(),
        imei_no: format!("SN{i:09}"),
        issue: "Battery not charging".into(),
    }
}

/// A valid single order for reference `reference`.
pub(crate) fn single_order(reference: &str) -> RepairOrder {
    RepairOrder {
        repair_ref_no: reference.into(),
        client_name: "Acme Warranty".into(),
        name: "Priya Sharma".into(),
        customer_mobile: "9123456780".into(),
        customer_email: "priya@example.com".into(),
        engagement_type: EngagementType::Home,
        address_line1: "12 MG Road".into(),
        address_line2: None,
        city: "Bangalore".into(),
        state: "Karnataka".into(),
        pincode: "560001".into(),
        asset_type: "Mobile".into(),
        make: "Samsung".into(),
        model: "Galaxy S24".into(),
        imei_no: "356938035643809".into(),
        centre_city: "Bangalore".into(),
        issue: "Screen cracked".into(),
        size: "6.2 inch".into(),
    }
}

pub(super) async fn run(sandbox: &Sandbox, out: &mut impl Write) -> Result<(), SandboxError> {
    let client = BigfixClient::builder()
        .base_url(sandbox.base_url(V))
        .api_key(SecretString::from(DEMO_API_KEY))
        .jwt(SecretString::from(DEMO_JWT))
        .build()
        .map_err(failed(V, "build the client"))?;

    let template = client
        .template()
        .download()
        .await
        .map_err(failed(V, "download the template"))?;
    template
        .check_header()
        .map_err(failed(V, "check the template header"))?;
    writeln!(
        out,
        "- template {:?} downloaded ({} bytes), header matches",
        template.file_name,
        template.bytes.len()
    )?;

    let first = vec![bulk_row("REP10001", 1), bulk_row("REP10002", 2)];
    let summary = client
        .bulk()
        .upload_all("ops@acme.example", "Acme Warranty", &first)
        .send()
        .await
        .map_err(failed(V, "upload orders"))?;
    writeln!(out, "- bulk upload: {} orders uploaded", summary.uploaded)?;
    let second = vec![bulk_row("REP10002", 2), bulk_row("REP10003", 3)];
    let summary = client
        .bulk()
        .upload_all("ops@acme.example", "Acme Warranty", &second)
        .send()
        .await
        .map_err(failed(V, "upload again"))?;
    writeln!(
        out,
        "- second upload: {} uploaded, {} duplicate skipped {:?}",
        summary.uploaded, summary.duplicates, summary.duplicate_reference_ids
    )?;

    let order = single_order("REF-URGENT-1");
    let created = client
        .orders()
        .create(&order)
        .await
        .map_err(failed(V, "create an order"))?;
    let id = created.data.request_id;
    writeln!(
        out,
        "- single order {} raised as {}",
        order.repair_ref_no,
        id.as_str()
    )?;
    match client.orders().create(&order).await {
        Err(BigfixError::Duplicate { .. }) => {
            writeln!(out, "- the same repair_ref_no again: 409 duplicate")?;
        }
        other => {
            return Err(unexpected(
                V,
                "create a duplicate",
                format!("expected 409, got {other:?}"),
            ));
        }
    }

    for round in 0..4 {
        if round == 3 {
            // The sandbox's own handle moves the repair on, as days of work would.
            sandbox.bigfix().advance(id.as_str(), 12);
            writeln!(out, "- (sandbox) the repair moves 12 statuses on")?;
        }
        let tracking = client
            .tracking()
            .get(id.as_str())
            .await
            .map_err(failed(V, "track the order"))?;
        match tracking.current_status() {
            None => writeln!(out, "- tracking: no tracking information yet")?,
            Some(now) => {
                let workflow = tracking
                    .workflow()
                    .map_or("not yet known".to_owned(), |w| format!("{w:?}"));
                writeln!(
                    out,
                    "- tracking: {} ({} events, workflow {workflow})",
                    now.status.raw,
                    tracking.history.len()
                )?;
            }
        }
    }
    Ok(())
}
