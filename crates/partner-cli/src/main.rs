//! `partner`: one command-line tool over the five partner API clients (CarFix, Jifeline,
//! Claire, BigFix, shipinsure), for the people who operate integrations: look a case up,
//! check an Excel sheet before it goes to BigFix, watch Claire's webhooks arrive, or try a
//! call against the embedded sandbox, without writing Rust.
//!
//! See the crate README for commands, profiles, environment variables and exit codes.

mod args;
mod bigfix;
mod carfix;
mod claire;
mod cli;
mod config;
mod context;
mod coverage;
mod error;
mod jifeline;
mod output;
mod shipinsure;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print to stdout and succeed; usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                error::code::USAGE
            } else {
                error::code::OK
            });
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: runtime: {e}");
            return ExitCode::from(error::code::OTHER);
        }
    };
    match runtime.block_on(cli::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.code)
        }
    }
}
