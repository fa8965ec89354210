//! The end-to-end tour: starts the sandbox embedded and walks each vendor's worked flow
//! (from its `docs/VENDOR.md`) with the real client crate, printing a short account of
//! each step. `cargo run -p partner-sandbox --example tour` runs it; a test runs it too, so
//! the tour can never rot.

mod bigfix;
mod carfix;
mod claire;
mod jifeline;
mod shipinsure;

pub(crate) use bigfix::single_order as bigfix_order;

use std::io::Write;

use crate::{Sandbox, SandboxBuilder, SandboxError, Vendor};

/// Starts a sandbox and walks every vendor's flow, writing the account to `out`.
pub async fn run(out: &mut impl Write) -> Result<(), SandboxError> {
    run_with(Sandbox::builder(), out).await.map(drop)
}

/// Starts a sandbox from `builder` (its vendors, faults, recording) and walks each served
/// vendor's flow; returns the sandbox, still running, so its state or recordings can be read.
pub async fn run_with(
    builder: SandboxBuilder,
    out: &mut impl Write,
) -> Result<Sandbox, SandboxError> {
    let sandbox = builder.start().await?;
    writeln!(
        out,
        "partner-sandbox tour: every vendor's worked flow against the local sandbox"
    )?;
    for vendor in sandbox.vendors() {
        writeln!(out, "\n== {vendor} at {} ==", sandbox.base_url(vendor))?;
        run_vendor(&sandbox, vendor, out).await?;
    }
    writeln!(out, "\ntour complete")?;
    Ok(sandbox)
}

/// Walks one vendor's flow against a running sandbox.
pub async fn run_vendor(
    sandbox: &Sandbox,
    vendor: Vendor,
    out: &mut impl Write,
) -> Result<(), SandboxError> {
    match vendor {
        Vendor::BigFix => bigfix::run(sandbox, out).await,
        Vendor::CarFix => carfix::run(sandbox, out).await,
        Vendor::Claire => claire::run(sandbox, out).await,
        Vendor::Jifeline => jifeline::run(sandbox, out).await,
        Vendor::ShipInsure => shipinsure::run(sandbox, out).await,
    }
}

/// Turns a client error into a tour failure naming the step.
fn failed<E: std::error::Error + Send + Sync + 'static>(
    vendor: Vendor,
    step: &'static str,
) -> impl FnOnce(E) -> SandboxError {
    move |e| SandboxError::Tour {
        vendor: vendor.name(),
        step,
        source: Box::new(e),
    }
}

/// A tour step that answered, but not as the sandbox should have.
pub(crate) fn unexpected(
    vendor: Vendor,
    step: &'static str,
    message: impl Into<String>,
) -> SandboxError {
    SandboxError::TourExpectation {
        vendor: vendor.name(),
        step,
        message: message.into(),
    }
}
