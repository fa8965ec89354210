//! Test support: a private `redis-server` on a free loopback port, and worker processes
//! (this same test binary, re-executed with a job in the environment).
#![allow(dead_code, unreachable_pub)]

use std::io::{BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use claire_client::ClaireClient;
use partner_core::{Error, RequestSent, RetryPolicy, SecretString};
use partner_redis::{RedisQuotaStore, RedisStore};
use partner_sandbox::claire;
use serde_json::{Value, json};

/// The environment variable that turns a test binary into a worker.
pub const WORKER_ENV: &str = "PARTNER_REDIS_WORKER";

/// A `redis-server` of our own: loopback only, no persistence, in a temporary directory,
/// killed (by its own pid) when dropped.
pub struct RedisServer {
    child: Option<Child>,
    pub port: u16,
    dir: PathBuf,
}

impl RedisServer {
    /// Starts one, or returns `None` (after printing why) when `PARTNER_SKIP_REDIS=1` and
    /// `redis-server` is missing.
    ///
    /// # Panics
    /// When `redis-server` is missing (and skipping was not asked for), or does not start.
    pub fn start() -> Option<RedisServer> {
        let found = Command::new("redis-server")
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !found {
            if std::env::var("PARTNER_SKIP_REDIS").as_deref() == Ok("1") {
                eprintln!("note: redis-server not found, test skipped (PARTNER_SKIP_REDIS=1)");
                return None;
            }
            panic!(
                "redis-server is not installed: these tests start their own instance. Install it \
                 with `apt-get install -y redis-server` (Debian/Ubuntu; `brew install redis` on \
                 macOS), or set PARTNER_SKIP_REDIS=1 to skip them"
            );
        }
        for _ in 0..5 {
            let port = free_port();
            let dir = std::env::temp_dir()
                .join(format!("partner-redis-test-{}-{port}", std::process::id()));
            std::fs::create_dir_all(&dir).expect("temp dir");
            let child = Command::new("redis-server")
                .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
                .args(["--save", "", "--appendonly", "no"])
                .arg("--dir")
                .arg(&dir)
                .args(["--daemonize", "no", "--protected-mode", "yes"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("redis-server starts");
            let mut server = RedisServer {
                child: Some(child),
                port,
                dir,
            };
            if server.wait_ready(Duration::from_secs(10)) {
                return Some(server);
            }
            server.kill();
        }
        panic!("redis-server did not start on a free loopback port (5 tries)");
    }

    fn wait_ready(&mut self, within: Duration) -> bool {
        let until = Instant::now() + within;
        while Instant::now() < until {
            if let Some(child) = &mut self.child
                && let Ok(Some(_)) = child.try_wait()
            {
                return false; // exited: port taken meanwhile, say
            }
            if let Ok(mut s) = TcpStream::connect(("127.0.0.1", self.port)) {
                let _ = s.set_read_timeout(Some(Duration::from_secs(1)));
                let mut buf = [0u8; 64];
                if s.write_all(b"PING\r\n").is_ok()
                    && s.read(&mut buf)
                        .is_ok_and(|n| buf[..n].starts_with(b"+PONG"))
                {
                    return true;
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// `redis://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    /// Kills the server (SIGKILL to its own pid) and waits for it.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.kill();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind(("127.0.0.1", 0)).expect("bind an ephemeral port");
    listener.local_addr().expect("local addr").port()
}

/// A worker process: this test binary running only `entry`, with `job` in [`WORKER_ENV`].
pub struct Worker {
    child: Child,
}

impl Worker {
    /// Starts the worker.
    pub fn spawn(entry: &str, job: &serde_json::Value) -> Worker {
        let exe = std::env::current_exe().expect("current test binary");
        let child = Command::new(exe)
            .args([
                entry,
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(WORKER_ENV, job.to_string())
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("worker starts");
        Worker { child }
    }

    /// Waits for the worker; its `RESULT {...}` line (parsed), its exit success and stderr.
    pub fn finish(mut self) -> WorkerOutput {
        // Both pipes at once: a worker blocked on a full stderr would never close stdout.
        let err = self.child.stderr.take();
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            if let Some(err) = err {
                let _ = BufReader::new(err).read_to_string(&mut text);
            }
            text
        });
        let mut stdout = String::new();
        if let Some(out) = self.child.stdout.take() {
            let _ = BufReader::new(out).read_to_string(&mut stdout);
        }
        let stderr = stderr.join().unwrap_or_default();
        let status = self.child.wait().expect("worker ends");
        let result = stdout
            .lines()
            .find_map(|l| l.split_once("RESULT ").map(|(_, r)| r))
            .and_then(|l| serde_json::from_str(l).ok());
        WorkerOutput {
            success: status.success(),
            result,
            stdout,
            stderr,
        }
    }
}

/// What a worker left.
#[derive(Debug)]
pub struct WorkerOutput {
    pub success: bool,
    pub result: Option<serde_json::Value>,
    pub stdout: String,
    pub stderr: String,
}

impl WorkerOutput {
    /// The result, or a panic showing everything the worker printed.
    pub fn result(&self) -> &serde_json::Value {
        match (&self.result, self.success) {
            (Some(r), true) => r,
            _ => panic!(
                "worker failed\n--- stdout\n{}\n--- stderr\n{}",
                self.stdout, self.stderr
            ),
        }
    }
}

/// The job of this process, when it runs as a worker.
pub fn worker_job() -> Option<serde_json::Value> {
    let job = std::env::var(WORKER_ENV).ok()?;
    Some(serde_json::from_str(&job).expect("worker job is JSON"))
}

/// Prints the worker's result line.
pub fn report(result: &serde_json::Value) {
    let mut out = std::io::stdout().lock();
    // On a line of its own: the test harness has printed `test worker_entry ... ` already.
    let _ = writeln!(out, "\nRESULT {result}");
    let _ = out.flush();
}

/// Milliseconds since the Unix epoch.
pub fn unix_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Sleeps (blocking) until the Unix time `at_ms`, so workers start together.
pub fn wait_until(at_ms: u64) {
    let now = unix_ms();
    if at_ms > now {
        std::thread::sleep(Duration::from_millis(at_ms - now));
    }
}

/// Calls Claire's GetLocations `calls` times from `tasks` tasks, counting statuses.
pub async fn claire_worker(job: &Value) -> Value {
    let redis = job["redis"].as_str();
    // The real Claire client, its quota shared through the store in its options.
    let mut builder = ClaireClient::builder()
        .base_url(job["base_url"].as_str().unwrap())
        .api_key(SecretString::from(claire::DEMO_API_KEY))
        .deadline(Duration::from_secs(600))
        .retry_policy(if job["retry"].as_bool().unwrap_or(false) {
            RetryPolicy::default().with_max_server_wait(Duration::from_secs(60))
        } else {
            // Every 429 shows: nothing is retried.
            RetryPolicy::none()
        });
    if let Some(url) = redis {
        let store = RedisStore::open(url).expect("redis url");
        builder = builder.quota_store(Arc::new(RedisQuotaStore::new(store)));
    }
    let client = builder.build().expect("client");
    wait_until(job["start_at"].as_u64().unwrap_or(0));
    let calls = job["calls"].as_u64().unwrap() as usize;
    let tasks = job["tasks"].as_u64().unwrap_or(1) as usize;
    let pace = Duration::from_millis(job["pace_ms"].as_u64().unwrap_or(0));
    let start = Instant::now();
    let started_ms = unix_ms();
    let handles: Vec<_> = (0..tasks)
        .map(|t| {
            let client = client.clone();
            let mine = calls / tasks + usize::from(t < calls % tasks);
            tokio::spawn(async move {
                let (mut ok, mut limited, mut other) = (0u64, 0u64, 0u64);
                for _ in 0..mine {
                    match client.locations().list().await {
                        Ok(_) => ok += 1,
                        Err(Error::RateLimited {
                            sent: RequestSent::Yes,
                            ..
                        }) => limited += 1,
                        Err(_) => other += 1,
                    }
                    if !pace.is_zero() {
                        tokio::time::sleep(pace).await;
                    }
                }
                (ok, limited, other)
            })
        })
        .collect();
    let (mut ok, mut limited, mut other) = (0, 0, 0);
    for h in handles {
        let (a, b, c) = h.await.expect("task");
        ok += a;
        limited += b;
        other += c;
    }
    json!({
        "ok": ok,
        "429": limited,
        "other": other,
        "elapsed_ms": start.elapsed().as_millis() as u64,
        "started_ms": started_ms,
        "ended_ms": unix_ms(),
    })
}
