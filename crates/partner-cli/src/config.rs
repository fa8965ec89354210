//! Profiles: base URLs, path overrides and credentials per vendor, from a TOML file in the
//! platform config directory, overridden by environment variables, or made up on the spot
//! for `--sandbox`.
//!
//! ```toml
//! default_profile = "staging"
//!
//! [profiles.staging]
//! timeout_secs = 20
//!
//! [profiles.staging.claire]
//! base_url = "https://claire-api.example"
//! api_key = "..."                      # or CLAIRE_API_KEY in the environment
//!
//! [profiles.staging.carfix]
//! base_url = "https://carfix.example"
//! affiliate_username = "CARFIX-REFERRED"
//! paths = { CreateCase = "/api/v2/CreateCase" }
//! ```
//!
//! Secrets are never printed. A file holding one must not be readable by group or others
//! (checked on Unix; `chmod 600`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::CliError;

/// The file name inside the platform config directory.
pub const FILE_NAME: &str = "config.toml";

/// The whole file.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// The profile used without `--profile`.
    pub default_profile: Option<String>,
    /// Profiles by name.
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// One profile: settings per vendor. Secret fields are marked; `Debug` is not derived so
/// they cannot be printed by accident.
#[derive(Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Timeout of each attempt, in seconds (default: the client's, 30 s).
    pub timeout_secs: Option<u64>,
    /// CarFix settings.
    #[serde(default)]
    pub carfix: CarfixProfile,
    /// Jifeline settings.
    #[serde(default)]
    pub jifeline: JifelineProfile,
    /// Claire settings.
    #[serde(default)]
    pub claire: ClaireProfile,
    /// BigFix settings.
    #[serde(default)]
    pub bigfix: BigfixProfile,
    /// shipinsure settings.
    #[serde(default)]
    pub shipinsure: ShipinsureProfile,
}

/// CarFix: one base URL, two logins.
#[derive(Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CarfixProfile {
    /// Base URL (given by CarFix at onboarding).
    pub base_url: Option<String>,
    /// Path overrides by operation name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub paths: BTreeMap<String, String>,
    /// Affiliate `clientusername`.
    pub affiliate_username: Option<String>,
    /// Affiliate `clientkey` (secret).
    pub affiliate_key: Option<String>,
    /// Workshop `clientusername`.
    pub workshop_username: Option<String>,
    /// Workshop `clientkey` (secret).
    pub workshop_key: Option<String>,
}

/// Jifeline: connector UUID and pincode, or a one-time password.
#[derive(Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct JifelineProfile {
    /// Base URL.
    pub base_url: Option<String>,
    /// Path overrides by operation name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub paths: BTreeMap<String, String>,
    /// The connector UUID to log in with.
    pub connector_uuid: Option<String>,
    /// Its pincode (secret).
    pub pincode: Option<String>,
    /// A one-time password instead (secret).
    pub otp: Option<String>,
}

/// Claire: an API key.
#[derive(Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ClaireProfile {
    /// Base URL (API_BASE).
    pub base_url: Option<String>,
    /// Path overrides by operation name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub paths: BTreeMap<String, String>,
    /// The API key (secret).
    pub api_key: Option<String>,
}

/// BigFix: an API key (bulk, template, tracking) and a JWT (single orders).
#[derive(Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BigfixProfile {
    /// Base URL (default: the documented host).
    pub base_url: Option<String>,
    /// Path overrides by operation name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub paths: BTreeMap<String, String>,
    /// `X-API-Key` (secret).
    pub api_key: Option<String>,
    /// The JWT for single orders (secret).
    pub jwt: Option<String>,
}

/// shipinsure: one environment's URL and `api_token_key`.
#[derive(Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ShipinsureProfile {
    /// Base URL of the environment.
    pub base_url: Option<String>,
    /// Path overrides by operation name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub paths: BTreeMap<String, String>,
    /// `staging` (default) or `production`.
    pub environment: Option<String>,
    /// The `api_token_key` (secret).
    pub api_token_key: Option<String>,
}

/// Every environment variable read, with the setting it overrides (documented in the README).
pub const ENV_VARS: &[(&str, &str)] = &[
    ("CARFIX_BASE_URL", "carfix.base_url"),
    ("CARFIX_AFFILIATE_USERNAME", "carfix.affiliate_username"),
    ("CARFIX_AFFILIATE_KEY", "carfix.affiliate_key"),
    ("CARFIX_WORKSHOP_USERNAME", "carfix.workshop_username"),
    ("CARFIX_WORKSHOP_KEY", "carfix.workshop_key"),
    ("JIFELINE_BASE_URL", "jifeline.base_url"),
    ("JIFELINE_CONNECTOR_UUID", "jifeline.connector_uuid"),
    ("JIFELINE_PINCODE", "jifeline.pincode"),
    ("JIFELINE_OTP", "jifeline.otp"),
    ("CLAIRE_BASE_URL", "claire.base_url"),
    ("CLAIRE_API_KEY", "claire.api_key"),
    ("BIGFIX_BASE_URL", "bigfix.base_url"),
    ("BIGFIX_API_KEY", "bigfix.api_key"),
    ("BIGFIX_JWT", "bigfix.jwt"),
    ("SHIPINSURE_BASE_URL", "shipinsure.base_url"),
    ("SHIPINSURE_ENVIRONMENT", "shipinsure.environment"),
    ("SHIPINSURE_API_TOKEN_KEY", "shipinsure.api_token_key"),
];

impl Profile {
    /// The field an environment variable sets.
    fn slot(&mut self, setting: &str) -> Option<&mut Option<String>> {
        Some(match setting {
            "carfix.base_url" => &mut self.carfix.base_url,
            "carfix.affiliate_username" => &mut self.carfix.affiliate_username,
            "carfix.affiliate_key" => &mut self.carfix.affiliate_key,
            "carfix.workshop_username" => &mut self.carfix.workshop_username,
            "carfix.workshop_key" => &mut self.carfix.workshop_key,
            "jifeline.base_url" => &mut self.jifeline.base_url,
            "jifeline.connector_uuid" => &mut self.jifeline.connector_uuid,
            "jifeline.pincode" => &mut self.jifeline.pincode,
            "jifeline.otp" => &mut self.jifeline.otp,
            "claire.base_url" => &mut self.claire.base_url,
            "claire.api_key" => &mut self.claire.api_key,
            "bigfix.base_url" => &mut self.bigfix.base_url,
            "bigfix.api_key" => &mut self.bigfix.api_key,
            "bigfix.jwt" => &mut self.bigfix.jwt,
            "shipinsure.base_url" => &mut self.shipinsure.base_url,
            "shipinsure.environment" => &mut self.shipinsure.environment,
            "shipinsure.api_token_key" => &mut self.shipinsure.api_token_key,
            _ => return None,
        })
    }

    /// Applies the environment variables that are set and not blank.
    pub fn apply_env(&mut self, lookup: impl Fn(&str) -> Option<String>) {
        for (var, setting) in ENV_VARS {
            if let Some(value) = lookup(var).filter(|v| !v.trim().is_empty())
                && let Some(slot) = self.slot(setting)
            {
                *slot = Some(value);
            }
        }
    }

    /// Whether any secret field is set.
    pub fn has_secret(&self) -> bool {
        [
            &self.carfix.affiliate_key,
            &self.carfix.workshop_key,
            &self.jifeline.pincode,
            &self.jifeline.otp,
            &self.claire.api_key,
            &self.bigfix.api_key,
            &self.bigfix.jwt,
            &self.shipinsure.api_token_key,
        ]
        .iter()
        .any(|s| s.is_some())
    }

    /// The profile as JSON with every secret replaced by `<redacted>` (for `config show`).
    pub fn redacted(&self) -> serde_json::Value {
        let mut copy = self.clone();
        for (_, setting) in ENV_VARS {
            let secret = setting.ends_with("_key")
                || setting.ends_with(".pincode")
                || setting.ends_with(".otp")
                || setting.ends_with(".jwt");
            if secret
                && let Some(slot) = copy.slot(setting)
                && slot.is_some()
            {
                *slot = Some("<redacted>".to_owned());
            }
        }
        serde_json::to_value(&copy).unwrap_or_default()
    }

    /// The per-attempt timeout, if set.
    pub fn timeout(&self) -> Option<Duration> {
        self.timeout_secs.map(Duration::from_secs)
    }
}

/// The platform config file: `$XDG_CONFIG_HOME/partner/config.toml` (else
/// `~/.config/partner/config.toml`) on Linux and BSDs, `~/Library/Application
/// Support/partner/config.toml` on macOS, `%APPDATA%\partner\config.toml` on Windows (the
/// directories `directories::ProjectDirs::config_dir` would give for "partner").
pub fn default_path() -> Option<PathBuf> {
    let env_dir = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let base = if cfg!(windows) {
        env_dir("APPDATA")
    } else if cfg!(target_os = "macos") {
        env_dir("HOME").map(|h| h.join("Library").join("Application Support"))
    } else {
        env_dir("XDG_CONFIG_HOME").or_else(|| env_dir("HOME").map(|h| h.join(".config")))
    };
    base.map(|b| b.join("partner").join(FILE_NAME))
}

/// The profile in effect and where it came from.
pub struct Loaded {
    /// Profile name.
    pub name: String,
    /// The file read, when one was.
    pub file: Option<PathBuf>,
    /// The settings (file, then environment).
    pub profile: Profile,
}

/// Reads the config file (if any), selects the profile and applies the environment.
///
/// `path`: `--config`/`PARTNER_CONFIG`, else the platform file. `profile`:
/// `--profile`/`PARTNER_PROFILE`; naming a profile that does not exist is an error, while
/// the implicit `default` may be absent (then only the environment counts).
pub fn load(path: Option<&Path>, profile: Option<&str>) -> Result<Loaded, CliError> {
    let explicit_path = path.is_some();
    let path = path.map(Path::to_path_buf).or_else(default_path);
    let file = match &path {
        Some(p) if p.exists() => Some(read_file(p)?),
        Some(p) if explicit_path => {
            return Err(CliError::config(format!(
                "config file {} does not exist",
                p.display()
            )));
        }
        _ => None,
    };
    let name = profile
        .map(str::to_owned)
        .or_else(|| file.as_ref().and_then(|f| f.default_profile.clone()))
        .unwrap_or_else(|| "default".to_owned());
    let named = profile.is_some() || file.as_ref().is_some_and(|f| f.default_profile.is_some());
    let mut selected = match file.as_ref().map(|f| (f.profiles.get(&name), f)) {
        Some((Some(p), _)) => p.clone(),
        Some((None, f)) if named => {
            let known: Vec<&str> = f.profiles.keys().map(String::as_str).collect();
            return Err(CliError::config(format!(
                "profile `{name}` is not in {} (profiles there: {})",
                path.as_deref()
                    .map(Path::display)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
            )));
        }
        None if profile.is_some() => {
            return Err(CliError::config(format!(
                "profile `{name}` asked for, but there is no config file at {}",
                path.as_deref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| "(no config directory)".to_owned())
            )));
        }
        _ => Profile::default(),
    };
    selected.apply_env(|v| std::env::var(v).ok());
    Ok(Loaded {
        name,
        file: file.and(path),
        profile: selected,
    })
}

fn read_file(path: &Path) -> Result<ConfigFile, CliError> {
    let shown = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::config(format!("cannot read {shown}: {e}")))?;
    let file: ConfigFile = toml::from_str(&text).map_err(|e| {
        // The message only: toml's own rendering quotes the line, which may hold a secret.
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].lines().count().max(1));
        let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
        CliError::config(format!(
            "{shown}{at}: {}",
            e.message().trim_end().replace('\n', " ")
        ))
    })?;
    if file.profiles.values().any(Profile::has_secret) {
        check_permissions(path)?;
    }
    Ok(file)
}

#[cfg(unix)]
fn check_permissions(path: &Path) -> Result<(), CliError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map_err(|e| CliError::config(format!("cannot read {}: {e}", path.display())))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(CliError::config(format!(
            "{} holds secrets but is readable by others (mode {:o}); run `chmod 600 {}`",
            path.display(),
            mode & 0o777,
            path.display()
        )));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_permissions(_path: &Path) -> Result<(), CliError> {
    Ok(())
}

/// A profile pointing every vendor at a running sandbox with its demo credentials.
#[cfg(feature = "sandbox")]
pub fn sandbox_profile(sandbox: &partner_sandbox::Sandbox, timeout_secs: Option<u64>) -> Profile {
    use partner_sandbox::{Vendor, bigfix, carfix, claire, jifeline, shipinsure};
    Profile {
        timeout_secs,
        carfix: CarfixProfile {
            base_url: Some(sandbox.base_url(Vendor::CarFix).to_owned()),
            paths: BTreeMap::new(),
            affiliate_username: Some(carfix::DEMO_AFFILIATE_USERNAME.to_owned()),
            affiliate_key: Some(carfix::DEMO_AFFILIATE_KEY.to_owned()),
            workshop_username: Some(carfix::DEMO_WORKSHOP_USERNAME.to_owned()),
            workshop_key: Some(carfix::DEMO_WORKSHOP_KEY.to_owned()),
        },
        jifeline: JifelineProfile {
            base_url: Some(sandbox.base_url(Vendor::Jifeline).to_owned()),
            paths: BTreeMap::new(),
            connector_uuid: Some(jifeline::DEMO_CONNECTOR_UUID.to_owned()),
            pincode: Some(jifeline::DEMO_PINCODE.to_owned()),
            otp: None,
        },
        claire: ClaireProfile {
            base_url: Some(sandbox.base_url(Vendor::Claire).to_owned()),
            paths: BTreeMap::new(),
            api_key: Some(claire::DEMO_API_KEY.to_owned()),
        },
        bigfix: BigfixProfile {
            base_url: Some(sandbox.base_url(Vendor::BigFix).to_owned()),
            paths: BTreeMap::new(),
            api_key: Some(bigfix::DEMO_API_KEY.to_owned()),
            jwt: Some(bigfix::DEMO_JWT.to_owned()),
        },
        shipinsure: ShipinsureProfile {
            base_url: Some(sandbox.base_url(Vendor::ShipInsure).to_owned()),
            paths: BTreeMap::new(),
            environment: Some("staging".to_owned()),
            api_token_key: Some(shipinsure::DEMO_API_TOKEN_KEY.to_owned()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_overrides_the_file_and_blank_is_unset() {
        let mut p = Profile::default();
        p.claire.base_url = Some("https://file.example".into());
        p.apply_env(|v| match v {
            "CLAIRE_BASE_URL" => Some("https://env.example".into()),
            "CLAIRE_API_KEY" => Some("  ".into()),
            _ => None,
        });
        assert_eq!(p.claire.base_url.as_deref(), Some("https://env.example"));
        assert!(p.claire.api_key.is_none());
    }

    #[test]
    fn every_env_var_has_a_slot_and_secrets_are_redacted() {
        let mut p = Profile::default();
        p.apply_env(|v| Some(format!("value-of-{v}")));
        for (var, setting) in ENV_VARS {
            assert!(p.clone().slot(setting).is_some(), "{var}");
        }
        let shown = p.redacted().to_string();
        for secret in [
            "AFFILIATE_KEY",
            "WORKSHOP_KEY",
            "PINCODE",
            "OTP",
            "API_KEY",
            "JWT",
            "TOKEN_KEY",
        ] {
            assert!(
                !shown.contains(&format!("_{secret}\"")),
                "{secret} printed: {shown}"
            );
        }
        assert!(shown.contains("value-of-CLAIRE_BASE_URL"));
    }
}
