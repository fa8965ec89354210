//! Helpers shared by the integration tests: a token answer and clients on a mock transport.

#![allow(dead_code)] // each test file uses a different subset

pub mod decode;

use std::sync::Arc;

use carfix_client::AffiliateClient;
use partner_core::mock::MockTransport;
use serde_json::json;

/// The body of a successful 2.1/2.2 login.
pub fn token(lifetime_secs: f64, token: &str) -> serde_json::Value {
    json!({"access_token": token, "token_type": "bearer", "expires_in": lifetime_secs, "scope": "", "schema": ""})
}

/// An Affiliate client whose requests go to `mock`.
pub fn mock_affiliate(mock: &MockTransport) -> AffiliateClient {
    AffiliateClient::builder()
        .base_url("https://carfix.example")
        .credentials("CARFIX-REFERRED", "k3y-s3cret")
        .transport(Arc::new(mock.clone()))
        .build()
        .unwrap()
}

/// The `authorization` header of a recorded request ("" when absent).
pub fn auth_header(req: &partner_core::HttpRequest) -> String {
    req.headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}
