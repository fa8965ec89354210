//! # claire-client
//!
//! A typed async client for the [Claire Automotive Support](https://claireit.com) Public API:
//! appointments (list with filters, get, batch import), checks, locations, tags, questions,
//! cars by VIN and webhooks, with Claire's rate limit (10,800 requests per hour per key)
//! respected across every task sharing a client, and helpers to receive Claire's webhook
//! calls.
//!
//! ```no_run
//! # async fn run() -> Result<(), claire_client::Error> {
//! use claire_client::{AppointmentFilter, ClaireClient, SecretString};
//!
//! let client = ClaireClient::builder()
//!     .base_url("https://api.claire.example")
//!     .api_key(SecretString::from("key from the Claire dashboard"))
//!     .build()?;
//! for location in client.locations().list().await? {
//!     let today = chrono::Utc::now().date_naive();
//!     let filter = AppointmentFilter::new(location.id).date(today);
//!     for appointment in client.appointments().list(&filter).await? {
//!         println!("{} {} {:?}", appointment.wo_nr, appointment.reg_number, appointment.status);
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! Every operation is declared once in [`OPERATIONS`]; `docs/claire.md` in the repository
//! lists them with the choices made where the document is silent.

mod appointments;
mod cars;
mod checks;
mod client;
mod customcom;
mod enums;
mod ids;
mod import;
mod locations;
pub mod models;
mod questions;
mod tags;
pub mod webhook_receiver;
mod webhook_test;
mod webhooks;
pub mod wire;

use partner_core::Operation;
use partner_core::http::Method;

pub use appointments::{AppointmentFilter, AppointmentsByDmsNumber, AppointmentsHandler};
pub use cars::CarsHandler;
pub use checks::ChecksHandler;
pub use client::{ClaireClient, ClaireClientBuilder, KeyPlacement, VENDOR};
pub use customcom::{CUSTOMER_COMMUNICATION_BASE, customer_communication_url};
pub use enums::*;
pub use ids::{AppointmentId, CarId, DealerId, LocationId, WebhookId};
pub use import::{
    ImportAppointment, ImportCar, ImportCustomer, ImportIntervention, ImportQueued, ImportRequest,
    MAX_IMPORT_BATCH,
};
pub use locations::LocationsHandler;
pub use models::*;
pub use partner_core::{Error, Quota, RetryPolicy, SecretString};
pub use questions::QuestionsHandler;
pub use tags::TagsHandler;
pub use webhook_test::{WebhookTestMessage, WebhookTestPayload};
pub use webhooks::{WebhookErrors, WebhooksHandler};

/// Every documented Claire operation: name, method, path (as documented) and the document
/// section. Paths can be replaced per client with [`ClaireClientBuilder::override_path`].
pub const OPERATIONS: &[Operation] = &[
    Operation::new(
        "GetAppointmentsByDmsNumber",
        Method::GET,
        "/v1/appointments",
    )
    .section("Appointments: Get Appointments by DMS number (deprecated)")
    .documented_path(),
    Operation::new("ListAppointments", Method::POST, "/v1/appointments/list")
        .section("Appointments: Get Appointments by provided filters")
        .documented_path(),
    Operation::new("GetAppointment", Method::GET, "/v1/appointments/{id}")
        .section("Appointments: Get a Specific Appointment")
        .documented_path(),
    Operation::new(
        "ImportAppointments",
        Method::POST,
        "/v1/appointments/import",
    )
    .section("Appointments: Import Appointments")
    .documented_path()
    .unsafe_to_retry(),
    Operation::new("GetChecks", Method::GET, "/v1/checks")
        .section("Checks: Get Checks of a Specific Appointment")
        .documented_path(),
    Operation::new("GetLocations", Method::GET, "/v1/locations")
        .section("Locations: Get All Locations")
        .documented_path(),
    Operation::new("GetTags", Method::GET, "/v1/tags")
        .section("Tags: Get Tags")
        .documented_path(),
    Operation::new("GetQuestions", Method::GET, "/v1/questions")
        .section("Questions: Get Questions")
        .documented_path(),
    Operation::new("GetCarByVin", Method::GET, "/v1/car")
        .section("Car: Get a car by VIN")
        .documented_path(),
    Operation::new("ListWebhooks", Method::GET, "/v1/webhooks/list")
        .section("Webhooks: Get the list of existing webhooks")
        .documented_path(),
    Operation::new("CreateWebhook", Method::POST, "/v1/webhooks/create")
        .section("Webhooks: Create a webhook")
        .documented_path()
        .unsafe_to_retry(),
    Operation::new("GetWebhook", Method::GET, "/v1/webhooks/view")
        .section("Webhooks: Get a webhook details")
        .documented_path(),
    Operation::new("UpdateWebhook", Method::POST, "/v1/webhooks/update")
        .section("Webhooks: Update a webhook")
        .documented_path(),
    Operation::new("DeleteWebhook", Method::POST, "/v1/webhooks/delete")
        .section("Webhooks: Delete a webhook")
        .documented_path(),
    Operation::new("TestWebhook", Method::POST, "/v1/webhooks/test")
        .section("Webhooks: Test a webhook")
        .documented_path()
        .unsafe_to_retry(),
    Operation::new(
        "ListWebhookErrors",
        Method::POST,
        "/v1/webhooks/list_errors",
    )
    .section("Webhooks: List webhook errors")
    .documented_path(),
    Operation::new(
        "ListWebhookTriggers",
        Method::GET,
        "/v1/webhooks/list_triggers",
    )
    .section("Webhooks: Get the list of triggers")
    .documented_path(),
];
