//! Live smoke test: safe calls only, against BigFix or the sandbox.
//!
//! Ignored by `cargo test`; `cargo xtask contract-test --live` runs it when `BIGFIX_API_KEY`
//! is set (`BIGFIX_BASE_URL` defaults to the documented host). It downloads the bulk template
//! and checks its header row against what this crate writes; nothing is created.

use bigfix_client::{BigfixClient, SecretString};

#[tokio::test]
#[ignore = "live: needs BIGFIX_API_KEY, optionally BIGFIX_BASE_URL (cargo xtask contract-test --live)"]
async fn live_safe_calls() -> Result<(), Box<dyn std::error::Error>> {
    let key = std::env::var("BIGFIX_API_KEY").map_err(|_| "BIGFIX_API_KEY is not set")?;
    let mut builder = BigfixClient::builder().api_key(SecretString::from(key));
    if let Ok(base) = std::env::var("BIGFIX_BASE_URL") {
        builder = builder.base_url(base);
    }
    let client = builder.build()?;
    let template = client.template().download().await?;
    template.check_header()?;
    println!(
        "bigfix: template of {} bytes, header matches this crate's sheet",
        template.bytes.len()
    );
    Ok(())
}
