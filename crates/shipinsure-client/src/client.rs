//! The client: one environment's base URL and key, the operation table with path
//! overrides, a signature scheme per operation, and the shared send path (validate, sign,
//! send, read the status envelope, decode).

use std::fmt;
use std::sync::Arc;

use partner_core::{Client, ClientOptions, ConfigError, Error, Request};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::api::{Deliveries, Tracking};
use crate::models::StatusRule;
use crate::models::common::{default_is_success, read_answer};
use crate::operations::{OPERATIONS, OperationId, VENDOR};
use crate::signature::{Schemes, SignatureScheme};
use crate::validate::{ValidateWith, ValidationRules};
use crate::wire::timestamp::TimestampFormat;

mod environment;

pub use environment::{Environment, EnvironmentConfig};

/// Configures a [`ShipInsureClient`]: the environment (base URL and `api_token_key`), the
/// settings every vendor client shares ([`ClientOptions`]: base URL, path and method
/// overrides, timeouts, deadline, retry policy and budget, HTTP client or transport, largest
/// answer), and this vendor's own: signature schemes, the success rule, the timestamp
/// format and the validation rules.
///
/// Strict readings: `.strictness(Strictness::Strict)` (the common option, also settable in
/// [`ClientOptions`]) selects [`ValidationRules::STRICT`]; for single rules use
/// [`validation_rules`](Self::validation_rules), which wins when set.
///
/// The base URL is the environment's unless one is set here (with
/// [`base_url`](Self::base_url) or in the [`ClientOptions`] given to
/// [`options`](Self::options)), which then wins.
///
/// Retries follow the policy set with [`retry_policy`](Self::retry_policy) (default:
/// partner-core's). Submitting and tracking are re-sent only when they surely never reached
/// the vendor or were refused with a 429; cancelling is retried on any retryable failure
/// (timeouts, 408, 429, 500, 502, 503, 504).
///
/// ```no_run
/// use std::time::Duration;
/// use shipinsure_client::{operations, ClientOptions, EnvironmentConfig, ShipInsureClient};
/// let shared = ClientOptions::new()
///     .timeout(Duration::from_secs(10))
///     .override_path(operations::SUBMIT_SME_DELIVERY, "/partner/v2/orders");
/// let client = ShipInsureClient::builder(EnvironmentConfig::production("https://api.example", "k3y"))
///     .options(shared)
///     .build()?;
/// # Ok::<(), partner_core::Error>(())
/// ```
pub struct ShipInsureClientBuilder {
    config: EnvironmentConfig,
    options: ClientOptions,
    schemes: Schemes,
    is_success: StatusRule,
    timestamps: TimestampFormat,
    rules: Option<ValidationRules>,
}

impl fmt::Debug for ShipInsureClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ShipInsureClientBuilder")
            .field("config", &self.config)
            .field("options", &self.options)
            .field("schemes", &self.schemes)
            .field("timestamps", &self.timestamps)
            .field("rules", &self.rules)
            .finish_non_exhaustive()
    }
}

impl ShipInsureClientBuilder {
    fn new(config: EnvironmentConfig) -> Self {
        ShipInsureClientBuilder {
            config,
            options: ClientOptions::new(),
            schemes: Schemes::default(),
            is_success: default_is_success,
            timestamps: TimestampFormat::default(),
            rules: None,
        }
    }

    partner_core::client_options_methods!();

    /// Replaces how one operation's `signature` is computed.
    ///
    /// ```no_run
    /// # use shipinsure_client::{EnvironmentConfig, Md5Concat, OperationId, ShipInsureClient};
    /// // The vendor says cancellations sign the policy id too.
    /// let client = ShipInsureClient::builder(EnvironmentConfig::staging("https://staging.example", "k3y"))
    ///     .signature_scheme(
    ///         OperationId::CancelSmeDeliveryOrder,
    ///         Md5Concat::key_then(&["tracking_number", "policy_id"]),
    ///     )
    ///     .build()?;
    /// # Ok::<(), partner_core::Error>(())
    /// ```
    pub fn signature_scheme(
        mut self,
        operation: OperationId,
        scheme: impl SignatureScheme,
    ) -> Self {
        self.schemes.set(operation, Arc::new(scheme));
        self
    }

    /// Replaces the rule deciding which response `status` values mean success.
    pub fn success_status(mut self, rule: StatusRule) -> Self {
        self.is_success = rule;
        self
    }

    /// How the `timestamp` fields (`order_created_time`, `tracking_time`) are sent (default
    /// `2022-04-06T06:05:00.528Z`, the document's example). `cancellation_time`, typed
    /// "String" by the document, is always sent that way.
    pub fn timestamp_format(mut self, format: TimestampFormat) -> Self {
        self.timestamps = format;
        self
    }

    /// Which readings of the document's ambiguous rules requests are checked against before
    /// sending, rule by rule. When set they win over the common `strictness`; unset, they
    /// follow it ([`ValidationRules::STRICT`] under `Strictness::Strict`, else
    /// [`ValidationRules::LENIENT`]: only what the document forbids).
    ///
    /// ```no_run
    /// # use shipinsure_client::{EnvironmentConfig, ShipInsureClient};
    /// use shipinsure_client::validate::ValidationRules;
    /// let client = ShipInsureClient::builder(EnvironmentConfig::staging("https://staging.example", "k3y"))
    ///     .validation_rules(ValidationRules::STRICT)
    ///     .build()?;
    /// # Ok::<(), partner_core::Error>(())
    /// ```
    pub fn validation_rules(mut self, rules: ValidationRules) -> Self {
        self.rules = Some(rules);
        self
    }

    /// Builds the client, checking the base URL, the path and method overrides and that a
    /// key is set.
    pub fn build(self) -> Result<ShipInsureClient, Error> {
        if self.config.key_is_blank() {
            return Err(ConfigError::MissingSetting {
                vendor: VENDOR,
                setting: "api_token_key",
            }
            .into());
        }
        let rules = self.rules.unwrap_or(ValidationRules::for_strictness(
            self.options.strictness_value(),
        ));
        let options = match self.options.base_url_value() {
            Some(_) => self.options,
            None => self.options.base_url(self.config.base_url()),
        };
        // Submitting and tracking are declared unsafe to retry in `OPERATIONS`, so
        // partner-core's default policy re-sends them only when they surely never left or
        // were refused with a 429; this vendor needs no default of its own.
        let core = Client::builder(VENDOR, OPERATIONS)
            .user_agent(concat!(
                env!("CARGO_PKG_NAME"),
                "/",
                env!("CARGO_PKG_VERSION")
            ))
            .options(options)
            .build()?;
        Ok(ShipInsureClient {
            core,
            config: Arc::new(self.config),
            schemes: Arc::new(self.schemes),
            is_success: self.is_success,
            timestamps: self.timestamps,
            rules,
        })
    }
}

/// A shipinsure client for one environment. Cheap to clone; clones share the connection
/// pool and retry budget.
///
/// ```no_run
/// use shipinsure_client::{EnvironmentConfig, ShipInsureClient};
/// let client = ShipInsureClient::builder(EnvironmentConfig::staging("https://staging.example", "k3y")).build()?;
/// # Ok::<(), partner_core::Error>(())
/// ```
#[derive(Clone)]
pub struct ShipInsureClient {
    core: Client,
    config: Arc<EnvironmentConfig>,
    schemes: Arc<Schemes>,
    is_success: StatusRule,
    timestamps: TimestampFormat,
    rules: ValidationRules,
}

impl fmt::Debug for ShipInsureClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ShipInsureClient")
            .field("environment", &self.config.environment())
            .field("core", &self.core)
            .field("schemes", &self.schemes)
            .field("timestamps", &self.timestamps)
            .finish_non_exhaustive()
    }
}

impl ShipInsureClient {
    /// A builder for the environment in `config`.
    pub fn builder(config: EnvironmentConfig) -> ShipInsureClientBuilder {
        ShipInsureClientBuilder::new(config)
    }

    /// Submitting (API #1) and cancelling (API #3) delivery insurance.
    pub fn deliveries(&self) -> Deliveries<'_> {
        Deliveries::new(self)
    }

    /// Reporting tracking events (API #2).
    pub fn tracking(&self) -> Tracking<'_> {
        Tracking::new(self)
    }

    /// The environment this client talks to.
    pub fn environment(&self) -> Environment {
        self.config.environment()
    }

    /// The underlying partner-core client (base URL, endpoints, retry budget).
    pub fn core(&self) -> &Client {
        &self.core
    }

    /// The signature scheme in effect for `operation`.
    pub fn signature_scheme(&self, operation: OperationId) -> &dyn SignatureScheme {
        self.schemes.get(operation).as_ref()
    }

    /// The signed request for `operation` over `body`, after validation; no I/O.
    fn signed_request<B: Serialize + ValidateWith>(
        &self,
        operation: OperationId,
        body: &B,
    ) -> Result<Request, Error> {
        body.validate_with(&self.rules)?;
        let name = operation.name();
        let mut fields = match serde_json::to_value(body) {
            Ok(Value::Object(fields)) => fields,
            Ok(_) => {
                return Err(Error::Encode {
                    operation: name,
                    message: "the body is not a JSON object".into(),
                });
            }
            Err(e) => {
                return Err(Error::Encode {
                    operation: name,
                    message: e.to_string(),
                });
            }
        };
        self.timestamps.apply(operation, &mut fields)?;
        self.schemes
            .sign_into(operation, self.config.api_token_key(), &mut fields)?;
        // Names the scheme, never the key or the signature.
        tracing::debug!(operation = name, scheme = ?self.schemes.get(operation), "request signed");
        Request::new(name).json(&fields)
    }

    /// Validates, signs and sends `body`, then turns a failure `status` into
    /// [`Error::Rejected`] and decodes the rest as `R`.
    pub(crate) async fn call<B, R>(&self, operation: OperationId, body: &B) -> Result<R, Error>
    where
        B: Serialize + ValidateWith,
        R: DeserializeOwned,
    {
        let request = self.signed_request(operation, body)?;
        let response = self.core.send(request).await?;
        read_answer(operation, &response.body, self.is_success)
    }
}
