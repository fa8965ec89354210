//! Shared test data and helpers for the integration tests.

// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

pub mod decode;

use std::sync::Arc;

use bigfix_client::{
    BigfixClient, BulkEngagementType, BulkRow, EngagementType, RepairOrder, SecretString,
    read_sheet,
};
use partner_core::mock::MockTransport;
use partner_core::multipart::Multipart;
use partner_core::transport::HttpRequest;
use serde_json::json;

pub fn order() -> RepairOrder {
    RepairOrder {
        repair_ref_no: "REP10001".into(),
        client_name: "Acme Warranty".into(),
        name: "Amit Patel".into(),
        customer_mobile: "9876543210".into(),
        customer_email: "amit@example.com".into(),
        engagement_type: EngagementType::Pickup,
        address_line1: "Flat 301, Tower A".into(),
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

pub fn rows(n: usize) -> Vec<BulkRow> {
    (0..n)
        .map(|i| BulkRow {
            repair_ref_no: format!("REF{i:05}"),
            name: "Amit Patel".into(),
            customer_mobile: "9876543210".into(),
            customer_email: "amit@example.com".into(),
            engagement_type: BulkEngagementType::Offsite,
            address_line1: "Flat 301, Tower A".into(),
            city: "Bangalore".into(),
            state: "Karnataka".into(),
            pincode: "560001".into(),
            asset_type: "Laptop".into(),
            make: "Dell".into(),
            model: "XPS 15".into(),
            imei_no: format!("SN{i:09}"),
            issue: "Battery not charging".into(),
        })
        .collect()
}

pub fn created_body() -> serde_json::Value {
    json!({"Success": "True", "Message": "Repair request has been raised successfully", "Status_code": "200",
           "DATA": {"request_id": "REPAIR202611230042", "service_request_id": "REP10001"}})
}

pub fn mock_client(mock: &MockTransport) -> BigfixClient {
    BigfixClient::builder()
        .transport(Arc::new(mock.clone()))
        .api_key(SecretString::from("k-123"))
        .jwt(SecretString::from("jwt-abc"))
        .build()
        .unwrap()
}

/// The rows of the workbook in a recorded bulk request.
pub fn uploaded_rows(req: &HttpRequest) -> Vec<BulkRow> {
    let ct = req
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let parts = Multipart::parse(ct, &req.body).unwrap();
    let names: Vec<&str> = parts.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Client Email", "Client Name", "customFile"]);
    read_sheet(&parts[2].data, &Default::default())
        .unwrap()
        .into_iter()
        .map(|r| r.order)
        .collect()
}
