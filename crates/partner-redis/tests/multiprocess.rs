//! The proof with real processes: 8 OS processes (this test binary re-executed as workers)
//! share one Claire quota and one CarFix / Jifeline login through a `redis-server` started
//! here, against the sandbox running in this process; and calls go on when Redis is killed.
//!
//! Needs `redis-server` on the PATH (`apt-get install -y redis-server`); with
//! `PARTNER_SKIP_REDIS=1` the tests are skipped when it is missing.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use common::{RedisServer, Worker, claire_worker, report, unix_ms, wait_until, worker_job};
use partner_core::{ExposeSecret, SecretString, StoreKey, StoredToken, TokenStore};
use partner_redis::{RedisStore, RedisTokenStore};
use partner_sandbox::{Sandbox, Vendor, carfix, claire, jifeline};
use serde_json::{Value, json};

const PROCESSES: usize = 8;

/// One multi-process test at a time: each starts 8 processes, and the quota proof is about
/// timing.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Not a test: the body of each worker process (skipped unless run as one).
#[test]
#[ignore = "worker entry point, run by the other tests in their own processes"]
fn worker_entry() {
    let Some(job) = worker_job() else {
        return;
    };
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
    let result = runtime.block_on(async {
        match job["kind"].as_str() {
            Some("claire") => claire_worker(&job).await,
            Some("login") => login_worker(&job).await,
            other => panic!("unknown job {other:?}"),
        }
    });
    report(&result);
}

/// The parts the vendor crate hashes into its token store key for the sandbox's demo login
/// (carfix: the API's login and both credentials; jifeline: connector UUID and pincode).
fn identity(vendor: &str) -> Vec<&'static str> {
    match vendor {
        "carfix" => vec![
            "AffiliateLogin",
            carfix::DEMO_AFFILIATE_USERNAME,
            carfix::DEMO_AFFILIATE_KEY,
        ],
        "jifeline" => vec![jifeline::DEMO_CONNECTOR_UUID, jifeline::DEMO_PINCODE],
        other => panic!("no login for {other}"),
    }
}

/// Builds the real vendor client with the shared token store in its options, logs in
/// (through the store) and makes one authenticated call.
async fn login_worker(job: &Value) -> Value {
    let base_url = job["base_url"].as_str().unwrap();
    let store: Option<Arc<dyn TokenStore>> = job["redis"].as_str().map(|u| {
        Arc::new(RedisTokenStore::new(
            RedisStore::open(u).expect("redis url"),
        )) as _
    });
    let call = match job["vendor"].as_str() {
        Some("carfix") => {
            let mut builder = carfix_client::AffiliateClient::builder()
                .base_url(base_url)
                .credentials(carfix::DEMO_AFFILIATE_USERNAME, carfix::DEMO_AFFILIATE_KEY);
            if let Some(store) = store {
                builder = builder.token_store(store);
            }
            let client = builder.build().expect("carfix client");
            wait_until(job["start_at"].as_u64().unwrap_or(0));
            client.lookups().states().await.map(drop)
        }
        _ => {
            let uuid = jifeline::DEMO_CONNECTOR_UUID.parse().expect("uuid");
            let mut builder = jifeline_client::JifelineClient::builder()
                .base_url(base_url)
                .credentials(jifeline_client::Credentials::connector_uuid(
                    uuid,
                    jifeline::DEMO_PINCODE,
                ));
            if let Some(store) = store {
                builder = builder.token_store(store);
            }
            let client = builder.build().expect("jifeline client");
            wait_until(job["start_at"].as_u64().unwrap_or(0));
            client.user().get().await.map(drop)
        }
    };
    match call {
        Ok(()) => json!({ "status": 200 }),
        Err(e) => panic!("call failed: {e}"),
    }
}

fn start_redis() -> Option<RedisServer> {
    RedisServer::start()
}

/// 8 processes on one Claire key, 2,000 calls against a quota of 200 per 10 seconds: no 429,
/// and no window of the sandbox ever saw more than 200 requests.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_processes_share_one_claire_quota() {
    let _serial = SERIAL.lock().await;
    let Some(redis) = start_redis() else { return };
    let limit: u64 = env_or("PARTNER_REDIS_PROOF_LIMIT", 200);
    let window = Duration::from_secs(env_or("PARTNER_REDIS_PROOF_WINDOW_SECS", 10));
    let total: u64 = env_or("PARTNER_REDIS_PROOF_CALLS", 2000);
    let sandbox = Sandbox::builder()
        .only(&[Vendor::Claire])
        .claire(claire::ClaireConfig {
            rate_limit: limit,
            window,
        })
        .start()
        .await
        .expect("sandbox");
    let start_at = unix_ms() + 1500;
    let workers: Vec<_> = (0..PROCESSES as u64)
        .map(|i| {
            Worker::spawn(
                "worker_entry",
                &json!({
                    "kind": "claire",
                    "base_url": sandbox.base_url(Vendor::Claire),
                    "redis": redis.url(),
                    "calls": total / PROCESSES as u64 + u64::from(i < total % PROCESSES as u64),
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
    let (mut ok, mut limited, mut other) = (0, 0, 0);
    for out in &outputs {
        let r = out.result();
        ok += r["ok"].as_u64().unwrap();
        limited += r["429"].as_u64().unwrap();
        other += r["other"].as_u64().unwrap();
    }
    let arrivals = sandbox.claire().window_arrivals();
    eprintln!("requests per window: {arrivals:?}; ok {ok}, 429 {limited}, other {other}");
    assert_eq!(limited, 0, "no call may meet a 429");
    assert_eq!(other, 0);
    assert_eq!(ok, total);
    assert_eq!(arrivals.iter().sum::<u64>(), total);
    assert!(
        arrivals.iter().all(|&n| n <= limit),
        "a window saw more than {limit} requests: {arrivals:?}"
    );
}

/// The same 8 processes without the shared store: each counts alone, so they overshoot (the
/// problem the store solves; this keeps the proof above honest).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_store_eight_processes_overshoot() {
    let _serial = SERIAL.lock().await;
    let sandbox = Sandbox::builder()
        .only(&[Vendor::Claire])
        .claire(claire::ClaireConfig {
            rate_limit: 50,
            window: Duration::from_secs(3),
        })
        .start()
        .await
        .expect("sandbox");
    let start_at = unix_ms() + 1500;
    let workers: Vec<_> = (0..PROCESSES)
        .map(|_| {
            Worker::spawn(
                "worker_entry",
                &json!({
                    "kind": "claire",
                    "base_url": sandbox.base_url(Vendor::Claire),
                    "calls": 20,
                    "tasks": 2,
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
    let limited: u64 = outputs
        .iter()
        .map(|o| o.result()["429"].as_u64().unwrap())
        .sum();
    assert!(limited > 0, "160 calls on a quota of 50 must meet 429s");
}

async fn one_login_for_eight_processes(vendor: &'static str) {
    let Some(redis) = start_redis() else { return };
    let sandbox = Sandbox::builder()
        .only(&[Vendor::CarFix, Vendor::Jifeline])
        .start()
        .await
        .expect("sandbox");
    let vendor_id = if vendor == "carfix" {
        Vendor::CarFix
    } else {
        Vendor::Jifeline
    };
    // An expired token left by an earlier generation of workers.
    let identity = identity(vendor);
    let store = RedisTokenStore::new(RedisStore::open(&redis.url()).unwrap());
    let hour = Duration::from_secs(3600);
    store
        .put(
            &StoreKey::new(vendor, &identity),
            StoredToken {
                secret: SecretString::from("expired-token"),
                issued_at: SystemTime::now() - 3 * hour,
                expires_at: Some(SystemTime::now() - hour),
            },
        )
        .await;
    let start_at = unix_ms() + 2000;
    let workers: Vec<_> = (0..PROCESSES)
        .map(|_| {
            Worker::spawn(
                "worker_entry",
                &json!({
                    "kind": "login",
                    "vendor": vendor,
                    "base_url": sandbox.base_url(vendor_id),
                    "redis": redis.url(),
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
    for out in &outputs {
        let r = out.result();
        assert_eq!(r["status"], 200, "every worker's call succeeds: {r}");
    }
    let reached = match vendor {
        "carfix" => sandbox.carfix().logins(),
        _ => sandbox.jifeline().logins(),
    };
    assert_eq!(reached, 1, "exactly one login reaches the {vendor} sandbox");
    let stored = store.get(&StoreKey::new(vendor, &identity)).await.unwrap();
    assert_ne!(stored.secret.expose_secret(), "expired-token");
}

/// 8 processes start at once with an expired CarFix token in Redis: one login in all.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_processes_one_carfix_login() {
    let _serial = SERIAL.lock().await;
    one_login_for_eight_processes("carfix").await;
}

/// The same for Jifeline.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_processes_one_jifeline_login() {
    let _serial = SERIAL.lock().await;
    one_login_for_eight_processes("jifeline").await;
}

/// Redis killed mid-run: every call still succeeds, and each worker logged the fallback.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_killed_mid_run_calls_go_on() {
    let _serial = SERIAL.lock().await;
    let Some(mut redis) = start_redis() else {
        return;
    };
    let sandbox = Sandbox::builder()
        .only(&[Vendor::Claire])
        .claire(claire::ClaireConfig {
            rate_limit: 1_000_000,
            window: Duration::from_secs(3600),
        })
        .start()
        .await
        .expect("sandbox");
    let (processes, calls) = (4u64, 200u64);
    let start_at = unix_ms() + 1500;
    let workers: Vec<_> = (0..processes)
        .map(|_| {
            Worker::spawn(
                "worker_entry",
                &json!({
                    "kind": "claire",
                    "base_url": sandbox.base_url(Vendor::Claire),
                    "redis": redis.url(),
                    "calls": calls,
                    "tasks": 2,
                    "pace_ms": 10,
                    "retry": true,
                    "start_at": start_at,
                }),
            )
        })
        .collect();
    let waited = Instant::now();
    while sandbox.claire().window_arrivals().iter().sum::<u64>() < processes * calls / 3 {
        assert!(
            waited.elapsed() < Duration::from_secs(120),
            "workers never got going"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    redis.kill();
    let killed_at = sandbox.claire().window_arrivals().iter().sum::<u64>();
    let outputs = tokio::task::spawn_blocking(move || {
        workers.into_iter().map(Worker::finish).collect::<Vec<_>>()
    })
    .await
    .unwrap();
    for out in &outputs {
        let r = out.result();
        assert_eq!(r["ok"], calls, "every call succeeds: {r}\n{}", out.stderr);
        assert!(
            out.stderr.contains("falling back to in-process"),
            "the fallback is logged:\n{}",
            out.stderr
        );
    }
    assert!(killed_at < processes * calls, "Redis died before the end");
}

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
