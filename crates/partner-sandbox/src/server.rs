//! The HTTP side shared by every vendor: routes built from a vendor crate's `OPERATIONS`
//! table, wrapped in the fault layer of `fault_layer`, and one listener per vendor that
//! stops when its handle drops.
//!
//! Routes come from the clients' own tables so the sandbox answers exactly where a client
//! with default paths sends. Each route hands the vendor module a [`Call`] (operation,
//! path parameters by their template names, query, headers, body); the vendor module
//! decides everything else.

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, Request};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter, any};
use bytes::Bytes;
use partner_core::Operation;
use partner_core::validation::Validate;
use serde::de::DeserializeOwned;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::Vendor;
use crate::error::SandboxError;
use crate::fault_layer;
use crate::faults::Faults;
use crate::recording::{Exchange, Recorder};

/// The largest request body accepted: above BigFix's advice to keep workbooks under 10 MB
/// (axum's default of 2 MB would refuse files the vendor takes).
pub(crate) const MAX_BODY: usize = 16 * 1024 * 1024;

/// One request as a vendor module sees it.
#[derive(Debug)]
pub(crate) struct Call {
    /// The operation of the client's table this route was built from.
    pub(crate) op: &'static Operation,
    /// Path parameters by their names in the template.
    pub(crate) params: HashMap<String, String>,
    /// Query pairs, decoded, in order.
    pub(crate) query: Vec<(String, String)>,
    /// Request headers.
    pub(crate) headers: HeaderMap,
    /// The raw body.
    pub(crate) body: Bytes,
}

impl Call {
    /// A path parameter by its template name.
    pub(crate) fn param(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }

    /// The first query value named `name`.
    pub(crate) fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A header as text.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The body read as JSON, refused (415) unless it is labelled JSON: every client sends
    /// `Content-Type: application/json`, so one that forgets it must not pass here and fail
    /// at the vendor. A body that does not parse as `T` is 400.
    pub(crate) fn json<T: DeserializeOwned>(&self) -> Result<T, Refusal> {
        let content_type = self.header("content-type").unwrap_or_default();
        let essence = content_type.split(';').next().unwrap_or_default().trim();
        let is_json = essence.eq_ignore_ascii_case("application/json")
            || essence.to_ascii_lowercase().ends_with("+json");
        if !is_json {
            let shown = if content_type.is_empty() {
                "none"
            } else {
                content_type
            };
            return Err(Refusal(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!("Content-Type must be application/json, not {shown}"),
            ));
        }
        serde_json::from_slice(&self.body).map_err(|e| bad_request(format!("invalid body: {e}")))
    }

    /// The body read as JSON ([`Call::json`]) and checked with the client crate's own rules
    /// (400 listing every violation).
    pub(crate) fn validated<T: DeserializeOwned + Validate>(&self) -> Result<T, Refusal> {
        let value: T = self.json()?;
        value.validate().map_err(|e| bad_request(e.to_string()))?;
        Ok(value)
    }
}

/// A refused call: the HTTP status and a message, which each vendor answers in its own
/// documented error shape.
#[derive(Debug)]
pub(crate) struct Refusal(pub(crate) StatusCode, pub(crate) String);

/// A 400 refusal.
pub(crate) fn bad_request(message: impl Into<String>) -> Refusal {
    Refusal(StatusCode::BAD_REQUEST, message.into())
}

/// A 404 refusal for `what`.
pub(crate) fn not_found(what: &str) -> Refusal {
    Refusal(StatusCode::NOT_FOUND, format!("{what} not found"))
}

/// A vendor emulation: its table and how it answers one call.
pub(crate) trait VendorApi: Send + Sync + 'static {
    /// The operations to serve (the client crate's `OPERATIONS`).
    fn operations(&self) -> &'static [Operation];
    /// Answers one call. Synchronous: state lives behind a `Mutex` and nothing waits
    /// (outgoing webhooks are spawned).
    fn handle(&self, call: Call) -> Response;
    /// A refusal in the vendor's error shape (default `{"message": ...}`).
    fn refuse(&self, refusal: Refusal) -> Response {
        json(refusal.0, serde_json::json!({ "message": refusal.1 }))
    }
}

/// A JSON answer.
pub(crate) fn json(status: StatusCode, body: serde_json::Value) -> Response {
    (status, axum::Json(body)).into_response()
}

/// Rewrites `{name}` placeholders to positional names (`{p2}` for segment 2), so two
/// operations naming the same segment differently do not conflict in the router, and
/// returns the original names in segment order.
fn positional(template: &str) -> (String, Vec<(String, String)>) {
    let mut names = Vec::new();
    let path = template
        .split('/')
        .enumerate()
        .map(
            |(i, segment)| match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => {
                    let slot = format!("p{i}");
                    names.push((slot.clone(), name.to_owned()));
                    format!("{{{slot}}}")
                }
                None => segment.to_owned(),
            },
        )
        .collect::<Vec<_>>()
        .join("/");
    (path, names)
}

/// Path parameters as they stand in the (still percent-encoded) path, by template name.
fn raw_params(path: &str, names: &[(String, String)]) -> HashMap<String, String> {
    let segments: Vec<&str> = path.split('/').collect();
    names
        .iter()
        .filter_map(|(slot, name)| {
            let index: usize = slot.strip_prefix('p')?.parse().ok()?;
            Some((name.clone(), (*segments.get(index)?).to_owned()))
        })
        .collect()
}

pub(crate) fn decode_query(raw: Option<&str>) -> Vec<(String, String)> {
    raw.map(|q| {
        partner_core::url::form_urlencoded::parse(q.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    })
    .unwrap_or_default()
}

/// Header pairs as text, lowercase names.
fn header_pairs(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                v.to_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// Keeps the exchange (when recording) and gives the response back unchanged.
async fn record(recorder: &Recorder, mut exchange: Exchange, response: Response) -> Response {
    let (parts, body) = response.into_parts();
    // Sandbox answers are small and already in memory; a failure here means no body.
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    exchange.status = parts.status.as_u16();
    exchange.response_headers = header_pairs(&parts.headers);
    exchange.response_body = bytes.clone();
    recorder.push(exchange);
    Response::from_parts(parts, Body::from(bytes))
}

/// The router of one vendor: a route per operation, the fault layer around all of them, and
/// (when given a recorder) every answered call kept as an [`Exchange`].
pub(crate) fn router(
    api: Arc<dyn VendorApi>,
    faults: Arc<Faults>,
    recorder: Option<Arc<Recorder>>,
) -> Router {
    let mut by_path: BTreeMap<String, MethodRouter> = BTreeMap::new();
    let mut taken = std::collections::HashSet::new();
    for op in api.operations() {
        let (path, names) = positional(op.path);
        // Two operations on the same method and path cannot both be routed; the first one
        // in the table wins (the vendor module can still tell them apart by the body).
        if !taken.insert((op.method.clone(), path.clone())) {
            tracing::warn!(operation = op.name, %path, "route already taken; skipped");
            continue;
        }
        let Ok(filter) = MethodFilter::try_from(op.method.clone()) else {
            tracing::warn!(operation = op.name, method = %op.method, "method not routable; skipped");
            continue;
        };
        let api = Arc::clone(&api);
        let recorder = recorder.clone();
        let handler = move |params: Result<Path<HashMap<String, String>>, PathRejection>,
                            uri: axum::http::Uri,
                            RawQuery(query): RawQuery,
                            headers: HeaderMap,
                            body: Result<Bytes, BytesRejection>| {
            let api = Arc::clone(&api);
            let recorder = recorder.clone();
            async move {
                // Past MAX_BODY (or a body cut short): the vendor's error shape, not axum's text.
                let body = match body {
                    Ok(body) => body,
                    Err(rejection) => {
                        return api.refuse(Refusal(rejection.status(), rejection.body_text()));
                    }
                };
                let params = match params {
                    Ok(Path(slots)) => names
                        .iter()
                        .filter_map(|(slot, name)| {
                            slots.get(slot).map(|v| (name.clone(), v.clone()))
                        })
                        .collect(),
                    // A value axum cannot decode (such as `%FF`, not UTF-8) names nothing the
                    // vendor holds: hand it over still encoded, so the vendor answers its own
                    // 404 or 400 instead of axum's plain-text rejection.
                    Err(_) => raw_params(uri.path(), &names),
                };
                let query = decode_query(query.as_deref());
                let exchange = recorder.as_ref().map(|_| Exchange {
                    operation: op,
                    method: op.method.to_string(),
                    path: uri.path().to_owned(),
                    query: query.clone(),
                    request_headers: header_pairs(&headers),
                    request_body: body.clone(),
                    status: 0,
                    response_headers: Vec::new(),
                    response_body: Bytes::new(),
                });
                let response = api.handle(Call {
                    op,
                    params,
                    query,
                    headers,
                    body,
                });
                match (recorder, exchange) {
                    (Some(recorder), Some(exchange)) => record(&recorder, exchange, response).await,
                    _ => response,
                }
            }
        };
        let entry = by_path.remove(&path).unwrap_or_default();
        by_path.insert(path, entry.on(filter, handler));
    }
    let mut router = Router::new();
    for (path, methods) in by_path {
        router = router.route(&path, methods);
    }
    // A path no operation matches, or the wrong method on one that does, is answered in
    // the vendor's own error shape rather than axum's empty 404/405.
    let unrouted = |status: StatusCode| {
        let api = Arc::clone(&api);
        any(move |request: Request| {
            let api = Arc::clone(&api);
            async move {
                let (method, path) = (request.method(), request.uri().path());
                api.refuse(Refusal(status, format!("no operation at {method} {path}")))
            }
        })
    };
    router
        .fallback(unrouted(StatusCode::NOT_FOUND))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .method_not_allowed_fallback(unrouted(StatusCode::METHOD_NOT_ALLOWED))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&faults),
            fault_layer::fault_layer,
        ))
        // Merged after the layer, so the control endpoints never suffer the faults they set.
        .merge(fault_layer::admin(faults))
}

/// One running vendor server; dropping it stops the server.
#[derive(Debug)]
pub(crate) struct Server {
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
}

impl Server {
    /// Binds `addr` and serves `router` on the current runtime.
    pub(crate) async fn start(
        vendor: Vendor,
        addr: SocketAddr,
        router: Router,
    ) -> Result<Self, SandboxError> {
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| SandboxError::Bind {
                vendor: vendor.name(),
                addr: addr.to_string(),
                source,
            })?;
        let addr = listener.local_addr().map_err(|source| SandboxError::Bind {
            vendor: vendor.name(),
            addr: addr.to_string(),
            source,
        })?;
        let (shutdown, stop) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let served = axum::serve(listener, router)
                .with_graceful_shutdown(async move {
                    // Either a send or the sender dropping stops the server.
                    let _ = stop.await;
                })
                .await;
            if let Err(error) = served {
                tracing::warn!(vendor = vendor.name(), %error, "sandbox server stopped with an error");
            }
        });
        Ok(Server {
            addr,
            shutdown: Some(shutdown),
        })
    }

    /// The bound address.
    pub(crate) fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_positional() {
        let (path, names) = positional("/v1/tickets/{ticket_id}/notes/{id}");
        assert_eq!(path, "/v1/tickets/{p3}/notes/{p5}");
        assert_eq!(
            names,
            [
                ("p3".to_owned(), "ticket_id".to_owned()),
                ("p5".to_owned(), "id".to_owned())
            ]
        );
        assert_eq!(positional("/api/x").0, "/api/x");
        let raw = raw_params("/v1/tickets/%FF/notes/7", &names);
        assert_eq!(raw["ticket_id"], "%FF");
        assert_eq!(raw["id"], "7");
    }
}
