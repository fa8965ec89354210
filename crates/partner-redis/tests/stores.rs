//! The stores' rules against a real `redis-server` started here (two `RedisStore`s stand for
//! two processes), and the fallback when Redis is unreachable.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use common::RedisServer;
use partner_core::store::{ObservedQuota, QuotaStore, StoreKey, StoredToken, TokenStore};
use partner_core::{ExposeSecret, SecretString, Token, TokenCache};
use partner_redis::{RedisQuotaStore, RedisStore, RedisTokenStore};

fn seen(remaining: u64, reset_ms: u64) -> ObservedQuota {
    ObservedQuota {
        limit: Some(100),
        remaining: Some(remaining),
        reset_in: Some(Duration::from_millis(reset_ms)),
    }
}

#[tokio::test]
async fn one_probe_while_the_window_is_unknown_then_a_shared_count() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let a = RedisQuotaStore::new(RedisStore::open(&redis.url()).unwrap());
    let b = RedisQuotaStore::new(RedisStore::open(&redis.url()).unwrap())
        .with_reset_margin(Duration::from_millis(200));
    let key = StoreKey::new("claire", &["key-1"]);

    assert_eq!(a.reserve(&key).await, None, "the first request probes");
    let wait = b
        .reserve(&key)
        .await
        .expect("others wait for the probe's answer");
    assert!(wait <= Duration::from_millis(20), "{wait:?}");
    a.observe(&key, seen(3, 2000)).await; // the probe's answer
    assert_eq!(b.reserve(&key).await, None);
    assert_eq!(a.reserve(&key).await, None);
    // `last` is what this process saw last, without I/O.
    assert_eq!(a.last(&key).unwrap().remaining, Some(1));
    assert_eq!(b.last(&key).unwrap().remaining, Some(2));
    assert_eq!(a.last(&key).unwrap().limit, Some(100));
    // An answer to a request sent earlier reports a stale, higher count: ignored.
    b.observe(&key, seen(2, 1990)).await;
    assert_eq!(a.reserve(&key).await, None, "the last slot");
    assert!(b.reserve(&key).await.is_some(), "the count stayed 1, not 2");

    // Another client of the key spent more: the server's lower count wins.
    let other = StoreKey::new("claire", &["key-1b"]);
    assert_eq!(a.reserve(&other).await, None);
    a.observe(&other, seen(10, 2000)).await;
    assert_eq!(a.reserve(&other).await, None);
    b.observe(&other, seen(0, 1990)).await;
    let wait = a.reserve(&other).await.expect("spent: wait for the reset");
    assert!(
        wait > Duration::from_millis(1500) && wait <= Duration::from_millis(2600),
        "reset plus margin: {wait:?}"
    );
    // The shared state expires at the reset plus the margin: the next request probes.
    tokio::time::sleep(wait).await;
    assert_eq!(a.reserve(&other).await, None);
    assert!(b.reserve(&other).await.is_some());
    assert_eq!(a.redis().fallbacks() + b.redis().fallbacks(), 0);

    // Counts past what a Lua number holds exactly are kept as written.
    let huge = StoreKey::new("claire", &["key-huge"]);
    assert_eq!(a.reserve(&huge).await, None);
    a.observe(&huge, seen(u64::MAX / 4, 60_000)).await;
    assert_eq!(a.reserve(&huge).await, None);
    assert_eq!(a.redis().fallbacks(), 0, "Redis answered every time");
}

#[tokio::test]
async fn reservations_are_atomic_across_connections() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let key = StoreKey::new("claire", &["key-2"]);
    let first = RedisQuotaStore::new(RedisStore::open(&redis.url()).unwrap());
    assert_eq!(first.reserve(&key).await, None);
    first.observe(&key, seen(100, 60_000)).await;
    let sent = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let store = RedisQuotaStore::new(RedisStore::open(&redis.url()).unwrap());
            let (key, sent) = (key.clone(), sent.clone());
            tokio::spawn(async move {
                for _ in 0..50 {
                    if store.reserve(&key).await.is_none() {
                        sent.fetch_add(1, Ordering::SeqCst);
                    }
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(sent.load(Ordering::SeqCst), 100, "400 asks, 100 slots");
}

#[tokio::test]
async fn tokens_locks_and_invalidation_across_processes() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let one = RedisTokenStore::new(RedisStore::open(&redis.url()).unwrap());
    let two = RedisTokenStore::new(RedisStore::open(&redis.url()).unwrap());
    let key = StoreKey::new("carfix", &["USER", "very-secret-key"]);
    assert!(one.get(&key).await.is_none());

    let lock = one
        .try_lock(&key, Duration::from_millis(300))
        .await
        .unwrap();
    assert!(two.try_lock(&key, Duration::from_secs(5)).await.is_none());
    tokio::time::sleep(Duration::from_millis(400)).await; // the holder "crashed"
    let second = two.try_lock(&key, Duration::from_secs(5)).await.unwrap();
    one.unlock(&key, lock).await; // an expired holder cannot release the new lock
    assert!(one.try_lock(&key, Duration::from_secs(5)).await.is_none());
    two.unlock(&key, second).await;
    assert!(one.try_lock(&key, Duration::from_secs(5)).await.is_some());

    let now = SystemTime::now();
    let token = |s: &str| StoredToken {
        secret: SecretString::from(s.to_owned()),
        issued_at: now,
        expires_at: Some(now + Duration::from_secs(3600)),
    };
    one.put(&key, token("t-new")).await;
    let got = two.get(&key).await.unwrap();
    assert_eq!(got.secret.expose_secret(), "t-new");
    let expires = got.expires_at.unwrap();
    let diff = expires
        .duration_since(now + Duration::from_secs(3600))
        .unwrap_or_else(|e| e.duration());
    assert!(
        diff < Duration::from_millis(2),
        "expiry kept to the millisecond"
    );
    two.invalidate(&key, &SecretString::from("t-old")).await;
    assert!(
        one.get(&key).await.is_some(),
        "a 401 on an old token keeps the new one"
    );
    two.invalidate(&key, &SecretString::from("t-new")).await;
    assert!(one.get(&key).await.is_none());

    // Keys name the vendor and a hash, never the credential or the token.
    one.put(&key, token("t-again")).await;
    let mut conn = redis::Client::open(redis.url())
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap();
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("*")
        .query_async(&mut conn)
        .await
        .unwrap();
    assert!(!keys.is_empty());
    for k in &keys {
        assert!(k.starts_with("partner:token:{carfix:"), "{k}");
        assert!(!k.contains("USER") && !k.contains("secret"), "{k}");
    }
}

#[tokio::test]
async fn token_cache_with_store_logs_in_once_for_two_processes() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let logins = Arc::new(AtomicUsize::new(0));
    let cache = |n: Arc<AtomicUsize>| {
        TokenCache::new(move || {
            let n = n.clone();
            async move {
                let i = n.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(100)).await;
                Ok(Token::new(
                    SecretString::from(format!("t{i}")),
                    Some(Duration::from_secs(3600)),
                ))
            }
        })
        .with_store(
            Arc::new(RedisTokenStore::new(
                RedisStore::open(&redis.url()).unwrap(),
            )),
            StoreKey::new("jifeline", &["uuid", "pin"]),
        )
    };
    let a = cache(logins.clone());
    let b = cache(logins.clone());
    let (ta, tb) = tokio::join!(a.get(), b.get());
    let (ta, ticket) = ta.unwrap();
    assert_eq!(ta.expose_secret(), tb.unwrap().0.expose_secret());
    assert_eq!(logins.load(Ordering::SeqCst), 1);

    // A 401: `a` drops its token from the store too; `b` still has it in memory.
    a.invalidate(ticket);
    let (fresh, _) = a.get().await.unwrap();
    assert_eq!(fresh.expose_secret(), "t1");
    assert_eq!(logins.load(Ordering::SeqCst), 2);
    let c = cache(logins.clone());
    assert_eq!(c.get().await.unwrap().0.expose_secret(), "t1");
    assert_eq!(
        logins.load(Ordering::SeqCst),
        2,
        "a third process reuses the stored token"
    );
}

#[tokio::test]
async fn unreachable_redis_falls_back_to_in_process_state() {
    // Nothing listens on the discard port of loopback.
    let redis = RedisStore::builder("redis://127.0.0.1:9/")
        .op_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let quota = RedisQuotaStore::new(redis.clone());
    let key = StoreKey::new("claire", &["k"]);
    assert_eq!(quota.reserve(&key).await, None);
    quota.observe(&key, seen(1, 5000)).await;
    assert_eq!(quota.reserve(&key).await, None);
    assert!(
        quota.reserve(&key).await.is_some(),
        "the in-process count holds"
    );
    assert_eq!(quota.last(&key).unwrap().remaining, Some(0));

    let logins = Arc::new(AtomicUsize::new(0));
    let n = logins.clone();
    let cache = TokenCache::new(move || {
        n.fetch_add(1, Ordering::SeqCst);
        async { Ok(Token::new(SecretString::from("t"), None)) }
    })
    .with_store(
        Arc::new(RedisTokenStore::new(redis.clone())),
        StoreKey::new("carfix", &["u", "k"]),
    );
    assert_eq!(cache.get().await.unwrap().0.expose_secret(), "t");
    assert_eq!(cache.get().await.unwrap().0.expose_secret(), "t");
    assert_eq!(logins.load(Ordering::SeqCst), 1);
    assert!(redis.fallbacks() > 0);
    assert!(redis.is_down());
}
