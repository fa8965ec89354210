//! `client.sessions()`: the login calls themselves and forgot-password. These go out without
//! credentials. Most users never call the logins directly: give the builder
//! [`crate::Credentials`] and the client logs in when needed.

use partner_core::{Error, Request, Validator};
use uuid::Uuid;

use crate::auth::{Credentials, login};
use crate::client::JifelineClient;
use crate::models::{ForgotPassword, ForgotPasswordResult, SessionTokens};
use crate::operations as ops;
use crate::validate::{Strictness, check_email};

/// Session calls. Get it from [`JifelineClient::sessions`].
#[derive(Debug, Clone, Copy)]
pub struct Sessions<'a> {
    pub(crate) client: &'a JifelineClient,
}

impl Sessions<'_> {
    /// Logs in with a connector UUID and pincode.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let tokens = client.sessions().login_with_connector_uuid("6ec2911c-a09a-11ee-8c90-0242ac120002".parse().unwrap(), "1234").await?;
    /// # Ok(()) }
    /// ```
    pub async fn login_with_connector_uuid(
        &self,
        connector_uuid: Uuid,
        pincode: &str,
    ) -> Result<SessionTokens, Error> {
        let credentials = Credentials::connector_uuid(connector_uuid, pincode);
        login(&self.client.public, &credentials, self.client.strictness).await
    }

    /// Logs in with a one-time password.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let tokens = client.sessions().login_with_otp("bafd50b7-7388-4eb1-8812-cbb5517faa2c").await?;
    /// # Ok(()) }
    /// ```
    pub async fn login_with_otp(&self, otp: &str) -> Result<SessionTokens, Error> {
        login(
            &self.client.public,
            &Credentials::otp(otp),
            self.client.strictness,
        )
        .await
    }

    /// Logs in with the numeric connector ID and pincode.
    ///
    /// ```no_run
    /// # #![allow(deprecated)]
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let tokens = client.sessions().login_with_connector_id(940201044, "1234").await?;
    /// # Ok(()) }
    /// ```
    #[deprecated(
        note = "Jifeline deprecated the connector-ID login; use login_with_connector_uuid"
    )]
    pub async fn login_with_connector_id(
        &self,
        connector_id: i64,
        pincode: &str,
    ) -> Result<SessionTokens, Error> {
        #[allow(deprecated)]
        let credentials = Credentials::connector_id(connector_id, pincode);
        login(&self.client.public, &credentials, self.client.strictness).await
    }

    /// Starts a password reset for an e-mail address (meant for the vendor's own portal
    /// during its migration, per the document). Not retried automatically. The document types
    /// `email_address` as a plain string: its e-mail shape is checked only under
    /// [`Strictness::Strict`].
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let result = client.sessions().forgot_password("test@test.nl").await?;
    /// # Ok(()) }
    /// ```
    pub async fn forgot_password(
        &self,
        email_address: &str,
    ) -> Result<ForgotPasswordResult, Error> {
        if self.client.strictness == Strictness::Strict {
            let mut v = Validator::new();
            check_email(&mut v, "email_address", email_address);
            v.finish()?;
        }
        let body = ForgotPassword {
            email_address: email_address.to_owned(),
        };
        self.client
            .public
            .send_json(Request::new(ops::FORGOT_PASSWORD).json(&body)?)
            .await
    }
}
