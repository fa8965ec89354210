//! Putting credentials on requests: static keys, and bearer tokens from a login.
//!
//! An [`Authenticator`] decorates each attempt and is told when the vendor answered 401, so a
//! token-based one can drop its token and let the client retry once with a fresh login.
//! [`TokenCache`] is the single-flight cache used by the login-based vendors.

use std::fmt;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use futures_util::future::BoxFuture;
use http::{HeaderName, HeaderValue};
use secrecy::{ExposeSecret, SecretString};
use tokio::time::Instant;

use crate::error::{ConfigError, Error};
use crate::store::{StoreKey, StoredToken, TokenStore};
use crate::transport::HttpRequest;

/// Identifies the credential an attempt used, so a 401 invalidates only that one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AuthTicket(pub u64);

/// Adds credentials to each attempt.
pub trait Authenticator: Send + Sync + 'static {
    /// Adds credentials to `request` for operation `operation`.
    fn authenticate<'a>(
        &'a self,
        operation: &'static str,
        request: &'a mut HttpRequest,
    ) -> BoxFuture<'a, Result<AuthTicket, Error>>;

    /// Adds credentials at once when they are at hand (a static key, a cached token), or
    /// returns `None` to have the client await [`authenticate`](Self::authenticate). Most
    /// calls take this path: it allocates no future and arms no timer.
    fn authenticate_now(
        &self,
        operation: &'static str,
        request: &mut HttpRequest,
    ) -> Option<Result<AuthTicket, Error>> {
        let _ = (operation, request);
        None
    }

    /// The vendor refused the credential of `ticket` with a 401. Return true when a new
    /// attempt may succeed (the client then retries once).
    fn unauthorized(&self, ticket: AuthTicket) -> bool {
        let _ = ticket;
        false
    }
}

/// Sends nothing (logins, public calls).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoAuth;

impl Authenticator for NoAuth {
    fn authenticate<'a>(
        &'a self,
        _operation: &'static str,
        _request: &'a mut HttpRequest,
    ) -> BoxFuture<'a, Result<AuthTicket, Error>> {
        Box::pin(async { Ok(AuthTicket(0)) })
    }

    fn authenticate_now(
        &self,
        _operation: &'static str,
        _request: &mut HttpRequest,
    ) -> Option<Result<AuthTicket, Error>> {
        Some(Ok(AuthTicket(0)))
    }
}

/// Where a static key goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyPlacement {
    /// In a header, with an optional scheme prefix (`Bearer `).
    Header {
        /// Header name.
        name: HeaderName,
        /// Prefix written before the key, such as `"Bearer "`.
        prefix: &'static str,
    },
    /// In a query parameter (visible in server and proxy logs; opt-in only).
    Query {
        /// Parameter name.
        name: &'static str,
    },
}

/// A static API key or pre-issued token.
#[derive(Clone)]
pub struct StaticKey {
    key: SecretString,
    placement: KeyPlacement,
    /// The header value, built (and marked sensitive) once rather than on every call.
    header_value: Option<HeaderValue>,
}

impl StaticKey {
    /// A key sent as `name: prefix + key`.
    pub fn header(
        name: &str,
        prefix: &'static str,
        key: SecretString,
    ) -> Result<Self, ConfigError> {
        let name = HeaderName::try_from(name).map_err(|_| ConfigError::InvalidHeader {
            name: name.to_owned(),
        })?;
        let mut value =
            HeaderValue::try_from(format!("{prefix}{}", key.expose_secret())).map_err(|_| {
                ConfigError::InvalidHeader {
                    name: name.to_string(),
                }
            })?;
        value.set_sensitive(true);
        Ok(StaticKey {
            key,
            placement: KeyPlacement::Header { name, prefix },
            header_value: Some(value),
        })
    }

    /// A key sent as the query parameter `name`.
    pub fn query(name: &'static str, key: SecretString) -> Self {
        StaticKey {
            key,
            placement: KeyPlacement::Query { name },
            header_value: None,
        }
    }

    /// Where the key goes.
    pub fn placement(&self) -> &KeyPlacement {
        &self.placement
    }
}

impl fmt::Debug for StaticKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StaticKey")
            .field("key", &"<redacted>")
            .field("placement", &self.placement)
            .finish()
    }
}

impl Authenticator for StaticKey {
    fn authenticate<'a>(
        &'a self,
        _operation: &'static str,
        request: &'a mut HttpRequest,
    ) -> BoxFuture<'a, Result<AuthTicket, Error>> {
        let result = self.apply(request);
        Box::pin(std::future::ready(result))
    }

    fn authenticate_now(
        &self,
        _operation: &'static str,
        request: &mut HttpRequest,
    ) -> Option<Result<AuthTicket, Error>> {
        Some(self.apply(request))
    }
}

impl StaticKey {
    /// Puts the key where it goes; a key is always at hand.
    fn apply(&self, request: &mut HttpRequest) -> Result<AuthTicket, Error> {
        match &self.placement {
            KeyPlacement::Header { name, prefix } => {
                let value = match &self.header_value {
                    Some(v) => v.clone(),
                    None => sensitive(prefix, &self.key)?,
                };
                request.headers.insert(name.clone(), value);
            }
            KeyPlacement::Query { name } => {
                request
                    .url
                    .query_pairs_mut()
                    .append_pair(name, self.key.expose_secret());
            }
        }
        Ok(AuthTicket(0))
    }
}

/// A header value `prefix + secret`, marked sensitive so Debug never prints it.
pub fn sensitive(prefix: &str, secret: &SecretString) -> Result<HeaderValue, Error> {
    let mut v =
        HeaderValue::try_from(format!("{prefix}{}", secret.expose_secret())).map_err(|_| {
            ConfigError::InvalidHeader {
                name: "credential".into(),
            }
        })?;
    v.set_sensitive(true);
    Ok(v)
}

/// An access token and when it stops working.
#[derive(Clone)]
pub struct Token {
    secret: SecretString,
    issued_at: Instant,
    expires_at: Option<Instant>,
}

impl Token {
    /// A token valid for `lifetime` from now (`None`: until the vendor refuses it).
    pub fn new(secret: SecretString, lifetime: Option<Duration>) -> Self {
        let now = Instant::now();
        Token {
            secret,
            issued_at: now,
            expires_at: lifetime.map(|d| now + d),
        }
    }

    /// A token that expires at a wall-clock time (such as a JWT `exp` claim).
    pub fn expiring_at(secret: SecretString, at: SystemTime) -> Self {
        let left = at
            .duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO);
        let now = Instant::now();
        Token {
            secret,
            issued_at: now,
            expires_at: Some(now + left),
        }
    }

    /// The token.
    pub fn secret(&self) -> &SecretString {
        &self.secret
    }

    /// The token as a store keeps it, with wall-clock times.
    pub fn to_stored(&self) -> StoredToken {
        let now = Instant::now();
        let wall = SystemTime::now();
        StoredToken {
            secret: self.secret.clone(),
            issued_at: wall
                .checked_sub(now.saturating_duration_since(self.issued_at))
                .unwrap_or(wall),
            expires_at: self.expires_at.map(|at| {
                if at >= now {
                    wall + (at - now)
                } else {
                    wall.checked_sub(now - at).unwrap_or(wall)
                }
            }),
        }
    }

    /// A token read back from a store.
    pub fn from_stored(stored: StoredToken) -> Self {
        let now = Instant::now();
        let wall = SystemTime::now();
        let at = |t: SystemTime| match t.duration_since(wall) {
            Ok(ahead) => now + ahead,
            Err(behind) => now.checked_sub(behind.duration()).unwrap_or(now),
        };
        Token {
            secret: stored.secret,
            issued_at: at(stored.issued_at),
            expires_at: stored.expires_at.map(at),
        }
    }

    /// Time left before expiry, if known.
    pub fn remaining(&self) -> Option<Duration> {
        self.expires_at
            .map(|at| at.saturating_duration_since(Instant::now()))
    }

    /// Whether the token should be replaced now, `refresh_ahead` before expiry.
    ///
    /// The margin is capped at half the token's life, so a short-lived token is not replaced
    /// on every call; a token that arrived already expired (clock skew between us and the
    /// vendor) is used until the vendor refuses it, rather than logging in on every call.
    fn needs_refresh(&self, refresh_ahead: Duration) -> bool {
        let Some(expires_at) = self.expires_at else {
            return false;
        };
        let life = expires_at.saturating_duration_since(self.issued_at);
        if life.is_zero() {
            return false;
        }
        let margin = refresh_ahead.min(life / 2);
        Instant::now() + margin >= expires_at
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Token")
            .field("secret", &"<redacted>")
            .field("remaining", &self.remaining())
            .finish()
    }
}

/// Fetches a fresh token (usually a login call).
pub trait TokenSource: Send + Sync + 'static {
    /// Logs in.
    fn fetch(&self) -> BoxFuture<'_, Result<Token, Error>>;
}

impl<F, Fut> TokenSource for F
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Token, Error>> + Send + 'static,
{
    fn fetch(&self) -> BoxFuture<'_, Result<Token, Error>> {
        Box::pin(self())
    }
}

struct Cached {
    token: Token,
    generation: u64,
}

/// An async, single-flight token cache.
///
/// Concurrent callers that find no valid token wait for one login together; a token is
/// replaced `refresh_ahead` before it expires (at most half its life ahead, and a token that
/// arrives already expired is used until the vendor refuses it); [`TokenCache::invalidate`] drops a token the
/// vendor refused, but only if no newer one has replaced it meanwhile.
///
/// With a shared [`TokenStore`] ([`TokenCache::with_store`]) the single flight spans
/// processes: after the in-process one, a valid stored token is used; otherwise one process
/// takes the store's refresh lock, logs in and stores the token while the others poll the
/// store until it appears (or the lock expires, when they try again).
pub struct TokenCache {
    source: Box<dyn TokenSource>,
    refresh_ahead: Duration,
    current: Mutex<Option<Cached>>,
    login_gate: tokio::sync::Mutex<()>,
    generation: AtomicU64,
    logins: AtomicU64,
    shared: Option<SharedTokens>,
}

/// The shared store of a [`TokenCache`], its key and lock settings.
struct SharedTokens {
    store: Arc<dyn TokenStore>,
    key: StoreKey,
    lock_ttl: Duration,
    /// A token the vendor refused, to drop from the store before the next look-up there.
    refused: Mutex<Option<SecretString>>,
}

impl fmt::Debug for TokenCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenCache")
            .field("refresh_ahead", &self.refresh_ahead)
            .field("logins", &self.logins())
            .finish_non_exhaustive()
    }
}

impl TokenCache {
    /// Default margin before expiry at which a token is replaced.
    pub const DEFAULT_REFRESH_AHEAD: Duration = Duration::from_secs(300);

    /// A cache over a token source.
    pub fn new(source: impl TokenSource) -> Self {
        TokenCache {
            source: Box::new(source),
            refresh_ahead: Self::DEFAULT_REFRESH_AHEAD,
            current: Mutex::new(None),
            login_gate: tokio::sync::Mutex::new(()),
            generation: AtomicU64::new(0),
            logins: AtomicU64::new(0),
            shared: None,
        }
    }

    /// Default time a process may hold the shared refresh lock (a holder that crashes blocks
    /// the others at most this long).
    pub const DEFAULT_REFRESH_LOCK_TTL: Duration = Duration::from_secs(15);

    /// Shares tokens through `store` under `key` (build it with [`StoreKey::new`] from the
    /// vendor and the credential identity): processes using one credential log in once
    /// between them.
    pub fn with_store(mut self, store: Arc<dyn TokenStore>, key: StoreKey) -> Self {
        self.shared = Some(SharedTokens {
            store,
            key,
            lock_ttl: Self::DEFAULT_REFRESH_LOCK_TTL,
            refused: Mutex::new(None),
        });
        self
    }

    /// How long the shared refresh lock is held at most (default 15 s; set it above the
    /// slowest login). No effect without a store.
    pub fn with_refresh_lock_ttl(mut self, ttl: Duration) -> Self {
        if let Some(shared) = &mut self.shared {
            shared.lock_ttl = ttl;
        }
        self
    }

    /// The shared store's key, when a store is set.
    pub fn store_key(&self) -> Option<&StoreKey> {
        self.shared.as_ref().map(|s| &s.key)
    }

    /// Sets how long before expiry a token is replaced.
    pub fn with_refresh_ahead(mut self, d: Duration) -> Self {
        self.refresh_ahead = d;
        self
    }

    fn valid(&self) -> Option<(SecretString, AuthTicket)> {
        let guard = self.current.lock().unwrap_or_else(|e| e.into_inner());
        let cached = guard.as_ref()?;
        if cached.token.needs_refresh(self.refresh_ahead) {
            None
        } else {
            Some((cached.token.secret.clone(), AuthTicket(cached.generation)))
        }
    }

    /// The generation of the cached token when it is still valid, without copying it.
    fn valid_generation(&self) -> Option<u64> {
        let guard = self.current.lock().unwrap_or_else(|e| e.into_inner());
        let cached = guard.as_ref()?;
        (!cached.token.needs_refresh(self.refresh_ahead)).then_some(cached.generation)
    }

    /// A valid token, logging in (once, for all waiting callers) when needed.
    pub async fn get(&self) -> Result<(SecretString, AuthTicket), Error> {
        if let Some(hit) = self.valid() {
            return Ok(hit);
        }
        let _gate = self.login_gate.lock().await;
        if let Some(hit) = self.valid() {
            return Ok(hit);
        }
        let token = match &self.shared {
            None => self.login().await?,
            Some(shared) => self.shared_token(shared).await?,
        };
        Ok(self.adopt(token))
    }

    async fn login(&self) -> Result<Token, Error> {
        self.logins.fetch_add(1, Ordering::Relaxed);
        self.source.fetch().await
    }

    fn adopt(&self, token: Token) -> (SecretString, AuthTicket) {
        let generation = self.generation.fetch_add(1, Ordering::Relaxed) + 1;
        let secret = token.secret.clone();
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) =
            Some(Cached { token, generation });
        (secret, AuthTicket(generation))
    }

    /// The cross-process single flight: a valid stored token, or a login under the store's
    /// refresh lock, or (while another process holds it) a stored token once it appears.
    async fn shared_token(&self, shared: &SharedTokens) -> Result<Token, Error> {
        let refused = shared
            .refused
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(refused) = refused {
            shared.store.invalidate(&shared.key, &refused).await;
        }
        let usable = |t: &StoredToken| !t.needs_refresh(self.refresh_ahead, SystemTime::now());
        let mut poll = Duration::from_millis(10);
        loop {
            if let Some(stored) = shared.store.get(&shared.key).await.filter(usable) {
                return Ok(Token::from_stored(stored));
            }
            if let Some(lock) = shared.store.try_lock(&shared.key, shared.lock_ttl).await {
                // Someone may have stored a token between our look-up and the lock.
                if let Some(stored) = shared.store.get(&shared.key).await.filter(usable) {
                    shared.store.unlock(&shared.key, lock).await;
                    return Ok(Token::from_stored(stored));
                }
                let fetched = self.login().await;
                if let Ok(token) = &fetched {
                    shared.store.put(&shared.key, token.to_stored()).await;
                }
                shared.store.unlock(&shared.key, lock).await;
                return fetched;
            }
            // Another process is logging in: wait for its token (or for its lock to expire).
            tokio::time::sleep(poll.mul_f64(0.5 + fastrand::f64())).await;
            poll = (poll * 2).min(Duration::from_millis(200));
        }
    }

    /// Drops the token of `ticket` if it is still the current one (and, with a store, from
    /// the store before the next look-up there, if it is still the stored one).
    pub fn invalidate(&self, ticket: AuthTicket) {
        let mut guard = self.current.lock().unwrap_or_else(|e| e.into_inner());
        if guard.as_ref().is_some_and(|c| c.generation == ticket.0) {
            if let (Some(shared), Some(cached)) = (&self.shared, guard.as_ref()) {
                *shared.refused.lock().unwrap_or_else(|e| e.into_inner()) =
                    Some(cached.token.secret.clone());
            }
            *guard = None;
        }
    }

    /// Drops whatever token is cached.
    pub fn clear(&self) {
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// How many logins this cache has made.
    pub fn logins(&self) -> u64 {
        self.logins.load(Ordering::Relaxed)
    }
}

/// Sends the token of a [`TokenCache`] as `Authorization: Bearer …`, re-logging in once on 401.
#[derive(Clone)]
pub struct BearerAuth {
    cache: Arc<TokenCache>,
    /// The header value of the token generation last sent: built (a copy of the secret and
    /// a validation) once per token, not once per call.
    header: Arc<Mutex<Option<(u64, HeaderValue)>>>,
}

impl fmt::Debug for BearerAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BearerAuth")
            .field("cache", &self.cache)
            .finish_non_exhaustive()
    }
}

impl BearerAuth {
    /// Bearer auth over a shared cache.
    pub fn new(cache: Arc<TokenCache>) -> Self {
        BearerAuth {
            cache,
            header: Arc::default(),
        }
    }

    fn cached_header(&self, generation: u64) -> Option<HeaderValue> {
        let guard = self.header.lock().unwrap_or_else(|e| e.into_inner());
        guard
            .as_ref()
            .filter(|(g, _)| *g == generation)
            .map(|(_, v)| v.clone())
    }

    /// The cache.
    pub fn cache(&self) -> &Arc<TokenCache> {
        &self.cache
    }
}

impl Authenticator for BearerAuth {
    fn authenticate<'a>(
        &'a self,
        operation: &'static str,
        request: &'a mut HttpRequest,
    ) -> BoxFuture<'a, Result<AuthTicket, Error>> {
        Box::pin(async move {
            if let Some(ready) = self.authenticate_now(operation, request) {
                return ready;
            }
            let (token, ticket) = self.cache.get().await?;
            let value = sensitive("Bearer ", &token)?;
            *self.header.lock().unwrap_or_else(|e| e.into_inner()) =
                Some((ticket.0, value.clone()));
            request.headers.insert(http::header::AUTHORIZATION, value);
            Ok(ticket)
        })
    }

    fn authenticate_now(
        &self,
        _operation: &'static str,
        request: &mut HttpRequest,
    ) -> Option<Result<AuthTicket, Error>> {
        let generation = self.cache.valid_generation()?;
        let value = self.cached_header(generation)?;
        request.headers.insert(http::header::AUTHORIZATION, value);
        Some(Ok(AuthTicket(generation)))
    }

    fn unauthorized(&self, ticket: AuthTicket) -> bool {
        self.cache.invalidate(ticket);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn one_login_for_many_concurrent_callers() {
        let calls = Arc::new(AtomicUsize::new(0));
        let c = calls.clone();
        let cache = Arc::new(TokenCache::new(move || {
            let c = c.clone();
            async move {
                c.fetch_add(1, Ordering::SeqCst);
                tokio::task::yield_now().await;
                Ok(Token::new(
                    SecretString::from("t1"),
                    Some(Duration::from_secs(3600)),
                ))
            }
        }));
        let tasks: Vec<_> = (0..100)
            .map(|_| {
                let cache = cache.clone();
                tokio::spawn(
                    async move { cache.get().await.map(|(t, _)| t.expose_secret().to_owned()) },
                )
            })
            .collect();
        for t in tasks {
            assert_eq!(t.await.unwrap().unwrap(), "t1");
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn refreshes_ahead_of_expiry_and_invalidates_only_current() {
        let n = Arc::new(AtomicUsize::new(0));
        let m = n.clone();
        let cache = TokenCache::new(move || {
            let i = m.fetch_add(1, Ordering::SeqCst);
            async move {
                Ok(Token::new(
                    SecretString::from(format!("t{i}")),
                    Some(Duration::from_secs(600)),
                ))
            }
        })
        .with_refresh_ahead(Duration::from_secs(60));
        let (t, first) = cache.get().await.unwrap();
        assert_eq!(t.expose_secret(), "t0");
        tokio::time::advance(Duration::from_secs(500)).await;
        assert_eq!(cache.get().await.unwrap().0.expose_secret(), "t0");
        tokio::time::advance(Duration::from_secs(41)).await; // 59 s left: inside the margin
        let (t, second) = cache.get().await.unwrap();
        assert_eq!(t.expose_secret(), "t1");
        cache.invalidate(first); // stale ticket: no effect
        assert_eq!(cache.get().await.unwrap().0.expose_secret(), "t1");
        cache.invalidate(second);
        assert_eq!(cache.get().await.unwrap().0.expose_secret(), "t2");
        assert_eq!(cache.logins(), 3);
    }

    #[tokio::test(start_paused = true)]
    async fn short_lived_and_skewed_tokens_do_not_log_in_on_every_call() {
        let n = Arc::new(AtomicUsize::new(0));
        let m = n.clone();
        // Five-minute tokens against the default five-minute margin.
        let cache = TokenCache::new(move || {
            m.fetch_add(1, Ordering::SeqCst);
            async {
                Ok(Token::new(
                    SecretString::from("t"),
                    Some(Duration::from_secs(300)),
                ))
            }
        });
        cache.get().await.unwrap();
        cache.get().await.unwrap();
        assert_eq!(
            n.load(Ordering::SeqCst),
            1,
            "reused: the margin is capped at half the life"
        );
        tokio::time::advance(Duration::from_secs(151)).await;
        cache.get().await.unwrap();
        assert_eq!(n.load(Ordering::SeqCst), 2, "replaced past half its life");

        let skewed = TokenCache::new(|| async {
            let past = SystemTime::now() - Duration::from_secs(10);
            Ok(Token::expiring_at(SecretString::from("old"), past))
        });
        let (_, ticket) = skewed.get().await.unwrap();
        skewed.get().await.unwrap();
        assert_eq!(
            skewed.logins(),
            1,
            "an already-expired token is used until a 401"
        );
        skewed.invalidate(ticket);
        skewed.get().await.unwrap();
        assert_eq!(skewed.logins(), 2);
    }

    #[test]
    fn debug_never_shows_keys() {
        let k = StaticKey::header("X-API-Key", "", SecretString::from("hunter2")).unwrap();
        let t = Token::new(SecretString::from("hunter2"), None);
        assert!(!format!("{k:?}{t:?}").contains("hunter2"));
    }
}
