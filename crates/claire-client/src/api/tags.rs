//! Every tag of question results (`GET /v1/tags`).

use partner_core::{Error, Request};

use crate::client::ClaireClient;
use crate::models::Tag;

/// Tags of question results; get the handler from [`ClaireClient::tags`].
#[derive(Debug, Clone, Copy)]
pub struct TagsHandler<'a> {
    client: &'a ClaireClient,
}

impl<'a> TagsHandler<'a> {
    pub(crate) fn new(client: &'a ClaireClient) -> Self {
        TagsHandler { client }
    }

    /// Every tag of question results (`GET /v1/tags`).
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// for tag in client.tags().list().await? {
    ///     println!("{}", tag.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn list(&self) -> Result<Vec<Tag>, Error> {
        self.client.send_list(Request::new("GetTags")).await
    }
}
