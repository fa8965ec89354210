//! The client: one environment's base URL and key, the operation table with path
//! overrides, a signature scheme per operation, and the shared send path (validate, sign,
//! send, read the status envelope, decode).

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use partner_core::validation::Validate;
use partner_core::{
    Client, ClientBuilder, ConfigError, Error, Request, RetryPolicy, Transport, decode_json,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::api::{Deliveries, Tracking};
use crate::models::StatusRule;
use crate::models::common::{Envelope, default_is_success};
use crate::operations::{OPERATIONS, OperationId, VENDOR};
use crate::signature::{Schemes, SignatureScheme};
use crate::wire::timestamp::TimestampFormat;

mod environment;

pub use environment::{Environment, EnvironmentConfig};

/// Configures a [`ShipInsureClient`].
pub struct ShipInsureClientBuilder {
    config: EnvironmentConfig,
    core: ClientBuilder,
    schemes: Schemes,
    is_success: StatusRule,
    timestamps: TimestampFormat,
}

impl fmt::Debug for ShipInsureClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ShipInsureClientBuilder")
            .field("config", &self.config)
            .field("schemes", &self.schemes)
            .field("timestamps", &self.timestamps)
            .finish_non_exhaustive()
    }
}

impl ShipInsureClientBuilder {
    fn new(config: EnvironmentConfig) -> Self {
        let core = Client::builder(VENDOR, OPERATIONS)
            .base_url(config.base_url())
            .user_agent(concat!(
                env!("CARGO_PKG_NAME"),
                "/",
                env!("CARGO_PKG_VERSION")
            ));
        ShipInsureClientBuilder {
            config,
            core,
            schemes: Schemes::default(),
            is_success: default_is_success,
            timestamps: TimestampFormat::default(),
        }
    }

    /// Replaces the assumed path of one operation with the one the vendor gave you.
    ///
    /// ```no_run
    /// # use shipinsure_client::{EnvironmentConfig, OperationId, ShipInsureClient};
    /// let client = ShipInsureClient::builder(EnvironmentConfig::production("https://api.example", "k3y"))
    ///     .override_path(OperationId::SubmitSmeDelivery, "/partner/v2/orders")
    ///     .build()?;
    /// # Ok::<(), partner_core::Error>(())
    /// ```
    pub fn override_path(mut self, operation: OperationId, path: impl Into<String>) -> Self {
        self.core = self.core.override_path(operation.name(), path);
        self
    }

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

    /// How timestamps are sent (default `2022-04-06T06:05:00.528Z`, the document's example).
    pub fn timestamp_format(mut self, format: TimestampFormat) -> Self {
        self.timestamps = format;
        self
    }

    /// Total timeout of each attempt (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.core = self.core.timeout(timeout);
        self
    }

    /// Connect timeout of the built-in HTTP client (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.core = self.core.connect_timeout(timeout);
        self
    }

    /// The retry policy. Submitting and tracking are re-sent only when they surely never
    /// reached the vendor or were refused with a 429; cancelling is retried on any
    /// retryable failure (timeouts, 408, 429, 500, 502, 503, 504).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.core = self.core.retry_policy(policy);
        self
    }

    /// Uses your own `reqwest::Client` (proxy, roots, pool settings).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.core = self.core.http_client(client);
        self
    }

    /// Uses your own transport (a mock in tests, a recorder).
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.core = self.core.transport(transport);
        self
    }

    /// Builds the client, checking the base URL, the path overrides and that a key is set.
    pub fn build(self) -> Result<ShipInsureClient, Error> {
        if self.config.key_is_blank() {
            return Err(ConfigError::MissingSetting {
                vendor: VENDOR,
                setting: "api_token_key",
            }
            .into());
        }
        let core = self.core.build()?;
        Ok(ShipInsureClient {
            core,
            config: Arc::new(self.config),
            schemes: Arc::new(self.schemes),
            is_success: self.is_success,
            timestamps: self.timestamps,
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
    fn signed_request<B: Serialize + Validate>(
        &self,
        operation: OperationId,
        body: &B,
    ) -> Result<Request, Error> {
        body.validate()?;
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
        B: Serialize + Validate,
        R: DeserializeOwned,
    {
        let name = operation.name();
        let request = self.signed_request(operation, body)?;
        let response = self.core.send(request).await?;
        let Envelope { status, message } = decode_json(name, &response.body)?;
        // A missing `status` is left to `R`: API #1 and #2 require it, API #3 may omit it.
        if let Some(status) = status.filter(|s| !(self.is_success)(s)) {
            tracing::debug!(operation = name, status = %status, "the vendor rejected the call");
            return Err(Error::Rejected {
                operation: name,
                code: Some(status),
                message: message.unwrap_or_else(|| "no message given".to_owned()),
            });
        }
        decode_json(name, &response.body)
    }
}
