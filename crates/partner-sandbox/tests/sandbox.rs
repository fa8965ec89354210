//! The sandbox as a whole: every vendor on its own port with credentials, every operation
//! of every client table routed, and the servers gone once the handle drops.

use std::time::Duration;

use partner_sandbox::{FaultConfig, Sandbox, Vendor};

fn tables() -> [(Vendor, &'static [partner_core::Operation]); 5] {
    [
        (Vendor::BigFix, bigfix_client::OPERATIONS),
        (Vendor::CarFix, carfix_client::OPERATIONS),
        (Vendor::Claire, claire_client::OPERATIONS),
        (Vendor::Jifeline, jifeline_client::OPERATIONS),
        (Vendor::ShipInsure, shipinsure_client::OPERATIONS),
    ]
}

#[tokio::test]
async fn every_vendor_serves_every_operation_of_its_client() {
    let sandbox = Sandbox::start().await.unwrap();
    let mut urls: Vec<&str> = Vendor::ALL.iter().map(|v| sandbox.base_url(*v)).collect();
    urls.dedup();
    assert_eq!(urls.len(), 5, "one port per vendor");
    let http = reqwest::Client::new();
    for (vendor, table) in tables() {
        assert!(!sandbox.credentials(vendor).is_empty(), "{vendor}");
        for op in table {
            // Placeholders get a value of the right shape for any of them.
            let mut path = op.path.to_owned();
            while let (Some(start), Some(end)) = (path.find('{'), path.find('}')) {
                path.replace_range(start..=end, "1");
            }
            let method = reqwest::Method::from_bytes(op.method.as_str().as_bytes()).unwrap();
            let answer = http
                .request(method, format!("{}{path}", sandbox.base_url(vendor)))
                .send()
                .await
                .unwrap();
            let body = answer.text().await.unwrap();
            assert!(
                !body.contains("no operation at"),
                "{vendor} {} {path}: {body}",
                op.name
            );
        }
    }
    let unknown = http
        .get(format!("{}/nowhere", sandbox.base_url(Vendor::Claire)))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
}

#[tokio::test]
async fn dropping_the_sandbox_stops_the_servers() {
    let sandbox = Sandbox::builder()
        .only(&[Vendor::ShipInsure])
        .start()
        .await
        .unwrap();
    let url = format!(
        "{}/api/v1/sme-delivery/submit",
        sandbox.base_url(Vendor::ShipInsure)
    );
    // A fresh client per request: an idle pooled connection would outlive the listener.
    let fresh = || {
        reqwest::Client::builder()
            .pool_max_idle_per_host(0)
            .build()
            .unwrap()
    };
    assert!(fresh().post(&url).send().await.is_ok());
    drop(sandbox);
    let mut refused = false;
    for _ in 0..100 {
        if fresh().post(&url).send().await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(
        refused,
        "the server still answers after the sandbox dropped"
    );
}

#[tokio::test]
async fn invalid_fault_settings_are_refused() {
    let bad = FaultConfig {
        drop_rate: 2.0,
        ..FaultConfig::none()
    };
    assert!(
        Sandbox::builder()
            .faults(Vendor::Claire, bad.clone())
            .start()
            .await
            .is_err()
    );
    let sandbox = Sandbox::builder()
        .only(&[Vendor::Claire])
        .start()
        .await
        .unwrap();
    assert!(sandbox.faults(Vendor::Claire).set(bad).is_err());
}

#[tokio::test]
async fn faults_can_be_changed_over_http_while_running() {
    let sandbox = Sandbox::builder()
        .only(&[Vendor::ShipInsure])
        .start()
        .await
        .unwrap();
    let base = sandbox.base_url(Vendor::ShipInsure);
    let http = reqwest::Client::new();
    let control = format!("{base}/__sandbox/faults");
    let answer = http
        .put(&control)
        .json(&serde_json::json!({ "server_error_rate": 1.0 }))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    assert_eq!(
        sandbox
            .faults(Vendor::ShipInsure)
            .config()
            .server_error_rate,
        1.0
    );
    let vendor_call = http
        .post(format!("{base}/api/v1/sme-delivery/submit"))
        .send()
        .await
        .unwrap();
    assert!(
        vendor_call.status().is_server_error(),
        "every call fails now"
    );
    // The control endpoint itself is never faulted.
    let state: serde_json::Value = http
        .get(&control)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(state["stats"]["server_errors"], 1);

    let bad = http
        .put(&control)
        .json(&serde_json::json!({ "drop_rate": 3.0 }))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    http.delete(&control).send().await.unwrap();
    http.post(format!("{control}/storm?requests=2&retry_after=0"))
        .send()
        .await
        .unwrap();
    assert_eq!(sandbox.faults(Vendor::ShipInsure).queued(), 2);
    let nonsense = http
        .post(format!("{control}/storm?requests=many"))
        .send()
        .await
        .unwrap();
    assert_eq!(nonsense.status(), 400);
    assert_eq!(sandbox.faults(Vendor::ShipInsure).queued(), 2);
    let limited = http
        .post(format!("{base}/api/v1/sme-delivery/submit"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        (
            limited.status().as_u16(),
            limited.headers()["retry-after"].to_str().unwrap()
        ),
        (429, "0")
    );
}

#[tokio::test]
async fn latency_set_at_start_delays_vendor_answers_but_not_the_control_endpoint() {
    let latency = Duration::from_millis(80);
    let sandbox = Sandbox::builder()
        .only(&[Vendor::ShipInsure])
        .faults(
            Vendor::ShipInsure,
            FaultConfig {
                latency,
                ..FaultConfig::none()
            },
        )
        .start()
        .await
        .unwrap();
    let base = sandbox.base_url(Vendor::ShipInsure);
    let http = reqwest::Client::new();
    let started = std::time::Instant::now();
    let answer = http
        .post(format!("{base}/api/v1/sme-delivery/submit"))
        .send()
        .await
        .unwrap();
    assert!(answer.status().is_client_error(), "no fault but latency");
    assert!(started.elapsed() >= latency, "{:?}", started.elapsed());
    let control: serde_json::Value = http
        .get(format!("{base}/__sandbox/faults"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(control["config"]["latency_ms"], 80);
    assert_eq!(control["stats"]["requests"], 1);
}

#[tokio::test]
async fn debug_shows_where_vendors_are_served_and_no_credential() {
    let sandbox = Sandbox::builder().record(true).start().await.unwrap();
    partner_sandbox::tour::run_vendor(&sandbox, Vendor::ShipInsure, &mut Vec::new())
        .await
        .unwrap();
    let dbg = format!("{sandbox:?}");
    assert!(dbg.contains(sandbox.base_url(Vendor::Claire)), "{dbg}");
    for vendor in sandbox.vendors() {
        for (_, value) in sandbox.credentials(vendor) {
            if value.len() >= 6 {
                assert!(!dbg.contains(&value), "{vendor:?} credential in {dbg}");
            }
        }
    }
}
