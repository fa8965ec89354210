//! Claire's webhook calls: receiving them in your HTTP handler ([`receiver`]) and the body of
//! `POST /v1/webhooks/test`, which makes Claire call a webhook now ([`test_payload`]).
//! Creating and managing webhooks is [`crate::api::WebhooksHandler`].

pub mod receiver;
pub mod test_payload;

pub use receiver::{
    DEVELOPMENT_SENDER, ImportOutcome, PRODUCTION_SENDER, ReceiveError, WebhookPayload,
    WebhookReceiver,
};
pub use test_payload::{WebhookTestMessage, WebhookTestPayload};
