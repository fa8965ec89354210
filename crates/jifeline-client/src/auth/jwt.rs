//! Reading the `exp` claim of a JWT access token, without verifying it: the client only needs
//! to know when to log in again, and the server still checks the signature.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};

/// The expiry of a JWT from its `exp` claim, or `None` when the token is not a readable JWT
/// or carries no `exp`.
pub fn expiry(token: &str) -> Option<SystemTime> {
    let payload = token.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .or_else(|_| URL_SAFE.decode(payload))
        .ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    let exp = claims.get("exp")?;
    let secs = exp.as_u64().or_else(|| {
        exp.as_f64()
            .filter(|f| f.is_finite() && *f >= 0.0)
            .map(|f| f as u64)
    })?;
    UNIX_EPOCH.checked_add(Duration::from_secs(secs))
}

/// Builds an unsigned JWT with the given `exp` (tests and examples).
#[doc(hidden)]
pub fn unsigned_with_exp(exp: SystemTime) -> String {
    let secs = exp
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let claims = URL_SAFE_NO_PAD.encode(format!(r#"{{"sub":"connector","exp":{secs}}}"#));
    format!("{header}.{claims}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_exp_and_tolerates_garbage() {
        let at = UNIX_EPOCH + Duration::from_secs(1_900_000_000);
        assert_eq!(expiry(&unsigned_with_exp(at)), Some(at));
        // The document's example tokens are truncated: not a JWT we can read.
        assert_eq!(expiry("eyJraW2In0.eyJhdF9...."), None);
        assert_eq!(expiry("opaque"), None);
        let no_exp = format!("x.{}.y", URL_SAFE_NO_PAD.encode(br#"{"sub":"a"}"#));
        assert_eq!(expiry(&no_exp), None);
        let padded = format!("x.{}.y", URL_SAFE.encode(br#"{"exp":1900000000}"#));
        assert_eq!(expiry(&padded), Some(at));
    }
}
