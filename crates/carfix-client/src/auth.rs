//! Logging in (2.1, 2.2): credentials, the token answer, and the token source for the cache.
//!
//! Both APIs log in the same way with their own credentials: POST `clientusername` and
//! `clientkey`, get a bearer token valid `expires_in` seconds (about 60 hours). The token is
//! kept in partner-core's single-flight [`TokenCache`], replaced ahead of expiry and dropped
//! (then fetched again, once) when CarFix answers 401.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use partner_core::{
    Client, Error, ExposeSecret, Request, SecretString, StoreKey, Token, TokenCache,
};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

/// A `clientusername`/`clientkey` pair (2.1 for the Affiliate API, 2.2 / Appendix A for the
/// Workshop API). Debug never shows the key.
#[derive(Clone)]
pub struct Credentials {
    username: String,
    key: SecretString,
}

impl Credentials {
    /// Credentials from CarFix (Affiliate) or the company setting page (Workshop).
    pub fn new(username: impl Into<String>, key: impl Into<SecretString>) -> Self {
        Credentials {
            username: username.into(),
            key: key.into(),
        }
    }

    /// The user name.
    pub fn username(&self) -> &str {
        &self.username
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("username", &self.username)
            .field("key", &"<redacted>")
            .finish()
    }
}

impl Serialize for Credentials {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // The wire body of 2.1/2.2 (and of 3.1 Test). Only ever serialised into a request.
        let mut st = s.serialize_struct("Credentials", 2)?;
        st.serialize_field("clientusername", &self.username)?;
        st.serialize_field("clientkey", self.key.expose_secret())?;
        st.end()
    }
}

/// The answer to 2.1/2.2 (OAuth style).
///
/// A token the answer leaves out or sends as `null` reads as empty; the login then fails
/// with a decode error naming `access_token` (never quoting the body).
#[derive(Deserialize)]
#[non_exhaustive]
pub struct AccessToken {
    /// The bearer token (empty when the answer had none).
    #[serde(default = "empty_secret", deserialize_with = "secret_or_empty")]
    pub access_token: SecretString,
    /// `"bearer"`.
    #[serde(default)]
    pub token_type: Option<String>,
    /// Lifetime in seconds (a float: `215999.93749759998`; a numeric string is read too).
    #[serde(default, deserialize_with = "crate::wire::flexible_f64::deserialize")]
    pub expires_in: Option<f64>,
    /// Scope (empty in the document).
    #[serde(default)]
    pub scope: Option<String>,
    /// Schema (empty in the document).
    #[serde(default)]
    pub schema: Option<String>,
}

fn empty_secret() -> SecretString {
    SecretString::from(String::new())
}

/// A token as text; `null` reads as empty.
fn secret_or_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<SecretString, D::Error> {
    Ok(SecretString::from(
        Option::<String>::deserialize(d)?.unwrap_or_default(),
    ))
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("access_token", &"<redacted>")
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .finish_non_exhaustive()
    }
}

impl AccessToken {
    /// The lifetime, when CarFix sent a usable one.
    pub fn lifetime(&self) -> Option<Duration> {
        self.expires_in
            .filter(|s| s.is_finite() && *s > 0.0)
            .map(Duration::from_secs_f64)
    }
}

/// Logs in once with `login_client` (which sends no credentials of its own).
pub(crate) async fn login(
    login_client: &Client,
    operation: &'static str,
    credentials: &Credentials,
) -> Result<AccessToken, Error> {
    let resp = login_client
        .send_raw(Request::new(operation).json(credentials)?)
        .await?;
    let resp = login_client
        .check_status(operation, resp)
        .map_err(|e| match e {
            // A refused login is an authentication failure whatever status CarFix picks (OAuth
            // servers answer 400 invalid_grant).
            Error::Status {
                status, message, ..
            } if (400..500).contains(&status) => Error::Auth {
                operation,
                status: Some(status),
                message,
            },
            other => other,
        })?;
    let token: AccessToken =
        // The answer holds the token: a decode error must not quote it.
        partner_core::decode_json_secret(operation, &resp.body)?;
    if token.access_token.expose_secret().trim().is_empty() {
        // A 2xx without a token is an answer of the wrong shape, not a refused login.
        return Err(Error::Decode {
            operation,
            path: "access_token".into(),
            message: "the login answer has no access_token".into(),
            excerpt: "<withheld: the body may hold a credential>".into(),
            status: Some(resp.status.as_u16()),
            content_type: None,
        });
    }
    Ok(token)
}

/// A token cache whose source is the login call. When the options name a token store
/// (`ClientOptions::token_store`), tokens are shared through it under a key made of the API's
/// login and a hash of the credentials, so processes with one credential log in once.
pub(crate) fn token_cache(
    login_client: Client,
    operation: &'static str,
    credentials: Credentials,
    refresh_ahead: Duration,
) -> Arc<TokenCache> {
    let shared = login_client.token_store().cloned().map(|store| {
        let key = StoreKey::new(
            crate::VENDOR,
            &[
                operation,
                &credentials.username,
                credentials.key.expose_secret(),
            ],
        );
        (store, key)
    });
    let source = move || {
        let client = login_client.clone();
        let credentials = credentials.clone();
        async move {
            let token = login(&client, operation, &credentials).await?;
            let lifetime = token.lifetime();
            Ok(Token::new(token.access_token, lifetime))
        }
    };
    let mut cache = TokenCache::new(source).with_refresh_ahead(refresh_ahead);
    if let Some((store, key)) = shared {
        cache = cache.with_store(store, key);
    }
    Arc::new(cache)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_serialise_for_the_wire_but_never_debug() {
        let c = Credentials::new("CARFIX-REFERRED", "s3cret".to_owned());
        assert_eq!(
            serde_json::to_value(&c).unwrap(),
            serde_json::json!({"clientusername": "CARFIX-REFERRED", "clientkey": "s3cret"})
        );
        assert!(!format!("{c:?}").contains("s3cret"));
    }

    #[test]
    fn token_lifetime_from_float_seconds() {
        let t: AccessToken = serde_json::from_str(
            r#"{ "access_token": "xxx", "token_type": "bearer", "expires_in": 215999.93749759998, "scope": "", "schema": "" }"#,
        )
        .unwrap();
        assert_eq!(t.lifetime().unwrap().as_secs(), 215_999);
        assert!(!format!("{t:?}").contains("xxx"));
        let t: AccessToken =
            serde_json::from_str(r#"{ "access_token": "x", "expires_in": -1 }"#).unwrap();
        assert!(t.lifetime().is_none());
        for none in [
            r#"{ "access_token": null }"#,
            r#"{ "token_type": "bearer" }"#,
        ] {
            let t: AccessToken = serde_json::from_str(none).unwrap();
            assert!(t.access_token.expose_secret().is_empty(), "{none}");
        }
    }
}
