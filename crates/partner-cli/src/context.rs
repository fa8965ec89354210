//! What every vendor command gets: the profile in effect, the output, and the sandbox when
//! `--sandbox` started one (it stops when the command ends).

use partner_core::Strictness;

use crate::cli::Global;
use crate::config::{self, Profile};
use crate::error::CliError;
use crate::output::{Format, Output};

/// The command's context.
pub struct Ctx {
    /// Settings in effect.
    pub profile: Profile,
    /// Where results go.
    pub out: Output,
    /// Which reading of the documents inputs are checked against (`--strict`).
    pub strictness: Strictness,
    /// The embedded sandbox, kept alive for the command.
    #[cfg(feature = "sandbox")]
    pub _sandbox: Option<partner_sandbox::Sandbox>,
}

impl Ctx {
    /// A context for commands that call no vendor.
    pub fn offline(format: Format) -> Self {
        Ctx {
            profile: Profile::default(),
            out: Output { format },
            strictness: Strictness::Lenient,
            #[cfg(feature = "sandbox")]
            _sandbox: None,
        }
    }

    /// Loads the profile, or starts the sandbox for `--sandbox`.
    pub async fn new(global: &Global) -> Result<Self, CliError> {
        let out = Output {
            format: global.output,
        };
        let strictness = if global.strict {
            Strictness::Strict
        } else {
            Strictness::Lenient
        };
        if global.sandbox {
            return Self::with_sandbox(global, out, strictness).await;
        }
        let mut profile =
            config::load(global.config.as_deref(), global.profile.as_deref())?.profile;
        if global.timeout.is_some() {
            profile.timeout_secs = global.timeout;
        }
        Ok(Ctx {
            profile,
            out,
            strictness,
            #[cfg(feature = "sandbox")]
            _sandbox: None,
        })
    }

    #[cfg(feature = "sandbox")]
    async fn with_sandbox(
        global: &Global,
        out: Output,
        strictness: Strictness,
    ) -> Result<Self, CliError> {
        let sandbox = partner_sandbox::Sandbox::start()
            .await
            .map_err(|e| CliError::config(format!("could not start the sandbox: {e}")))?;
        let profile = config::sandbox_profile(&sandbox, global.timeout);
        Ok(Ctx {
            profile,
            out,
            strictness,
            _sandbox: Some(sandbox),
        })
    }

    #[cfg(not(feature = "sandbox"))]
    async fn with_sandbox(
        _global: &Global,
        _out: Output,
        _strictness: Strictness,
    ) -> Result<Self, CliError> {
        Err(CliError::config(
            "--sandbox needs the `sandbox` feature, which this build of partner lacks",
        ))
    }
}
