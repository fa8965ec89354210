//! One error type for the whole tool: a one-line message and an exit code scripts can rely on.
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success |
//! | 1 | anything else (a bug, an I/O failure writing the output) |
//! | 2 | usage: bad arguments, unreadable input file, body that is not JSON |
//! | 3 | validation: the input broke a documented rule; nothing was sent |
//! | 4 | authentication: the vendor refused the credentials (401/403, failed login) |
//! | 5 | vendor error: any other refusal (4xx/5xx, a 2xx saying failure, rate limit, bad answer) |
//! | 6 | network: connect failure or timeout; the request may or may not have arrived |
//! | 7 | configuration: missing or bad profile, base URL, credential, unsafe config file |

use std::fmt;

use partner_core::{Error, ValidationErrors};

/// Exit codes (documented in `partner --help`, the README and the man page).
pub mod code {
    /// Success.
    pub const OK: u8 = 0;
    /// Anything not covered below.
    pub const OTHER: u8 = 1;
    /// Bad arguments or unreadable input.
    pub const USAGE: u8 = 2;
    /// The input broke a documented rule; nothing was sent.
    pub const VALIDATION: u8 = 3;
    /// Credentials refused.
    pub const AUTH: u8 = 4;
    /// The vendor refused or failed the call.
    pub const VENDOR: u8 = 5;
    /// Connect failure or timeout.
    pub const NETWORK: u8 = 6;
    /// Bad or missing configuration.
    pub const CONFIG: u8 = 7;
}

/// The exit code table as printed at the end of `partner --help`.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  success
  1  other failure (I/O writing output, internal error)
  2  usage: bad arguments, unreadable input file, body that is not valid JSON
  3  validation: the input broke a documented rule (every violation is listed); nothing was sent
  4  authentication: credentials refused (HTTP 401/403, failed login)
  5  vendor error: HTTP 4xx/5xx, a success answer saying failure, rate limited, unexpected answer
  6  network: could not connect, or timed out (the request may have arrived)
  7  configuration: missing or bad profile, base URL or credential; unsafe config file";

/// A failure of one command: what to print and how to exit.
#[derive(Debug)]
pub struct CliError {
    /// Exit code (see [`code`]).
    pub code: u8,
    /// The operation or step that failed (`GetCaseDetails`, `config`, `sheet check`).
    pub operation: String,
    /// What went wrong, in one line.
    pub message: String,
    /// Extra lines printed after the first (every violation of a sheet, for example).
    pub details: Vec<String>,
}

impl CliError {
    /// A new error.
    pub fn new(code: u8, operation: impl Into<String>, message: impl Into<String>) -> Self {
        CliError {
            code,
            operation: operation.into(),
            message: message.into(),
            details: Vec::new(),
        }
    }

    /// A usage error.
    pub fn usage(operation: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(code::USAGE, operation, message)
    }

    /// A configuration error.
    pub fn config(message: impl Into<String>) -> Self {
        Self::new(code::CONFIG, "config", message)
    }

    /// For an error building `vendor`'s client: configuration problems become `config`
    /// errors saying where settings come from.
    pub fn configuring(self, vendor: &str) -> Self {
        if self.code != code::CONFIG {
            return self;
        }
        let message = self
            .message
            .strip_prefix("configuration error: ")
            .unwrap_or(&self.message)
            .to_owned();
        let message = if message.starts_with(vendor) {
            message
        } else {
            format!("{vendor}: {message}")
        };
        CliError::config(format!(
            "{message} (set it in the profile or its environment variable; see `partner config show`)"
        ))
    }

    /// Adds detail lines.
    pub fn with_details(mut self, details: Vec<String>) -> Self {
        self.details = details;
        self
    }

    /// A client error, for the operation `op` (used when the error itself names none).
    pub fn from_core(op: &str, e: &Error) -> Self {
        let code = match e {
            Error::Config(_) => code::CONFIG,
            Error::Validation(_) | Error::Encode { .. } => code::VALIDATION,
            Error::Auth { .. } => code::AUTH,
            Error::Transport { .. } => code::NETWORK,
            Error::Status { .. }
            | Error::Decode { .. }
            | Error::RateLimited { .. }
            | Error::Rejected { .. } => code::VENDOR,
            // Variants added to partner-core later (a deadline, say): judged by their
            // retryability, which is what scripts care about.
            other if other.is_retryable() => code::NETWORK,
            _ => code::VENDOR,
        };
        let mut err = CliError::new(code, op, strip_operation(op, &e.to_string()));
        if let Error::Validation(v) = e {
            err = validation(op, v);
        }
        err
    }
}

/// A validation error listing every violation: the first line says how many, the details
/// name each field and rule.
pub fn validation(op: &str, v: &ValidationErrors) -> CliError {
    let n = v.violations().len();
    let first = v
        .violations()
        .first()
        .map(ToString::to_string)
        .unwrap_or_default();
    let message = if n == 1 {
        format!("invalid input: {first}")
    } else {
        format!("invalid input, {n} violations (first: {first})")
    };
    let details = if n > 1 {
        v.violations().iter().map(|x| format!("  {x}")).collect()
    } else {
        Vec::new()
    };
    CliError::new(code::VALIDATION, op, message).with_details(details)
}

/// Drops a leading `op: ` the error's own text repeats.
fn strip_operation(op: &str, text: &str) -> String {
    text.strip_prefix(op)
        .and_then(|rest| rest.strip_prefix(": "))
        .unwrap_or(text)
        .to_owned()
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}: {}", self.operation, self.message)?;
        for line in &self.details {
            write!(f, "\n{line}")?;
        }
        Ok(())
    }
}

/// Maps a vendor crate's error to a [`CliError`] for the operation the command runs.
pub trait IntoCli<T> {
    /// Converts the error side.
    fn cli(self, op: &str) -> Result<T, CliError>;
}

impl<T> IntoCli<T> for Result<T, Error> {
    fn cli(self, op: &str) -> Result<T, CliError> {
        self.map_err(|e| CliError::from_core(op, &e))
    }
}

impl<T> IntoCli<T> for Result<T, bigfix_client::BigfixError> {
    fn cli(self, op: &str) -> Result<T, CliError> {
        self.map_err(|e| bigfix(op, &e))
    }
}

impl<T> IntoCli<T> for Result<T, shipinsure_client::ShipInsureError> {
    fn cli(self, op: &str) -> Result<T, CliError> {
        self.map_err(|e| shipinsure(op, &e))
    }
}

/// Maps a ShipInsure error: a duplicate submit and an already-cancelled policy are vendor
/// answers (exit 5) with their own one-line text.
pub fn shipinsure(op: &str, e: &shipinsure_client::ShipInsureError) -> CliError {
    use shipinsure_client::ShipInsureError;
    match e {
        ShipInsureError::Core(core) => CliError::from_core(op, core),
        other => CliError::new(code::VENDOR, op, strip_operation(op, &other.to_string())),
    }
}

/// Maps a BigFix error (its own 400/404/409 and workbook problems besides the core ones).
pub fn bigfix(op: &str, e: &bigfix_client::BigfixError) -> CliError {
    use bigfix_client::{BigfixError, SheetError};
    match e {
        BigfixError::Core(core) => CliError::from_core(op, core),
        BigfixError::Sheet(SheetError::Rows(v)) => validation(op, v),
        BigfixError::Sheet(SheetError::Io(io)) => CliError::usage(op, io.to_string()),
        BigfixError::Sheet(other) => CliError::new(code::VALIDATION, op, other.to_string()),
        BigfixError::PartialUpload { source, .. } => {
            let inner = bigfix(op, source);
            CliError::new(inner.code, op, strip_operation(op, &e.to_string()))
        }
        other => CliError::new(code::VENDOR, op, strip_operation(op, &other.to_string())),
    }
}
