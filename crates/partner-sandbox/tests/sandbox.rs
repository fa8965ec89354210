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
