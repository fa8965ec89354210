//! The client every vendor crate wraps: builds requests from the operation table, sends them
//! through the transport with credentials, quota, retries and tracing, and maps failures to
//! [`Error`].

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use http::{HeaderMap, HeaderValue, header};
use serde::de::DeserializeOwned;
use tokio::time::Instant;
use tracing::Instrument;

pub use crate::decode::{decode_json, decode_json_secret};

use crate::auth::{Authenticator, NoAuth};
use crate::endpoint::{BaseUrl, Endpoints, Operation};
use crate::error::{ConfigError, EXCERPT_LIMIT, Error, RequestSent, excerpt};
use crate::options::{ClientOptions, DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES};
use crate::ratelimit::{Quota, QuotaTracker, RateLimitHeaders};
use crate::request::{Body, Request};
use crate::retry::{RetryBudget, RetryPolicy};
use crate::store::{StoreKey, TokenStore};
use crate::timers::Timers;
use crate::transport::{
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT, HttpRequest, HttpResponse, HyperTransport,
    ReqwestTransport, Transport, TransportError,
};

mod attempts;

/// Reads the vendor's own error message out of an error body.
pub type MessageExtractor = fn(&[u8]) -> Option<String>;

/// Builds a [`Client`]. Vendor crates create one with their table, set their defaults and
/// pass on the user's [`ClientOptions`].
#[must_use]
pub struct ClientBuilder {
    vendor: &'static str,
    table: &'static [Operation],
    options: ClientOptions,
    user_agent: String,
    default_retry: RetryPolicy,
    default_max_response_bytes: usize,
    rate_limit: Option<RateLimitHeaders>,
    quota_key: Option<StoreKey>,
    default_headers: HeaderMap,
    header_errors: Vec<ConfigError>,
    message_extractor: MessageExtractor,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("vendor", &self.vendor)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// A builder for `vendor` with its operation table.
    pub fn new(vendor: &'static str, table: &'static [Operation]) -> Self {
        ClientBuilder {
            vendor,
            table,
            options: ClientOptions::default(),
            user_agent: String::new(),
            default_retry: RetryPolicy::default(),
            default_max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            rate_limit: None,
            quota_key: None,
            default_headers: HeaderMap::new(),
            header_errors: Vec::new(),
            message_extractor: default_error_message,
        }
    }

    crate::client_options_methods!();

    /// Names the calling crate in the user agent (`carfix-client/0.1.0`).
    pub fn user_agent(mut self, product: impl Into<String>) -> Self {
        self.user_agent = product.into();
        self
    }

    /// The vendor's default retry policy, used when the options set none.
    pub fn default_retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.default_retry = policy;
        self
    }

    /// The vendor's default largest answer, used when the options set none.
    pub fn default_max_response_bytes(mut self, bytes: usize) -> Self {
        self.default_max_response_bytes = bytes;
        self
    }

    /// Tracks the vendor's quota from these response headers and waits when it runs out.
    pub fn rate_limit(mut self, headers: RateLimitHeaders) -> Self {
        self.rate_limit = Some(headers);
        self
    }

    /// Names the credential the quota belongs to, for a shared quota store: the parts (the
    /// API key, say) are hashed into the store key with the vendor name, never stored. Without
    /// it a shared store counts the quota per vendor and base URL.
    pub fn quota_key(mut self, parts: &[&str]) -> Self {
        self.quota_key = Some(StoreKey::new(self.vendor, parts));
        self
    }

    /// A header sent on every request.
    pub fn default_header(mut self, name: &'static str, value: &str) -> Self {
        match HeaderValue::try_from(value) {
            Ok(v) => {
                self.default_headers.insert(name, v);
            }
            Err(_) => self
                .header_errors
                .push(ConfigError::InvalidHeader { name: name.into() }),
        }
        self
    }

    /// How to read the vendor's message from an error body.
    pub fn error_message_extractor(mut self, f: MessageExtractor) -> Self {
        self.message_extractor = f;
        self
    }

    /// Builds the client, checking the base URL and every override.
    pub fn build(self) -> Result<Client, ConfigError> {
        if let Some(e) = self.header_errors.into_iter().next() {
            return Err(e);
        }
        let o = self.options;
        let quota = self.rate_limit.map(|headers| match o.quota_store {
            Some(store) => {
                let key = self.quota_key.unwrap_or_else(|| {
                    StoreKey::new(self.vendor, &[o.base_url.as_deref().unwrap_or_default()])
                });
                QuotaTracker::with_store(headers, store, key)
            }
            None => QuotaTracker::new(headers),
        });
        let mut endpoints = Endpoints::new(self.vendor, self.table);
        for (operation, path) in o.path_overrides {
            endpoints.override_path(&operation, path)?;
        }
        for (operation, method) in o.method_overrides {
            endpoints.override_method(&operation, method)?;
        }
        let base_url = o
            .base_url
            .as_deref()
            .ok_or(ConfigError::MissingBaseUrl {
                vendor: self.vendor,
            })
            .and_then(BaseUrl::parse)?;
        let core = concat!("partner-core/", env!("CARGO_PKG_VERSION"));
        let ua = if self.user_agent.is_empty() {
            core.to_owned()
        } else {
            format!("{} {core}", self.user_agent)
        };
        let user_agent =
            HeaderValue::try_from(ua.as_str()).map_err(|_| ConfigError::InvalidHeader {
                name: "user-agent".into(),
            })?;
        let transport = match (o.transport, o.http_client) {
            (Some(t), _) => Sender::Custom(t),
            (None, Some(c)) => Sender::Reqwest(ReqwestTransport::from_client(c).timed_by_client()),
            (None, None) => {
                let connect_timeout = o.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT);
                if proxied(&base_url) {
                    Sender::Reqwest(ReqwestTransport::new(connect_timeout, &ua)?.timed_by_client())
                } else {
                    Sender::Direct(HyperTransport::new(connect_timeout)?.timed_by_client())
                }
            }
        };
        let fixed_urls = fixed_urls(&endpoints, &base_url);
        Ok(Client {
            shared: Arc::new(Shared {
                vendor: self.vendor,
                base_url,
                endpoints,
                transport,
                retry: o.retry.unwrap_or(self.default_retry),
                budget: o.retry_budget.unwrap_or_default(),
                quota,
                token_store: o.token_store,
                timeout: o.timeout.unwrap_or(DEFAULT_TIMEOUT),
                deadline: o.deadline.unwrap_or(DEFAULT_DEADLINE),
                max_response_bytes: o
                    .max_response_bytes
                    .unwrap_or(self.default_max_response_bytes),
                base_headers: base_headers(self.default_headers, user_agent),
                fixed_urls,
                message_extractor: self.message_extractor,
                timers: Timers::default(),
            }),
            auth: Arc::new(NoAuth),
        })
    }
}

/// Where a 3xx answer points, credential-looking query values redacted.
fn redirect_target(resp: &HttpResponse) -> Option<String> {
    if !resp.status.is_redirection() {
        return None;
    }
    let location = resp.headers.get(header::LOCATION)?.to_str().ok()?;
    Some(match url::Url::parse(location) {
        Ok(url) => crate::transport::redact_url(&url),
        Err(_) => excerpt(location.as_bytes(), 300),
    })
}

/// Whether the environment's proxy settings (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`,
/// `NO_PROXY`, read the way reqwest reads them: with the same matcher) send requests for this
/// base URL through a proxy. Such a client is built on reqwest, which speaks to proxies; the
/// default transport does not.
fn proxied(base_url: &BaseUrl) -> bool {
    proxied_by(
        &hyper_util::client::proxy::matcher::Matcher::from_system(),
        base_url,
    )
}

fn proxied_by(proxies: &hyper_util::client::proxy::matcher::Matcher, base_url: &BaseUrl) -> bool {
    match base_url.as_url().as_str().parse::<http::Uri>() {
        Ok(uri) => proxies.intercept(&uri).is_some(),
        Err(_) => true, // reqwest then reports what is wrong with it
    }
}

/// The transport a client sends through. The built-in ones are called directly, a user's
/// through its trait object.
enum Sender {
    Direct(HyperTransport),
    Reqwest(ReqwestTransport),
    Custom(Arc<dyn Transport>),
}

impl Sender {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        match self {
            Sender::Direct(t) => t.execute(request).await,
            Sender::Reqwest(t) => t.execute(request).await,
            Sender::Custom(t) => t.send(request).await,
        }
    }
}

struct Shared {
    /// Attempt timers kept for reuse (see [`crate::timers`]).
    timers: Timers,
    vendor: &'static str,
    base_url: BaseUrl,
    endpoints: Endpoints,
    transport: Sender,
    retry: RetryPolicy,
    budget: Arc<RetryBudget>,
    quota: Option<QuotaTracker>,
    token_store: Option<Arc<dyn TokenStore>>,
    timeout: Duration,
    deadline: Duration,
    max_response_bytes: usize,
    /// The vendor's default headers, user agent and `Accept`, built once: each call clones
    /// this map instead of inserting them again.
    base_headers: HeaderMap,
    /// The URL of each operation of the table (by position) whose path has no `{param}` and
    /// no fixed query, joined once at build time instead of on every call.
    fixed_urls: Vec<Option<url::Url>>,
    message_extractor: MessageExtractor,
}

/// The joined URL of every operation whose path needs no parameters.
fn fixed_urls(endpoints: &Endpoints, base_url: &BaseUrl) -> Vec<Option<url::Url>> {
    endpoints
        .table()
        .iter()
        .map(|op| {
            let path = endpoints.path_template(op);
            (!path.contains(['{', '?'])).then(|| base_url.join(path))
        })
        .collect()
}

/// The position of `op` in `table`, when it is one of its entries.
fn table_index(table: &'static [Operation], op: &'static Operation) -> Option<usize> {
    let size = std::mem::size_of::<Operation>().max(1);
    let offset = (op as *const Operation as usize).wrapping_sub(table.as_ptr() as usize);
    let index = offset / size;
    (offset.is_multiple_of(size) && index < table.len() && std::ptr::eq(&table[index], op))
        .then_some(index)
}

/// The headers every request starts with.
fn base_headers(mut headers: HeaderMap, user_agent: HeaderValue) -> HeaderMap {
    headers.insert(header::USER_AGENT, user_agent);
    headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
    headers
}

/// A configured vendor client. Cheap to clone; clones share the connection pool, retry
/// budget and quota.
#[derive(Clone)]
pub struct Client {
    shared: Arc<Shared>,
    auth: Arc<dyn Authenticator>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("vendor", &self.shared.vendor)
            .field("base_url", &self.shared.base_url)
            .field("retry", &self.shared.retry)
            .field("timeout", &self.shared.timeout)
            .field("deadline", &self.shared.deadline)
            .field("max_response_bytes", &self.shared.max_response_bytes)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A builder.
    pub fn builder(vendor: &'static str, table: &'static [Operation]) -> ClientBuilder {
        ClientBuilder::new(vendor, table)
    }

    /// The same client (pool, budget, quota) sending credentials from `auth`.
    pub fn with_auth(&self, auth: Arc<dyn Authenticator>) -> Client {
        Client {
            shared: self.shared.clone(),
            auth,
        }
    }

    /// The vendor name.
    pub fn vendor(&self) -> &'static str {
        self.shared.vendor
    }

    /// The base URL.
    pub fn base_url(&self) -> &BaseUrl {
        &self.shared.base_url
    }

    /// The operation table with overrides.
    pub fn endpoints(&self) -> &Endpoints {
        &self.shared.endpoints
    }

    /// The last quota the vendor reported, when rate-limit tracking is on.
    pub fn quota(&self) -> Option<Quota> {
        self.shared.quota.as_ref().and_then(QuotaTracker::last)
    }

    /// The shared token store of the options (`ClientOptions::token_store`), for the vendor's
    /// token cache: `TokenCache::with_store(store, StoreKey::new(vendor, &[credential parts]))`.
    pub fn token_store(&self) -> Option<&Arc<dyn TokenStore>> {
        self.shared.token_store.as_ref()
    }

    /// The shared retry budget.
    pub fn retry_budget(&self) -> &Arc<RetryBudget> {
        &self.shared.budget
    }

    /// Builds the HTTP request for a call, without credentials and without any I/O.
    pub fn build_request(&self, req: &Request) -> Result<HttpRequest, Error> {
        let op = self.shared.endpoints.operation(req.operation)?;
        self.build_for(op, req)
    }

    /// [`Client::build_request`] for an operation already looked up.
    fn build_for(&self, op: &'static Operation, req: &Request) -> Result<HttpRequest, Error> {
        let s = &self.shared;
        let fixed_url = table_index(s.endpoints.table(), op)
            .and_then(|i| s.fixed_urls.get(i))
            .and_then(Option::as_ref);
        let url = if let Some(url) = fixed_url {
            let mut url = url.clone();
            if !req.query.is_empty() {
                url.query_pairs_mut().extend_pairs(&req.query);
            }
            url
        } else {
            self.render_url(op, req)?
        };
        let mut headers = s.base_headers.clone();
        let body = match &req.body {
            Body::Empty => bytes::Bytes::new(),
            Body::Json(b) => {
                headers.insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                );
                b.clone()
            }
            Body::Bytes { content_type, data } => {
                let ct = HeaderValue::try_from(content_type.as_str()).map_err(|_| {
                    ConfigError::InvalidHeader {
                        name: "content-type".into(),
                    }
                })?;
                headers.insert(header::CONTENT_TYPE, ct);
                data.clone()
            }
        };
        for (name, value) in &req.headers {
            headers.insert(name.clone(), value.clone());
        }
        Ok(HttpRequest {
            method: s.endpoints.method(op).clone(),
            url,
            headers,
            body,
            timeout: Some(req.options.timeout.unwrap_or(s.timeout)),
            max_response_bytes: Some(s.max_response_bytes),
        })
    }

    /// The URL of a call whose path takes parameters or carries a fixed query.
    fn render_url(&self, op: &'static Operation, req: &Request) -> Result<url::Url, Error> {
        let s = &self.shared;
        let rendered = s.endpoints.render(op, &req.path_params)?;
        let (path, fixed_query) = match rendered.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (rendered.as_str(), None),
        };
        let mut url = s.base_url.join(path);
        if fixed_query.is_some() || !req.query.is_empty() {
            let fixed: Vec<(String, String)> = fixed_query
                .map(|q| {
                    url::form_urlencoded::parse(q.as_bytes())
                        .into_owned()
                        .collect()
                })
                .unwrap_or_default();
            url.query_pairs_mut()
                .extend_pairs(fixed)
                .extend_pairs(&req.query);
        }
        Ok(url)
    }

    /// Sends a call and returns the final response whatever its status (after retries and
    /// one re-login on 401). Transport failures are errors. The whole call, logins, quota
    /// waits, attempts and backoffs included, ends by the deadline (the client's, lowered by
    /// [`CallOptions::deadline`](crate::CallOptions::deadline)) with [`Error::Timeout`].
    #[allow(clippy::manual_async_fn)] // on purpose: see the comment inside
    pub fn send_raw(&self, req: Request) -> impl Future<Output = Result<HttpResponse, Error>> + '_ {
        // An async block rather than an async fn, here and in the layers below: an async fn
        // keeps its arguments twice in its state (as passed, and bound again), and every
        // byte of a call's state is written and moved on every call.
        async move {
            let op = self.shared.endpoints.operation(req.operation)?;
            let base = self.build_for(op, &req)?;
            // Without a subscriber listening at debug level the span is disabled: its fields are
            // not evaluated and the call is not wrapped in it.
            let span = tracing::debug_span!(
                "partner.request",
                vendor = self.shared.vendor,
                operation = op.name,
                method = %self.shared.endpoints.method(op),
                path = self.shared.endpoints.path_template(op),
                status = tracing::field::Empty,
                attempt = tracing::field::Empty,
                elapsed_ms = tracing::field::Empty,
            );
            let deadline = req
                .options
                .deadline
                .map_or(self.shared.deadline, |d| d.min(self.shared.deadline));
            let start = Instant::now();
            let deadline_at = start + deadline;
            // Every wait inside `run` is bounded by the deadline (logins, quota waits, backoffs
            // and each attempt's own timer), so a call needs one timer per attempt, not two.
            // Each branch builds the call in place: a `let call = ...` first would copy the
            // whole state machine (a few KB) once more on every call.
            if span.is_disabled() {
                self.run(op, base, &req, deadline, start, deadline_at, false)
                    .await
            } else {
                self.run(op, base, &req, deadline, start, deadline_at, true)
                    .instrument(span)
                    .await
            }
        }
    }

    /// Turns a non-success response into the matching error: 401/403 as [`Error::Auth`], 429
    /// as [`Error::RateLimited`], anything else as [`Error::Status`].
    pub fn check_status(
        &self,
        operation: &'static str,
        resp: HttpResponse,
    ) -> Result<HttpResponse, Error> {
        if resp.status.is_success() {
            return Ok(resp);
        }
        let status = resp.status.as_u16();
        let message = match redirect_target(&resp) {
            // Not followed on purpose (transport/direct.rs): say where it pointed.
            Some(location) => format!("redirect to {location} (not followed)"),
            None => (self.shared.message_extractor)(&resp.body)
                .map(|m| excerpt(m.as_bytes(), 300))
                .unwrap_or_else(|| resp.status.canonical_reason().unwrap_or("error").to_owned()),
        };
        Err(match status {
            401 | 403 => Error::Auth {
                operation,
                status: Some(status),
                message,
            },
            429 => Error::RateLimited {
                operation,
                retry_after: crate::retry::requested_wait(429, &resp.headers, SystemTime::now())
                    .or_else(|| crate::retry::server_wait(&resp.headers, SystemTime::now())),
                quota: self.quota(),
                sent: RequestSent::Yes,
            },
            _ => Error::Status {
                operation,
                status,
                message,
                body_excerpt: excerpt(&resp.body, EXCERPT_LIMIT),
            },
        })
    }

    /// Sends a call; a non-success status is an error.
    #[allow(clippy::manual_async_fn)] // on purpose: see `send_raw`
    pub fn send(&self, req: Request) -> impl Future<Output = Result<HttpResponse, Error>> + '_ {
        async move {
            let operation = req.operation;
            let resp = self.send_raw(req).await?;
            self.check_status(operation, resp)
        }
    }

    /// Sends a call and decodes a JSON success body. An empty body or one that is not JSON
    /// at all is said so plainly ("expected JSON, got text/html, 5,120 bytes"); every decode
    /// error carries the status and content type.
    pub fn send_json<T: DeserializeOwned>(
        &self,
        req: Request,
    ) -> impl Future<Output = Result<T, Error>> + use<'_, T> {
        json_call(self, req)
    }

    /// [`send_json`](Self::send_json) on a client the future owns (a clone is two reference
    /// counts): for a value that holds its client and hands out the call's future, such as a
    /// query builder, without an async block of its own around this one (every layer is one
    /// more copy of the call's state, on every call).
    pub fn into_send_json<T: DeserializeOwned>(
        self,
        req: Request,
    ) -> impl Future<Output = Result<T, Error>> {
        json_call(self, req)
    }

    /// Sends a call answered by a JSON array and decodes it; `null` reads as an empty list
    /// (Go and .NET backends write an empty list as `null`).
    #[allow(clippy::manual_async_fn)] // on purpose: see `send_raw`
    pub fn send_json_list<T: DeserializeOwned>(
        &self,
        req: Request,
    ) -> impl Future<Output = Result<Vec<T>, Error>> + '_ {
        async move {
            let operation = req.operation;
            let resp = self.check_status(operation, self.send_raw(req).await?)?;
            let list: Option<Vec<T>> = decode_answer(operation, &resp)?;
            Ok(list.unwrap_or_default())
        }
    }
}

/// The JSON call of [`Client::send_json`] and [`Client::into_send_json`], on a borrowed or an
/// owned client. `send_raw` directly, not through `send`: one async layer less to build and
/// move.
#[allow(clippy::manual_async_fn)] // on purpose: see `Client::send_raw`
fn json_call<C: std::borrow::Borrow<Client>, T: DeserializeOwned>(
    client: C,
    req: Request,
) -> impl Future<Output = Result<T, Error>> {
    async move {
        let client = client.borrow();
        let operation = req.operation;
        let resp = client.check_status(operation, client.send_raw(req).await?)?;
        decode_answer(operation, &resp)
    }
}

/// Decodes a JSON answer, saying plainly when it is empty or not JSON at all, and adding the
/// status and content type to any decode error.
pub fn decode_answer<T: DeserializeOwned>(
    operation: &'static str,
    resp: &HttpResponse,
) -> Result<T, Error> {
    let content_type = resp
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let status = resp.status.as_u16();
    if let Some(message) = not_json(&resp.body, content_type) {
        return Err(Error::Decode {
            operation,
            path: String::new(),
            message,
            excerpt: excerpt(&resp.body, 200),
            status: Some(status),
            content_type: content_type.map(str::to_owned),
        });
    }
    decode_json(operation, &resp.body).map_err(|e| e.with_answer(status, content_type))
}

/// Why a body is surely not a JSON document, if it is not: empty, or labelled and shaped as
/// something else (an HTML error page from a proxy, say).
fn not_json(body: &[u8], content_type: Option<&str>) -> Option<String> {
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    let Some(first) = first else {
        return Some("empty body".to_owned());
    };
    let labelled_json = content_type.is_none_or(|ct| {
        ct.as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"json"))
    });
    let looks_json = matches!(
        first,
        b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n'
    );
    if labelled_json && looks_json || !labelled_json && matches!(first, b'{' | b'[') {
        return None;
    }
    let ct = content_type
        .map(|c| c.split(';').next().unwrap_or(c).trim().to_owned())
        .unwrap_or_else(|| "no content type".to_owned());
    Some(format!(
        "expected JSON, got {ct}, {} bytes",
        group_thousands(body.len())
    ))
}

fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Reads common error-message keys (`message`, `Message`, `error`, `error_description`,
/// `detail`, `msg`) from a JSON error body, one level deep.
pub fn default_error_message(body: &[u8]) -> Option<String> {
    const KEYS: &[&str] = &[
        "message",
        "Message",
        "error_description",
        "error",
        "Error",
        "detail",
        "msg",
    ];
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let find = |v: &serde_json::Value| {
        KEYS.iter().find_map(|k| {
            v.get(k)
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
        })
    };
    find(&value).or_else(|| KEYS.iter().find_map(|k| value.get(k).and_then(find)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper_util::client::proxy::matcher::Matcher;

    #[test]
    fn a_proxy_covering_the_base_url_chooses_reqwest() {
        let base = |s: &str| BaseUrl::parse(s).unwrap();
        let none = Matcher::builder().build();
        assert!(!proxied_by(&none, &base("https://api.example.com/v1")));
        let https = Matcher::builder()
            .https("http://proxy.corp:3128")
            .no("internal.example, 127.0.0.1")
            .build();
        assert!(proxied_by(&https, &base("https://api.example.com/v1")));
        assert!(!proxied_by(&https, &base("https://internal.example")));
        assert!(!proxied_by(&https, &base("http://127.0.0.1:8080")));
        // An HTTPS proxy setting says nothing about plain http.
        assert!(!proxied_by(&https, &base("http://localhost:8080")));
        let all = Matcher::builder().all("http://proxy.corp:3128").build();
        assert!(proxied_by(&all, &base("http://localhost:8080")));
    }
}
