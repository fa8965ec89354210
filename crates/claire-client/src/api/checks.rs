//! Checks of an appointment (`GET /v1/checks`).

use partner_core::{Error, Request};

use crate::client::ClaireClient;
use crate::models::{AppointmentId, Check};
use crate::validate::require_set;

/// Check calls; get one from [`ClaireClient::checks`].
#[derive(Debug, Clone, Copy)]
pub struct ChecksHandler<'a> {
    client: &'a ClaireClient,
}

impl<'a> ChecksHandler<'a> {
    pub(crate) fn new(client: &'a ClaireClient) -> Self {
        ChecksHandler { client }
    }

    /// The checks of one appointment, with their question results.
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// for check in client.checks().list(claire_client::AppointmentId(4711)).await? {
    ///     println!("check {}: {} results", check.id, check.question_results.len());
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn list(&self, appointment_id: AppointmentId) -> Result<Vec<Check>, Error> {
        require_set("appointment_id", appointment_id)?;
        let req = Request::new("GetChecks").query("appointment_id", appointment_id);
        self.client.send_list(req).await
    }
}
