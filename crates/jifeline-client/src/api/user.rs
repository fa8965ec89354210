//! `client.user()`: the logged-in user, their company and service provider.

use partner_core::{Error, Request};

use crate::client::JifelineClient;
use crate::models::User;
use crate::operations as ops;

/// User calls. Get it from [`JifelineClient::user`].
#[derive(Debug, Clone, Copy)]
pub struct Users<'a> {
    pub(crate) client: &'a JifelineClient,
}

impl Users<'_> {
    /// Gets the logged-in user.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let user = client.user().get().await?;
    /// # Ok(()) }
    /// ```
    pub async fn get(&self) -> Result<User, Error> {
        self.client.get(Request::new(ops::GET_USER)).await
    }
}
