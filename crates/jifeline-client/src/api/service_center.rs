//! `client.service_center()`: information and ticket-acceptance state of the service center.

use partner_core::{Error, Request};

use crate::client::JifelineClient;
use crate::models::{ServiceCenter, ServiceCenterState};
use crate::operations as ops;

/// Service center calls. Get it from [`JifelineClient::service_center`].
#[derive(Debug, Clone, Copy)]
pub struct ServiceCenters<'a> {
    pub(crate) client: &'a JifelineClient,
}

impl ServiceCenters<'_> {
    /// Gets service center information.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let info = client.service_center().info().await?;
    /// # Ok(()) }
    /// ```
    pub async fn info(&self) -> Result<ServiceCenter, Error> {
        self.client.get(Request::new(ops::GET_SERVICE_CENTER)).await
    }

    /// Gets whether the service center accepts tickets, and until when.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let state = client.service_center().state().await?;
    /// println!("{} until {:?}", state.state, state.ends_at);
    /// # Ok(()) }
    /// ```
    pub async fn state(&self) -> Result<ServiceCenterState, Error> {
        self.client
            .get(Request::new(ops::GET_SERVICE_CENTER_STATE))
            .await
    }
}
