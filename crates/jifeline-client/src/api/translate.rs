//! `client.translations()`: translates a message into a target language.

use partner_core::{Error, Request};

use crate::client::{JifelineClient, validated};
use crate::models::{TranslateRequest, Translation};
use crate::operations as ops;

/// Translation calls. Get it from [`JifelineClient::translations`].
#[derive(Debug, Clone, Copy)]
pub struct Translations<'a> {
    pub(crate) client: &'a JifelineClient,
}

impl Translations<'_> {
    /// Translates a message.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// use jifeline_client::models::TranslateRequest;
    /// let t = client.translations().translate(&TranslateRequest::new("Hello world!", "de")).await?;
    /// println!("{:?}", t.message.translated);
    /// # Ok(()) }
    /// ```
    pub async fn translate(&self, request: &TranslateRequest) -> Result<Translation, Error> {
        validated(self.client, request)?;
        self.client
            .get(Request::new(ops::TRANSLATE).json(request)?)
            .await
    }
}
