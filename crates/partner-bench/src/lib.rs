//! Shared pieces of the side-by-side benchmarks (`cargo bench -p partner-bench`, or
//! `cargo xtask bench`): a minimal hyper server on loopback that answers canned bytes, the
//! calling thread's CPU time (its CPU clock, the account `getrusage(RUSAGE_THREAD)` reads),
//! resident memory from `/proc/self/status`, and medians.
//!
//! The server runs on its own thread and runtime, so the CPU time of the thread that drives
//! the clients counts only the client side: building the request, reqwest and hyper's client
//! half, reading the answer and decoding it.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;

/// A canned answer: status, headers, body.
#[derive(Clone, Debug)]
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// Header pairs.
    pub headers: Vec<(&'static str, String)>,
    /// Body bytes, sent as they are.
    pub body: Bytes,
}

impl Answer {
    /// A 200 JSON answer.
    pub fn json(body: impl Into<Bytes>) -> Self {
        Answer {
            status: 200,
            headers: vec![("content-type", "application/json".to_owned())],
            body: body.into(),
        }
    }

    /// Adds a header.
    #[must_use]
    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }
}

/// A dynamic route: the query string in, the answer out.
pub type Handler = Arc<dyn Fn(&str) -> Answer + Send + Sync>;

/// One request as the server received it: what the bare side replays.
#[derive(Clone, Debug)]
pub struct Captured {
    /// Method.
    pub method: String,
    /// Path and query.
    pub path_and_query: String,
    /// Headers in arrival order (names lower-case).
    pub headers: Vec<(String, Vec<u8>)>,
    /// Body.
    pub body: Bytes,
}

#[derive(Default)]
struct Routes {
    fixed: HashMap<String, Answer>,
    dynamic: HashMap<String, Handler>,
    captured: HashMap<String, Captured>,
}

/// The loopback server. Routes match the path only; the first request to each path is
/// kept so the bare side can send exactly the same one.
#[derive(Clone)]
pub struct Server {
    addr: SocketAddr,
    routes: Arc<Mutex<Routes>>,
}

impl Server {
    /// Starts the server on 127.0.0.1 (an ephemeral port) on a thread of its own.
    pub fn start() -> Server {
        let routes = Arc::new(Mutex::new(Routes::default()));
        let (tx, rx) = std::sync::mpsc::channel();
        let served = routes.clone();
        std::thread::Builder::new()
            .name("bench-server".into())
            .spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("server runtime");
                rt.block_on(async move {
                    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                        .await
                        .expect("bind 127.0.0.1");
                    tx.send(listener.local_addr().expect("local addr"))
                        .expect("report address");
                    loop {
                        let Ok((stream, _)) = listener.accept().await else {
                            continue;
                        };
                        let _ = stream.set_nodelay(true);
                        let routes = served.clone();
                        tokio::spawn(async move {
                            let service = hyper::service::service_fn(move |req| {
                                let routes = routes.clone();
                                async move { Ok::<_, Infallible>(answer(&routes, req).await) }
                            });
                            let _ = hyper::server::conn::http1::Builder::new()
                                .serve_connection(TokioIo::new(stream), service)
                                .await;
                        });
                    }
                });
            })
            .expect("server thread");
        let addr = rx.recv().expect("server address");
        Server { addr, routes }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Answers `path` with `answer`.
    pub fn route(&self, path: &str, answer: Answer) {
        self.lock().fixed.insert(path.to_owned(), answer);
    }

    /// Answers `path` with what `handler` makes of the query string.
    pub fn route_fn(&self, path: &str, handler: impl Fn(&str) -> Answer + Send + Sync + 'static) {
        self.lock()
            .dynamic
            .insert(path.to_owned(), Arc::new(handler));
    }

    /// The first request the server received on `path`.
    pub fn captured(&self, path: &str) -> Option<Captured> {
        self.lock().captured.get(path).cloned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Routes> {
        self.routes.lock().unwrap_or_else(|e| e.into_inner())
    }
}

async fn answer(routes: &Mutex<Routes>, req: Request<Incoming>) -> Response<Full<Bytes>> {
    let path = req.uri().path().to_owned();
    let query = req.uri().query().unwrap_or("").to_owned();
    let first = !routes
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .captured
        .contains_key(&path);
    let (parts, body) = req.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let found = {
        let mut r = routes.lock().unwrap_or_else(|e| e.into_inner());
        if first {
            let captured = Captured {
                method: parts.method.to_string(),
                path_and_query: parts
                    .uri
                    .path_and_query()
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
                headers: parts
                    .headers
                    .iter()
                    .map(|(k, v)| (k.as_str().to_owned(), v.as_bytes().to_vec()))
                    .collect(),
                body,
            };
            r.captured.insert(path.clone(), captured);
        }
        match r.dynamic.get(&path) {
            Some(h) => Some(h.clone()(&query)),
            None => r.fixed.get(&path).cloned(),
        }
    };
    let answer = found.unwrap_or_else(|| Answer {
        status: 404,
        headers: vec![("content-type", "application/json".to_owned())],
        body: Bytes::from_static(br#"{"message":"no such route in the bench server"}"#),
    });
    let mut resp = Response::new(Full::new(answer.body));
    *resp.status_mut() = hyper::StatusCode::from_u16(answer.status).unwrap_or_default();
    for (name, value) in answer.headers {
        if let Ok(v) = hyper::header::HeaderValue::try_from(value) {
            resp.headers_mut().append(name, v);
        }
    }
    resp
}

/// CPU time (user + system) the calling thread has used so far.
///
/// `clock_gettime(CLOCK_THREAD_CPUTIME_ID)`: the same account as `getrusage(RUSAGE_THREAD)`,
/// but read exactly even while the thread runs (getrusage only sees the time the scheduler
/// booked at its last tick or switch, which blurs CPU-bound loops such as the sheet bench).
pub fn thread_cpu() -> Duration {
    use nix::time::{ClockId, clock_gettime};
    let t = clock_gettime(ClockId::CLOCK_THREAD_CPUTIME_ID).expect("thread CPU clock");
    Duration::new(
        u64::try_from(t.tv_sec()).unwrap_or(0),
        u32::try_from(t.tv_nsec()).unwrap_or(0),
    )
}

/// CPU time (user + system) of the whole process so far, every thread included (the sheet
/// writer spreads its work over threads).
pub fn process_cpu() -> Duration {
    use nix::time::{ClockId, clock_gettime};
    let t = clock_gettime(ClockId::CLOCK_PROCESS_CPUTIME_ID).expect("process CPU clock");
    Duration::new(
        u64::try_from(t.tv_sec()).unwrap_or(0),
        u32::try_from(t.tv_nsec()).unwrap_or(0),
    )
}

/// A `/proc/self/status` field in KiB (`VmRSS`, `VmHWM`), 0 where there is none.
pub fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| {
                let rest = l.strip_prefix(field)?.strip_prefix(':')?;
                rest.split_whitespace().next()?.parse().ok()
            })
        })
        .unwrap_or(0)
}

/// The median (the mean of the two middle values for an even count).
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// The 1-minute load average, for the record.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

/// True when run by `cargo bench` (it passes `--bench`); `cargo test --all-targets` runs the
/// benches without it, and they then stay short.
pub fn full_run() -> bool {
    std::env::args().any(|a| a == "--bench")
}
