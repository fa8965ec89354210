//! The one error type every vendor client returns, and its parts.
//!
//! Errors say what went wrong, for which operation, and whether the request may have reached
//! the vendor (so callers know whether a create might have happened). They never carry a
//! secret: bodies are cut to a bounded excerpt and headers are not kept at all.

use std::fmt;
use std::time::Duration;

use crate::ratelimit::Quota;
use crate::validation::ValidationErrors;

/// A boxed error used as the source of transport failures.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// The longest body excerpt kept in an error, in bytes.
pub const EXCERPT_LIMIT: usize = 512;

/// Everything a vendor client call can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The client was configured wrongly (bad base URL, unknown operation, missing credential).
    #[error("configuration error: {0}")]
    Config(#[from] ConfigError),

    /// The input was checked before sending and broke one or more documented rules.
    #[error(transparent)]
    Validation(#[from] ValidationErrors),

    /// The request could not be encoded (for example a value serde could not serialise).
    #[error("{operation}: could not encode the request: {message}")]
    Encode {
        /// Operation name from the vendor's operation table.
        operation: &'static str,
        /// What failed.
        message: String,
    },

    /// The request did not get an HTTP answer: connect failure, timeout, broken connection.
    #[error("{operation}: {kind} ({sent})")]
    Transport {
        /// Operation name.
        operation: &'static str,
        /// What kind of failure.
        kind: TransportErrorKind,
        /// Whether the vendor may have received the request.
        sent: RequestSent,
        /// The underlying error.
        #[source]
        source: BoxError,
    },

    /// The vendor answered with a non-success status.
    #[error("{operation}: HTTP {status}: {message}")]
    Status {
        /// Operation name.
        operation: &'static str,
        /// HTTP status code.
        status: u16,
        /// The vendor's own message when one could be read, else the reason phrase.
        message: String,
        /// The start of the body, at most [`EXCERPT_LIMIT`] bytes.
        body_excerpt: String,
    },

    /// The response body did not have the documented shape (or was not JSON at all, or
    /// empty). The vendor answered, so the request was received.
    #[error("{operation}: could not decode the {}answer{}: {message} (body: {excerpt})",
        status.map(|s| format!("HTTP {s} ")).unwrap_or_default(),
        if path.is_empty() || path == "." { String::new() } else { format!(" at `{path}`") })]
    Decode {
        /// Operation name from the vendor's operation table.
        operation: &'static str,
        /// JSON path of the field that failed, such as `data.items[3].price` (empty when the
        /// body is not JSON at all).
        path: String,
        /// What went wrong: serde's message, or "expected JSON, got text/html, 5,120 bytes",
        /// or "empty body".
        message: String,
        /// A bounded excerpt of the body around the failure.
        excerpt: String,
        /// The HTTP status of the answer, when decoding an HTTP answer.
        status: Option<u16>,
        /// The answer's `Content-Type`, when it had one.
        content_type: Option<String>,
    },

    /// The answer was larger than the client's limit and was not read into memory.
    #[error("{operation}: the answer is larger than the limit of {limit} bytes (request received)")]
    ResponseTooLarge {
        /// Operation name.
        operation: &'static str,
        /// The limit in effect (`max_response_bytes`).
        limit: usize,
        /// The HTTP status of the answer.
        status: u16,
    },

    /// The call's deadline passed (over every attempt, backoff and quota wait).
    #[error("{operation}: no answer within the deadline of {}s ({sent})", deadline.as_secs_f64())]
    Timeout {
        /// Operation name.
        operation: &'static str,
        /// The deadline that passed.
        deadline: Duration,
        /// Whether the vendor may have received the request.
        sent: RequestSent,
    },

    /// Credentials were refused (401/403), or logging in failed.
    #[error("{operation}: authentication failed: {message}")]
    Auth {
        /// Operation name.
        operation: &'static str,
        /// HTTP status when the vendor answered.
        status: Option<u16>,
        /// The vendor's message, never the credential.
        message: String,
    },

    /// The vendor's rate limit stopped the call and retrying was not possible within the policy.
    #[error("{operation}: rate limited{}", retry_after.map(|d| format!(", retry after {}s", d.as_secs_f64())).unwrap_or_default())]
    RateLimited {
        /// Operation name.
        operation: &'static str,
        /// When the vendor said to retry (or when the tracked quota resets).
        retry_after: Option<Duration>,
        /// The last quota the vendor reported.
        quota: Option<Quota>,
        /// `Yes` when the vendor answered 429; `No` when the client stopped before sending
        /// because the tracked quota is spent and its reset lies beyond the deadline.
        sent: RequestSent,
    },

    /// The vendor answered 2xx but its body says the call failed.
    #[error("{operation}: the vendor rejected the request{}: {message}", code.as_ref().map(|c| format!(" ({c})")).unwrap_or_default())]
    Rejected {
        /// Operation name.
        operation: &'static str,
        /// The vendor's status or error code, when it gives one.
        code: Option<String>,
        /// The vendor's message.
        message: String,
    },
}

impl Error {
    /// True when sending the same request again may succeed (timeouts, connection failures,
    /// 408, 429, 500, 502, 503, 504). Whether it is *safe* to resend is a separate question:
    /// see [`Error::request_sent`].
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport { kind, .. } => kind.is_retryable(),
            Error::Status { status, .. } => crate::retry::is_retryable_status(*status),
            Error::RateLimited { .. } | Error::Timeout { .. } => true,
            _ => false,
        }
    }

    /// Whether the vendor may have received the request. `No` means it surely did not.
    pub fn request_sent(&self) -> RequestSent {
        match self {
            Error::Config(_) | Error::Validation(_) | Error::Encode { .. } => RequestSent::No,
            Error::Transport { sent, .. }
            | Error::Timeout { sent, .. }
            | Error::RateLimited { sent, .. } => *sent,
            _ => RequestSent::Yes,
        }
    }

    /// The HTTP status when the vendor answered with one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Status { status, .. } | Error::ResponseTooLarge { status, .. } => Some(*status),
            Error::Auth { status, .. } | Error::Decode { status, .. } => *status,
            Error::RateLimited { sent, .. } => (*sent == RequestSent::Yes).then_some(429),
            _ => None,
        }
    }

    /// True for a 404 answer.
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// The validation failures, when this is a validation error.
    pub fn validation(&self) -> Option<&ValidationErrors> {
        match self {
            Error::Validation(v) => Some(v),
            _ => None,
        }
    }

    /// A decode error for `operation`, built from a serde_path_to_error failure.
    pub(crate) fn decode(
        operation: &'static str,
        err: serde_path_to_error::Error<serde_json::Error>,
        body: &[u8],
    ) -> Self {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let excerpt = excerpt_around(body, inner.line(), inner.column());
        Error::Decode {
            operation,
            path,
            message: inner.to_string(),
            excerpt,
            status: None,
            content_type: None,
        }
    }

    /// Adds the HTTP status and content type of the answer to a decode error; other errors
    /// pass through.
    pub fn with_answer(mut self, answer_status: u16, answer_type: Option<&str>) -> Self {
        if let Error::Decode {
            status,
            content_type,
            ..
        } = &mut self
        {
            *status = Some(answer_status);
            *content_type = answer_type.map(str::to_owned);
        }
        self
    }
}

/// What kind of transport failure happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The connection could not be opened (DNS, refused, TLS handshake).
    Connect,
    /// The connect or total timeout elapsed.
    Timeout,
    /// The connection broke while sending or reading the body.
    Body,
    /// The status line arrived, then the body broke off: the vendor surely received the
    /// request ("answer cut short").
    CutShort,
    /// The answer was larger than the client's limit and was not read.
    TooLarge,
    /// Anything else reqwest reported.
    Other,
}

impl TransportErrorKind {
    /// Whether sending again may help (not for oversized answers or unknown failures).
    pub fn is_retryable(self) -> bool {
        matches!(
            self,
            TransportErrorKind::Connect
                | TransportErrorKind::Timeout
                | TransportErrorKind::Body
                | TransportErrorKind::CutShort
        )
    }
}

impl fmt::Display for TransportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TransportErrorKind::Connect => "could not connect",
            TransportErrorKind::Timeout => "timed out",
            TransportErrorKind::Body => "connection broken",
            TransportErrorKind::CutShort => "answer cut short",
            TransportErrorKind::TooLarge => "answer larger than the limit",
            TransportErrorKind::Other => "transport error",
        })
    }
}

/// Whether a request may have reached the vendor. Ordered: `No < Maybe < Yes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RequestSent {
    /// Surely not sent: safe to send again even when it creates something.
    No,
    /// Possibly received (for example a timeout after the request was written).
    Maybe,
    /// The vendor answered.
    Yes,
}

impl fmt::Display for RequestSent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RequestSent::No => "request not sent",
            RequestSent::Maybe => "request may have been received",
            RequestSent::Yes => "request received",
        })
    }
}

/// Configuration mistakes, found when a client is built or an operation resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The base URL could not be parsed or has a query/fragment.
    #[error("invalid base URL `{url}`: {reason}")]
    InvalidBaseUrl {
        /// The URL as given.
        url: String,
        /// Why it was refused.
        reason: String,
    },
    /// Plain http to a host that is not loopback.
    #[error("base URL `{url}` must use https (plain http is allowed only for loopback hosts)")]
    InsecureBaseUrl {
        /// The URL as given.
        url: String,
    },
    /// No base URL was given and the vendor documents none.
    #[error("no base URL configured for {vendor}")]
    MissingBaseUrl {
        /// Vendor name.
        vendor: &'static str,
    },
    /// A path override or call named an operation the vendor does not declare.
    #[error("unknown operation `{name}` for {vendor}")]
    UnknownOperation {
        /// Vendor name.
        vendor: &'static str,
        /// The name given.
        name: String,
    },
    /// A path template referred to a parameter the call did not supply.
    #[error("operation `{operation}`: path `{path}` needs parameter `{param}`")]
    MissingPathParam {
        /// Operation name.
        operation: &'static str,
        /// The path template.
        path: String,
        /// The missing parameter.
        param: String,
    },
    /// The call needs a credential that was not configured.
    #[error("operation `{operation}` needs {credential}, which is not configured")]
    MissingCredential {
        /// Operation name.
        operation: &'static str,
        /// Which credential.
        credential: &'static str,
    },
    /// A setting the client cannot work without is missing or blank (such as a signing key).
    #[error("{vendor}: `{setting}` is missing or blank")]
    MissingSetting {
        /// Vendor name.
        vendor: &'static str,
        /// Which setting.
        setting: &'static str,
    },
    /// A header name or value is not valid HTTP.
    #[error("invalid header `{name}`")]
    InvalidHeader {
        /// Header name.
        name: String,
    },
    /// The HTTP client could not be built.
    #[error("could not build the HTTP client: {0}")]
    HttpClient(String),
}

/// A bounded, lossy UTF-8 excerpt of a body, cut on a character boundary.
pub fn excerpt(body: &[u8], limit: usize) -> String {
    let text = String::from_utf8_lossy(body);
    if text.len() <= limit {
        return text.into_owned();
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// An excerpt of at most [`EXCERPT_LIMIT`] bytes centred on a (1-based) line and column.
fn excerpt_around(body: &[u8], line: usize, column: usize) -> String {
    let text = String::from_utf8_lossy(body);
    let offset: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        + column.saturating_sub(1);
    let half = EXCERPT_LIMIT / 2;
    let mut start = offset.saturating_sub(half).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + EXCERPT_LIMIT).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_is_bounded_and_char_safe() {
        let body = "é".repeat(600);
        let e = excerpt(body.as_bytes(), 11);
        assert_eq!(e, format!("{}…", "é".repeat(5)));
        assert_eq!(excerpt(b"short", 10), "short");
    }

    #[test]
    fn excerpt_around_points_at_the_failure() {
        let mut body = "x".repeat(2000);
        body.push_str("HERE");
        let e = excerpt_around(body.as_bytes(), 1, 2001);
        assert!(e.contains("HERE"));
        assert!(e.chars().count() <= EXCERPT_LIMIT + 2);
    }
}
