//! The built-in transports against raw sockets on loopback: the bytes they put on the wire,
//! how they read answers, and how each failure is sorted (kind, and whether the request may
//! have been sent). Every case runs over both the default transport (hyper) and the reqwest
//! one, so the default cannot drift from what reqwest did: the request bytes are compared
//! between them, not against our own types.

use std::time::Duration;

use partner_core::error::{RequestSent, TransportErrorKind};
use partner_core::http::{HeaderMap, HeaderValue, Method, header};
use partner_core::transport::{CertificateDer, HyperTransport, ReqwestTransport};
use partner_core::{HttpRequest, HttpResponse, Transport, TransportError};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// The two built-in transports, by name.
fn transports() -> Vec<(&'static str, Box<dyn Transport>)> {
    transports_connecting_within(Duration::from_secs(5))
}

fn transports_connecting_within(connect: Duration) -> Vec<(&'static str, Box<dyn Transport>)> {
    vec![
        ("hyper", Box::new(HyperTransport::new(connect).unwrap())),
        (
            "reqwest",
            Box::new(ReqwestTransport::new(connect, "test-agent/1").unwrap()),
        ),
    ]
}

/// A server that accepts one connection, reads one request (head and `Content-Length`
/// body), answers `reply` (raw bytes) and hands back what it read.
async fn one_exchange(reply: &'static [u8]) -> (String, tokio::task::JoinHandle<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let request = read_request(&mut socket).await;
        socket.write_all(reply).await.unwrap();
        socket.shutdown().await.ok();
        request
    });
    (base, task)
}

async fn read_request(socket: &mut (impl tokio::io::AsyncRead + Unpin)) -> Vec<u8> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = socket.read(&mut chunk).await.unwrap();
        if n == 0 {
            return buf;
        }
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf).to_string();
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse::<usize>().unwrap())
                })
                .unwrap_or(0);
            if buf.len() >= end + 4 + length {
                return buf;
            }
        }
    }
}

fn request(method: Method, url: &str, body: &'static [u8]) -> HttpRequest {
    let mut headers = HeaderMap::new();
    headers.insert(header::USER_AGENT, HeaderValue::from_static("test-agent/1"));
    headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
    headers.insert("x-api-key", HeaderValue::from_static("k"));
    if !body.is_empty() {
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
    }
    HttpRequest {
        method,
        url: url.parse().unwrap(),
        headers,
        body: bytes::Bytes::from_static(body),
        timeout: None,
        max_response_bytes: Some(64),
    }
}

async fn exchange(
    transport: &dyn Transport,
    req: HttpRequest,
    reply: &'static [u8],
) -> (Result<HttpResponse, TransportError>, String) {
    let (base, server) = one_exchange(reply).await;
    let mut req = req;
    req.url = format!(
        "{base}{}",
        req.url.as_str().trim_start_matches("http://x.test")
    )
    .parse()
    .unwrap();
    let result = transport.send(req).await;
    let wire = String::from_utf8(server.await.unwrap()).unwrap();
    // The port differs between the two runs; the rest must not.
    (
        result,
        wire.replace(base.trim_start_matches("http://"), "HOST"),
    )
}

fn failure(result: Result<HttpResponse, TransportError>) -> (TransportErrorKind, RequestSent) {
    let err = result.expect_err("a failure");
    (err.kind, err.sent)
}

#[tokio::test]
async fn both_transports_put_the_same_bytes_on_the_wire() {
    let ok = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{\"ok\":true}";
    let cases = [
        request(
            Method::GET,
            "http://x.test/v1/things/a%20b?page=2&q=x+y",
            b"",
        ),
        request(Method::POST, "http://x.test/v1/things", b"{\"name\":\"n\"}"),
        request(Method::DELETE, "http://x.test/v1/things/7", b""),
    ];
    for req in cases {
        let mut wires = Vec::new();
        for (name, t) in transports() {
            let (result, wire) = exchange(t.as_ref(), req.clone(), ok).await;
            let resp = result.unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(resp.status, 200, "{name}");
            assert_eq!(resp.headers["content-type"], "application/json", "{name}");
            assert_eq!(&resp.body[..], b"{\"ok\":true}", "{name}");
            wires.push((name, wire));
        }
        let (_, hyper) = &wires[0];
        let (_, reqwest) = &wires[1];
        assert_eq!(
            hyper, reqwest,
            "the default transport sends what reqwest sent"
        );
        let first_line = hyper.lines().next().unwrap();
        assert_eq!(
            first_line,
            format!(
                "{} {} HTTP/1.1",
                req.method,
                &req.url[url::Position::BeforePath..]
            )
        );
        assert!(hyper.contains("\r\nhost: HOST\r\n"), "{hyper}");
        assert!(hyper.contains("\r\nx-api-key: k\r\n"), "{hyper}");
        assert!(
            hyper.ends_with(std::str::from_utf8(&req.body).unwrap()),
            "{hyper}"
        );
    }
}

#[tokio::test]
async fn an_answer_in_many_chunks_is_read_whole() {
    let chunked = b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\n[1,\r\n2\r\n2,\r\n2\r\n3]\r\n0\r\n\r\n";
    for (name, t) in transports() {
        let req = request(Method::GET, "http://x.test/list", b"");
        let (result, _) = exchange(t.as_ref(), req, chunked).await;
        assert_eq!(&result.unwrap().body[..], b"[1,2,3]", "{name}");
    }
}

#[tokio::test]
async fn failures_after_the_status_line_say_the_request_arrived() {
    let too_long = b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789";
    let chunked_too_long = b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n28\r\n0123456789012345678901234567890123456789\r\n28\r\n0123456789012345678901234567890123456789\r\n0\r\n\r\n";
    let cut_short = b"HTTP/1.1 200 OK\r\ncontent-length: 50\r\n\r\n0123456789";
    let cases: [(&[u8], TransportErrorKind); 3] = [
        (too_long, TransportErrorKind::TooLarge),
        (chunked_too_long, TransportErrorKind::TooLarge),
        (cut_short, TransportErrorKind::CutShort),
    ];
    for (reply, kind) in cases {
        let reply: &'static [u8] = reply;
        for (name, t) in transports() {
            let req = request(Method::GET, "http://x.test/x", b"");
            let (result, _) = exchange(t.as_ref(), req, reply).await;
            assert_eq!(failure(result), (kind, RequestSent::Yes), "{name}");
        }
    }
}

#[tokio::test]
async fn a_connection_closed_without_an_answer_may_have_carried_the_request() {
    for (name, t) in transports() {
        let req = request(Method::POST, "http://x.test/orders", b"{}");
        let (result, wire) = exchange(t.as_ref(), req, b"").await;
        assert!(wire.starts_with("POST /orders HTTP/1.1"), "{name}: {wire}");
        assert_eq!(
            failure(result),
            (TransportErrorKind::Body, RequestSent::Maybe),
            "{name}"
        );
    }
}

#[tokio::test]
async fn a_refused_connection_surely_did_not_carry_it() {
    // Bind and drop: the port is free and nothing listens.
    let port = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    for (name, t) in transports() {
        let req = request(
            Method::POST,
            &format!("http://127.0.0.1:{port}/orders"),
            b"{}",
        );
        let result = t.send(req).await;
        assert_eq!(
            failure(result),
            (TransportErrorKind::Connect, RequestSent::No),
            "{name}"
        );
    }
}

#[tokio::test]
async fn https_is_tls_and_a_failed_handshake_is_a_connect_error() {
    for (name, t) in transports() {
        // A plain HTTP server where TLS is expected: the handshake fails before anything
        // of the request is written.
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut first = [0u8; 3];
            socket.read_exact(&mut first).await.unwrap();
            socket
                .write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")
                .await
                .ok();
            first
        });
        let req = request(
            Method::POST,
            &format!("https://localhost:{port}/orders"),
            b"{}",
        );
        let result = t.send(req).await;
        // A TLS record of type handshake (22), version 3.x: a ClientHello, not the request.
        assert_eq!(server.await.unwrap()[..2], [0x16, 0x03], "{name}");
        assert_eq!(
            failure(result),
            (TransportErrorKind::Connect, RequestSent::No),
            "{name}"
        );
    }
}

#[tokio::test(start_paused = true)]
async fn on_its_own_a_transport_enforces_the_request_timeout() {
    // Paused time jumps ahead whenever the runtime idles: a connect timeout past the
    // request's keeps the outcome the request timeout whenever the jump comes.
    for (name, t) in transports_connecting_within(Duration::from_secs(3600)) {
        // Accepts and reads, never answers.
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            let _ = read_request(&mut socket).await;
            std::future::pending::<()>().await; // holding the connection open
            drop(socket);
        });
        let mut req = request(Method::GET, &format!("http://127.0.0.1:{port}/slow"), b"");
        req.timeout = Some(Duration::from_secs(30));
        let result = t.send(req).await;
        assert_eq!(failure(result).0, TransportErrorKind::Timeout, "{name}");
        server.abort();
    }
}

/// A TLS server on loopback presenting the test certificate for `localhost` (tests/tls),
/// answering each connection's request with `reply`; hands back the requests it read.
async fn tls_server(reply: &'static [u8]) -> (u16, tokio::task::JoinHandle<Vec<Vec<u8>>>) {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let chain = vec![CertificateDer::from_pem_slice(include_bytes!("tls/localhost.pem")).unwrap()];
    let key = PrivateKeyDer::from_pem_slice(include_bytes!("tls/localhost.key")).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(std::sync::Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let task = tokio::spawn(async move {
        let mut requests = Vec::new();
        // The first connection is trusted and answered; the second fails its handshake.
        for _ in 0..2 {
            let (socket, _) = listener.accept().await.unwrap();
            let Ok(mut tls) = acceptor.accept(socket).await else {
                continue;
            };
            requests.push(read_request(&mut tls).await);
            tls.write_all(reply).await.unwrap();
            tls.shutdown().await.ok();
        }
        requests
    });
    (port, task)
}

fn provider() -> std::sync::Arc<rustls::crypto::CryptoProvider> {
    #[cfg(feature = "aws-lc")]
    return std::sync::Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    #[cfg(all(feature = "ring", not(feature = "aws-lc")))]
    return std::sync::Arc::new(rustls::crypto::ring::default_provider());
    #[cfg(not(any(feature = "aws-lc", feature = "ring")))]
    rustls::crypto::CryptoProvider::get_default()
        .expect("a crypto provider")
        .clone()
}

#[tokio::test]
async fn https_to_a_trusted_server_carries_the_request_and_an_unknown_issuer_does_not() {
    use rustls::pki_types::pem::PemObject;
    let ok = b"HTTP/1.1 200 OK\r\ncontent-length: 11\r\n\r\n{\"ok\":true}";
    let (port, server) = tls_server(ok).await;
    let ca = CertificateDer::from_pem_slice(include_bytes!("tls/ca.pem")).unwrap();
    let trusting = HyperTransport::with_extra_roots(Duration::from_secs(5), [ca]).unwrap();
    let url = format!("https://localhost:{port}/v1/orders?page=2");
    let resp = trusting
        .send(request(Method::POST, &url, b"{\"a\":1}"))
        .await
        .unwrap();
    assert_eq!(resp.status, 200);
    assert_eq!(&resp.body[..], b"{\"ok\":true}");

    // The platform's roots alone do not know the test CA: refused in the handshake, before
    // anything of the request was written.
    let platform = HyperTransport::new(Duration::from_secs(5)).unwrap();
    let err = platform
        .send(request(Method::POST, &url, b"{\"a\":1}"))
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.sent),
        (TransportErrorKind::Connect, RequestSent::No)
    );

    let requests = server.await.unwrap();
    assert_eq!(
        requests.len(),
        1,
        "only the trusted connection carried a request"
    );
    let wire = String::from_utf8(requests[0].clone()).unwrap();
    assert!(
        wire.starts_with("POST /v1/orders?page=2 HTTP/1.1\r\n"),
        "{wire}"
    );
    assert!(
        wire.contains(&format!("\r\nhost: localhost:{port}\r\n")),
        "{wire}"
    );
    assert!(wire.ends_with("{\"a\":1}"), "{wire}");
}

#[test]
fn a_client_builds_outside_a_runtime_and_works_inside_one() {
    // Built where no runtime runs (a `main` before the runtime starts, a lazy static), as a
    // reqwest-based client could be.
    let transport = HyperTransport::new(Duration::from_secs(5)).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let ok = b"HTTP/1.1 204 No Content\r\n\r\n";
        let (result, wire) = exchange(
            &transport,
            request(Method::GET, "http://x.test/ping", b""),
            ok,
        )
        .await;
        assert_eq!(result.unwrap().status, 204);
        assert!(wire.starts_with("GET /ping HTTP/1.1\r\n"), "{wire}");
    });
}
