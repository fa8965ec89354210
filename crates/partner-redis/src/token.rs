//! Login tokens kept in Redis for every process using one credential.

use std::fmt;
use std::time::{Duration, UNIX_EPOCH};

use futures_util::future::BoxFuture;
use partner_core::store::{
    LocalTokenStore, RefreshLock, StoreKey, StoredToken, TokenStore, token_fingerprint,
};
use partner_core::{ExposeSecret, SecretString};
use redis::Script;

use crate::RedisStore;
use crate::quota::unix_ms;

/// Stores a token with its expiry; the entry outlives the token by `ARGV[5]` ms so an expired
/// token is still seen (and replaced) rather than missing.
///
/// KEYS[1] the token hash; ARGV: token, fingerprint, issued ms, expires ms or '', grace ms.
const PUT: &str = r"
redis.call('HSET', KEYS[1], 'token', ARGV[1], 'fp', ARGV[2], 'issued_ms', ARGV[3], 'expires_ms', ARGV[4])
local expires = tonumber(ARGV[4])
if expires then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local at = expires + tonumber(ARGV[5])
  if at <= now then at = now + tonumber(ARGV[5]) end
  redis.call('PEXPIREAT', KEYS[1], at)
else
  redis.call('PERSIST', KEYS[1])
end
return 1
";

/// Drops the token only if it is still the refused one. KEYS[1] the token hash; ARGV[1] the
/// refused token's fingerprint.
const INVALIDATE: &str = r"
if redis.call('HGET', KEYS[1], 'fp') == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
";

/// Releases the refresh lock only if this holder still has it. KEYS[1] the lock; ARGV[1] the
/// holder's id.
const UNLOCK: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
";

const REDIS_LOCK: &str = "redis:";

/// A [`TokenStore`] on Redis: one login per credential for every process.
///
/// Tokens are stored with their issue and expiry times (by the wall clock) and a SHA-256
/// fingerprint, so a 401 drops the stored token only if it is still the refused one. The
/// refresh lock is `SET NX PX ttl` with a random holder id, released by a script that checks
/// the id, so a holder that crashed blocks the others only until the TTL and a slow holder
/// never releases its successor's lock. When Redis fails, the store answers from an
/// in-process [`LocalTokenStore`] (every process then logs in for itself) and logs a warning.
pub struct RedisTokenStore {
    redis: RedisStore,
    put: Script,
    invalidate: Script,
    unlock: Script,
    fallback: LocalTokenStore,
    grace: Duration,
}

impl fmt::Debug for RedisTokenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisTokenStore")
            .field("redis", &self.redis)
            .finish_non_exhaustive()
    }
}

impl RedisTokenStore {
    /// A token store on `redis`.
    pub fn new(redis: RedisStore) -> Self {
        RedisTokenStore {
            redis,
            put: Script::new(PUT),
            invalidate: Script::new(INVALIDATE),
            unlock: Script::new(UNLOCK),
            fallback: LocalTokenStore::new(),
            grace: Duration::from_secs(3600),
        }
    }

    /// The Redis connection.
    pub fn redis(&self) -> &RedisStore {
        &self.redis
    }

    async fn get_shared(&self, key: &StoreKey) -> Option<Option<StoredToken>> {
        let k = self.redis.key("token", key);
        let fields: (Option<String>, Option<i64>, Option<String>) = self
            .redis
            .run("token get", |mut conn| async move {
                redis::cmd("HMGET")
                    .arg(&k)
                    .arg(&["token", "issued_ms", "expires_ms"])
                    .query_async(&mut conn)
                    .await
            })
            .await?;
        let (Some(token), issued, expires) = fields else {
            return Some(None);
        };
        let at = |ms: i64| UNIX_EPOCH + Duration::from_millis(ms.max(0).unsigned_abs());
        Some(Some(StoredToken {
            secret: SecretString::from(token),
            issued_at: issued.map(at).unwrap_or(UNIX_EPOCH),
            expires_at: expires.and_then(|e| e.parse::<i64>().ok()).map(at),
        }))
    }
}

impl TokenStore for RedisTokenStore {
    fn get<'a>(&'a self, key: &'a StoreKey) -> BoxFuture<'a, Option<StoredToken>> {
        Box::pin(async move {
            match self.get_shared(key).await {
                Some(found) => found,
                None => self.fallback.get_now(key),
            }
        })
    }

    fn try_lock<'a>(
        &'a self,
        key: &'a StoreKey,
        ttl: Duration,
    ) -> BoxFuture<'a, Option<RefreshLock>> {
        Box::pin(async move {
            let lock = format!("{}:lock", self.redis.key("token", key));
            let id = format!("{REDIS_LOCK}{}", RefreshLock::random().0);
            let ttl_ms = u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1);
            let value = id.clone();
            let taken: Option<Option<String>> = self
                .redis
                .run("token lock", |mut conn| async move {
                    redis::cmd("SET")
                        .arg(&lock)
                        .arg(&value)
                        .arg("NX")
                        .arg("PX")
                        .arg(ttl_ms)
                        .query_async(&mut conn)
                        .await
                })
                .await;
            match taken {
                Some(Some(_)) => Some(RefreshLock(id)),
                Some(None) => None,
                None => self.fallback.try_lock_now(key, ttl),
            }
        })
    }

    fn unlock<'a>(&'a self, key: &'a StoreKey, lock: RefreshLock) -> BoxFuture<'a, ()> {
        Box::pin(async move {
            if !lock.0.starts_with(REDIS_LOCK) {
                self.fallback.unlock_now(key, &lock);
                return;
            }
            let k = format!("{}:lock", self.redis.key("token", key));
            let script = &self.unlock;
            // On failure the lock simply expires after its TTL.
            let _: Option<i64> = self
                .redis
                .run("token unlock", |mut conn| async move {
                    script.key(&k).arg(&lock.0).invoke_async(&mut conn).await
                })
                .await;
        })
    }

    fn put<'a>(&'a self, key: &'a StoreKey, token: StoredToken) -> BoxFuture<'a, ()> {
        Box::pin(async move {
            let k = self.redis.key("token", key);
            let args = [
                token.secret.expose_secret().to_owned(),
                token.fingerprint(),
                unix_ms(token.issued_at).to_string(),
                token
                    .expires_at
                    .map(|t| unix_ms(t).to_string())
                    .unwrap_or_default(),
                self.grace.as_millis().to_string(),
            ];
            self.fallback.put_now(key, token);
            let script = &self.put;
            let _: Option<i64> = self
                .redis
                .run("token put", |mut conn| async move {
                    let mut call = script.key(&k);
                    for arg in &args {
                        call.arg(arg);
                    }
                    call.invoke_async(&mut conn).await
                })
                .await;
        })
    }

    fn invalidate<'a>(&'a self, key: &'a StoreKey, refused: &'a SecretString) -> BoxFuture<'a, ()> {
        Box::pin(async move {
            self.fallback.invalidate_now(key, refused);
            let k = self.redis.key("token", key);
            let fp = token_fingerprint(refused);
            let script = &self.invalidate;
            let _: Option<i64> = self
                .redis
                .run("token invalidate", |mut conn| async move {
                    script.key(&k).arg(&fp).invoke_async(&mut conn).await
                })
                .await;
        })
    }
}
