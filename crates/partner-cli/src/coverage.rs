//! Which command reaches each vendor operation: printed by `partner operations`, and checked
//! by a test against each crate's `OPERATIONS` table and the command tree, so a new
//! operation without a command fails the build's tests.

use serde_json::json;

use crate::context::Ctx;
use crate::error::CliError;

/// (vendor, operation, command).
pub const COMMANDS: &[(&str, &str, &str)] = &[
    ("carfix", "AffiliateLogin", "carfix login"),
    ("carfix", "WorkshopLogin", "carfix login --workshop"),
    ("carfix", "Test", "carfix test"),
    (
        "carfix",
        "InitialCallCentreCase",
        "carfix cases create-initial --body FILE",
    ),
    ("carfix", "CreateCase", "carfix cases create --body FILE"),
    ("carfix", "GetCaseDetails", "carfix cases get CASE_ID"),
    (
        "carfix",
        "UpdateCaseResolved",
        "carfix cases resolve CASE_ID",
    ),
    (
        "carfix",
        "UpdateCallerSatisfactionRating",
        "carfix cases rate CASE_ID --rating N",
    ),
    (
        "carfix",
        "UpdateArrivalTime",
        "carfix cases arrived CASE_ID",
    ),
    (
        "carfix",
        "UpdateIncidentPhotos",
        "carfix photos upload CASE_ID FILE.jpg",
    ),
    (
        "carfix",
        "GetListOfWorkshop",
        "carfix lookups workshops AREA_ID",
    ),
    (
        "carfix",
        "GetListOfRsaWorkshop",
        "carfix lookups rsa-workshops AREA_ID",
    ),
    ("carfix", "GetCarMakes", "carfix lookups car-makes"),
    ("carfix", "GetStates", "carfix lookups states"),
    ("carfix", "GetAreas", "carfix lookups areas STATE_ID"),
    (
        "carfix",
        "GetNatureOfCalls",
        "carfix lookups nature-of-calls",
    ),
    (
        "carfix",
        "GetServiceNeeded",
        "carfix lookups services-needed NATURE_OF_CALL_ID",
    ),
    (
        "carfix",
        "GetTypeOfPunctures",
        "carfix lookups puncture-types",
    ),
    (
        "carfix",
        "GetBreakdownCauses",
        "carfix lookups breakdown-causes",
    ),
    (
        "carfix",
        "GetTruckCoordination",
        "carfix trucks locate TRUCK_NO",
    ),
    (
        "carfix",
        "CancelCase",
        "carfix cases cancel CASE_ID [--check-only]",
    ),
    ("carfix", "GetCaseStatus", "carfix cases status CASE_ID"),
    ("carfix", "GetListOfCases", "carfix cases list"),
    ("carfix", "GetIncidentPhotos", "carfix photos list"),
    ("carfix", "GetTrucks", "carfix fleet list"),
    ("carfix", "GetDrivers", "carfix drivers list"),
    (
        "carfix",
        "UpdateTruckCoordinate",
        "carfix fleet update-position --body FILE",
    ),
    ("carfix", "GetClaims", "carfix claims list"),
    ("carfix", "GetClaimDetail", "carfix claims get KEY"),
    ("jifeline", "ListConnectors", "jifeline connectors list"),
    ("jifeline", "GetConnector", "jifeline connectors get ID"),
    (
        "jifeline",
        "GetConnectorByUuid",
        "jifeline connectors get-by-uuid UUID",
    ),
    (
        "jifeline",
        "DismissConnectorAttention",
        "jifeline connectors dismiss-attention UUID",
    ),
    (
        "jifeline",
        "GetConnectorActiveTicket",
        "jifeline connectors active-ticket ID",
    ),
    (
        "jifeline",
        "ListProductGroups",
        "jifeline products groups --model M --variant V",
    ),
    (
        "jifeline",
        "ListProductBundles",
        "jifeline products bundles --model M --variant V",
    ),
    (
        "jifeline",
        "ListProducts",
        "jifeline products list --model M --variant V",
    ),
    (
        "jifeline",
        "AddFavoriteProduct",
        "jifeline products add-favorite --body FILE",
    ),
    (
        "jifeline",
        "RemoveFavoriteProduct",
        "jifeline products remove-favorite ID",
    ),
    (
        "jifeline",
        "ListProductPrerequisites",
        "jifeline products prerequisites --model M --variant V --product IDS",
    ),
    (
        "jifeline",
        "SetTicketCsat",
        "jifeline tickets rate TICKET_ID --body FILE",
    ),
    (
        "jifeline",
        "ListTicketNotes",
        "jifeline tickets notes TICKET_ID",
    ),
    (
        "jifeline",
        "ListHistoricalTickets",
        "jifeline tickets historical",
    ),
    (
        "jifeline",
        "GetHistoricalTicket",
        "jifeline tickets historical-get ID",
    ),
    (
        "jifeline",
        "ListPreparedTickets",
        "jifeline tickets prepared VIN",
    ),
    (
        "jifeline",
        "CreateTicket",
        "jifeline tickets create --body FILE",
    ),
    (
        "jifeline",
        "ListServicedVehicles",
        "jifeline vehicles serviced",
    ),
    (
        "jifeline",
        "SearchVehicleByVin",
        "jifeline vehicles search --vin VIN",
    ),
    ("jifeline", "ListVehicleMakes", "jifeline vehicles makes"),
    (
        "jifeline",
        "ListVehicleModelGroups",
        "jifeline vehicles model-groups --make ID",
    ),
    (
        "jifeline",
        "GetVehicleModelGroup",
        "jifeline vehicles model-group ID",
    ),
    (
        "jifeline",
        "ListVehicleModels",
        "jifeline vehicles models --group ID",
    ),
    ("jifeline", "GetVehicleModel", "jifeline vehicles model ID"),
    (
        "jifeline",
        "ListVehicleModelVariants",
        "jifeline vehicles variants --model ID",
    ),
    (
        "jifeline",
        "GetVehicleModelVariant",
        "jifeline vehicles variant ID",
    ),
    (
        "jifeline",
        "CalculateCartTotals",
        "jifeline cart totals --body FILE",
    ),
    ("jifeline", "GetUser", "jifeline user get"),
    ("jifeline", "ListEmployees", "jifeline employees list"),
    (
        "jifeline",
        "CreateEmployee",
        "jifeline employees create --body FILE",
    ),
    ("jifeline", "GetEmployee", "jifeline employees get ID|me"),
    (
        "jifeline",
        "ChangeEmployee",
        "jifeline employees change ID|me --body FILE",
    ),
    (
        "jifeline",
        "ForgotPassword",
        "jifeline sessions forgot-password EMAIL",
    ),
    (
        "jifeline",
        "LoginWithConnectorId",
        "jifeline sessions login-connector-id ID",
    ),
    (
        "jifeline",
        "LoginWithConnectorUuid",
        "jifeline sessions login",
    ),
    (
        "jifeline",
        "LoginWithOtp",
        "jifeline sessions login-otp OTP",
    ),
    (
        "jifeline",
        "GetCustomerDetails",
        "jifeline customer details",
    ),
    (
        "jifeline",
        "EditCustomerDetails",
        "jifeline customer edit --body FILE",
    ),
    ("jifeline", "GetBranding", "jifeline customer branding"),
    (
        "jifeline",
        "GetServiceCenter",
        "jifeline service-center info",
    ),
    (
        "jifeline",
        "GetServiceCenterState",
        "jifeline service-center state",
    ),
    ("jifeline", "Translate", "jifeline translate --body FILE"),
    (
        "jifeline",
        "SendChannelControlMessage",
        "jifeline channels control-message CHANNEL_ID",
    ),
    (
        "jifeline",
        "CreateChannelAttachment",
        "jifeline channels create-attachment CHANNEL_ID --file-name NAME",
    ),
    (
        "jifeline",
        "GetChannelAttachment",
        "jifeline channels attachment CHANNEL_ID --file-reference REF",
    ),
    (
        "claire",
        "GetAppointmentsByDmsNumber",
        "claire appointments by-dms-number DMS_NR --location ID",
    ),
    (
        "claire",
        "ListAppointments",
        "claire appointments list --location ID --date DAY",
    ),
    ("claire", "GetAppointment", "claire appointments get ID"),
    ("claire", "ImportAppointments", "claire import FILE.json"),
    ("claire", "GetChecks", "claire checks list APPOINTMENT_ID"),
    ("claire", "GetLocations", "claire locations list"),
    ("claire", "GetTags", "claire tags list"),
    ("claire", "GetQuestions", "claire questions list"),
    ("claire", "GetCarByVin", "claire cars get --vin VIN"),
    ("claire", "ListWebhooks", "claire webhooks list"),
    (
        "claire",
        "CreateWebhook",
        "claire webhooks create --body FILE",
    ),
    ("claire", "GetWebhook", "claire webhooks get ID"),
    (
        "claire",
        "UpdateWebhook",
        "claire webhooks update --body FILE",
    ),
    ("claire", "DeleteWebhook", "claire webhooks delete ID"),
    ("claire", "TestWebhook", "claire webhooks test --body FILE"),
    ("claire", "ListWebhookErrors", "claire webhooks errors ID"),
    ("claire", "ListWebhookTriggers", "claire webhooks triggers"),
    (
        "bigfix",
        "CreateRepairOrder",
        "bigfix orders create --body FILE",
    ),
    (
        "bigfix",
        "UploadBulkOrders",
        "bigfix upload FILE.xlsx --client-email E --client-name N",
    ),
    ("bigfix", "DownloadTemplate", "bigfix template save [FILE]"),
    ("bigfix", "TrackOrder", "bigfix track REFERENCE_ID"),
    (
        "shipinsure",
        "SubmitSmeDelivery",
        "shipinsure deliveries submit --body FILE",
    ),
    (
        "shipinsure",
        "InsertTrackingDetail",
        "shipinsure tracking insert --body FILE",
    ),
    (
        "shipinsure",
        "CancelSmeDeliveryOrder",
        "shipinsure deliveries cancel --body FILE",
    ),
];

/// Prints the table (optionally one vendor's rows).
pub fn print(ctx: &Ctx, vendor: Option<&str>) -> Result<(), CliError> {
    let rows: Vec<_> = COMMANDS
        .iter()
        .filter(|(v, _, _)| vendor.is_none_or(|want| want.eq_ignore_ascii_case(v)))
        .map(|(v, op, cmd)| json!({ "vendor": v, "operation": op, "command": format!("partner {cmd}") }))
        .collect();
    if rows.is_empty() {
        return Err(CliError::usage(
            "operations",
            format!("unknown vendor `{}`", vendor.unwrap_or_default()),
        ));
    }
    ctx.out.emit(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn operations(vendor: &str) -> Vec<&'static str> {
        let table = match vendor {
            "carfix" => carfix_client::OPERATIONS,
            "jifeline" => jifeline_client::OPERATIONS,
            "claire" => claire_client::OPERATIONS,
            "bigfix" => bigfix_client::OPERATIONS,
            "shipinsure" => shipinsure_client::OPERATIONS,
            other => panic!("unknown vendor {other}"),
        };
        table.iter().map(|o| o.name).collect()
    }

    #[test]
    fn every_operation_of_every_vendor_has_exactly_one_command() {
        let mut total = 0;
        for vendor in ["carfix", "jifeline", "claire", "bigfix", "shipinsure"] {
            let ops = operations(vendor);
            total += ops.len();
            for op in &ops {
                let n = COMMANDS
                    .iter()
                    .filter(|(v, o, _)| *v == vendor && o == op)
                    .count();
                assert_eq!(n, 1, "{vendor} {op}: {n} commands");
            }
            for (v, op, _) in COMMANDS.iter().filter(|(v, _, _)| *v == vendor) {
                assert!(
                    ops.contains(op),
                    "{v} {op} is not in the crate's OPERATIONS"
                );
            }
        }
        assert_eq!(total, 98);
        assert_eq!(COMMANDS.len(), 98);
    }

    #[test]
    fn every_listed_command_exists() {
        let root = crate::cli::Cli::command();
        for (_, op, cmd) in COMMANDS {
            let mut at = &root;
            for word in cmd.split_whitespace() {
                if word.starts_with('-')
                    || word.starts_with('[')
                    || word.chars().any(|c| c.is_ascii_uppercase())
                {
                    break;
                }
                at = at
                    .find_subcommand(word)
                    .unwrap_or_else(|| panic!("{op}: `{cmd}`: no subcommand `{word}`"));
            }
            assert!(
                !at.has_subcommands(),
                "{op}: `{cmd}` stops at a command group"
            );
        }
    }
}
