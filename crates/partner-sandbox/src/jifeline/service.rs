//! Jifeline's service center, translation and messenger channels.
//!
//! The sandbox has no translator: `Translate` answers the original text marked with the
//! target language (`[de] Hello world!`), which is enough to see the round trip work. A
//! channel is the chat of a ticket, named by the ticket's UUID; attachments are remembered
//! per channel and fetched back by their `file_reference`.

use chrono::{Duration, Utc};
use jifeline_client::models::TranslateRequest;
use serde_json::{Value, json};

use super::{Answer, JifelineSandbox, Problem, bad_request, not_found};
use crate::server::Call;

impl JifelineSandbox {
    /// Service center, translate and channel operations; `None` for other operations.
    pub(super) fn service(&self, name: &str, call: &Call) -> Option<Answer> {
        let answer = match name {
            "GetServiceCenter" => Ok(json!({
                "name": "partner-sandbox remote diagnostics",
                "logo": "/file/path/header_logo.png",
                "csat_enabled": true,
                "payment_by_prepaid_wallet": false,
                "pricing_version": 1,
                "primary_color": "#0b5394",
                "primary_background_color": "#ffffff",
                "service_message": "The sandbox is always open.",
            })),
            // Written with a numeric offset without a colon, like the document's example.
            "GetServiceCenterState" => Ok(json!({
                "state": "opened",
                "message": "Operators are available.",
                "ends_at": (Utc::now() + Duration::hours(8)).format("%Y-%m-%dT%H:%M:%S%z").to_string(),
            })),
            "Translate" => call.validated::<TranslateRequest>().map(|r| {
                json!({
                    "source_language": "en",
                    "target_language": r.target_language,
                    "message": {
                        "original": r.message.original,
                        "translated": format!("[{}] {}", r.target_language, r.message.original),
                    },
                })
            }),
            "SendChannelControlMessage" => self.channel(call).map(|id| json!({ "channel_id": id })),
            "CreateChannelAttachment" => self.channel(call).and_then(|channel| {
                let body: Value = call.json()?;
                let file = body["file_name"]
                    .as_str()
                    .map(str::trim)
                    .filter(|f| !f.is_empty());
                let file = file.ok_or_else(|| bad_request("file_name is required"))?;
                let mut state = self.state();
                state.next_id += 1;
                let attachment = json!({
                    "file_name": file,
                    "file_reference": format!("/channel/{channel}/{:012}/{file}", state.next_id),
                });
                state.attachments.push((channel, attachment.clone()));
                Ok(attachment)
            }),
            "GetChannelAttachment" => self.channel(call).and_then(|channel| {
                let reference = call
                    .query("file_reference")
                    .ok_or_else(|| bad_request("file_reference is required"))?;
                let state = self.state();
                state
                    .attachments
                    .iter()
                    .find(|(c, a)| *c == channel && a["file_reference"] == reference)
                    .map(|(_, a)| a.clone())
                    .ok_or_else(|| not_found("attachment"))
            }),
            _ => return None,
        };
        Some(answer)
    }

    /// The channel in the path: the UUID of one of the tickets.
    fn channel(&self, call: &Call) -> Result<String, Problem> {
        let id = call
            .param("channelId")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let known = self.state().tickets.iter().any(|t| t.uuid == id);
        if known {
            Ok(id)
        } else {
            Err(not_found("channel"))
        }
    }
}
