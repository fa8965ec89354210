//! `partner-sandbox`: serves all five partner APIs on 127.0.0.1 until Ctrl-C.
//!
//! ```sh
//! cargo run -p partner-sandbox                  # ephemeral ports
//! cargo run -p partner-sandbox -- --base-port 7100   # vendors on 7100, 7101, ...
//! ```

use std::process::ExitCode;

use partner_sandbox::{Sandbox, Vendor};

const USAGE: &str = "usage: partner-sandbox [--base-port PORT] [--seed N]";

fn parse_args() -> Result<(Option<u16>, Option<u64>), String> {
    let mut base_port = None;
    let mut seed = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--base-port" => {
                let v = value("--base-port")?;
                base_port = Some(v.parse().map_err(|e| format!("--base-port {v}: {e}"))?);
            }
            "--seed" => {
                let v = value("--seed")?;
                seed = Some(v.parse().map_err(|e| format!("--seed {v}: {e}"))?);
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok((base_port, seed))
}

#[tokio::main]
async fn main() -> ExitCode {
    let (base_port, seed) = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let mut builder = Sandbox::builder();
    if let Some(seed) = seed {
        builder = builder.seed(seed);
    }
    if let Some(base) = base_port {
        for (i, vendor) in Vendor::ALL.into_iter().enumerate() {
            let Some(port) = u16::try_from(i).ok().and_then(|i| base.checked_add(i)) else {
                eprintln!("--base-port {base} leaves no room for {vendor}");
                return ExitCode::from(2);
            };
            builder = builder.port(vendor, port);
        }
    }
    let sandbox = match builder.start().await {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!("partner-sandbox: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("partner-sandbox is serving (Ctrl-C to stop):");
    for vendor in sandbox.vendors() {
        println!("\n{vendor}\n  base URL: {}", sandbox.base_url(vendor));
        for (name, value) in sandbox.credentials(vendor) {
            println!("  {name}: {value}");
        }
    }
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("partner-sandbox: cannot wait for Ctrl-C: {error}");
        return ExitCode::FAILURE;
    }
    println!("\nstopping");
    drop(sandbox);
    ExitCode::SUCCESS
}
