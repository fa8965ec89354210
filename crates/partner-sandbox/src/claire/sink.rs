//! A local webhook receiver, so tests and the tour can watch Claire's calls arrive.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::http::HeaderMap;
use axum::routing::post;
use tokio::sync::mpsc;

use crate::Vendor;
use crate::error::SandboxError;
use crate::server::Server;

/// One call received.
#[derive(Debug, Clone)]
pub struct Received {
    /// Request headers (custom webhook headers included).
    pub headers: HeaderMap,
    /// The raw body.
    pub body: Bytes,
}

/// A POST receiver on an ephemeral 127.0.0.1 port; stops when dropped.
#[derive(Debug)]
pub struct WebhookSink {
    url: String,
    calls: mpsc::UnboundedReceiver<Received>,
    _server: Server,
}

impl WebhookSink {
    /// Starts a receiver answering 200 to every POST on any path.
    pub async fn start() -> Result<Self, SandboxError> {
        let (tx, calls) = mpsc::unbounded_channel();
        let router = Router::new().fallback(post(move |headers: HeaderMap, body: Bytes| {
            let tx = tx.clone();
            async move {
                // The test may have stopped listening; the call still succeeds.
                let _ = tx.send(Received { headers, body });
            }
        }));
        let server = Server::start(
            Vendor::Claire,
            SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            router,
        )
        .await?;
        Ok(WebhookSink {
            url: format!("http://{}/hooks/claire", server.addr()),
            calls,
            _server: server,
        })
    }

    /// The URL to register as the webhook.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The next call, waiting at most `timeout`.
    pub async fn next(&mut self, timeout: Duration) -> Option<Received> {
        tokio::time::timeout(timeout, self.calls.recv())
            .await
            .ok()
            .flatten()
    }
}
