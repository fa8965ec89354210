//! Errors of the sandbox itself (starting servers, the tour), as opposed to the vendor
//! errors it answers with, which are HTTP responses in each vendor's documented shape.

use std::io;

/// What can go wrong running the sandbox.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SandboxError {
    /// A vendor server could not bind its port.
    #[error("could not bind the {vendor} sandbox to {addr}: {source}")]
    Bind {
        /// The vendor whose server failed.
        vendor: &'static str,
        /// The address asked for.
        addr: String,
        /// The socket error.
        #[source]
        source: io::Error,
    },
    /// A fault setting is out of range (a share outside 0..=1).
    #[error("invalid fault setting `{field}`: {reason}")]
    InvalidFault {
        /// The setting.
        field: &'static str,
        /// Why it was refused.
        reason: String,
    },
    /// A vendor name that is none of the five.
    #[error("unknown vendor `{0}` (bigfix, carfix, claire, jifeline, shipinsure)")]
    UnknownVendor(String),
    /// A vendor client failed during the tour.
    #[error("{vendor} tour step `{step}` failed: {source}")]
    Tour {
        /// The vendor being toured.
        vendor: &'static str,
        /// The step that failed.
        step: &'static str,
        /// The client error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The tour saw something other than what the sandbox should have answered.
    #[error("{vendor} tour step `{step}`: {message}")]
    TourExpectation {
        /// The vendor being toured.
        vendor: &'static str,
        /// The step.
        step: &'static str,
        /// What was expected and what came instead.
        message: String,
    },
    /// Writing the tour's account failed.
    #[error("could not write the tour: {0}")]
    Output(#[from] io::Error),
}
