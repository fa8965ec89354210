//! Login bodies, the tokens a login returns, and forgot-password.

use std::fmt;

use partner_core::SecretString;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Login with a connector UUID and its pincode.
#[derive(Clone, Serialize, Deserialize)]
pub struct ConnectorUuidLogin {
    /// Connector UUID.
    pub connector_uuid: Uuid,
    /// Pincode of the connector (sent as a string, the schema's type).
    #[serde(with = "secret_text")]
    pub pincode: SecretString,
}

/// Login with the numeric connector ID and its pincode (deprecated by the vendor).
#[derive(Clone, Serialize, Deserialize)]
pub struct ConnectorIdLogin {
    /// Connector ID, sent as a string (the schema's type; the example shows a number).
    #[serde(with = "crate::wire::text")]
    pub connector_id: String,
    /// Pincode of the connector.
    #[serde(with = "secret_text")]
    pub pincode: SecretString,
}

/// Login with a one-time password.
#[derive(Clone, Serialize, Deserialize)]
pub struct OtpLogin {
    /// The OTP.
    #[serde(with = "secret_text")]
    pub otp: SecretString,
}

macro_rules! redacted_debug {
    ($($t:ty),+) => {$(
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($t), " { <redacted> }"))
            }
        }
    )+};
}
redacted_debug!(ConnectorUuidLogin, ConnectorIdLogin, OtpLogin);

/// The tokens a login returns. All three are secrets; Debug never prints them.
///
/// A token the answer leaves out or sends as `null` reads as empty: the client needs only the
/// access token, and a login whose answer has none fails with a decode error naming
/// `access_token`.
#[derive(Clone, Deserialize)]
pub struct SessionTokens {
    /// OpenID ID token.
    #[serde(default, with = "secret_text")]
    pub id_token: SecretString,
    /// Access token, sent as `Authorization: Bearer …`.
    #[serde(default, with = "secret_text")]
    pub access_token: SecretString,
    /// Refresh token. The document describes no refresh call; see
    /// [`crate::SessionRefresher`] to plug one in.
    #[serde(default, with = "secret_text")]
    pub refresh_token: SecretString,
}

impl fmt::Debug for SessionTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SessionTokens")
            .field("id_token", &"<redacted>")
            .field("access_token", &"<redacted>")
            .field("refresh_token", &"<redacted>")
            .field("access_expires_at", &self.access_expires_at())
            .finish()
    }
}

impl SessionTokens {
    /// When the access token expires, from its `exp` claim (decoded, not verified).
    pub fn access_expires_at(&self) -> Option<std::time::SystemTime> {
        use partner_core::ExposeSecret;
        crate::auth::jwt::expiry(self.access_token.expose_secret())
    }
}

/// Forgot-password body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForgotPassword {
    /// The e-mail address to reset the password for.
    pub email_address: String,
}

partner_core::open_enum! {
    /// How the password reset continues.
    pub enum ResetMethod {
        /// In the current session (`"SESSION"`).
        Session = "SESSION",
    }
}

/// Forgot-password answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ForgotPasswordResult {
    /// Reset method.
    pub method: ResetMethod,
}

/// Serde for secrets sent as text (numbers in examples are read as text too).
mod secret_text {
    use partner_core::{ExposeSecret, SecretString};
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &SecretString, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(value.expose_secret())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<SecretString, D::Error> {
        let text = crate::wire::text_opt::deserialize(d)?.unwrap_or_default();
        Ok(SecretString::from(text))
    }
}
