//! Live smoke test: safe calls only, against Claire or the sandbox.
//!
//! Ignored by `cargo test`; `cargo xtask contract-test --live` runs it when `CLAIRE_BASE_URL`
//! and `CLAIRE_API_KEY` are set. It reads locations, webhooks and triggers; nothing is created.

use claire_client::{ClaireClient, SecretString};

fn var(name: &str) -> Result<String, String> {
    std::env::var(name)
        .ok()
        .filter(|v| !v.trim().is_empty())
        .ok_or(format!("{name} is not set"))
}

#[tokio::test]
#[ignore = "live: needs CLAIRE_BASE_URL, CLAIRE_API_KEY (cargo xtask contract-test --live)"]
async fn live_safe_calls() -> Result<(), Box<dyn std::error::Error>> {
    let client = ClaireClient::builder()
        .base_url(var("CLAIRE_BASE_URL")?)
        .api_key(SecretString::from(var("CLAIRE_API_KEY")?))
        .build()?;
    let locations = client.locations().list().await?;
    let triggers = client.webhooks().triggers().await?;
    let webhooks = client.webhooks().list().await?;
    println!(
        "claire: {} locations, {} triggers, {} webhooks; quota {:?}",
        locations.len(),
        triggers.len(),
        webhooks.len(),
        client.quota().and_then(|q| q.remaining)
    );
    Ok(())
}
