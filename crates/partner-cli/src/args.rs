//! Arguments several commands share: request bodies from files or stdin, list paging, and
//! dates and times.

use std::io::Read;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::de::DeserializeOwned;

use crate::error::{CliError, code};

/// `--body FILE.json` (`-` reads stdin).
#[derive(Debug, Clone, clap::Args)]
pub struct Body {
    /// The request as JSON, in the vendor's wire names (`-` reads stdin).
    #[arg(long, value_name = "FILE.json")]
    pub body: PathBuf,
}

/// `--body FILE.json`, when flags can replace it.
#[derive(Debug, Clone, clap::Args)]
pub struct OptBody {
    /// The request as JSON, in the vendor's wire names (`-` reads stdin); flags given too
    /// replace its fields.
    #[arg(long, value_name = "FILE.json")]
    pub body: Option<PathBuf>,
}

/// Reads a file, or stdin for `-`.
pub fn read_input(op: &str, path: &PathBuf) -> Result<Vec<u8>, CliError> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::usage(op, format!("cannot read stdin: {e}")))?;
        Ok(bytes)
    } else {
        std::fs::read(path)
            .map_err(|e| CliError::usage(op, format!("cannot read {}: {e}", path.display())))
    }
}

/// Decodes a body file into the crate's typed request model, naming the field that does not
/// fit. Syntax errors are usage errors (2); a value of the wrong shape is a validation error
/// (3), like a rule the client checks.
pub fn read_body<T: DeserializeOwned>(op: &str, path: &PathBuf) -> Result<T, CliError> {
    let bytes = read_input(op, path)?;
    decode(op, &bytes, &path.display().to_string())
}

/// Decodes JSON bytes into `T` (see [`read_body`]).
pub fn decode<T: DeserializeOwned>(op: &str, bytes: &[u8], source: &str) -> Result<T, CliError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize(de) {
        Ok(v) => Ok(v),
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            if inner.is_syntax() || inner.is_eof() || inner.is_io() {
                Err(CliError::usage(
                    op,
                    format!("{source} is not valid JSON: {inner}"),
                ))
            } else {
                Err(CliError::new(
                    code::VALIDATION,
                    op,
                    format!("invalid input: `{path}` {inner} (in {source})"),
                ))
            }
        }
    }
}

/// Paging of list commands. Without `--all` or `--limit` one page is fetched.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Paging {
    /// Every item, fetching pages lazily as they are printed.
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
    /// At most N items, fetching only the pages needed.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Items to skip first.
    #[arg(long, value_name = "N")]
    pub offset: Option<u64>,
    /// Items per page requested from the vendor.
    #[arg(long, value_name = "N")]
    pub page_size: Option<u32>,
}

/// Parses `2026-12-01`.
pub fn date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

/// Parses `2026-12-01T08:30:00Z` (RFC 3339) or a local `2026-12-01T08:30:00` taken as UTC.
pub fn instant(s: &str) -> Result<DateTime<Utc>, String> {
    let s = s.trim();
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .or_else(|_| local(s).map(|t| t.and_utc()))
        .map_err(|_| "expected an RFC 3339 time such as 2026-12-01T08:30:00Z".to_owned())
}

/// Parses `2026-12-01T08:30:00`, `2026-12-01 08:30:00` or a date (midnight).
pub fn local(s: &str) -> Result<NaiveDateTime, String> {
    let s = s.trim();
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S"))
        .or_else(|_| date(s).map(|d| d.and_time(chrono::NaiveTime::MIN)))
        .map_err(|_| "expected YYYY-MM-DDTHH:MM:SS or YYYY-MM-DD".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Demo {
        count: u32,
    }

    #[test]
    fn bodies_name_the_failing_field_and_tell_syntax_from_shape() {
        let e = decode::<Demo>("Op", br#"{"count": "x"}"#, "b.json").unwrap_err();
        assert_eq!(e.code, code::VALIDATION);
        assert!(e.message.contains("`count`"), "{}", e.message);
        let e = decode::<Demo>("Op", b"{", "b.json").unwrap_err();
        assert_eq!(e.code, code::USAGE);
    }

    #[test]
    fn times_parse() {
        assert!(instant("2026-12-01T08:30:00Z").is_ok());
        assert!(instant("2026-12-01T08:30:00").is_ok());
        assert!(local("2026-12-01").is_ok());
        assert!(date("01/12/2026").is_err());
    }
}
