//! `partner-sandbox`: serves all five partner APIs on 127.0.0.1 until Ctrl-C.
//!
//! ```sh
//! cargo run -p partner-sandbox                                # ephemeral ports
//! cargo run -p partner-sandbox -- --base-port 7100            # vendors on 7100, 7101, ...
//! cargo run -p partner-sandbox -- --faults claire=errors=0.1,latency=50ms --seed 7
//! ```
//!
//! Faults can be changed while it runs through each vendor's `/__sandbox/faults` endpoint
//! (see docs/sandbox.md).

use std::process::ExitCode;

use partner_sandbox::{FaultConfig, Sandbox, SandboxBuilder, Vendor};

const USAGE: &str =
    "usage: partner-sandbox [--base-port PORT] [--seed N] [--faults VENDOR=SETTINGS]...
  SETTINGS: latency=20ms,errors=0.1,rate-limit=0.05,retry-after=1,drop=0.02 (any subset)";

/// The builder the command line asks for.
fn parse_args(args: impl IntoIterator<Item = String>) -> Result<SandboxBuilder, String> {
    let mut builder = Sandbox::builder();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--base-port" => {
                let v = value("--base-port")?;
                let base: u16 = v.parse().map_err(|e| format!("--base-port {v}: {e}"))?;
                for (i, vendor) in Vendor::ALL.into_iter().enumerate() {
                    let port = u16::try_from(i)
                        .ok()
                        .and_then(|i| base.checked_add(i))
                        .ok_or_else(|| format!("--base-port {base} leaves no room for {vendor}"))?;
                    builder = builder.port(vendor, port);
                }
            }
            "--seed" => {
                let v = value("--seed")?;
                builder = builder.seed(v.parse().map_err(|e| format!("--seed {v}: {e}"))?);
            }
            "--faults" => {
                let v = value("--faults")?;
                let (vendor, settings) = v
                    .split_once('=')
                    .ok_or_else(|| format!("--faults {v}: expected VENDOR=SETTINGS"))?;
                let vendor: Vendor = vendor.parse().map_err(|e| format!("--faults: {e}"))?;
                let config: FaultConfig =
                    settings.parse().map_err(|e| format!("--faults {v}: {e}"))?;
                builder = builder.faults(vendor, config);
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok(builder)
}

#[tokio::main]
async fn main() -> ExitCode {
    let builder = match parse_args(std::env::args().skip(1)) {
        Ok(builder) => builder,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
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
        let faults = sandbox.faults(vendor).config();
        if faults != FaultConfig::none() {
            println!("  faults: {faults:?}");
        }
    }
    println!("\nfaults at run time: GET/PUT/DELETE <base URL>/__sandbox/faults (docs/sandbox.md)");
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("partner-sandbox: cannot wait for Ctrl-C: {error}");
        return ExitCode::FAILURE;
    }
    println!("\nstopping");
    drop(sandbox);
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn arguments_are_checked() {
        assert!(
            parse_args(args(
                "--base-port 7100 --seed 3 --faults claire=errors=0.1,latency=5ms"
            ))
            .is_ok()
        );
        assert!(
            parse_args(args("--base-port 65533")).is_err(),
            "no room for five ports"
        );
        assert!(parse_args(args("--faults nobody=errors=0.1")).is_err());
        assert!(parse_args(args("--faults claire=errors=7")).is_err());
        assert!(parse_args(args("--seed")).is_err());
        assert!(parse_args(args("--verbose")).is_err());
    }
}
