//! `client.channels()`: messenger channel control message and attachments. The websocket
//! side of channels is not specified by the document and not implemented.

use partner_core::{Error, Request, Validator};

use crate::client::JifelineClient;
use crate::models::{Attachment, ControlMessage, NewAttachment};
use crate::operations as ops;
use crate::validate::Strictness;

/// Channel calls. Get it from [`JifelineClient::channels`].
#[derive(Debug, Clone, Copy)]
pub struct Channels<'a> {
    pub(crate) client: &'a JifelineClient,
}

/// The channel id goes into the path and `file_reference` is a required query parameter:
/// neither may be blank. `file_name` (not marked required) only under
/// [`Strictness::Strict`].
fn require(
    pairs: &[(&str, &str)],
    strict: &[(&str, &str)],
    strictness: Strictness,
) -> Result<(), Error> {
    let mut v = Validator::new();
    for (field, value) in pairs {
        v.required(field, value);
    }
    if strictness == Strictness::Strict {
        for (field, value) in strict {
            v.required(field, value);
        }
    }
    Ok(v.finish()?)
}

impl Channels<'_> {
    /// Sends a control message, which triggers a ping over the websockets.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let ack = client.channels().send_control_message("bbe8aa76-a4bb-46f6-a785-df8e831cc459").await?;
    /// # Ok(()) }
    /// ```
    pub async fn send_control_message(&self, channel_id: &str) -> Result<ControlMessage, Error> {
        require(&[("channel_id", channel_id)], &[], self.client.strictness)?;
        self.client
            .get(
                Request::new(ops::SEND_CHANNEL_CONTROL_MESSAGE).path_param("channelId", channel_id),
            )
            .await
    }

    /// Creates an attachment on a channel; the answer's `file_reference` identifies it.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let a = client.channels().create_attachment("bbe8aa76-a4bb-46f6-a785-df8e831cc459", "file.txt").await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_attachment(
        &self,
        channel_id: &str,
        file_name: &str,
    ) -> Result<Attachment, Error> {
        require(
            &[("channel_id", channel_id)],
            &[("file_name", file_name)],
            self.client.strictness,
        )?;
        let body = NewAttachment {
            file_name: file_name.to_owned(),
        };
        self.client
            .get(
                Request::new(ops::CREATE_CHANNEL_ATTACHMENT)
                    .path_param("channelId", channel_id)
                    .json(&body)?,
            )
            .await
    }

    /// Gets an attachment of a channel by its file reference.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let a = client.channels().attachment("bbe8aa76-a4bb-46f6-a785-df8e831cc459", "/channel/x/y/file.txt").await?;
    /// # Ok(()) }
    /// ```
    pub async fn attachment(
        &self,
        channel_id: &str,
        file_reference: &str,
    ) -> Result<Attachment, Error> {
        require(
            &[
                ("channel_id", channel_id),
                ("file_reference", file_reference),
            ],
            &[],
            self.client.strictness,
        )?;
        self.client
            .get(
                Request::new(ops::GET_CHANNEL_ATTACHMENT)
                    .path_param("channelId", channel_id)
                    .query("file_reference", file_reference),
            )
            .await
    }
}
