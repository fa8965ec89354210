//! Requests and clients shared by the integration tests.
#![allow(dead_code)]

pub mod decode;

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use partner_core::mock::{MockTransport, json_response};
use serde_json::{Value, json};
use shipinsure_client::{
    Addresses, Amounts, CancelDeliveryRequest, Customer, DeliveryStatus, EnvironmentConfig, Goods,
    PolicyId, ShipInsureClient, ShipInsureClientBuilder, SubmitDeliveryRequest,
    TrackingDetailRequest, TrackingEvent,
};

pub const KEY: &str = "staging-key";

pub fn submit(tracking_number: &str, premium: i64) -> SubmitDeliveryRequest {
    SubmitDeliveryRequest::new(
        tracking_number,
        "ahasme",
        Customer::new("Nguyen Van A", "0901234567"),
        Addresses::new("12 Le Loi", "45 Hai Ba Trung"),
        Goods::new("electronics", "speaker", 1),
        Amounts::new(0, 1_500_000, premium),
        Utc.with_ymd_and_hms(2026, 11, 23, 6, 5, 0).unwrap(),
    )
}

pub fn tracking(tracking_number: &str) -> TrackingDetailRequest {
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 15, 0).unwrap();
    TrackingDetailRequest::new(
        tracking_number,
        DeliveryStatus::InDelivery,
        vec![TrackingEvent::new(at)],
    )
}

pub fn cancel(tracking_number: &str, policy: &str) -> CancelDeliveryRequest {
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    CancelDeliveryRequest::new(
        tracking_number,
        PolicyId::new(policy),
        "cs.agent",
        "customer request",
        at,
    )
}

pub fn success_body() -> Value {
    json!({"status": "success", "message": "ok", "policy_id": "POL-1", "url_certificate": "https://c.example/POL-1.pdf"})
}

/// A builder against an in-memory transport answering every call with `body`.
pub fn mock_builder(key: &str, body: Value) -> (ShipInsureClientBuilder, MockTransport) {
    let mock = MockTransport::new();
    mock.fallback(move |_| Ok(json_response(200, &body)));
    let builder = ShipInsureClient::builder(EnvironmentConfig::staging(
        "https://staging.shipinsure.example",
        key,
    ))
    .transport(Arc::new(mock.clone()));
    (builder, mock)
}

pub fn mock_client(key: &str) -> (ShipInsureClient, MockTransport) {
    let (builder, mock) = mock_builder(key, success_body());
    (builder.build().unwrap(), mock)
}

/// The JSON body of the n-th request the mock received.
pub fn sent_body(mock: &MockTransport, n: usize) -> Value {
    mock.requests()[n].json_body().expect("a JSON body")
}
