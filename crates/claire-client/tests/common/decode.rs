//! Decodes an answer body into the typed model the client decodes it into, by operation name
//! (as in `claire_client::OPERATIONS`), through partner-core's `decode_json`, the path the
//! client's `send_json` takes. Top-level lists are read as `Option<Vec<_>>`, as the client
//! does (Go writes an empty slice as `null`).

use claire_client::{
    Appointment, AppointmentList, Car, Check, CreatedWebhook, DealerLocation, OPERATIONS, Question,
    Tag, Webhook, WebhookErrorPage, WebhookTrigger,
};
use partner_core::{Error, decode_json};
use serde::de::DeserializeOwned;

fn as_model<T: DeserializeOwned>(operation: &'static str, body: &[u8]) -> Result<(), Error> {
    decode_json::<T>(operation, body).map(drop)
}

/// `None` for operations whose answer is not JSON (import, update, delete, test) and for
/// names not in the table.
pub fn decode(operation: &str, body: &[u8]) -> Option<Result<(), Error>> {
    let op: &'static str = OPERATIONS.iter().find(|o| o.name == operation)?.name;
    Some(match op {
        "GetAppointmentsByDmsNumber" => as_model::<Option<Vec<Appointment>>>(op, body),
        "ListAppointments" => as_model::<AppointmentList>(op, body),
        "GetAppointment" => as_model::<Appointment>(op, body),
        "GetChecks" => as_model::<Option<Vec<Check>>>(op, body),
        "GetLocations" => as_model::<Option<Vec<DealerLocation>>>(op, body),
        "GetTags" => as_model::<Option<Vec<Tag>>>(op, body),
        "GetQuestions" => as_model::<Option<Vec<Question>>>(op, body),
        "GetCarByVin" => as_model::<Option<Car>>(op, body),
        "ListWebhooks" => as_model::<Option<Vec<Webhook>>>(op, body),
        "CreateWebhook" => as_model::<CreatedWebhook>(op, body),
        "GetWebhook" => as_model::<Webhook>(op, body),
        "ListWebhookErrors" => as_model::<WebhookErrorPage>(op, body),
        "ListWebhookTriggers" => as_model::<Option<Vec<WebhookTrigger>>>(op, body),
        // "This endpoint do not return anything, only the HTTP status code matters."
        "ImportAppointments" | "UpdateWebhook" | "DeleteWebhook" | "TestWebhook" => return None,
        other => panic!("decode: operation {other} has no answer model here"),
    })
}
