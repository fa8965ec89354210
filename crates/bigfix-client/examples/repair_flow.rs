//! The worked flow of docs/bigfix.md against a local mock of BigFix:
//! download the template, build and validate orders, upload them in chunks, raise one order,
//! track it.
//!
//! `cargo run -p bigfix-client --example repair_flow`

use bigfix_client::{
    BigfixClient, BigfixError, BulkEngagementType, BulkRow, EngagementType, RepairOrder,
    SecretString, SheetError, StatusCode, XLSX_CONTENT_TYPE, read_sheet, write_sheet,
};
use httpmock::prelude::*;
use httpmock::{HttpMockRequest, HttpMockResponse};
use partner_core::multipart::Multipart;
use serde_json::json;

#[tokio::main]
async fn main() -> Result<(), BigfixError> {
    let server = MockServer::start_async().await;
    mock_bigfix(&server).await;

    let client = BigfixClient::builder()
        .base_url(server.base_url()) // default: https://api.bigfix.in
        .api_key(SecretString::from(
            std::env::var("BIGFIX_API_KEY").unwrap_or_else(|_| "demo-key".into()),
        ))
        .jwt(SecretString::from(
            std::env::var("BIGFIX_JWT").unwrap_or_else(|_| "demo.jwt".into()),
        ))
        .build()?;

    // 1. Download the template, keep a copy, and check its columns match what we write.
    let template = client.template().download().await?;
    let path = std::env::temp_dir().join("repair_template.xlsx");
    template.save_to(&path)?;
    println!(
        "1. template {:?}: {} bytes saved to {}",
        template.file_name,
        template.bytes.len(),
        path.display()
    );
    template.check_header()?;
    println!("   header matches the crate's 14 columns");

    // 2a. A filled template from disk: exact header, blank rows skipped, every bad cell
    //     reported as `row N.Column` (here: the saved template with its sample row).
    let filled = std::fs::read(&path).map_err(SheetError::Io)?;
    for row in read_sheet(&filled, client.rules())? {
        println!(
            "2a. read row {}: {} ({}, {})",
            row.row_number, row.order.repair_ref_no, row.order.engagement_type, row.order.city
        );
    }

    // 2b. Or build the orders in code.
    let mut orders: Vec<BulkRow> = (0..2300).map(order_row).collect();
    println!("2b. built {} orders", orders.len());

    // 3. Validation reports every problem at once, before anything is sent.
    orders[7].pincode = "56001".into();
    orders[1500].repair_ref_no = orders[3].repair_ref_no.clone();
    match client
        .bulk()
        .upload_all("ops@acme.example", "Acme Warranty", &orders)
        .send()
        .await
    {
        Err(e) => println!("3. refused before sending: {e}"),
        Ok(summary) => println!("3. unexpectedly uploaded {} orders", summary.uploaded),
    }
    orders[7].pincode = "560001".into();
    orders[1500].repair_ref_no = "REF-1500-B".into();

    // 4. Upload in chunks of at most 1000 and merge the answers.
    let summary = client
        .bulk()
        .upload_all("ops@acme.example", "Acme Warranty", &orders)
        .send()
        .await?;
    for (i, r) in summary.uploads.iter().enumerate() {
        println!("4. chunk {}: {}", i + 1, r.message.as_deref().unwrap_or(""));
    }
    println!(
        "   total uploaded {}, duplicates {} {:?}",
        summary.uploaded, summary.duplicates, summary.duplicate_reference_ids
    );

    // 5. One urgent order through the single-order API (JWT).
    let created = client.orders().create(&single_order()).await?;
    let id = created.data.request_id;
    println!(
        "5. created {id} (date {:?}, suffix {:?})",
        id.date(),
        id.suffix()
    );

    // 6. Track it.
    let tracking = client.tracking().get(id.as_str()).await?;
    for e in &tracking.history {
        println!(
            "6. {}  {:<28} visit {:?}",
            e.date,
            e.status.code.to_string(),
            e.status.visit
        );
    }
    println!(
        "   workflow {:?}, customer visits {}, now: {}",
        tracking.workflow(),
        tracking.count(&StatusCode::ReachedCustomerLocation),
        tracking
            .current_status()
            .map(|e| e.status.raw.as_str())
            .unwrap_or("no tracking yet"),
    );
    Ok(())
}

fn order_row(i: usize) -> BulkRow {
    BulkRow {
        repair_ref_no: format!("REF-{i}"),
        name: "Amit Patel".into(),
        customer_mobile: format!("98{:08}", i),
        customer_email: format!("customer{i}@example.com"),
        engagement_type: if i.is_multiple_of(3) {
            BulkEngagementType::Offsite
        } else {
            BulkEngagementType::Onsite
        },
        address_line1: format!("Flat {i}, Tower A"),
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

fn single_order() -> RepairOrder {
    RepairOrder {
        repair_ref_no: "REF-URGENT-1".into(),
        client_name: "Acme Warranty".into(),
        name: "Priya Sharma".into(),
        customer_mobile: "9123456780".into(),
        customer_email: "priya@example.com".into(),
        engagement_type: EngagementType::Home,
        address_line1: "12 MG Road".into(),
        address_line2: Some("Near Metro".into()),
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

fn json_reply(body: serde_json::Value) -> HttpMockResponse {
    HttpMockResponse::builder()
        .status(200)
        .header("content-type", "application/json")
        .body(body.to_string())
        .build()
}

/// A stand-in for BigFix: the template, a bulk endpoint that reads the uploaded workbook
/// (REF-0 already exists), the single order and tracking.
async fn mock_bigfix(server: &MockServer) {
    let template = write_sheet(&[order_row(10001)]).expect("template");
    server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/api/warrantify/sample-template/")
                .header_exists("x-api-key");
            then.status(200)
                .header("content-type", XLSX_CONTENT_TYPE)
                .header(
                    "content-disposition",
                    "attachment; filename=\"repair_template.xlsx\"",
                )
                .body(template);
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/api/warrantify/repair/bulk-order/")
                .header_exists("x-api-key");
            then.respond_with(|req: &HttpMockRequest| {
                let ct = req
                    .headers()
                    .get("content-type")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("")
                    .to_owned();
                let parts = Multipart::parse(&ct, req.body_ref()).unwrap_or_default();
                let rows = parts
                    .iter()
                    .find(|p| p.name == "customFile")
                    .and_then(|p| read_sheet(&p.data, &Default::default()).ok())
                    .unwrap_or_default();
                let dups: Vec<&str> = rows
                    .iter()
                    .map(|r| r.order.repair_ref_no.as_str())
                    .filter(|r| *r == "REF-0")
                    .collect();
                let uploaded = rows.len() - dups.len();
                json_reply(json!({"Success": "True", "Status_code": 200,
                    "Message": format!("{uploaded} repair orders uploaded successfully"),
                    "Uploaded_Orders_Count": uploaded, "Duplicate_Orders_Count": dups.len(),
                    "Duplicate_Reference_IDs": dups}))
            });
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(POST).path("/api/warrantify/repair/single-order/").header_exists("authorization");
            then.status(200).json_body(json!({"Success": "True", "Status_code": "200",
                "Message": "Repair request has been raised successfully",
                "DATA": {"request_id": "REPAIR202611230042", "service_request_id": "REF-URGENT-1"}}));
        })
        .await;
    let events = [
        ("23-11-2026 09:00:05", "created"),
        ("23-11-2026 09:12:40", "assigned"),
        ("23-11-2026 09:30:00", "accepted"),
        ("23-11-2026 11:02:13", "reached customer location - 1"),
        ("23-11-2026 11:10:00", "customer not in location"),
        ("23-11-2026 15:45:51", "reached customer location - 2"),
        ("23-11-2026 16:20:00", "technician visit"),
    ];
    let details: Vec<_> = events
        .iter()
        .map(|(d, s)| json!({"date": d, "status": s}))
        .collect();
    server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/api/warrantify/claim/tracking/")
                .query_param("ReferenceID", "REPAIR202611230042");
            then.status(200)
                .json_body(json!({"Success": "True", "Status_code": "200",
                "DATA": {"current_status": details.last(), "tracking_details": details}}));
        })
        .await;
}
