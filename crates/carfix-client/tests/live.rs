//! Live smoke test: safe calls only, against a CarFix test environment or the sandbox.
//!
//! Ignored by `cargo test`; `cargo xtask contract-test --live` runs it when the variables are
//! set: `CARFIX_BASE_URL`, `CARFIX_AFFILIATE_USERNAME`, `CARFIX_AFFILIATE_KEY`, and optionally
//! `CARFIX_WORKSHOP_USERNAME`, `CARFIX_WORKSHOP_KEY` for the Workshop API. Nothing is created.

use carfix_client::{AffiliateClient, WorkshopClient};

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

#[tokio::test]
#[ignore = "live: needs CARFIX_BASE_URL, CARFIX_AFFILIATE_USERNAME, CARFIX_AFFILIATE_KEY (cargo xtask contract-test --live)"]
async fn live_safe_calls() -> Result<(), Box<dyn std::error::Error>> {
    let base = var("CARFIX_BASE_URL").ok_or("CARFIX_BASE_URL is not set")?;
    let user = var("CARFIX_AFFILIATE_USERNAME").ok_or("CARFIX_AFFILIATE_USERNAME is not set")?;
    let key = var("CARFIX_AFFILIATE_KEY").ok_or("CARFIX_AFFILIATE_KEY is not set")?;
    let affiliate = AffiliateClient::builder()
        .base_url(&base)
        .credentials(user, key)
        .build()?;
    affiliate.test().await?;
    let states = affiliate.lookups().states().await?;
    println!(
        "carfix affiliate: credentials accepted, {} states",
        states.len()
    );

    if let (Some(user), Some(key)) = (var("CARFIX_WORKSHOP_USERNAME"), var("CARFIX_WORKSHOP_KEY")) {
        let workshop = WorkshopClient::builder()
            .base_url(&base)
            .credentials(user, key)
            .build()?;
        let trucks = workshop.trucks().list().await?;
        let drivers = workshop.drivers().list().await?;
        println!(
            "carfix workshop: {} trucks, {} drivers",
            trucks.len(),
            drivers.len()
        );
    }
    Ok(())
}
