//! Claire's default questions plus the dealer's own (`GET /v1/questions`).

use partner_core::{Error, Request};

use crate::client::ClaireClient;
use crate::models::Question;

/// Questions; get the handler from [`ClaireClient::questions`].
#[derive(Debug, Clone, Copy)]
pub struct QuestionsHandler<'a> {
    client: &'a ClaireClient,
}

impl<'a> QuestionsHandler<'a> {
    pub(crate) fn new(client: &'a ClaireClient) -> Self {
        QuestionsHandler { client }
    }

    /// Claire's default questions plus the dealer's own (`GET /v1/questions`).
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// for question in client.questions().list().await? {
    ///     println!("{}", question.title);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn list(&self) -> Result<Vec<Question>, Error> {
        self.client.send_list(Request::new("GetQuestions")).await
    }
}
