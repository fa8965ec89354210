//! Staging and production: the two environments of the document ("General Infomation"),
//! each with its own endpoint and its own `api_token_key`. The document leaves both blank,
//! so the user supplies them (directly or from environment variables).

use std::fmt;

use partner_core::{ConfigError, ExposeSecret, SecretString};

/// Which of the vendor's two environments a client talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Environment {
    /// "Endpoint (Staging)" with "api_token_key (Staging)".
    Staging,
    /// "Endpoint (Production)" with "api_token_key (Production)".
    Production,
}

impl Environment {
    /// `"staging"` or `"production"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Environment::Staging => "staging",
            Environment::Production => "production",
        }
    }

    /// The variable [`EnvironmentConfig::from_env`] reads the base URL from.
    pub const fn base_url_var(self) -> &'static str {
        match self {
            Environment::Staging => "SHIPINSURE_STAGING_BASE_URL",
            Environment::Production => "SHIPINSURE_PRODUCTION_BASE_URL",
        }
    }

    /// The variable [`EnvironmentConfig::from_env`] reads the `api_token_key` from.
    pub const fn key_var(self) -> &'static str {
        match self {
            Environment::Staging => "SHIPINSURE_STAGING_API_TOKEN_KEY",
            Environment::Production => "SHIPINSURE_PRODUCTION_API_TOKEN_KEY",
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One environment's endpoint and `api_token_key`. The key is a secret: it is only ever
/// hashed into signatures and never printed (Debug shows `[REDACTED]`).
#[derive(Clone)]
pub struct EnvironmentConfig {
    environment: Environment,
    base_url: String,
    api_token_key: SecretString,
}

impl EnvironmentConfig {
    /// An environment with its base URL (https, or http on a loopback host) and key.
    pub fn new(
        environment: Environment,
        base_url: impl Into<String>,
        api_token_key: impl Into<SecretString>,
    ) -> Self {
        EnvironmentConfig {
            environment,
            base_url: base_url.into(),
            api_token_key: api_token_key.into(),
        }
    }

    /// The staging environment.
    ///
    /// ```
    /// use shipinsure_client::{Environment, EnvironmentConfig};
    /// let cfg = EnvironmentConfig::staging("https://staging.example", "k3y");
    /// assert_eq!(cfg.environment(), Environment::Staging);
    /// assert!(!format!("{cfg:?}").contains("k3y"));
    /// ```
    pub fn staging(base_url: impl Into<String>, api_token_key: impl Into<SecretString>) -> Self {
        Self::new(Environment::Staging, base_url, api_token_key)
    }

    /// The production environment.
    pub fn production(base_url: impl Into<String>, api_token_key: impl Into<SecretString>) -> Self {
        Self::new(Environment::Production, base_url, api_token_key)
    }

    /// Reads the base URL and key of `environment` from [`Environment::base_url_var`] and
    /// [`Environment::key_var`].
    pub fn from_env(environment: Environment) -> Result<Self, ConfigError> {
        Self::from_lookup(environment, |name| std::env::var(name).ok())
    }

    /// Like [`EnvironmentConfig::from_env`] with your own variable lookup (a config file, a
    /// vault, a test map).
    ///
    /// ```
    /// use shipinsure_client::{Environment, EnvironmentConfig};
    /// let cfg = EnvironmentConfig::from_lookup(Environment::Production, |name| match name {
    ///     "SHIPINSURE_PRODUCTION_BASE_URL" => Some("https://api.example".into()),
    ///     "SHIPINSURE_PRODUCTION_API_TOKEN_KEY" => Some("k3y".into()),
    ///     _ => None,
    /// })
    /// .unwrap();
    /// assert_eq!(cfg.base_url(), "https://api.example");
    /// ```
    pub fn from_lookup(
        environment: Environment,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let present = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let base_url = present(environment.base_url_var()).ok_or(ConfigError::MissingBaseUrl {
            vendor: crate::operations::VENDOR,
        })?;
        let key = present(environment.key_var()).ok_or(ConfigError::MissingSetting {
            vendor: crate::operations::VENDOR,
            setting: "api_token_key",
        })?;
        Ok(Self::new(environment, base_url, key))
    }

    /// Which environment this is.
    pub fn environment(&self) -> Environment {
        self.environment
    }

    /// The base URL as given.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    pub(crate) fn api_token_key(&self) -> &SecretString {
        &self.api_token_key
    }

    pub(crate) fn key_is_blank(&self) -> bool {
        self.api_token_key.expose_secret().trim().is_empty()
    }
}

impl fmt::Debug for EnvironmentConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnvironmentConfig")
            .field("environment", &self.environment)
            .field("base_url", &self.base_url)
            .field("api_token_key", &"[REDACTED]")
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_lookup_requires_both_values() {
        let none = EnvironmentConfig::from_lookup(Environment::Staging, |_| None);
        assert!(matches!(none, Err(ConfigError::MissingBaseUrl { .. })));
        let no_key = EnvironmentConfig::from_lookup(Environment::Staging, |n| {
            (n == "SHIPINSURE_STAGING_BASE_URL").then(|| "https://s.example".to_owned())
        });
        assert!(matches!(
            no_key,
            Err(ConfigError::MissingSetting {
                setting: "api_token_key",
                ..
            })
        ));
        let blank_key = EnvironmentConfig::from_lookup(Environment::Staging, |n| {
            Some(
                if n.ends_with("BASE_URL") {
                    "https://s.example"
                } else {
                    "  "
                }
                .to_owned(),
            )
        });
        assert!(
            matches!(
                blank_key,
                Err(ConfigError::MissingSetting {
                    setting: "api_token_key",
                    ..
                })
            ),
            "{blank_key:?}"
        );
    }

    #[test]
    fn production_reads_production_variables() {
        let cfg = EnvironmentConfig::from_lookup(Environment::Production, |n| match n {
            "SHIPINSURE_PRODUCTION_BASE_URL" => Some("https://p.example".into()),
            "SHIPINSURE_PRODUCTION_API_TOKEN_KEY" => Some("prod-key".into()),
            _ => Some("https://wrong.example".into()),
        })
        .unwrap();
        assert_eq!(cfg.environment(), Environment::Production);
        assert_eq!(cfg.base_url(), "https://p.example");
        assert_eq!(cfg.api_token_key().expose_secret(), "prod-key");
        assert!(!format!("{cfg:?}").contains("prod-key"));
    }
}
