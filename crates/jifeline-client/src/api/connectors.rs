//! `client.connectors()`: the OBD connectors of the logged-in user.

use partner_core::{Error, Request};
use uuid::Uuid;

use super::list::ListQuery;
use crate::client::JifelineClient;
use crate::models::{Connector, Ticket};
use crate::operations as ops;

/// Connector calls. Get it from [`JifelineClient::connectors`].
#[derive(Debug, Clone, Copy)]
pub struct Connectors<'a> {
    pub(crate) client: &'a JifelineClient,
}

impl Connectors<'_> {
    /// Lists the connectors linked to the logged-in user.
    ///
    /// ```no_run
    /// # use futures_util::TryStreamExt;
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let first = client.connectors().list().limit(20).send().await?;
    /// let all: Vec<_> = client.connectors().list().stream().try_collect().await?;
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> ListQuery<Connector> {
        ListQuery::new(self.client, ops::LIST_CONNECTORS)
    }

    /// Gets a connector by its numeric ID.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let connector = client.connectors().get(910329423).await?;
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, connector_id: i64) -> Result<Connector, Error> {
        self.client
            .get(Request::new(ops::GET_CONNECTOR).path_param("connectorId", connector_id))
            .await
    }

    /// Gets a connector by its UUID.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let id = "5f3d760d-ade2-4a19-aea4-36e097678ae3".parse().unwrap();
    /// let connector = client.connectors().get_by_uuid(id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn get_by_uuid(&self, connector_uuid: Uuid) -> Result<Connector, Error> {
        self.client
            .get(
                Request::new(ops::GET_CONNECTOR_BY_UUID)
                    .path_param("connectorUUID", connector_uuid),
            )
            .await
    }

    /// Dismisses a call for attention on the connector. Failures come back as
    /// [`Error::Status`] with the problem document's `detail` as message.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// client.connectors().dismiss_attention("5f3d760d-ade2-4a19-aea4-36e097678ae3".parse().unwrap()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn dismiss_attention(&self, connector_uuid: Uuid) -> Result<(), Error> {
        self.client
            .send_empty(
                Request::new(ops::DISMISS_CONNECTOR_ATTENTION)
                    .path_param("connectorUUID", connector_uuid),
            )
            .await
    }

    /// Gets the active ticket on a connector.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let ticket = client.connectors().active_ticket(990001234).await?;
    /// println!("{:?}", ticket.state);
    /// # Ok(()) }
    /// ```
    pub async fn active_ticket(&self, connector_id: i64) -> Result<Ticket, Error> {
        self.client
            .get(
                Request::new(ops::GET_CONNECTOR_ACTIVE_TICKET)
                    .path_param("connectorId", connector_id),
            )
            .await
    }
}
