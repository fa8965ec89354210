//! Shared by the integration tests: a sandbox on the test's own runtime, a scratch
//! directory, a profile file pointing at the sandbox, and the `partner` binary with a clean
//! environment.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use partner_sandbox::{Sandbox, Vendor};

/// Every variable the tool reads, removed so the developer's own settings cannot leak in.
pub const VARS: &[&str] = &[
    "PARTNER_PROFILE",
    "PARTNER_CONFIG",
    "CARFIX_BASE_URL",
    "CARFIX_AFFILIATE_USERNAME",
    "CARFIX_AFFILIATE_KEY",
    "CARFIX_WORKSHOP_USERNAME",
    "CARFIX_WORKSHOP_KEY",
    "JIFELINE_BASE_URL",
    "JIFELINE_CONNECTOR_UUID",
    "JIFELINE_PINCODE",
    "JIFELINE_OTP",
    "CLAIRE_BASE_URL",
    "CLAIRE_API_KEY",
    "BIGFIX_BASE_URL",
    "BIGFIX_API_KEY",
    "BIGFIX_JWT",
    "SHIPINSURE_BASE_URL",
    "SHIPINSURE_ENVIRONMENT",
    "SHIPINSURE_API_TOKEN_KEY",
];

/// A running sandbox and the runtime serving it.
pub struct Env {
    pub rt: tokio::runtime::Runtime,
    pub sandbox: Sandbox,
    pub dir: PathBuf,
    pub config: PathBuf,
}

/// A fresh scratch directory under the system temp dir.
pub fn scratch(name: &str) -> PathBuf {
    static N: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "partner-cli-{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes a file readable only by its owner (profiles hold secrets).
pub fn write_private(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
}

impl Env {
    /// Starts the sandbox and writes a profile `sandbox` (the file's default) pointing at it.
    pub fn start(name: &str) -> Env {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let sandbox = rt.block_on(Sandbox::start()).unwrap();
        let dir = scratch(name);
        let config = dir.join("config.toml");
        let url = |v| sandbox.base_url(v).to_owned();
        let text = format!(
            r#"default_profile = "sandbox"

[profiles.sandbox.carfix]
base_url = "{carfix}"
affiliate_username = "{au}"
affiliate_key = "{ak}"
workshop_username = "{wu}"
workshop_key = "{wk}"

[profiles.sandbox.jifeline]
base_url = "{jifeline}"
connector_uuid = "{uuid}"
pincode = "{pin}"

[profiles.sandbox.claire]
base_url = "{claire}"
api_key = "{claire_key}"

[profiles.sandbox.bigfix]
base_url = "{bigfix}"
api_key = "{bigfix_key}"
jwt = "{jwt}"

[profiles.sandbox.shipinsure]
base_url = "{shipinsure}"
api_token_key = "{ship_key}"
"#,
            carfix = url(Vendor::CarFix),
            au = partner_sandbox::carfix::DEMO_AFFILIATE_USERNAME,
            ak = partner_sandbox::carfix::DEMO_AFFILIATE_KEY,
            wu = partner_sandbox::carfix::DEMO_WORKSHOP_USERNAME,
            wk = partner_sandbox::carfix::DEMO_WORKSHOP_KEY,
            jifeline = url(Vendor::Jifeline),
            uuid = partner_sandbox::jifeline::DEMO_CONNECTOR_UUID,
            pin = partner_sandbox::jifeline::DEMO_PINCODE,
            claire = url(Vendor::Claire),
            claire_key = partner_sandbox::claire::DEMO_API_KEY,
            bigfix = url(Vendor::BigFix),
            bigfix_key = partner_sandbox::bigfix::DEMO_API_KEY,
            jwt = partner_sandbox::bigfix::DEMO_JWT,
            shipinsure = url(Vendor::ShipInsure),
            ship_key = partner_sandbox::shipinsure::DEMO_API_TOKEN_KEY,
        );
        write_private(&config, &text);
        Env {
            rt,
            sandbox,
            dir,
            config,
        }
    }

    /// `partner --config <profile file>` with a clean environment, run in the scratch dir.
    pub fn partner(&self) -> assert_cmd::Command {
        let mut cmd = partner(&self.dir);
        cmd.arg("--config").arg(&self.config);
        cmd
    }

    /// Writes a file into the scratch dir.
    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }
}

/// The binary with every tool variable removed and the config directory moved to `home`.
pub fn partner(home: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("partner").unwrap();
    for var in VARS {
        cmd.env_remove(var);
    }
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("xdg"))
        .env("APPDATA", home.join("appdata"))
        .current_dir(home);
    cmd
}

/// The JSON a command printed.
pub fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// stderr as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
