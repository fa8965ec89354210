//! A vendor call as a plain value: operation, path parameters, query, headers and body.
//!
//! [`Request`] holds everything but the base URL, credentials and retry state;
//! [`crate::Client::build_request`] turns it into an [`crate::HttpRequest`] without any I/O, so
//! what a call sends (a signature, a multipart body) is testable with no network.

use std::fmt;

use bytes::Bytes;
use http::{HeaderName, HeaderValue};
use serde::Serialize;

use crate::error::{ConfigError, Error};
use crate::multipart::Multipart;

/// A request body. Its `Debug` shows the length and content type, never the bytes: a login
/// body holds a credential.
#[derive(Clone, Default)]
#[non_exhaustive]
pub enum Body {
    /// No body.
    #[default]
    Empty,
    /// A JSON document (sent with `Content-Type: application/json`).
    Json(Bytes),
    /// Raw bytes with their content type.
    Bytes {
        /// The content type.
        content_type: String,
        /// The bytes.
        data: Bytes,
    },
}

/// Per-call choices that layer over the client's settings.
#[derive(Clone, Debug, Default)]
pub struct CallOptions {
    /// Retry this call on retryable failures even if its operation is not safe to repeat.
    /// Only for callers who know a duplicate is harmless (or deduplicated by the vendor).
    pub retry_unsafe: bool,
    /// Override the client's per-attempt timeout for this call.
    pub timeout: Option<std::time::Duration>,
    /// Lower the client's deadline for this call (over every attempt, backoff and quota
    /// wait); it can only be lowered, never raised.
    pub deadline: Option<std::time::Duration>,
    /// Cap the number of attempts for this call (combined with the client policy: the lower wins).
    pub max_attempts: Option<u32>,
}

/// One call of a declared operation. Its `Debug` never shows the body, header values or
/// credential-looking query values.
#[derive(Clone)]
pub struct Request {
    pub(crate) operation: &'static str,
    pub(crate) path_params: Vec<(&'static str, String)>,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) body: Body,
    pub(crate) options: CallOptions,
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Body::Empty => f.write_str("Empty"),
            Body::Json(b) => write!(f, "Json({} bytes)", b.len()),
            Body::Bytes { content_type, data } => {
                write!(f, "Bytes({content_type}, {} bytes)", data.len())
            }
        }
    }
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let query: Vec<(&str, &str)> = self
            .query
            .iter()
            .map(|(k, v)| {
                let secret = crate::transport::SECRET_QUERY_PARAMS
                    .iter()
                    .any(|s| k.eq_ignore_ascii_case(s));
                (k.as_str(), if secret { "<redacted>" } else { v.as_str() })
            })
            .collect();
        let headers: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("Request")
            .field("operation", &self.operation)
            .field("path_params", &self.path_params)
            .field("query", &query)
            .field("header_names", &headers)
            .field("body", &self.body)
            .field("options", &self.options)
            .finish()
    }
}

impl Request {
    /// A call of the operation named `operation` in the vendor's table.
    pub fn new(operation: &'static str) -> Self {
        Request {
            operation,
            path_params: Vec::new(),
            query: Vec::new(),
            headers: Vec::new(),
            body: Body::Empty,
            options: CallOptions::default(),
        }
    }

    /// The operation name.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// Fills a `{name}` placeholder of the path template.
    pub fn path_param(mut self, name: &'static str, value: impl ToString) -> Self {
        self.path_params.push((name, value.to_string()));
        self
    }

    /// Adds a query parameter.
    pub fn query(mut self, name: impl Into<String>, value: impl ToString) -> Self {
        self.query.push((name.into(), value.to_string()));
        self
    }

    /// Adds a query parameter when `value` is `Some`.
    pub fn query_opt(self, name: impl Into<String>, value: Option<impl ToString>) -> Self {
        match value {
            Some(value) => self.query(name, value),
            None => self,
        }
    }

    /// Adds a header. Invalid names or values become a configuration error at build time.
    pub fn header(mut self, name: &str, value: &str) -> Result<Self, Error> {
        let bad = || {
            Error::Config(ConfigError::InvalidHeader {
                name: name.to_owned(),
            })
        };
        let name = HeaderName::try_from(name).map_err(|_| bad())?;
        let value = HeaderValue::try_from(value).map_err(|_| bad())?;
        self.headers.push((name, value));
        Ok(self)
    }

    /// Sets a JSON body.
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self, Error> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::Encode {
            operation: self.operation,
            message: e.to_string(),
        })?;
        self.body = Body::Json(Bytes::from(bytes));
        Ok(self)
    }

    /// Sets a raw body.
    pub fn bytes(mut self, content_type: impl Into<String>, data: impl Into<Bytes>) -> Self {
        self.body = Body::Bytes {
            content_type: content_type.into(),
            data: data.into(),
        };
        self
    }

    /// Sets a `multipart/form-data` body.
    pub fn multipart(self, form: &Multipart) -> Self {
        self.bytes(form.content_type(), form.to_bytes())
    }

    /// Per-call options.
    pub fn options(mut self, options: CallOptions) -> Self {
        self.options = options;
        self
    }

    /// Opts this call into retries even when its operation is not safe to repeat.
    pub fn retry_unsafe(mut self, yes: bool) -> Self {
        self.options.retry_unsafe = yes;
        self
    }

    /// Lowers the deadline of this call (over every attempt, backoff and quota wait).
    pub fn deadline(mut self, d: std::time::Duration) -> Self {
        self.options.deadline = Some(d);
        self
    }

    /// The body as set.
    pub fn body(&self) -> &Body {
        &self.body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_no_body_header_value_or_secret_query() {
        let req = Request::new("Login")
            .json(&serde_json::json!({"clientkey": "hunter2"}))
            .unwrap()
            .query("api_key", "hunter2")
            .query("page", 2)
            .header("x-api-key", "hunter2")
            .unwrap();
        let dbg = format!("{req:?}");
        assert!(!dbg.contains("hunter2"), "{dbg}");
        assert!(dbg.contains("page") && dbg.contains("x-api-key") && dbg.contains("bytes"));
    }
}
