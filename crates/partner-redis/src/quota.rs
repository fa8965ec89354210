//! A vendor quota counted in Redis by every process using one credential.

use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures_util::future::BoxFuture;
use partner_core::Quota;
use partner_core::store::{LocalQuotaStore, ObservedQuota, QuotaStore, StoreKey};
use redis::Script;

use crate::RedisStore;

/// Spends a slot, or says how long to wait. While nothing is known of the window (at the
/// start, and once the state expired at the reset plus a margin) only the holder of the probe
/// lease may send: the others wait for its answer rather than burst into a window that may
/// already be partly spent.
///
/// KEYS[1] the quota hash, KEYS[2] the probe lease; ARGV[1] the lease in ms, ARGV[2] the
/// polling interval in ms. Returns {wait_ms, remaining, reset_at_ms, limit}, -1 = unknown.
const RESERVE: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local s = redis.call('HMGET', KEYS[1], 'remaining', 'reset_at', 'limit')
local remaining = tonumber(s[1])
local reset_at = tonumber(s[2]) or -1
local limit = tonumber(s[3]) or -1
local poll = tonumber(ARGV[2])
if remaining == nil then
  if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[1]) then
    return {0, -1, -1, -1}
  end
  local left = redis.call('PTTL', KEYS[2])
  if left > 0 and left < poll then poll = left end
  return {poll, -1, -1, -1}
end
if remaining > 0 then
  redis.call('HINCRBY', KEYS[1], 'remaining', -1)
  return {0, remaining - 1, reset_at, limit}
end
local left = redis.call('PTTL', KEYS[1])
if left < 1 then left = poll end
return {left, 0, reset_at, limit}
";

/// Reconciles one answer's headers into the shared state. With no state, the answer starts it
/// (and ends the probe). With state, the server's `remaining` wins only when lower (answers to
/// requests still in flight report higher, stale counts) and the earliest reset wins (the
/// header has one-second resolution, rounded up; a later one belongs to the next window,
/// which a probe will read once this one has expired).
///
/// Counts are written from the arguments' text, not from Lua numbers (doubles, which Redis
/// would write as `4.6e+18` for a huge count and then refuse to decrement).
///
/// KEYS as RESERVE; ARGV[1] limit, ARGV[2] remaining, ARGV[3] reset in ms (each '' when
/// absent), ARGV[4] the margin after the reset in ms, ARGV[5] the life of a state without a
/// reset in ms. Returns {remaining, reset_at_ms, limit}, -1 = unknown.
const OBSERVE: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local rem = tonumber(ARGV[2])
local reset_in = tonumber(ARGV[3])
local margin = tonumber(ARGV[4])
local s = redis.call('HMGET', KEYS[1], 'remaining', 'reset_at', 'limit')
local cur = tonumber(s[1])
local cur_reset = tonumber(s[2])
local cur_limit = tonumber(s[3])
if cur == nil then
  if rem == nil then return {-1, -1, -1} end
  cur = rem
  redis.call('HSET', KEYS[1], 'remaining', ARGV[2])
  if reset_in then
    cur_reset = now + reset_in
    redis.call('HSET', KEYS[1], 'reset_at', cur_reset)
    redis.call('PEXPIREAT', KEYS[1], cur_reset + margin)
  else
    redis.call('PEXPIRE', KEYS[1], ARGV[5])
  end
  redis.call('DEL', KEYS[2])
else
  if rem and rem < cur then
    cur = rem
    redis.call('HSET', KEYS[1], 'remaining', ARGV[2])
  end
  if reset_in then
    local at = now + reset_in
    if cur_reset == nil or at < cur_reset then
      cur_reset = at
      redis.call('HSET', KEYS[1], 'reset_at', at)
      redis.call('PEXPIREAT', KEYS[1], at + margin)
    end
  end
end
if limit then
  cur_limit = limit
  redis.call('HSET', KEYS[1], 'limit', ARGV[1])
end
return {cur, cur_reset or -1, cur_limit or -1}
";

/// A [`QuotaStore`] on Redis: every process on one credential spends from one count.
///
/// Reservations are atomic across processes (a Lua script); each answer's quota headers are
/// reconciled into the shared count (the server's `remaining` wins when lower); the shared
/// state expires at the reported reset plus a margin, after which one probe request reads the
/// new window before the others send. When Redis fails, the store answers from an in-process
/// [`LocalQuotaStore`] (fed with every answer all along) and logs a warning.
pub struct RedisQuotaStore {
    redis: RedisStore,
    reserve: Script,
    observe: Script,
    fallback: LocalQuotaStore,
    mirror: Mutex<HashMap<StoreKey, Quota>>,
    reset_margin: Duration,
    probe_lease: Duration,
    poll: Duration,
    no_reset_life: Duration,
}

impl fmt::Debug for RedisQuotaStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisQuotaStore")
            .field("redis", &self.redis)
            .field("reset_margin", &self.reset_margin)
            .field("probe_lease", &self.probe_lease)
            .finish_non_exhaustive()
    }
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

impl RedisQuotaStore {
    /// A quota store on `redis`.
    pub fn new(redis: RedisStore) -> Self {
        RedisQuotaStore {
            redis,
            reserve: Script::new(RESERVE),
            observe: Script::new(OBSERVE),
            fallback: LocalQuotaStore::new(),
            mirror: Mutex::new(HashMap::new()),
            reset_margin: Duration::from_millis(500),
            probe_lease: Duration::from_secs(2),
            poll: Duration::from_millis(20),
            no_reset_life: Duration::from_secs(1),
        }
    }

    /// How long after the reported reset the shared window is forgotten (default 500 ms):
    /// requests reserved before the reset must have reached the vendor by then, so the probe
    /// that reads the next window counts them.
    pub fn with_reset_margin(mut self, d: Duration) -> Self {
        self.reset_margin = d;
        self
    }

    /// How long one probe may be alone in flight before another process may probe too
    /// (default 2 s; the probe's answer normally ends it sooner).
    pub fn with_probe_lease(mut self, d: Duration) -> Self {
        self.probe_lease = d;
        self
    }

    /// The Redis connection.
    pub fn redis(&self) -> &RedisStore {
        &self.redis
    }

    fn remember(&self, key: &StoreKey, remaining: i64, reset_at: i64, limit: i64) {
        if remaining < 0 {
            return;
        }
        let quota = Quota {
            limit: u64::try_from(limit).ok(),
            remaining: u64::try_from(remaining).ok(),
            reset_at: u64::try_from(reset_at)
                .ok()
                .map(|ms| UNIX_EPOCH + Duration::from_millis(ms)),
        };
        self.mirror
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key.clone(), quota);
    }

    /// Whether the OBSERVE script would leave the shared state as it is, judged from what
    /// this process saw last, so the common answer costs no second round trip: the shared
    /// count only falls within a window, so an answer reporting at least the count this
    /// process last saw, a reset no earlier and the same limit changes nothing. Unknown or
    /// expired state always goes to Redis. (A local clock ahead of Redis's can only keep a
    /// later reset: a longer wait, never an overshoot.)
    fn changes_nothing(&self, key: &StoreKey, seen: &ObservedQuota) -> bool {
        let mirror = self.mirror.lock().unwrap_or_else(|e| e.into_inner());
        let Some(last) = mirror.get(key) else {
            return false;
        };
        let now = SystemTime::now();
        let (Some(mine), Some(theirs)) = (last.remaining, seen.remaining) else {
            return false;
        };
        let (Some(reset_at), Some(reset_in)) = (last.reset_at, seen.reset_in) else {
            return false;
        };
        reset_at > now
            && theirs >= mine
            && now + reset_in >= reset_at
            && seen.limit.is_none_or(|l| last.limit == Some(l))
    }

    async fn reserve_shared(&self, key: &StoreKey) -> Option<Option<Duration>> {
        let state = self.redis.key("quota", key);
        let probe = format!("{state}:probe");
        let (lease, poll) = (ms(self.probe_lease), ms(self.poll));
        let script = &self.reserve;
        let (wait, remaining, reset_at, limit): (i64, i64, i64, i64) = self
            .redis
            .run("reserve", |mut conn| async move {
                script
                    .key(&state)
                    .key(&probe)
                    .arg(lease)
                    .arg(poll)
                    .invoke_async(&mut conn)
                    .await
            })
            .await?;
        self.remember(key, remaining, reset_at, limit);
        Some((wait > 0).then(|| Duration::from_millis(wait.unsigned_abs())))
    }

    async fn observe_shared(&self, key: &StoreKey, seen: ObservedQuota) {
        let state = self.redis.key("quota", key);
        let probe = format!("{state}:probe");
        let text = |v: Option<u64>| v.map(|n| n.to_string()).unwrap_or_default();
        let args = [
            text(seen.limit),
            text(seen.remaining),
            text(seen.reset_in.map(ms)),
            ms(self.reset_margin).to_string(),
            ms(self.no_reset_life).to_string(),
        ];
        let script = &self.observe;
        let answer: Option<(i64, i64, i64)> = self
            .redis
            .run("observe", |mut conn| async move {
                let mut call = script.key(&state);
                call.key(&probe);
                for arg in &args {
                    call.arg(arg);
                }
                call.invoke_async(&mut conn).await
            })
            .await;
        if let Some((remaining, reset_at, limit)) = answer {
            self.remember(key, remaining, reset_at, limit);
        }
    }
}

impl QuotaStore for RedisQuotaStore {
    fn reserve<'a>(&'a self, key: &'a StoreKey) -> BoxFuture<'a, Option<Duration>> {
        Box::pin(async move {
            match self.reserve_shared(key).await {
                Some(answer) => answer,
                None => self.fallback.reserve_now(key),
            }
        })
    }

    fn observe<'a>(&'a self, key: &'a StoreKey, seen: ObservedQuota) -> BoxFuture<'a, ()> {
        Box::pin(async move {
            // The fallback follows every answer, so it is current when Redis fails.
            self.fallback.observe_now(key, seen);
            if !self.changes_nothing(key, &seen) {
                self.observe_shared(key, seen).await;
            }
        })
    }

    fn last(&self, key: &StoreKey) -> Option<Quota> {
        if self.redis.is_down() {
            return self.fallback.last(key);
        }
        let mirror = self.mirror.lock().unwrap_or_else(|e| e.into_inner());
        mirror.get(key).copied().or_else(|| self.fallback.last(key))
    }
}

/// Milliseconds since the Unix epoch.
pub(crate) fn unix_ms(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_millis()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_millis()).unwrap_or(i64::MAX),
    }
}
