//! Staying logged in: credentials, the token cache behind every authenticated call, and the
//! pluggable refresh.
//!
//! A login returns id, access and refresh tokens. The access token goes out as a bearer
//! token; its expiry is read from the JWT `exp` claim (decoded, not verified) and the cache
//! replaces it `refresh_ahead` (default 5 minutes, at most half the token's lifetime) before
//! that. The document describes no
//! refresh call, so by default a new token comes from logging in again with the stored
//! credentials. A [`SessionRefresher`] can be plugged in instead (for example the refresh
//! endpoint your onboarding material names); it receives the previous tokens. A token the
//! server refuses with 401 is dropped and the call retried once with a fresh one.

use std::fmt;
use std::future::Future;
use std::sync::{Arc, Mutex};

use futures_util::future::BoxFuture;
use partner_core::{ConfigError, Error, ExposeSecret, Request, SecretString, Token, Validator};
use uuid::Uuid;

use crate::models::{ConnectorIdLogin, ConnectorUuidLogin, OtpLogin, SessionTokens};
use crate::operations as ops;
use crate::validate::Strictness;

pub(crate) mod jwt;

/// What the client logs in with when it needs a token.
#[derive(Clone)]
#[non_exhaustive]
pub enum Credentials {
    /// Connector UUID and pincode.
    ConnectorUuid {
        /// Connector UUID.
        connector_uuid: Uuid,
        /// Pincode.
        pincode: SecretString,
    },
    /// A one-time password. Usually valid once: when the session expires, the re-login with
    /// the same OTP is likely refused, so pair it with a [`SessionRefresher`].
    Otp {
        /// The OTP.
        otp: SecretString,
    },
    /// Connector ID and pincode (deprecated by the vendor: use the UUID).
    #[deprecated(
        note = "Jifeline deprecated the connector-ID login; use Credentials::connector_uuid"
    )]
    ConnectorId {
        /// Connector ID.
        connector_id: String,
        /// Pincode.
        pincode: SecretString,
    },
}

impl Credentials {
    /// Connector UUID and pincode.
    pub fn connector_uuid(connector_uuid: Uuid, pincode: impl Into<String>) -> Self {
        Credentials::ConnectorUuid {
            connector_uuid,
            pincode: SecretString::from(pincode.into()),
        }
    }

    /// A one-time password.
    pub fn otp(otp: impl Into<String>) -> Self {
        Credentials::Otp {
            otp: SecretString::from(otp.into()),
        }
    }

    /// Connector ID and pincode.
    #[deprecated(
        note = "Jifeline deprecated the connector-ID login; use Credentials::connector_uuid"
    )]
    #[allow(deprecated)]
    pub fn connector_id(connector_id: impl ToString, pincode: impl Into<String>) -> Self {
        Credentials::ConnectorId {
            connector_id: connector_id.to_string(),
            pincode: SecretString::from(pincode.into()),
        }
    }
}

impl fmt::Debug for Credentials {
    #[allow(deprecated)]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::ConnectorUuid { connector_uuid, .. } => f
                .debug_struct("ConnectorUuid")
                .field("connector_uuid", connector_uuid)
                .field("pincode", &"<redacted>")
                .finish(),
            Credentials::Otp { .. } => f.debug_struct("Otp").field("otp", &"<redacted>").finish(),
            Credentials::ConnectorId { connector_id, .. } => f
                .debug_struct("ConnectorId")
                .field("connector_id", connector_id)
                .field("pincode", &"<redacted>")
                .finish(),
        }
    }
}

/// Gets new tokens from the previous ones (a refresh call the document does not describe).
pub trait SessionRefresher: Send + Sync + 'static {
    /// New tokens, given the current ones.
    fn refresh(&self, previous: SessionTokens) -> BoxFuture<'static, Result<SessionTokens, Error>>;
}

impl<F, Fut> SessionRefresher for F
where
    F: Fn(SessionTokens) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<SessionTokens, Error>> + Send + 'static,
{
    fn refresh(&self, previous: SessionTokens) -> BoxFuture<'static, Result<SessionTokens, Error>> {
        Box::pin(self(previous))
    }
}

/// Logs in once with `credentials` through an unauthenticated client. Used by the token
/// cache and by the direct calls of `client.sessions()`. The document marks none of the
/// login fields required and sets no rules for them, so they are sent as given; under
/// [`Strictness::Strict`] a blank pincode, OTP or connector ID is refused before sending.
#[allow(deprecated)]
pub(crate) async fn login(
    public: &partner_core::Client,
    credentials: &Credentials,
    strictness: Strictness,
) -> Result<SessionTokens, Error> {
    if strictness == Strictness::Strict {
        check_credentials(credentials)?;
    }
    let req = login_request(credentials)?;
    let operation = req.operation();
    let resp = public.send(req).await?;
    // The answer holds the id, access and refresh tokens: a decode error must not quote them.
    let tokens: SessionTokens = partner_core::decode_json_secret(operation, &resp.body)?;
    if tokens.access_token.expose_secret().is_empty() {
        return Err(Error::Decode {
            operation,
            path: "access_token".to_owned(),
            message: "the login answer holds no access token".to_owned(),
            excerpt: "<withheld: the body may hold a credential>".to_owned(),
            status: Some(resp.status.as_u16()),
            content_type: None,
        });
    }
    Ok(tokens)
}

/// The stricter reading: no blank credential.
#[allow(deprecated)]
fn check_credentials(credentials: &Credentials) -> Result<(), Error> {
    let mut v = Validator::new();
    match credentials {
        Credentials::ConnectorUuid { pincode, .. } => {
            v.required("pincode", pincode.expose_secret());
        }
        Credentials::Otp { otp } => {
            v.required("otp", otp.expose_secret());
        }
        Credentials::ConnectorId {
            connector_id,
            pincode,
        } => {
            v.required("connector_id", connector_id);
            v.required("pincode", pincode.expose_secret());
        }
    }
    Ok(v.finish()?)
}

/// The login request for `credentials`.
#[allow(deprecated)]
fn login_request(credentials: &Credentials) -> Result<Request, Error> {
    Ok(match credentials {
        Credentials::ConnectorUuid {
            connector_uuid,
            pincode,
        } => Request::new(ops::LOGIN_WITH_CONNECTOR_UUID).json(&ConnectorUuidLogin {
            connector_uuid: *connector_uuid,
            pincode: pincode.clone(),
        })?,
        Credentials::Otp { otp } => {
            Request::new(ops::LOGIN_WITH_OTP).json(&OtpLogin { otp: otp.clone() })?
        }
        Credentials::ConnectorId {
            connector_id,
            pincode,
        } => Request::new(ops::LOGIN_WITH_CONNECTOR_ID).json(&ConnectorIdLogin {
            connector_id: connector_id.clone(),
            pincode: pincode.clone(),
        })?,
    })
}

/// Where tokens come from, shared by the token cache's source closure.
pub(crate) struct SessionState {
    pub(crate) public: partner_core::Client,
    pub(crate) credentials: Option<Credentials>,
    pub(crate) refresher: Option<Arc<dyn SessionRefresher>>,
    /// Tokens handed to the builder, used before any login.
    pub(crate) seeded: Mutex<Option<SessionTokens>>,
    /// The tokens in use.
    pub(crate) current: Mutex<Option<SessionTokens>>,
    /// How strictly the login credentials are checked.
    pub(crate) strictness: Strictness,
}

impl SessionState {
    pub(crate) fn current(&self) -> Option<SessionTokens> {
        self.current
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// A fresh set of tokens: seeded ones first, then the refresher, then a login.
    pub(crate) async fn next_tokens(&self) -> Result<SessionTokens, Error> {
        let seeded = self.seeded.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(tokens) = seeded {
            return Ok(tokens);
        }
        if let (Some(refresher), Some(previous)) = (&self.refresher, self.current()) {
            match refresher.refresh(previous).await {
                Ok(tokens) => return Ok(tokens),
                // With stored credentials a failed refresh falls back to a login.
                Err(e) if self.credentials.is_none() => return Err(e),
                Err(_) => {}
            }
        }
        match &self.credentials {
            Some(credentials) => login(&self.public, credentials, self.strictness).await,
            None => Err(Error::Config(ConfigError::MissingCredential {
                operation: "session",
                credential: "Jifeline credentials (connector UUID and pincode, or an OTP)",
            })),
        }
    }

    /// The next access token for the cache, with its expiry from the JWT.
    pub(crate) async fn next_token(&self) -> Result<Token, Error> {
        let tokens = self.next_tokens().await?;
        let token = token_for(&tokens.access_token);
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) = Some(tokens);
        Ok(token)
    }
}

/// The access token as the token cache should see it: expiring at the JWT's `exp`.
///
/// The cache renews `refresh_ahead` before that, capped at half the token's life, and uses a
/// token already expired by the local clock (clock skew) until the server answers 401. A
/// token without a readable `exp` (the document's examples are truncated) is likewise used
/// until it is refused.
pub(crate) fn token_for(access: &SecretString) -> Token {
    match crate::auth::jwt::expiry(access.expose_secret()) {
        Some(exp) => Token::expiring_at(access.clone(), exp),
        None => Token::new(access.clone(), None),
    }
}
