//! Live smoke test: safe calls only, against a Jifeline environment or the sandbox.
//!
//! Ignored by `cargo test`; `cargo xtask contract-test --live` runs it when
//! `JIFELINE_BASE_URL`, `JIFELINE_CONNECTOR_UUID` and `JIFELINE_PINCODE` are set. It logs in
//! and reads the vehicle catalogue; nothing is created.

use jifeline_client::{Credentials, JifelineClient};

fn var(name: &str) -> Result<String, String> {
    std::env::var(name)
        .ok()
        .filter(|v| !v.trim().is_empty())
        .ok_or(format!("{name} is not set"))
}

#[tokio::test]
#[ignore = "live: needs JIFELINE_BASE_URL, JIFELINE_CONNECTOR_UUID, JIFELINE_PINCODE (cargo xtask contract-test --live)"]
async fn live_safe_calls() -> Result<(), Box<dyn std::error::Error>> {
    let uuid = var("JIFELINE_CONNECTOR_UUID")?.parse()?;
    let client = JifelineClient::builder()
        .base_url(var("JIFELINE_BASE_URL")?)
        .credentials(Credentials::connector_uuid(uuid, var("JIFELINE_PINCODE")?))
        .build()?;
    let makes = client.vehicles().makes().limit(10).send().await?;
    println!(
        "jifeline: logged in, {} makes on the first page (total {:?})",
        makes.result.len(),
        makes.total
    );
    Ok(())
}
