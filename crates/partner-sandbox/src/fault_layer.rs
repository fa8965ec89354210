//! The HTTP side of fault injection: the layer that applies a vendor's [`Faults`] around
//! its handlers, and the `/__sandbox/faults` control endpoints for users of the binary, who
//! have no [`crate::Sandbox`] handle.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{RawQuery, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::{get, post};
use bytes::Bytes;

use crate::faults::{Fault, FaultConfig, Faults};
use crate::server::{decode_query, json};

/// The fault settings, queue length and counts, as the control endpoints answer them.
fn read(faults: &Faults) -> Response {
    json(
        StatusCode::OK,
        serde_json::json!({ "config": faults.config(), "queued": faults.queued(), "stats": faults.stats() }),
    )
}

/// `/__sandbox/faults`: read (GET), replace (PUT, a [`FaultConfig`] as JSON), clear
/// (DELETE) the vendor's faults, or start a 429 storm (POST `.../storm?requests=N&retry_after=S`),
/// for users of the binary, who have no [`crate::Sandbox`] handle.
pub(crate) fn admin(faults: Arc<Faults>) -> Router {
    Router::new()
        .route(
            "/__sandbox/faults",
            get(|State(f): State<Arc<Faults>>| async move { read(&f) })
                .put(|State(f): State<Arc<Faults>>, body: Bytes| async move {
                    let config =
                        serde_json::from_slice::<FaultConfig>(&body).map_err(|e| e.to_string());
                    match config.and_then(|c| f.set(c).map_err(|e| e.to_string())) {
                        Ok(()) => read(&f),
                        Err(message) => json(
                            StatusCode::BAD_REQUEST,
                            serde_json::json!({ "message": message }),
                        ),
                    }
                })
                .delete(|State(f): State<Arc<Faults>>| async move {
                    f.clear();
                    read(&f)
                }),
        )
        .route(
            "/__sandbox/faults/storm",
            post(
                |State(f): State<Arc<Faults>>, RawQuery(query): RawQuery| async move {
                    let query = decode_query(query.as_deref());
                    // Absent means the default; present but not a whole number is refused.
                    let number = |name: &str, default: u64| {
                        query
                            .iter()
                            .find(|(k, _)| k == name)
                            .map_or(Ok(default), |(_, v)| {
                                v.parse::<u64>()
                                    .map_err(|e| format!("{name}={v} is not a whole number: {e}"))
                            })
                    };
                    match (number("requests", 1), number("retry_after", 1)) {
                        (Ok(requests), Ok(retry_after)) => {
                            let requests = usize::try_from(requests).unwrap_or(usize::MAX);
                            f.storm(requests, retry_after);
                            read(&f)
                        }
                        (Err(message), _) | (_, Err(message)) => json(
                            StatusCode::BAD_REQUEST,
                            serde_json::json!({ "message": message }),
                        ),
                    }
                },
            ),
        )
        .with_state(faults)
}

/// Applies the vendor's faults around the real handler.
pub(crate) async fn fault_layer(
    State(faults): State<Arc<Faults>>,
    request: Request,
    next: Next,
) -> Response {
    let decision = faults.decide();
    if !decision.latency.is_zero() {
        tokio::time::sleep(decision.latency).await;
    }
    match decision.fault {
        None => next.run(request).await,
        Some(Fault::InternalError) => injected(StatusCode::INTERNAL_SERVER_ERROR, None),
        Some(Fault::Unavailable) => injected(StatusCode::SERVICE_UNAVAILABLE, None),
        Some(Fault::TooManyRequests { retry_after_secs }) => {
            injected(StatusCode::TOO_MANY_REQUESTS, Some(retry_after_secs))
        }
        Some(Fault::DropConnection) => {
            let answer = next.run(request).await;
            drop_mid_body(answer).await
        }
        Some(Fault::BadGatewayHtml) => html(
            StatusCode::BAD_GATEWAY,
            "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>",
        ),
        Some(Fault::GatewayTimeout) => injected(StatusCode::GATEWAY_TIMEOUT, None),
        Some(Fault::TooManyRequestsQuotaLeft) => {
            let mut r = injected(StatusCode::TOO_MANY_REQUESTS, None);
            quota_headers(&mut r, 100, 3600);
            r
        }
        Some(Fault::TooManyRequestsQuotaSpent) => {
            let mut r = injected(StatusCode::TOO_MANY_REQUESTS, None);
            quota_headers(&mut r, 0, 1);
            r
        }
        Some(Fault::LoginPage) => html(
            StatusCode::OK,
            "<!DOCTYPE html><html><body><form action=\"/login\">Sign in to continue</form></body></html>",
        ),
        Some(Fault::EmptyOk) => Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::empty())
            .unwrap_or_default(),
        Some(Fault::TruncatedJson) => {
            let answer = next.run(request).await;
            let (mut parts, body) = answer.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX)
                .await
                .unwrap_or_default();
            let cut = bytes.slice(..bytes.len() / 2);
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(cut.len()));
            Response::from_parts(parts, Body::from(cut))
        }
        Some(Fault::HugeBody) => Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(huge_body()))
            .unwrap_or_default(),
        Some(Fault::SlowAnswer) => {
            let answer = next.run(request).await;
            tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            answer
        }
    }
}

/// Ten megabytes of a JSON array of numbers: valid JSON, not the answer.
fn huge_body() -> Bytes {
    static BODY: std::sync::OnceLock<Bytes> = std::sync::OnceLock::new();
    BODY.get_or_init(|| {
        let mut text = String::with_capacity(10_000_002);
        text.push('[');
        while text.len() < 10_000_000 {
            text.push_str("1234567,");
        }
        text.push_str("0]");
        Bytes::from(text)
    })
    .clone()
}

fn html(status: StatusCode, page: &'static str) -> Response {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .body(Body::from(page))
        .unwrap_or_default()
}

fn quota_headers(response: &mut Response, remaining: u64, reset: u64) {
    let headers = response.headers_mut();
    headers.insert("x-ratelimit-limit", HeaderValue::from(10_800u64));
    headers.insert("x-ratelimit-remaining", HeaderValue::from(remaining));
    headers.insert("x-ratelimit-reset", HeaderValue::from(reset));
}

fn injected(status: StatusCode, retry_after: Option<u64>) -> Response {
    let mut response = json(
        status,
        serde_json::json!({ "message": format!("{status} (injected by partner-sandbox)") }),
    );
    if let Some(secs) = retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    response
}

/// Sends the answer's status, headers and first bytes, then fails the body so hyper
/// aborts the connection: the client sees a response cut short.
async fn drop_mid_body(answer: Response) -> Response {
    let (mut parts, body) = answer.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let head = bytes.slice(..bytes.len().min(8));
    // Without a length the body is chunked, so a cut is visible as an error, not a short body.
    parts.headers.remove(header::CONTENT_LENGTH);
    let chunks: Vec<Result<Bytes, std::io::Error>> = vec![
        Ok(head),
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "connection dropped by partner-sandbox",
        )),
    ];
    Response::from_parts(parts, Body::from_stream(futures_util::stream::iter(chunks)))
}
