//! Response models, one file per resource. Every struct tolerates unknown fields and reads
//! Go zero values (`"0001-01-01T00:00:00Z"`, `null` slices) as absent.

mod appointment;
mod car;
mod check;
mod customer;
mod intervention;
mod location;
mod question;
mod user;
mod webhook;

pub use appointment::{Appointment, AppointmentStatusHistory, FinalCheckImage, FinalCheckVideo};
pub use car::{Car, CarNote, CarTyres, TruckTyre, Tyre, TyreReplacement};
pub use check::{Check, Checklist, QuestionResult, Snooze};
pub use customer::Customer;
pub use intervention::{Intervention, InterventionAttachment, InterventionElement};
pub use location::{DealerLocation, Tag};
pub use question::{Question, QuestionElement};
pub use user::{PublicAccount, User};
pub use webhook::{
    CreatedWebhook, Webhook, WebhookError, WebhookErrorPage, WebhookHeader, WebhookTrigger,
};
