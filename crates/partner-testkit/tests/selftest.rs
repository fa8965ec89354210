//! The runner itself: a passing replay, and one whose client sends the wrong body.

use partner_core::http::Method;
use partner_core::{Client, Operation, Request};
use partner_testkit::{Fixture, Replay, run_contract_with};
use serde_json::json;

const OPS: &[Operation] = &[
    Operation::new("Echo", Method::POST, "/api/echo/{id}").section("1.1"),
    Operation::new("Login", Method::POST, "/login").section("1.0"),
];

fn fixture(name: &str, op: &str, path: &str, body: serde_json::Value) -> Fixture {
    let mut f: Fixture = serde_json::from_value(json!({
        "operation": op,
        "provenance": {"source": "demo.txt", "section": "1.1"},
        "request": {"method": "POST", "path": path, "headers": {"content-type": "application/json"}, "body": body},
        "response": {"status": 200, "headers": {"content-type": "application/json"}, "body": {"ok": true, "token": "t"}}
    }))
    .unwrap();
    f.name = name.into();
    f
}

async fn call(
    fx: &Fixture,
    rp: &Replay,
    body: serde_json::Value,
) -> Result<(), partner_testkit::BoxError> {
    let login = fixture("Login", "Login", "/login", json!({"user": "u"}));
    rp.mount(&login).await;
    let client = Client::builder("demo", OPS)
        .base_url(rp.base_url())
        .build()?;
    // The support route answers without being recorded for the fixture under test.
    if fx.operation == "Echo" {
        let _: serde_json::Value = client
            .send_json(Request::new("Login").json(&json!({"user": "u"}))?)
            .await?;
        let v: serde_json::Value = client
            .send_json(Request::new("Echo").path_param("id", 7).json(&body)?)
            .await?;
        if v["ok"] != json!(true) {
            return Err("bad response".into());
        }
    } else {
        let _: serde_json::Value = client.send_json(Request::new("Login").json(&body)?).await?;
    }
    Ok(())
}

#[tokio::test]
async fn passing_contract() {
    let fixtures = vec![fixture(
        "Echo",
        "Echo",
        "/api/echo/7",
        json!({"a": 1, "secret": "<redacted>"}),
    )];
    let ops: &[Operation] = &OPS[..1];
    run_contract_with("demo", ops, fixtures, |fx: &Fixture, rp: &Replay| {
        Box::pin(async move { call(fx, rp, json!({"a": 1, "secret": "xyz"})).await })
    })
    .await;
}

#[tokio::test]
#[should_panic(expected = "fixture Echo: body.a: expected 1, sent 2")]
async fn wrong_body_is_reported() {
    let fixtures = vec![fixture("Echo", "Echo", "/api/echo/7", json!({"a": 1}))];
    run_contract_with("demo", &OPS[..1], fixtures, |fx: &Fixture, rp: &Replay| {
        Box::pin(async move { call(fx, rp, json!({"a": 2})).await })
    })
    .await;
}

#[tokio::test]
#[should_panic(expected = "operation Login: no fixture")]
async fn gaps_are_reported() {
    let fixtures = vec![fixture("Echo", "Echo", "/api/echo/7", json!({"a": 1}))];
    run_contract_with("demo", OPS, fixtures, |fx: &Fixture, rp: &Replay| {
        Box::pin(async move { call(fx, rp, json!({"a": 1})).await })
    })
    .await;
}
