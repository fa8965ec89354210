//! The one operation table: every documented Claire operation with its method, path and
//! document section. The client, retries, errors, tracing, the contract test and the table in
//! `docs/claire.md` all read it.

use partner_core::Operation;
use partner_core::http::Method;

/// Every documented Claire operation: name, method, path (as documented) and the document
/// section. Paths can be replaced per client with [`crate::ClaireClientBuilder::override_path`].
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
