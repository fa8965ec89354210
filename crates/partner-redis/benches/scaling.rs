//! What sharing costs: `cargo bench -p partner-redis --bench scaling`.
//!
//! 1. The cost a call pays for its quota bookkeeping: a reservation (and the recording of the
//!    answer's headers) on a `redis-server` on loopback, against the in-process store.
//! 2. Throughput of 8 OS processes calling the sandbox's Claire (quota far away) with and
//!    without the shared store.
//!
//! Starts its own `redis-server` (`apt-get install -y redis-server`) and sandbox; workers are
//! this binary re-executed.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::{RedisServer, Worker, claire_worker, report, unix_ms, worker_job};
use partner_core::store::{LocalQuotaStore, ObservedQuota, QuotaStore, StoreKey};
use partner_redis::{RedisQuotaStore, RedisStore};
use partner_sandbox::{Sandbox, Vendor, claire};
use serde_json::json;

const ROUNDS: usize = 5;
const CALLS: usize = 2000;

fn main() {
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::WARN)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    if let Some(job) = worker_job() {
        let result = runtime.block_on(claire_worker(&job));
        report(&result);
        return;
    }
    let Some(redis) = RedisServer::start() else {
        return;
    };
    runtime.block_on(async {
        reservation_cost(&redis).await;
        throughput(&redis).await;
    });
}

fn row(name: &str, samples: &[Duration]) {
    let mean = samples.iter().sum::<Duration>() / samples.len() as u32;
    let best = samples.iter().min().copied().unwrap_or_default();
    println!(
        "| {name} | {:.1} us | {:.1} us |",
        mean.as_secs_f64() * 1e6,
        best.as_secs_f64() * 1e6
    );
}

async fn per_call<F, Fut>(mut f: F) -> Vec<Duration>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut samples = Vec::new();
    for _ in 0..ROUNDS {
        let start = Instant::now();
        for _ in 0..CALLS {
            f().await;
        }
        samples.push(start.elapsed() / CALLS as u32);
    }
    samples
}

async fn reservation_cost(redis: &RedisServer) {
    let key = StoreKey::new("claire", &["bench-key"]);
    let plenty = ObservedQuota {
        limit: Some(1_000_000_000_000),
        remaining: Some(1_000_000_000_000),
        reset_in: Some(Duration::from_secs(3600)),
    };
    let local = LocalQuotaStore::new();
    local.observe(&key, plenty).await;
    let shared = RedisQuotaStore::new(RedisStore::open(&redis.url()).unwrap());
    assert_eq!(shared.reserve(&key).await, None); // the probe
    shared.observe(&key, plenty).await;

    println!("\n## Quota bookkeeping per call ({ROUNDS} rounds of {CALLS} sequential calls)\n");
    println!("| measurement | mean | best |\n|---|---|---|");
    let samples = per_call(|| async {
        assert!(local.reserve(&key).await.is_none());
    })
    .await;
    row("in-process `reserve`", &samples);
    let samples = per_call(|| async {
        assert!(shared.reserve(&key).await.is_none());
    })
    .await;
    row("Redis `reserve` (Lua script, loopback)", &samples);
    let samples = per_call(|| async {
        assert!(shared.reserve(&key).await.is_none());
        shared.observe(&key, plenty).await;
    })
    .await;
    row("Redis `reserve` + `observe` (what a call pays)", &samples);
    assert_eq!(shared.redis().fallbacks(), 0, "Redis answered every time");
}

async fn throughput(redis: &RedisServer) {
    const PROCESSES: u64 = 8;
    const PER_PROCESS: u64 = 1000;
    let sandbox = Sandbox::builder()
        .only(&[Vendor::Claire])
        .claire(claire::ClaireConfig {
            rate_limit: 1_000_000_000,
            window: Duration::from_secs(3600),
        })
        .start()
        .await
        .expect("sandbox");
    println!(
        "\n## {PROCESSES} processes x {PER_PROCESS} calls, 4 tasks each, sandbox Claire on \
         loopback\n"
    );
    println!("| quota store | wall time | calls/s | 429s |\n|---|---|---|---|");
    for (name, url) in [
        ("in-process (each process alone)", None),
        ("Redis (shared)", Some(redis.url())),
    ] {
        let mut best: Option<(Duration, u64)> = None;
        for _ in 0..3 {
            let start_at = unix_ms() + 1500;
            let workers: Vec<_> = (0..PROCESSES)
                .map(|_| {
                    Worker::spawn(
                        "",
                        &json!({
                            "kind": "claire",
                            "base_url": sandbox.base_url(Vendor::Claire),
                            "redis": url,
                            "calls": PER_PROCESS,
                            "tasks": 4,
                            "start_at": start_at,
                        }),
                    )
                })
                .collect();
            let outputs = tokio::task::spawn_blocking(move || {
                workers.into_iter().map(Worker::finish).collect::<Vec<_>>()
            })
            .await
            .unwrap();
            // From the first worker's first call to the last worker's last answer.
            let (mut first, mut last, mut limited) = (u64::MAX, 0, 0);
            for out in &outputs {
                let r = out.result();
                assert_eq!(r["ok"], PER_PROCESS, "{r}");
                first = first.min(r["started_ms"].as_u64().unwrap());
                last = last.max(r["ended_ms"].as_u64().unwrap());
                limited += r["429"].as_u64().unwrap();
            }
            let wall = Duration::from_millis(last.saturating_sub(first));
            if best.is_none_or(|(b, _)| wall < b) {
                best = Some((wall, limited));
            }
        }
        let (wall, limited) = best.unwrap();
        println!(
            "| {name} | {:.2} s | {:.0} | {limited} |",
            wall.as_secs_f64(),
            (PROCESSES * PER_PROCESS) as f64 / wall.as_secs_f64()
        );
    }
}
