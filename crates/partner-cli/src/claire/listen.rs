//! `partner claire webhooks listen`: a local HTTP receiver that parses each call with the
//! crate's own `WebhookReceiver`, prints it, optionally forwards it, and registers (or
//! reuses) a webhook pointing at itself.

use std::convert::Infallible;
use std::net::{Ipv4Addr, SocketAddr};

use bytes::Bytes;
use claire_client::webhook_receiver::{ImportOutcome, WebhookPayload, WebhookReceiver};
use claire_client::{LocationId, Webhook, WebhookId, WebhookTriggerId};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::json;
use tokio::net::TcpListener;
use tokio::sync::mpsc;

use super::ListenArgs;
use crate::context::Ctx;
use crate::error::{CliError, IntoCli, code};

/// The path the listener answers on.
const PATH: &str = "/claire-webhook";

/// What the server hands to the printing loop.
enum Call {
    Ok {
        payload: Box<WebhookPayload>,
        body: Bytes,
        peer: SocketAddr,
    },
    Refused {
        reason: String,
        peer: SocketAddr,
    },
}

fn io(e: std::io::Error) -> CliError {
    CliError::new(code::NETWORK, "listen", e.to_string())
}

/// Runs the listener until Ctrl-C or `--count` calls.
pub async fn run(args: ListenArgs, ctx: &Ctx) -> Result<(), CliError> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, args.port))
        .await
        .map_err(io)?;
    let addr = listener.local_addr().map_err(io)?;
    let url = args
        .url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}{PATH}"));
    let mut receiver = WebhookReceiver::new();
    for ip in &args.allow_from {
        receiver = receiver.allow(*ip);
    }
    let (tx, mut rx) = mpsc::unbounded_channel::<Call>();
    let server = tokio::spawn(serve(listener, receiver, tx));
    eprintln!("listening on http://{addr}{PATH}");

    let client = if args.no_register {
        None
    } else {
        Some(super::client(ctx)?)
    };
    let mut created: Option<WebhookId> = None;
    if let Some(c) = &client {
        let trigger = args
            .trigger
            .map(WebhookTriggerId::from_value)
            .unwrap_or(WebhookTriggerId::PublicApiAppointmentImported);
        let location = args.location.map(LocationId);
        let existing = c.webhooks().list().await.cli("ListWebhooks")?;
        let reuse = existing.into_iter().find(|w| {
            w.url == url && w.webhook_trigger_id == trigger && w.dealer_location_id == location
        });
        match reuse {
            Some(w) if w.active => eprintln!("reusing webhook {} -> {url}", w.id),
            Some(w) => {
                let id = w.id;
                c.webhooks()
                    .update(&w.active(true))
                    .await
                    .cli("UpdateWebhook")?;
                eprintln!("reusing webhook {id} (re-activated) -> {url}");
            }
            None => {
                let mut hook = Webhook::new("partner webhooks listen", trigger, url.clone());
                if let Some(l) = location {
                    hook = hook.location(l);
                }
                let id = c.webhooks().create(&hook).await.cli("CreateWebhook")?;
                eprintln!("created webhook {id} -> {url}");
                created = Some(id);
            }
        }
    }
    eprintln!("ready: waiting for calls (Ctrl-C to stop)");

    let forward = reqwest::Client::new();
    let mut seen = 0u64;
    let result = loop {
        if args.count.is_some_and(|n| seen >= n) {
            break Ok(());
        }
        let call = tokio::select! {
            call = rx.recv() => call,
            _ = tokio::signal::ctrl_c() => break Ok(()),
        };
        let Some(call) = call else {
            break Err(CliError::new(
                code::NETWORK,
                "listen",
                "the receiver stopped",
            ));
        };
        match call {
            Call::Refused { reason, peer } => eprintln!("refused a call from {peer}: {reason}"),
            Call::Ok {
                payload,
                body,
                peer,
            } => {
                seen += 1;
                let outcome = match payload.import_outcome() {
                    Some(ImportOutcome::Imported { appointment_id }) => {
                        json!({ "imported": appointment_id })
                    }
                    Some(ImportOutcome::Failed { error }) => json!({ "failed": error }),
                    Some(_) | None => serde_json::Value::Null,
                };
                let event = json!({
                    "received_at": chrono::Utc::now().to_rfc3339(),
                    "from": peer.ip().to_string(),
                    "import_outcome": outcome,
                    "payload": payload,
                });
                if let Err(e) = ctx.out.event(&event) {
                    break Err(e);
                }
                if let Some(target) = &args.forward_to {
                    let sent = forward
                        .post(target)
                        .header("content-type", "application/json")
                        .body(body)
                        .send()
                        .await;
                    match sent {
                        Ok(r) => eprintln!("forwarded to {target}: HTTP {}", r.status().as_u16()),
                        Err(e) => eprintln!("forwarding to {target} failed: {e}"),
                    }
                }
            }
        }
    };
    server.abort();
    if let (Some(c), Some(id), false) = (&client, created, args.keep) {
        match c.webhooks().delete(id).await {
            Ok(()) => eprintln!("deleted webhook {id}"),
            Err(e) => eprintln!("could not delete webhook {id}: {e}"),
        }
    }
    result
}

/// Accepts connections and answers each call: 200 when the receiver accepts it, 400/403
/// otherwise.
async fn serve(listener: TcpListener, receiver: WebhookReceiver, tx: mpsc::UnboundedSender<Call>) {
    loop {
        let Ok((stream, peer)) = listener.accept().await else {
            continue;
        };
        let receiver = receiver.clone();
        let tx = tx.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req: Request<Incoming>| {
                let receiver = receiver.clone();
                let tx = tx.clone();
                async move { Ok::<_, Infallible>(answer(req, peer, &receiver, &tx).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn answer(
    req: Request<Incoming>,
    peer: SocketAddr,
    receiver: &WebhookReceiver,
    tx: &mpsc::UnboundedSender<Call>,
) -> Response<Full<Bytes>> {
    let reply = |status: StatusCode, text: &'static str| {
        let mut r = Response::new(Full::new(Bytes::from_static(text.as_bytes())));
        *r.status_mut() = status;
        r
    };
    if req.method() != Method::POST {
        return reply(StatusCode::METHOD_NOT_ALLOWED, "POST only\n");
    }
    let body = match req.into_body().collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return reply(StatusCode::BAD_REQUEST, "unreadable body\n"),
    };
    match receiver.receive(&body, Some(peer.ip())) {
        Ok(payload) => {
            let _ = tx.send(Call::Ok {
                payload: Box::new(payload),
                body,
                peer,
            });
            reply(StatusCode::OK, "{}")
        }
        Err(e) => {
            let status = match e {
                claire_client::webhook_receiver::ReceiveError::Malformed { .. } => {
                    StatusCode::BAD_REQUEST
                }
                _ => StatusCode::FORBIDDEN,
            };
            let _ = tx.send(Call::Refused {
                reason: e.to_string(),
                peer,
            });
            reply(status, "refused\n")
        }
    }
}
