//! `client.customer()`: company details of the logged-in user and their branding.

use partner_core::{Error, Request};

use crate::client::{JifelineClient, validated};
use crate::models::{Branding, CustomerDetails, CustomerDetailsEdit};
use crate::operations as ops;

/// Customer calls. Get it from [`JifelineClient::customer`].
#[derive(Debug, Clone, Copy)]
pub struct Customer<'a> {
    pub(crate) client: &'a JifelineClient,
}

impl Customer<'_> {
    /// Gets the company details.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let details = client.customer().details().await?;
    /// # Ok(()) }
    /// ```
    pub async fn details(&self) -> Result<CustomerDetails, Error> {
        self.client
            .get(Request::new(ops::GET_CUSTOMER_DETAILS))
            .await
    }

    /// Edits the company details; only fields set are sent.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// use jifeline_client::models::CustomerDetailsEdit;
    /// let mut edit = CustomerDetailsEdit::default();
    /// edit.city = Some("Amsterdam".into());
    /// let details = client.customer().edit(&edit).await?;
    /// # Ok(()) }
    /// ```
    pub async fn edit(&self, edit: &CustomerDetailsEdit) -> Result<CustomerDetails, Error> {
        validated(self.client, edit)?;
        self.client
            .get(Request::new(ops::EDIT_CUSTOMER_DETAILS).json(edit)?)
            .await
    }

    /// Gets the branding.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let branding = client.customer().branding().await?;
    /// # Ok(()) }
    /// ```
    pub async fn branding(&self) -> Result<Branding, Error> {
        self.client.get(Request::new(ops::GET_BRANDING)).await
    }
}
