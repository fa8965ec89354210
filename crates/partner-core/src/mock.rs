//! An in-memory [`Transport`] for tests: scripted responses, recorded requests, no sockets.
//!
//! Unlike a mock HTTP server it works under paused tokio time, so tests of retries and
//! rate-limit waits run instantly and deterministically.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use futures_util::future::BoxFuture;
use http::{HeaderMap, HeaderValue, StatusCode};

use crate::transport::{HttpRequest, HttpResponse, Transport, TransportError};

type Responder = Box<dyn Fn(&HttpRequest) -> Result<HttpResponse, TransportError> + Send + Sync>;

/// Answers requests from a queue of scripted results, then from a fallback.
#[derive(Clone)]
pub struct MockTransport {
    inner: Arc<Inner>,
}

struct Inner {
    queue: Mutex<VecDeque<Result<HttpResponse, TransportError>>>,
    fallback: Mutex<Option<Responder>>,
    requests: Mutex<Vec<HttpRequest>>,
}

impl Default for MockTransport {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for MockTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockTransport")
            .field("requests", &self.requests().len())
            .finish()
    }
}

impl MockTransport {
    /// An empty mock (answers 501 when nothing is scripted).
    pub fn new() -> Self {
        MockTransport {
            inner: Arc::new(Inner {
                queue: Mutex::new(VecDeque::new()),
                fallback: Mutex::new(None),
                requests: Mutex::new(Vec::new()),
            }),
        }
    }

    /// Queues a response.
    pub fn push(&self, response: HttpResponse) -> &Self {
        self.inner.queue.lock().unwrap().push_back(Ok(response));
        self
    }

    /// Queues a transport failure.
    pub fn push_error(&self, error: TransportError) -> &Self {
        self.inner.queue.lock().unwrap().push_back(Err(error));
        self
    }

    /// Answers with `f` once the queue is empty.
    pub fn fallback(
        &self,
        f: impl Fn(&HttpRequest) -> Result<HttpResponse, TransportError> + Send + Sync + 'static,
    ) -> &Self {
        *self.inner.fallback.lock().unwrap() = Some(Box::new(f));
        self
    }

    /// Every request received, in order.
    pub fn requests(&self) -> Vec<HttpRequest> {
        self.inner.requests.lock().unwrap().clone()
    }
}

impl Transport for MockTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        self.inner.requests.lock().unwrap().push(request.clone());
        let scripted = self.inner.queue.lock().unwrap().pop_front();
        let result = scripted.unwrap_or_else(|| match &*self.inner.fallback.lock().unwrap() {
            Some(f) => f(&request),
            None => Ok(response(501, &[], "no scripted response")),
        });
        // Like the real transport: an answer over the limit is refused, not handed on.
        let limit = request.max_response_bytes.unwrap_or(usize::MAX);
        let result = match result {
            Ok(r) if r.body.len() > limit => Err(TransportError::new(
                crate::error::TransportErrorKind::TooLarge,
                crate::error::RequestSent::Yes,
                format!(
                    "answer larger than {limit} bytes (HTTP {})",
                    r.status.as_u16()
                ),
            )),
            other => other,
        };
        Box::pin(async move { result })
    }
}

/// A response with a status, headers and body (for scripting mocks).
pub fn response(
    status: u16,
    headers: &[(&'static str, &str)],
    body: impl Into<Bytes>,
) -> HttpResponse {
    let mut map = HeaderMap::new();
    for (k, v) in headers {
        map.append(*k, HeaderValue::try_from(*v).expect("valid header value"));
    }
    HttpResponse {
        status: StatusCode::from_u16(status).expect("valid status"),
        headers: map,
        body: body.into(),
    }
}

/// A JSON response.
pub fn json_response(status: u16, body: &serde_json::Value) -> HttpResponse {
    response(
        status,
        &[("content-type", "application/json")],
        body.to_string(),
    )
}
