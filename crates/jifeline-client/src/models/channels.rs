//! Messenger channels: the control message and channel attachments.

use serde::{Deserialize, Serialize};

/// Answer to a control message: the channel pinged over the websockets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ControlMessage {
    /// Channel.
    pub channel_id: String,
}

/// Body of "create channel attachment".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAttachment {
    /// File name of the attachment.
    pub file_name: String,
}

/// A channel attachment and the reference to fetch it with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attachment {
    /// File name.
    #[serde(default)]
    pub file_name: Option<String>,
    /// Reference (`/channel/{uuid}/{uuid}/file.txt`); pass it to "get attachment".
    pub file_reference: String,
}
