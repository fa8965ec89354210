//! The transport seam: plain request and response values and the trait that sends them.
//!
//! Clients talk to a [`Transport`], not to reqwest directly, so users can put their own
//! implementation (a mock, a recorder) under any vendor client in their tests. The default is
//! [`HyperTransport`], one connection pool per client; [`ReqwestTransport`] carries a
//! `reqwest::Client` of the user's, and is the default where the environment sets a proxy
//! for the vendor's host.

mod direct;

pub use direct::{CertificateDer, HyperTransport};

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use futures_util::future::BoxFuture;
use http::{HeaderMap, Method, StatusCode};
use url::Url;

use crate::error::{BoxError, RequestSent, TransportErrorKind};

/// A fully built HTTP request: what would go on the wire, with no hidden state.
#[derive(Clone)]
pub struct HttpRequest {
    /// Method.
    pub method: Method,
    /// Absolute URL including the query.
    pub url: Url,
    /// Headers. Credential headers are marked sensitive and print redacted.
    pub headers: HeaderMap,
    /// Body bytes (empty for none).
    pub body: Bytes,
    /// Total timeout for this attempt (the [`Client`](crate::Client) sets it, cut to what is
    /// left of the call's deadline, and also enforces it itself).
    pub timeout: Option<Duration>,
    /// The largest answer body to read into memory; a larger one fails with
    /// [`TransportErrorKind::TooLarge`] without being read. `None`: no limit.
    pub max_response_bytes: Option<usize>,
}

impl HttpRequest {
    /// The URL with credential-looking query parameters redacted, for logs and Debug.
    pub fn redacted_url(&self) -> String {
        redact_url(&self.url)
    }

    /// The body parsed as JSON, when it is JSON.
    pub fn json_body(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

/// Query parameter names whose values never appear in Debug output or logs.
pub const SECRET_QUERY_PARAMS: &[&str] = &[
    "api_key",
    "apikey",
    "key",
    "token",
    "access_token",
    "signature",
    "password",
];

pub(crate) fn redact_url(url: &Url) -> String {
    if url.query().is_none() {
        return url.to_string();
    }
    let mut redacted = url.clone();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            let secret = SECRET_QUERY_PARAMS
                .iter()
                .any(|s| k.eq_ignore_ascii_case(s));
            (
                k.into_owned(),
                if secret {
                    "<redacted>".to_owned()
                } else {
                    v.into_owned()
                },
            )
        })
        .collect();
    redacted.query_pairs_mut().clear().extend_pairs(pairs);
    redacted.to_string()
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // HeaderMap's Debug prints `Sensitive` for values marked sensitive; bodies are omitted.
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.redacted_url())
            .field("headers", &self.headers)
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// An HTTP response as received.
#[derive(Clone)]
pub struct HttpResponse {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: HeaderMap,
    /// Whole body.
    pub body: Bytes,
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// A failure below HTTP.
#[derive(Debug)]
pub struct TransportError {
    /// What kind.
    pub kind: TransportErrorKind,
    /// Whether the request may have reached the server.
    pub sent: RequestSent,
    /// The cause.
    pub source: BoxError,
}

impl TransportError {
    /// A transport error of a kind, with its cause.
    pub fn new(kind: TransportErrorKind, sent: RequestSent, source: impl Into<BoxError>) -> Self {
        TransportError {
            kind,
            sent,
            source: source.into(),
        }
    }
}

/// Sends one [`HttpRequest`] and returns the whole response.
///
/// Implement it to run a vendor client over something other than reqwest.
pub trait Transport: Send + Sync + 'static {
    /// Sends the request once (retries happen above this layer).
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>>;
}

/// The default transport: a `reqwest::Client` (rustls, one pool per client).
#[derive(Clone, Debug)]
pub struct ReqwestTransport {
    client: reqwest::Client,
    /// Whether to arm reqwest's timer with [`HttpRequest::timeout`]. Off under a
    /// [`Client`](crate::Client), which times each attempt itself: one timer, not two.
    apply_timeout: bool,
}

/// Default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default total timeout per attempt.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

impl ReqwestTransport {
    /// Wraps a client the user built (its own proxy, TLS roots, pool settings).
    pub fn from_client(client: reqwest::Client) -> Self {
        ReqwestTransport {
            client,
            apply_timeout: true,
        }
    }

    /// Leaves attempt timeouts to the caller (the partner-core client times every attempt).
    pub(crate) fn timed_by_client(mut self) -> Self {
        self.apply_timeout = false;
        self
    }

    /// Builds a client with a connect timeout and user agent.
    pub fn new(
        connect_timeout: Duration,
        user_agent: &str,
    ) -> Result<Self, crate::error::ConfigError> {
        ensure_crypto_provider()?;
        let client = reqwest::Client::builder()
            .connect_timeout(connect_timeout)
            .user_agent(user_agent)
            .build()
            .map_err(|e| crate::error::ConfigError::HttpClient(e.to_string()))?;
        Ok(ReqwestTransport::from_client(client))
    }
}

/// Makes sure rustls has a crypto provider before a client is built. With the `aws-lc`
/// feature reqwest brings its own; with `ring` alone, ring becomes the process default unless
/// the application installed one; with neither, the application must have installed one.
fn ensure_crypto_provider() -> Result<(), crate::error::ConfigError> {
    if cfg!(feature = "aws-lc") || rustls::crypto::CryptoProvider::get_default().is_some() {
        return Ok(());
    }
    // Here that is ring, or the error saying there is none.
    let provider = crypto_provider()?;
    // Losing a race with another thread installing one is fine: there is one now.
    let _ = rustls::crypto::CryptoProvider::clone(&provider).install_default();
    Ok(())
}

/// The crypto provider for the default transport's TLS: the process default when the
/// application installed one (as reqwest does), else the one the features choose.
fn crypto_provider()
-> Result<std::sync::Arc<rustls::crypto::CryptoProvider>, crate::error::ConfigError> {
    if let Some(provider) = rustls::crypto::CryptoProvider::get_default() {
        return Ok(provider.clone());
    }
    #[cfg(feature = "aws-lc")]
    return Ok(std::sync::Arc::new(
        rustls::crypto::aws_lc_rs::default_provider(),
    ));
    #[cfg(all(feature = "ring", not(feature = "aws-lc")))]
    return Ok(std::sync::Arc::new(rustls::crypto::ring::default_provider()));
    #[cfg(not(any(feature = "aws-lc", feature = "ring")))]
    Err(crate::error::ConfigError::HttpClient(
        "no TLS crypto provider: enable the `aws-lc` (default) or `ring` feature, or install \
         a rustls CryptoProvider before building the client"
            .to_owned(),
    ))
}

impl Transport for ReqwestTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(self.execute(request))
    }
}

impl ReqwestTransport {
    /// Sends the request once. A [`Client`](crate::Client) over the built-in transport
    /// awaits this directly: no boxed future (a fresh heap block per call) between them.
    pub(crate) async fn execute(
        &self,
        request: HttpRequest,
    ) -> Result<HttpResponse, TransportError> {
        // The request is built in place: the header map moves in whole instead of being
        // inserted again entry by entry (what `RequestBuilder::headers` does).
        let mut http = reqwest::Request::new(request.method, request.url);
        *http.headers_mut() = request.headers;
        *http.body_mut() = Some(request.body.into());
        if self.apply_timeout {
            *http.timeout_mut() = request.timeout;
        }
        let mut response = self.client.execute(http).await.map_err(classify)?;
        let status = response.status();
        let headers = std::mem::take(response.headers_mut());
        // The status line arrived: from here on the vendor surely has the request, so a
        // failure is "answer cut short" (or a timeout), never "may not have been sent".
        let after_status = |err: reqwest::Error| {
            let kind = if err.is_timeout() {
                TransportErrorKind::Timeout
            } else {
                TransportErrorKind::CutShort
            };
            TransportError::new(kind, RequestSent::Yes, err.without_url())
        };
        let mut body = BodyCollector::new(
            status,
            request.max_response_bytes,
            response.content_length(),
        )?;
        while let Some(chunk) = response.chunk().await.map_err(after_status)? {
            body.push(chunk)?;
        }
        let body = body.finish();
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

/// An answer's body as it arrives, held to the client's limit. An answer that arrives as one
/// chunk (most do) is kept as it came, not copied; only a second chunk starts a buffer.
pub(crate) struct BodyCollector {
    status: StatusCode,
    limit: usize,
    length: Option<u64>,
    read: usize,
    whole: Bytes,
    joined: Option<bytes::BytesMut>,
}

impl BodyCollector {
    /// A collector for an answer of this status and announced length; an announced length
    /// over the limit is refused before anything is read.
    #[inline]
    pub(crate) fn new(
        status: StatusCode,
        limit: Option<usize>,
        length: Option<u64>,
    ) -> Result<Self, TransportError> {
        let collector = BodyCollector {
            status,
            limit: limit.unwrap_or(usize::MAX),
            length,
            read: 0,
            whole: Bytes::new(),
            joined: None,
        };
        match length {
            Some(n) if n > collector.limit as u64 => Err(collector.too_large()),
            _ => Ok(collector),
        }
    }

    /// Adds the next chunk, or refuses the answer once it passes the limit.
    #[inline]
    pub(crate) fn push(&mut self, chunk: Bytes) -> Result<(), TransportError> {
        self.read += chunk.len();
        if self.read > self.limit {
            return Err(self.too_large());
        }
        match &mut self.joined {
            None if self.whole.is_empty() => self.whole = chunk,
            None => {
                let capacity = self.length.map_or(self.read, |n| n as usize);
                let mut buf = bytes::BytesMut::with_capacity(capacity.clamp(self.read, self.limit));
                buf.extend_from_slice(&self.whole);
                buf.extend_from_slice(&chunk);
                self.joined = Some(buf);
            }
            Some(buf) => buf.extend_from_slice(&chunk),
        }
        Ok(())
    }

    /// The whole body.
    #[inline]
    pub(crate) fn finish(self) -> Bytes {
        self.joined.map_or(self.whole, bytes::BytesMut::freeze)
    }

    fn too_large(&self) -> TransportError {
        TransportError::new(
            TransportErrorKind::TooLarge,
            RequestSent::Yes,
            format!(
                "answer larger than {} bytes (HTTP {})",
                self.limit, self.status
            ),
        )
    }
}

/// Sorts a reqwest error into kind and "may it have been sent".
fn classify(err: reqwest::Error) -> TransportError {
    let (kind, sent) = if err.is_connect() {
        (TransportErrorKind::Connect, RequestSent::No)
    } else if err.is_timeout() {
        (TransportErrorKind::Timeout, RequestSent::Maybe)
    } else if err.is_builder() {
        (TransportErrorKind::Other, RequestSent::No)
    } else if err.is_body() || err.is_decode() || err.is_request() {
        (TransportErrorKind::Body, RequestSent::Maybe)
    } else {
        (TransportErrorKind::Other, RequestSent::Maybe)
    };
    // Drop the URL: it may carry an api_key query parameter.
    TransportError::new(kind, sent, err.without_url())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Some TLS provider is always there: aws-lc by default, ring when it alone is chosen
    /// (`cargo test -p partner-core --no-default-features --features ring`).
    #[test]
    fn a_client_builds_with_the_chosen_crypto_provider() {
        let t = ReqwestTransport::new(Duration::from_secs(1), "test");
        if cfg!(any(feature = "aws-lc", feature = "ring")) {
            assert!(t.is_ok(), "{:?}", t.err());
        }
        if cfg!(all(feature = "ring", not(feature = "aws-lc"))) {
            assert!(rustls::crypto::CryptoProvider::get_default().is_some());
        }
    }

    #[test]
    fn debug_redacts_secret_query_and_sensitive_headers() {
        let mut headers = HeaderMap::new();
        let mut v = http::HeaderValue::from_static("Bearer s3cr3t");
        v.set_sensitive(true);
        headers.insert(http::header::AUTHORIZATION, v);
        let req = HttpRequest {
            method: Method::GET,
            url: Url::parse("https://x.example/a?api_key=s3cr3t&page=2").unwrap(),
            headers,
            body: Bytes::new(),
            timeout: None,
            max_response_bytes: None,
        };
        let dbg = format!("{req:?}");
        assert!(!dbg.contains("s3cr3t"), "{dbg}");
        assert!(dbg.contains("page=2"));
    }
}
