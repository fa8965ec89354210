//! Records fixtures from the sandbox: runs the tour with recording on and writes one fixture
//! per operation it reached to `OUT/VENDOR/OPERATION.json` (a successful call where there was
//! one). `cargo xtask fixtures --record` runs this, then normalises and redacts the files and
//! compares them with the committed fixtures.
//!
//! ```sh
//! cargo run -p partner-sandbox --example record -- target/recorded-fixtures [VENDOR...]
//! ```

use std::collections::BTreeMap;
use std::path::PathBuf;

use partner_sandbox::recording::Exchange;
use partner_sandbox::{Sandbox, Vendor};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().ok_or("usage: record OUT_DIR [VENDOR...]")?);
    let vendors: Vec<Vendor> = args.map(|a| a.parse()).collect::<Result<_, _>>()?;
    let mut builder = Sandbox::builder().record(true);
    if !vendors.is_empty() {
        builder = builder.only(&vendors);
    }
    let mut tour = Vec::new();
    let sandbox = partner_sandbox::tour::run_with(builder, &mut tour).await?;
    for vendor in sandbox.vendors() {
        let mut chosen: BTreeMap<&str, Exchange> = BTreeMap::new();
        for exchange in sandbox.recorded(vendor) {
            let name = exchange.operation.name;
            let better = match chosen.get(name) {
                None => true,
                Some(kept) => {
                    !(200..300).contains(&kept.status) && (200..300).contains(&exchange.status)
                }
            };
            if better {
                chosen.insert(name, exchange);
            }
        }
        let dir = out.join(vendor.name());
        std::fs::create_dir_all(&dir)?;
        for (name, exchange) in &chosen {
            let text = serde_json::to_string_pretty(&exchange.to_fixture(vendor.name()))?;
            std::fs::write(dir.join(format!("{name}.json")), text + "\n")?;
        }
        let missed: Vec<&str> = vendor
            .operations()
            .iter()
            .map(|o| o.name)
            .filter(|n| !chosen.contains_key(n))
            .collect();
        println!(
            "{vendor}: recorded {} of {} operations{}",
            chosen.len(),
            vendor.operations().len(),
            if missed.is_empty() {
                String::new()
            } else {
                format!("; the tour does not reach {}", missed.join(", "))
            }
        );
    }
    Ok(())
}
