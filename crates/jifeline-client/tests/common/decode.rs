//! Decodes an answer body into the typed model of an operation, through the decode path the
//! client uses (`partner_core::decode_json`, and `decode_json_secret` for the logins, whose
//! answers hold tokens). For `partner_testkit::variants::check_vendor`.

use jifeline_client::models::*;
use partner_core::{Error, decode_json, decode_json_secret};
use serde::de::DeserializeOwned;

fn json<T: DeserializeOwned>(operation: &'static str, body: &[u8]) -> Option<Result<(), Error>> {
    Some(decode_json::<T>(operation, body).map(|_| ()))
}

/// `Some(result)` of decoding `body` as the answer of `operation` (a name from
/// `jifeline_client::OPERATIONS`); `None` for operations whose answer is not JSON (their
/// success has no body: dismiss attention, favorites, CSAT). Panics on an unknown name.
pub fn decode(operation: &str, body: &[u8]) -> Option<Result<(), Error>> {
    let op: &'static str = jifeline_client::OPERATIONS
        .iter()
        .find(|o| o.name == operation)
        .unwrap_or_else(|| panic!("`{operation}` is not a Jifeline operation"))
        .name;
    match op {
        "ListConnectors" => json::<Page<Connector>>(op, body),
        "GetConnector" | "GetConnectorByUuid" => json::<Connector>(op, body),
        "GetConnectorActiveTicket" | "CreateTicket" => json::<Ticket>(op, body),
        "DismissConnectorAttention"
        | "AddFavoriteProduct"
        | "RemoveFavoriteProduct"
        | "SetTicketCsat" => None,
        "ListProductGroups" => json::<Page<ProductGroup>>(op, body),
        "ListProductBundles" => json::<Page<ProductBundle>>(op, body),
        "ListProducts" => json::<Page<Product>>(op, body),
        "ListProductPrerequisites" => json::<Page<ProductPrerequisite>>(op, body),
        "ListTicketNotes" => json::<Page<TicketNote>>(op, body),
        "ListHistoricalTickets" => json::<Page<HistoricalTicket>>(op, body),
        "GetHistoricalTicket" => json::<HistoricalTicket>(op, body),
        "ListPreparedTickets" => json::<Page<PreparedTicket>>(op, body),
        "ListServicedVehicles" => json::<Page<ServicedVehicle>>(op, body),
        "SearchVehicleByVin" => json::<VinSearchResult>(op, body),
        "ListVehicleMakes" => json::<Page<VehicleMake>>(op, body),
        "ListVehicleModelGroups" => json::<Page<VehicleModelGroup>>(op, body),
        "GetVehicleModelGroup" => json::<VehicleModelGroup>(op, body),
        "ListVehicleModels" => json::<Page<VehicleModel>>(op, body),
        "GetVehicleModel" => json::<VehicleModel>(op, body),
        "ListVehicleModelVariants" => json::<Page<VehicleModelVariant>>(op, body),
        "GetVehicleModelVariant" => json::<VehicleModelVariant>(op, body),
        "CalculateCartTotals" => json::<CartTotals>(op, body),
        "GetUser" => json::<User>(op, body),
        "ListEmployees" => json::<Page<Employee>>(op, body),
        "CreateEmployee" | "GetEmployee" | "ChangeEmployee" => json::<Employee>(op, body),
        "ForgotPassword" => json::<ForgotPasswordResult>(op, body),
        "LoginWithConnectorId" | "LoginWithConnectorUuid" | "LoginWithOtp" => {
            Some(decode_json_secret::<SessionTokens>(op, body).map(|_| ()))
        }
        "GetCustomerDetails" | "EditCustomerDetails" => json::<CustomerDetails>(op, body),
        "GetBranding" => json::<Branding>(op, body),
        "GetServiceCenter" => json::<ServiceCenter>(op, body),
        "GetServiceCenterState" => json::<ServiceCenterState>(op, body),
        "Translate" => json::<Translation>(op, body),
        "SendChannelControlMessage" => json::<ControlMessage>(op, body),
        "CreateChannelAttachment" | "GetChannelAttachment" => json::<Attachment>(op, body),
        other => panic!("no decoder for `{other}`: add it to tests/common/decode.rs"),
    }
}
