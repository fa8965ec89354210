//! The command line: global options, one subcommand per vendor, and the tool's own commands
//! (config, operations, completions, man page).

use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand};

use crate::context::Ctx;
use crate::error::{CliError, EXIT_CODES_HELP};
use crate::output::Format;
use crate::{bigfix, carfix, claire, config, coverage, jifeline, shipinsure};

const AFTER_HELP: &str =
    "Run `partner operations` to see which command reaches each vendor operation.";

/// Command-line tool over the CarFix, Jifeline, Claire, BigFix and shipinsure clients.
///
/// Every documented operation of the five APIs is a subcommand (`partner carfix cases get
/// CF000001`); bodies come from flags or `--body FILE.json` (`-` for stdin) and are checked
/// against the same rules as the Rust clients before anything is sent. Results print as JSON
/// (`--output table` for lists, `--output jsonl` for streams). Settings come from a profile
/// in the config file (`partner config path`) and environment variables; `--sandbox` runs the
/// command against the embedded emulator of all five APIs instead.
#[derive(Debug, Parser)]
#[command(
    name = "partner",
    version,
    propagate_version = true,
    after_help = AFTER_HELP,
    after_long_help = EXIT_CODES_HELP,
)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: Global,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, clap::Args)]
pub struct Global {
    /// Profile to use from the config file (default: its `default_profile`, else `default`).
    #[arg(long, global = true, env = "PARTNER_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,
    /// Config file to read instead of the platform one (see `partner config path`).
    #[arg(long, global = true, env = "PARTNER_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Start the embedded sandbox (all five APIs on 127.0.0.1, demo credentials) and run the
    /// command against it; the profile and environment are ignored.
    #[arg(long, global = true)]
    pub sandbox: bool,
    /// Output format.
    #[arg(long, short = 'o', global = true, value_enum, default_value_t = Format::Json)]
    pub output: Format,
    /// Timeout of each attempt in seconds (overrides the profile's `timeout_secs`).
    #[arg(long, global = true, value_name = "SECS")]
    pub timeout: Option<u64>,
    /// Check inputs against the stricter readings of the vendor's document too (the clients'
    /// common `Strictness::Strict`), not only what it unambiguously forbids.
    #[arg(long, global = true)]
    pub strict: bool,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// CarFix Affiliate and Workshop APIs: cases, lookups, trucks, photos, fleet, claims.
    #[command(subcommand)]
    Carfix(carfix::Cmd),
    /// Jifeline Customer API: connectors, vehicles, products, tickets, employees, ...
    #[command(subcommand)]
    Jifeline(jifeline::Cmd),
    /// Claire Public API: appointments, imports, checks, locations, webhooks (and a listener).
    #[command(subcommand)]
    Claire(claire::Cmd),
    /// BigFix: repair orders, Excel sheet check and bulk upload, template, tracking.
    #[command(subcommand)]
    Bigfix(bigfix::Cmd),
    /// shipinsure: insure SME deliveries, report tracking events, cancel policies.
    #[command(subcommand)]
    Shipinsure(shipinsure::Cmd),
    /// The config file: where it is, what the selected profile holds (secrets redacted).
    #[command(subcommand)]
    Config(ConfigCmd),
    /// Every vendor operation and the command that runs it.
    Operations {
        /// Only this vendor (carfix, jifeline, claire, bigfix, shipinsure).
        vendor: Option<String>,
    },
    /// Prints a shell completion script (`partner completions bash > ~/.local/share/bash-completion/completions/partner`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Prints the man page (roff) to stdout, or writes one page per command into a directory.
    Man {
        /// Write `partner.1`, `partner-carfix.1`, ... into this directory instead.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
}

/// `partner config ...`.
#[derive(Debug, Subcommand)]
pub enum ConfigCmd {
    /// Prints the path of the config file that would be read.
    Path,
    /// Prints the selected profile after environment overrides, secrets redacted.
    Show,
}

/// Runs a parsed command line.
pub async fn run(cli: Cli) -> Result<(), CliError> {
    let Cli { global, command } = cli;
    match command {
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "partner", &mut std::io::stdout());
            Ok(())
        }
        Command::Man { out_dir } => man(out_dir),
        Command::Operations { vendor } => {
            let ctx = Ctx::offline(global.output);
            coverage::print(&ctx, vendor.as_deref())
        }
        Command::Config(ConfigCmd::Path) => {
            let path = global.config.clone().or_else(config::default_path);
            let ctx = Ctx::offline(global.output);
            ctx.out.emit(&serde_json::json!({
                "path": path.as_ref().map(|p| p.display().to_string()),
                "exists": path.as_ref().is_some_and(|p| p.exists()),
            }))
        }
        Command::Config(ConfigCmd::Show) => {
            let loaded = config::load(global.config.as_deref(), global.profile.as_deref())?;
            let ctx = Ctx::offline(global.output);
            ctx.out.emit(&serde_json::json!({
                "profile": loaded.name,
                "file": loaded.file.as_ref().map(|p| p.display().to_string()),
                "settings": loaded.profile.redacted(),
            }))
        }
        Command::Carfix(cmd) => carfix::run(cmd, &Ctx::new(&global).await?).await,
        Command::Jifeline(cmd) => jifeline::run(cmd, &Ctx::new(&global).await?).await,
        Command::Claire(cmd) => claire::run(cmd, &Ctx::new(&global).await?).await,
        Command::Bigfix(cmd) => bigfix::run(cmd, &Ctx::new(&global).await?).await,
        Command::Shipinsure(cmd) => shipinsure::run(cmd, &Ctx::new(&global).await?).await,
    }
}

fn man(out_dir: Option<PathBuf>) -> Result<(), CliError> {
    let io = |e: std::io::Error| CliError::new(crate::error::code::OTHER, "man", e.to_string());
    let cmd = Cli::command();
    match out_dir {
        None => clap_mangen::Man::new(cmd)
            .render(&mut std::io::stdout())
            .map_err(io),
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(io)?;
            write_pages(&dir, cmd, "partner").map_err(io)
        }
    }
}

/// One page per command and subcommand (`partner-carfix-cases-get.1`).
fn write_pages(dir: &std::path::Path, cmd: clap::Command, name: &str) -> std::io::Result<()> {
    let cmd = cmd.name(name.to_owned());
    let mut buffer = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut buffer)?;
    std::fs::write(dir.join(format!("{name}.1")), buffer)?;
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        write_pages(dir, sub.clone(), &format!("{name}-{}", sub.get_name()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
