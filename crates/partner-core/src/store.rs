//! Where quotas and tokens live: in this process by default, or in a store shared by many
//! processes (the `partner-redis` crate implements both traits on Redis).
//!
//! A [`QuotaStore`] answers "may I send now?" for one vendor quota and records what the
//! vendor's headers said; a [`TokenStore`] holds a vendor token with its expiry and a refresh
//! lock, so that of many processes logging in with one credential only one does. Both are
//! object-safe and return [`BoxFuture`]s, like [`Transport`](crate::Transport), and neither
//! ever fails: a store that loses its backend falls back to in-process behaviour on its own.
//!
//! Entries are addressed by a [`StoreKey`]: the vendor and a SHA-256 hash of the credential
//! (never the credential itself).
//!
//! ```
//! use partner_core::store::{LocalQuotaStore, ObservedQuota, QuotaStore, StoreKey};
//! use std::time::Duration;
//!
//! # tokio_test_block_on(async {
//! let store = LocalQuotaStore::new();
//! let key = StoreKey::new("claire", &["the api key"]);
//! assert!(!key.to_string().contains("the api key"));
//! assert_eq!(store.reserve(&key).await, None); // nothing known yet: send
//! store
//!     .observe(&key, ObservedQuota { limit: Some(10), remaining: Some(0), reset_in: Some(Duration::from_secs(5)) })
//!     .await;
//! assert!(store.reserve(&key).await.is_some()); // spent: wait about 5 s
//! # });
//! # fn tokio_test_block_on<F: std::future::Future>(f: F) -> F::Output {
//! #     tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(f)
//! # }
//! ```

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use futures_util::future::BoxFuture;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use tokio::time::Instant;

use crate::ratelimit::Quota;

/// The address of one quota or token in a store: a vendor name and a hash of the credential
/// identity. Displayed as `vendor:hash`; the credential cannot be read back from it.
#[derive(Clone, Eq)]
pub struct StoreKey {
    vendor: Arc<str>,
    hash: Arc<str>,
}

impl PartialEq for StoreKey {
    fn eq(&self, other: &Self) -> bool {
        // A client compares its own key (the same allocations) on every call.
        let same = |a: &Arc<str>, b: &Arc<str>| Arc::ptr_eq(a, b) || a == b;
        same(&self.hash, &other.hash) && same(&self.vendor, &other.vendor)
    }
}

impl std::hash::Hash for StoreKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // What equality compares, so equal keys hash alike.
        self.vendor.hash(state);
        self.hash.hash(state);
    }
}

impl StoreKey {
    /// A key for `vendor` from the parts that identify the credential (an API key; a user
    /// name and key; a connector id and pincode). The parts are hashed with SHA-256 (each
    /// length-prefixed, so `["ab", "c"]` and `["a", "bc"]` differ) and only 128 bits of the
    /// hash, in hex, are kept.
    pub fn new(vendor: &str, parts: &[&str]) -> Self {
        let mut h = Sha256::new();
        h.update(b"partner-clients/store-key/v1\0");
        h.update(vendor.as_bytes());
        for part in parts {
            h.update((part.len() as u64).to_be_bytes());
            h.update(part.as_bytes());
        }
        let digest = h.finalize();
        StoreKey {
            vendor: Arc::from(vendor),
            hash: Arc::from(hex(&digest[..16])),
        }
    }

    /// The vendor.
    pub fn vendor(&self) -> &str {
        &self.vendor
    }

    /// The hex hash of the credential identity.
    pub fn hash(&self) -> &str {
        &self.hash
    }
}

impl fmt::Display for StoreKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.vendor, self.hash)
    }
}

impl fmt::Debug for StoreKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StoreKey({self})")
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// A hex SHA-256 fingerprint of a token, to compare tokens without storing or sending a second
/// copy of them (a 401 invalidates a stored token only if its fingerprint matches).
pub fn token_fingerprint(token: &SecretString) -> String {
    hex(&Sha256::digest(token.expose_secret().as_bytes()))
}

/// What one response's quota headers said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ObservedQuota {
    /// Requests allowed per window.
    pub limit: Option<u64>,
    /// Requests left in the window when the vendor answered.
    pub remaining: Option<u64>,
    /// Time until the window resets, from when the answer arrived.
    pub reset_in: Option<Duration>,
}

impl ObservedQuota {
    /// Whether the response said anything at all.
    pub fn is_empty(&self) -> bool {
        self.limit.is_none() && self.remaining.is_none() && self.reset_in.is_none()
    }
}

/// Where a vendor quota is counted.
///
/// [`reserve`](QuotaStore::reserve) never sleeps: it either spends a request slot (`None`:
/// send now) or says how long to wait before asking again (`Some(wait)`). The caller decides
/// whether to wait or to fail (a call whose deadline ends sooner fails with `RateLimited`).
/// Implementations never fail either: a store that cannot reach its backend answers from
/// in-process state.
pub trait QuotaStore: Send + Sync + 'static {
    /// Spends one request slot of `key`'s quota (`None`), or says how long to wait before
    /// asking again (`Some`).
    fn reserve<'a>(&'a self, key: &'a StoreKey) -> BoxFuture<'a, Option<Duration>>;

    /// Records what a response's quota headers said.
    fn observe<'a>(&'a self, key: &'a StoreKey, seen: ObservedQuota) -> BoxFuture<'a, ()>;

    /// The last quota known for `key` (adjusted for slots spent since), without I/O.
    fn last(&self, key: &StoreKey) -> Option<Quota>;
}

#[derive(Debug, Clone, Copy)]
struct LocalQuota {
    quota: Quota,
    /// The reset on tokio's clock, used for waiting.
    reset_instant: Option<Instant>,
}

/// The in-process quota store, the default: the last answer's numbers, minus the slots spent
/// since, per key. Share one `Arc<LocalQuotaStore>` between clients of one process to share
/// their quota; waits use tokio's clock (testable with paused time).
#[derive(Debug, Default)]
pub struct LocalQuotaStore {
    /// One entry per key. A process counts a handful of keys (one per vendor and
    /// credential), and every call looks its own up: a short list compared by pointer first
    /// is cheaper than hashing the key.
    state: Mutex<Vec<(StoreKey, LocalQuota)>>,
}

impl LocalQuotaStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(StoreKey, LocalQuota)>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// [`QuotaStore::reserve`], without a future.
    pub fn reserve_now(&self, key: &StoreKey) -> Option<Duration> {
        let mut map = self.lock();
        let index = map.iter().position(|(k, _)| k == key)?;
        let state = &mut map[index].1;
        match state.quota.remaining {
            Some(0) => {
                let now = Instant::now();
                match state.reset_instant {
                    Some(at) if at > now => Some(at - now),
                    // The window has reset: forget the old numbers until the next response.
                    _ => {
                        map.swap_remove(index);
                        None
                    }
                }
            }
            Some(n) => {
                state.quota.remaining = Some(n - 1);
                None
            }
            None => None,
        }
    }

    /// [`QuotaStore::observe`], without a future: the answer's numbers replace the old ones.
    pub fn observe_now(&self, key: &StoreKey, seen: ObservedQuota) {
        if seen.is_empty() {
            return;
        }
        let state = LocalQuota {
            quota: Quota {
                limit: seen.limit,
                remaining: seen.remaining,
                reset_at: seen.reset_in.map(|d| SystemTime::now() + d),
            },
            reset_instant: seen.reset_in.map(|d| Instant::now() + d),
        };
        let mut map = self.lock();
        match map.iter_mut().find(|(k, _)| k == key) {
            Some((_, old)) => *old = state,
            None => map.push((key.clone(), state)),
        }
    }

    /// Forgets `key`'s quota.
    pub fn forget(&self, key: &StoreKey) {
        self.lock().retain(|(k, _)| k != key);
    }
}

impl QuotaStore for LocalQuotaStore {
    fn reserve<'a>(&'a self, key: &'a StoreKey) -> BoxFuture<'a, Option<Duration>> {
        Box::pin(std::future::ready(self.reserve_now(key)))
    }

    fn observe<'a>(&'a self, key: &'a StoreKey, seen: ObservedQuota) -> BoxFuture<'a, ()> {
        self.observe_now(key, seen);
        Box::pin(std::future::ready(()))
    }

    fn last(&self, key: &StoreKey) -> Option<Quota> {
        self.lock()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, s)| s.quota)
    }
}

/// A token as a store keeps it: the secret, when it was issued and when it expires, by the
/// wall clock (so processes agree).
#[derive(Clone)]
pub struct StoredToken {
    /// The token.
    pub secret: SecretString,
    /// When it was issued.
    pub issued_at: SystemTime,
    /// When it expires (`None`: until the vendor refuses it).
    pub expires_at: Option<SystemTime>,
}

impl StoredToken {
    /// Whether the token should be replaced now, `refresh_ahead` before its expiry: the same
    /// rule as the in-process cache (the margin is at most half the token's life; a token that
    /// arrived already expired is used until the vendor refuses it).
    pub fn needs_refresh(&self, refresh_ahead: Duration, now: SystemTime) -> bool {
        let Some(expires_at) = self.expires_at else {
            return false;
        };
        let life = expires_at
            .duration_since(self.issued_at)
            .unwrap_or(Duration::ZERO);
        if life.is_zero() {
            return false;
        }
        let margin = refresh_ahead.min(life / 2);
        now + margin >= expires_at
    }

    /// The token's fingerprint ([`token_fingerprint`]).
    pub fn fingerprint(&self) -> String {
        token_fingerprint(&self.secret)
    }
}

impl fmt::Debug for StoredToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredToken")
            .field("secret", &"<redacted>")
            .field("issued_at", &self.issued_at)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// Proof of holding a refresh lock, handed back to [`TokenStore::unlock`]: releasing checks
/// it, so a holder whose lock expired never releases another's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefreshLock(pub String);

impl RefreshLock {
    /// A random lock id.
    pub fn random() -> Self {
        RefreshLock(format!(
            "{:016x}{:016x}",
            fastrand::u64(..),
            fastrand::u64(..)
        ))
    }
}

/// Where vendor tokens are kept between logins, for every process using one credential.
///
/// [`TokenCache::with_store`](crate::TokenCache::with_store) uses it after its in-process
/// single flight: a valid stored token is used; otherwise one process takes the refresh lock
/// (which expires after its TTL, so a crashed holder never blocks the others), logs in and
/// puts the token, while the others poll until it appears. Implementations never fail: a
/// store that cannot reach its backend answers from in-process state.
pub trait TokenStore: Send + Sync + 'static {
    /// The token stored for `key`, if any (expired ones included: the caller decides).
    fn get<'a>(&'a self, key: &'a StoreKey) -> BoxFuture<'a, Option<StoredToken>>;

    /// Takes `key`'s refresh lock for `ttl`, or `None` while another holder has it.
    fn try_lock<'a>(
        &'a self,
        key: &'a StoreKey,
        ttl: Duration,
    ) -> BoxFuture<'a, Option<RefreshLock>>;

    /// Releases `key`'s refresh lock if `lock` still holds it.
    fn unlock<'a>(&'a self, key: &'a StoreKey, lock: RefreshLock) -> BoxFuture<'a, ()>;

    /// Stores a fresh token for `key`.
    fn put<'a>(&'a self, key: &'a StoreKey, token: StoredToken) -> BoxFuture<'a, ()>;

    /// Drops `key`'s token if it is still `refused` (compared by fingerprint), so a 401 on an
    /// old token never drops a newer one another process stored.
    fn invalidate<'a>(&'a self, key: &'a StoreKey, refused: &'a SecretString) -> BoxFuture<'a, ()>;
}

#[derive(Default)]
struct LocalTokens {
    tokens: HashMap<StoreKey, StoredToken>,
    locks: HashMap<StoreKey, (RefreshLock, Instant)>,
}

/// An in-process [`TokenStore`] (the fallback of shared stores, and a test double). A
/// [`TokenCache`](crate::TokenCache) without a store does not need one: it keeps its token
/// itself.
#[derive(Default)]
pub struct LocalTokenStore {
    state: Mutex<LocalTokens>,
}

impl fmt::Debug for LocalTokenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocalTokenStore").finish_non_exhaustive()
    }
}

impl LocalTokenStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LocalTokens> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// [`TokenStore::get`], without a future.
    pub fn get_now(&self, key: &StoreKey) -> Option<StoredToken> {
        self.lock().tokens.get(key).cloned()
    }

    /// [`TokenStore::try_lock`], without a future.
    pub fn try_lock_now(&self, key: &StoreKey, ttl: Duration) -> Option<RefreshLock> {
        let mut state = self.lock();
        let now = Instant::now();
        if state.locks.get(key).is_some_and(|(_, until)| *until > now) {
            return None;
        }
        let lock = RefreshLock::random();
        state.locks.insert(key.clone(), (lock.clone(), now + ttl));
        Some(lock)
    }

    /// [`TokenStore::unlock`], without a future.
    pub fn unlock_now(&self, key: &StoreKey, lock: &RefreshLock) {
        let mut state = self.lock();
        if state.locks.get(key).is_some_and(|(held, _)| held == lock) {
            state.locks.remove(key);
        }
    }

    /// [`TokenStore::put`], without a future.
    pub fn put_now(&self, key: &StoreKey, token: StoredToken) {
        self.lock().tokens.insert(key.clone(), token);
    }

    /// [`TokenStore::invalidate`], without a future.
    pub fn invalidate_now(&self, key: &StoreKey, refused: &SecretString) {
        let mut state = self.lock();
        let refused = token_fingerprint(refused);
        if state
            .tokens
            .get(key)
            .is_some_and(|t| t.fingerprint() == refused)
        {
            state.tokens.remove(key);
        }
    }
}

impl TokenStore for LocalTokenStore {
    fn get<'a>(&'a self, key: &'a StoreKey) -> BoxFuture<'a, Option<StoredToken>> {
        Box::pin(std::future::ready(self.get_now(key)))
    }

    fn try_lock<'a>(
        &'a self,
        key: &'a StoreKey,
        ttl: Duration,
    ) -> BoxFuture<'a, Option<RefreshLock>> {
        Box::pin(std::future::ready(self.try_lock_now(key, ttl)))
    }

    fn unlock<'a>(&'a self, key: &'a StoreKey, lock: RefreshLock) -> BoxFuture<'a, ()> {
        self.unlock_now(key, &lock);
        Box::pin(std::future::ready(()))
    }

    fn put<'a>(&'a self, key: &'a StoreKey, token: StoredToken) -> BoxFuture<'a, ()> {
        self.put_now(key, token);
        Box::pin(std::future::ready(()))
    }

    fn invalidate<'a>(&'a self, key: &'a StoreKey, refused: &'a SecretString) -> BoxFuture<'a, ()> {
        self.invalidate_now(key, refused);
        Box::pin(std::future::ready(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_hash_the_credential() {
        let a = StoreKey::new("claire", &["secret-key"]);
        assert_eq!(a, StoreKey::new("claire", &["secret-key"]));
        assert_ne!(a, StoreKey::new("claire", &["other-key"]));
        assert_ne!(a, StoreKey::new("carfix", &["secret-key"]));
        assert_ne!(
            StoreKey::new("v", &["ab", "c"]),
            StoreKey::new("v", &["a", "bc"])
        );
        let shown = format!("{a} {a:?}");
        assert!(!shown.contains("secret"), "{shown}");
        assert!(shown.starts_with("claire:"));
        assert_eq!(a.hash().len(), 32);
    }

    #[test]
    fn stored_tokens_follow_the_cache_refresh_rule() {
        let now = SystemTime::now();
        let hour = Duration::from_secs(3600);
        let t = |issued: SystemTime, expires: Option<SystemTime>| StoredToken {
            secret: SecretString::from("t"),
            issued_at: issued,
            expires_at: expires,
        };
        let margin = Duration::from_secs(300);
        assert!(!t(now, Some(now + hour)).needs_refresh(margin, now));
        assert!(t(now - hour, Some(now + Duration::from_secs(100))).needs_refresh(margin, now));
        assert!(t(now - 2 * hour, Some(now - hour)).needs_refresh(margin, now));
        // Already expired when issued (clock skew): used until refused.
        assert!(!t(now, Some(now - hour)).needs_refresh(margin, now));
        assert!(!t(now, None).needs_refresh(margin, now));
    }

    #[tokio::test(start_paused = true)]
    async fn local_token_store_locks_expire_and_invalidate_compares() {
        let store = LocalTokenStore::new();
        let key = StoreKey::new("carfix", &["u", "k"]);
        let lock = store.try_lock(&key, Duration::from_secs(10)).await.unwrap();
        assert!(
            store
                .try_lock(&key, Duration::from_secs(10))
                .await
                .is_none()
        );
        tokio::time::advance(Duration::from_secs(11)).await;
        let second = store.try_lock(&key, Duration::from_secs(10)).await.unwrap();
        store.unlock(&key, lock).await; // expired holder: no effect
        assert!(
            store
                .try_lock(&key, Duration::from_secs(10))
                .await
                .is_none()
        );
        store.unlock(&key, second).await;
        assert!(
            store
                .try_lock(&key, Duration::from_secs(10))
                .await
                .is_some()
        );

        let token = |s: &str| StoredToken {
            secret: SecretString::from(s.to_owned()),
            issued_at: SystemTime::now(),
            expires_at: None,
        };
        store.put(&key, token("new")).await;
        store.invalidate(&key, &SecretString::from("old")).await;
        assert!(store.get(&key).await.is_some());
        store.invalidate(&key, &SecretString::from("new")).await;
        assert!(store.get(&key).await.is_none());
    }
}
