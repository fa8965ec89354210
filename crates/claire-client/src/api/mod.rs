//! One handler per resource of the document, each with a typed method per operation; get them
//! from the client (`client.appointments()`, `client.webhooks()`, ...).

mod appointments;
mod car;
mod checks;
mod locations;
mod questions;
mod tags;
mod webhooks;

pub use appointments::{AppointmentsByDmsNumber, AppointmentsHandler};
pub use car::CarsHandler;
pub use checks::ChecksHandler;
pub use locations::LocationsHandler;
pub use questions::QuestionsHandler;
pub use tags::TagsHandler;
pub use webhooks::{WebhookErrors, WebhooksHandler};
