//! [`HyperTransport`]: the default transport, hyper's pooled HTTP/1.1 client under rustls,
//! without reqwest's layers above it.
//!
//! Why not reqwest: for every request reqwest parses the URL again, stores it for its
//! redirect layer and in the answer, merges its default headers, and boxes the call; measured
//! on the in-repo bench that is a fifth of a loopback call's CPU (docs/PERFORMANCE.md), more
//! than everything a vendor client adds. The connection settings are reqwest's defaults
//! (rustls with the platform's verifier, TCP_NODELAY, TCP keepalive 15 s, idle connections
//! kept 90 s), so the bytes on the wire are the same. What reqwest adds and this does not:
//! proxies (a [`Client`](crate::Client) whose base URL the environment's proxy settings
//! cover is built on [`ReqwestTransport`](super::ReqwestTransport) instead) and following
//! redirects (no vendor document describes one, and following a 301 or 302 would turn a POST
//! into a GET; a 3xx answer surfaces as a status error). For anything else, your own TLS
//! roots or a proxy given in code, pass a `reqwest::Client` (`ClientOptions::http_client`).

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body::Body as _;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::{self, connect::HttpConnector};
use hyper_util::rt::{TokioExecutor, TokioTimer};
pub use rustls::pki_types::CertificateDer;

use super::{BodyCollector, HttpRequest, HttpResponse, Transport, TransportError};
use crate::error::{ConfigError, RequestSent, TransportErrorKind};

type Connector = hyper_rustls::HttpsConnector<HttpConnector>;

/// The default transport: hyper's pooled client (HTTP/1.1, rustls with the platform's
/// certificate verifier), one pool per client. See the module docs for what it leaves to
/// [`ReqwestTransport`](super::ReqwestTransport).
#[derive(Clone, Debug)]
pub struct HyperTransport {
    client: legacy::Client<Connector, Full<Bytes>>,
    /// Whether to enforce [`HttpRequest::timeout`]. Off under a [`Client`](crate::Client),
    /// which times each attempt itself.
    apply_timeout: bool,
}

/// reqwest's TCP keepalive defaults, kept so that connections behave as they did.
const TCP_KEEPALIVE: Duration = Duration::from_secs(15);
const TCP_KEEPALIVE_RETRIES: u32 = 3;
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(90);

impl HyperTransport {
    /// A transport with this connect timeout, trusting the platform's certificate roots.
    pub fn new(connect_timeout: Duration) -> Result<Self, ConfigError> {
        Self::with_extra_roots(connect_timeout, [])
    }

    /// A transport that also trusts these roots (a private CA, a TLS-inspecting gateway's),
    /// besides the platform's. Under a vendor client: `.transport(Arc::new(..))`.
    ///
    /// ```no_run
    /// # fn run() -> Result<(), Box<dyn std::error::Error>> {
    /// use partner_core::transport::{CertificateDer, HyperTransport};
    /// let ca = CertificateDer::from(std::fs::read("corp-ca.der")?);
    /// let transport = HyperTransport::with_extra_roots(std::time::Duration::from_secs(10), [ca])?;
    /// # Ok(()) }
    /// ```
    pub fn with_extra_roots(
        connect_timeout: Duration,
        roots: impl IntoIterator<Item = CertificateDer<'static>>,
    ) -> Result<Self, ConfigError> {
        let provider = super::crypto_provider()?;
        let roots: Vec<_> = roots.into_iter().collect();
        let verifier = if roots.is_empty() {
            rustls_platform_verifier::Verifier::new(provider.clone())
        } else {
            extra_roots_verifier(roots, provider.clone())
        }
        .map_err(|e| ConfigError::HttpClient(format!("TLS certificate verifier: {e}")))?;
        // ALPN is left to the connector builder (it offers http/1.1 and insists on setting
        // it itself).
        let tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| ConfigError::HttpClient(format!("TLS versions: {e}")))?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier))
            .with_no_client_auth();

        let mut http = HttpConnector::new();
        // The TLS layer above decides between http and https.
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(Some(connect_timeout));
        http.set_keepalive(Some(TCP_KEEPALIVE));
        http.set_keepalive_interval(Some(TCP_KEEPALIVE));
        http.set_keepalive_retries(Some(TCP_KEEPALIVE_RETRIES));
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        let client = legacy::Client::builder(TokioExecutor::new())
            .timer(TokioTimer::new())
            .pool_timer(TokioTimer::new())
            .pool_idle_timeout(POOL_IDLE_TIMEOUT)
            .build(connector);
        Ok(HyperTransport {
            client,
            apply_timeout: true,
        })
    }

    /// Leaves attempt timeouts to the caller (the partner-core client times every attempt).
    pub(crate) fn timed_by_client(mut self) -> Self {
        self.apply_timeout = false;
        self
    }

    /// Sends the request once. A [`Client`](crate::Client) awaits this directly.
    pub(crate) async fn execute(
        &self,
        request: HttpRequest,
    ) -> Result<HttpResponse, TransportError> {
        match request.timeout.filter(|_| self.apply_timeout) {
            Some(limit) => tokio::time::timeout(limit, self.exchange(request))
                .await
                .unwrap_or_else(|_| {
                    Err(TransportError::new(
                        TransportErrorKind::Timeout,
                        RequestSent::Maybe,
                        format!("no whole answer within {limit:?}"),
                    ))
                }),
            None => self.exchange(request).await,
        }
    }

    async fn exchange(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let uri: http::Uri = request
            .url
            .as_str()
            .parse()
            .map_err(|e| TransportError::new(TransportErrorKind::Other, RequestSent::No, e))?;
        let mut http = http::Request::new(Full::new(request.body));
        *http.method_mut() = request.method;
        *http.uri_mut() = uri;
        *http.headers_mut() = request.headers;
        let response = self.client.request(http).await.map_err(classify)?;
        let (parts, mut body) = response.into_parts();
        let status = parts.status;
        // The status line arrived: from here on the vendor surely has the request, so a
        // failure is "answer cut short", never "may not have been sent".
        let mut collected =
            BodyCollector::new(status, request.max_response_bytes, body.size_hint().exact())?;
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|e| {
                TransportError::new(TransportErrorKind::CutShort, RequestSent::Yes, e)
            })?;
            // Anything but data is trailers, which an answer here never needs.
            if let Ok(chunk) = frame.into_data() {
                collected.push(chunk)?;
            }
        }
        Ok(HttpResponse {
            status,
            headers: parts.headers,
            body: collected.finish(),
        })
    }
}

#[cfg(not(target_os = "android"))]
fn extra_roots_verifier(
    roots: Vec<CertificateDer<'static>>,
    provider: Arc<rustls::crypto::CryptoProvider>,
) -> Result<rustls_platform_verifier::Verifier, rustls::Error> {
    rustls_platform_verifier::Verifier::new_with_extra_roots(roots, provider)
}

/// The platform verifier takes no extra roots on Android.
#[cfg(target_os = "android")]
fn extra_roots_verifier(
    _roots: Vec<CertificateDer<'static>>,
    _provider: Arc<rustls::crypto::CryptoProvider>,
) -> Result<rustls_platform_verifier::Verifier, rustls::Error> {
    Err(rustls::Error::General(
        "extra root certificates are not supported on Android".to_owned(),
    ))
}

impl Transport for HyperTransport {
    fn send(
        &self,
        request: HttpRequest,
    ) -> futures_util::future::BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(self.execute(request))
    }
}

/// Sorts a client error into kind and "may it have been sent", as for reqwest's errors: a
/// connection that could not be opened (DNS, refused, TLS handshake, connect timeout) surely
/// did not carry the request; a failure after that may have.
fn classify(err: legacy::Error) -> TransportError {
    if err.is_connect() {
        TransportError::new(TransportErrorKind::Connect, RequestSent::No, err)
    } else {
        TransportError::new(TransportErrorKind::Body, RequestSent::Maybe, err)
    }
}
