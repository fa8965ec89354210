//! The operation table: every Jifeline Customer API operation with its method and path.
//!
//! The copy of the document lost every method and path, so all paths here are assumed
//! (REST-style, under `/v1`) and none is marked documented. Override any of them with
//! [`crate::JifelineClientBuilder::override_path`] once Jifeline gives you the real ones.
//! Sections name the document's resource group and the operation's summary.

use partner_core::Operation;
use partner_core::http::Method;

macro_rules! names {
    ($($konst:ident = $name:literal;)+) => {
        $(#[doc = concat!("Operation name `", $name, "`.")] pub const $konst: &str = $name;)+
    };
}

names! {
    LIST_CONNECTORS = "ListConnectors";
    GET_CONNECTOR = "GetConnector";
    GET_CONNECTOR_BY_UUID = "GetConnectorByUuid";
    DISMISS_CONNECTOR_ATTENTION = "DismissConnectorAttention";
    GET_CONNECTOR_ACTIVE_TICKET = "GetConnectorActiveTicket";
    LIST_PRODUCT_GROUPS = "ListProductGroups";
    LIST_PRODUCT_BUNDLES = "ListProductBundles";
    LIST_PRODUCTS = "ListProducts";
    ADD_FAVORITE_PRODUCT = "AddFavoriteProduct";
    REMOVE_FAVORITE_PRODUCT = "RemoveFavoriteProduct";
    LIST_PRODUCT_PREREQUISITES = "ListProductPrerequisites";
    SET_TICKET_CSAT = "SetTicketCsat";
    LIST_TICKET_NOTES = "ListTicketNotes";
    LIST_HISTORICAL_TICKETS = "ListHistoricalTickets";
    GET_HISTORICAL_TICKET = "GetHistoricalTicket";
    LIST_PREPARED_TICKETS = "ListPreparedTickets";
    CREATE_TICKET = "CreateTicket";
    LIST_SERVICED_VEHICLES = "ListServicedVehicles";
    SEARCH_VEHICLE_BY_VIN = "SearchVehicleByVin";
    LIST_VEHICLE_MAKES = "ListVehicleMakes";
    LIST_VEHICLE_MODEL_GROUPS = "ListVehicleModelGroups";
    GET_VEHICLE_MODEL_GROUP = "GetVehicleModelGroup";
    LIST_VEHICLE_MODELS = "ListVehicleModels";
    GET_VEHICLE_MODEL = "GetVehicleModel";
    LIST_VEHICLE_MODEL_VARIANTS = "ListVehicleModelVariants";
    GET_VEHICLE_MODEL_VARIANT = "GetVehicleModelVariant";
    CALCULATE_CART_TOTALS = "CalculateCartTotals";
    GET_USER = "GetUser";
    LIST_EMPLOYEES = "ListEmployees";
    CREATE_EMPLOYEE = "CreateEmployee";
    GET_EMPLOYEE = "GetEmployee";
    CHANGE_EMPLOYEE = "ChangeEmployee";
    FORGOT_PASSWORD = "ForgotPassword";
    LOGIN_WITH_CONNECTOR_ID = "LoginWithConnectorId";
    LOGIN_WITH_CONNECTOR_UUID = "LoginWithConnectorUuid";
    LOGIN_WITH_OTP = "LoginWithOtp";
    GET_CUSTOMER_DETAILS = "GetCustomerDetails";
    EDIT_CUSTOMER_DETAILS = "EditCustomerDetails";
    GET_BRANDING = "GetBranding";
    GET_SERVICE_CENTER = "GetServiceCenter";
    GET_SERVICE_CENTER_STATE = "GetServiceCenterState";
    TRANSLATE = "Translate";
    SEND_CHANNEL_CONTROL_MESSAGE = "SendChannelControlMessage";
    CREATE_CHANNEL_ATTACHMENT = "CreateChannelAttachment";
    GET_CHANNEL_ATTACHMENT = "GetChannelAttachment";
}

/// Every operation of the Jifeline Customer API (45), logins included. Paths are assumed.
pub const OPERATIONS: &[Operation] = &[
    Operation::new(LIST_CONNECTORS, Method::GET, "/v1/connectors")
        .section("Connectors: Get the connectors linked to the logged in user"),
    Operation::new(GET_CONNECTOR, Method::GET, "/v1/connectors/{connectorId}")
        .section("Connectors: Get a single connector by providing a connector ID"),
    Operation::new(
        GET_CONNECTOR_BY_UUID,
        Method::GET,
        "/v1/connectors/uuid/{connectorUUID}",
    )
    .section("Connectors: Get a single connector by providing a connector UUID"),
    Operation::new(
        DISMISS_CONNECTOR_ATTENTION,
        Method::POST,
        "/v1/connectors/uuid/{connectorUUID}/dismiss-attention",
    )
    .section("Connectors: Dismiss a call for attention on the connector"),
    Operation::new(
        GET_CONNECTOR_ACTIVE_TICKET,
        Method::GET,
        "/v1/connectors/{connectorId}/active-ticket",
    )
    .section("Connectors: Get the active ticket on a connector"),
    Operation::new(LIST_PRODUCT_GROUPS, Method::GET, "/v1/product-groups")
        .section("Product groups"),
    Operation::new(LIST_PRODUCT_BUNDLES, Method::GET, "/v1/product-bundles")
        .section("Product bundles"),
    Operation::new(LIST_PRODUCTS, Method::GET, "/v1/products").section("Products"),
    Operation::new(ADD_FAVORITE_PRODUCT, Method::POST, "/v1/products/favorites")
        .section("Products: Add a product to the favorite products"),
    Operation::new(
        REMOVE_FAVORITE_PRODUCT,
        Method::DELETE,
        "/v1/products/favorites/{id}",
    )
    .section("Products: Remove a product from the favorite products"),
    Operation::new(
        LIST_PRODUCT_PREREQUISITES,
        Method::GET,
        "/v1/product-prerequisites",
    )
    .section("Products: Get product prerequisites"),
    Operation::new(SET_TICKET_CSAT, Method::PUT, "/v1/tickets/{ticketId}/csat")
        .section("Tickets: Add or update a Customer Satisfaction Score (CSAT)"),
    Operation::new(
        LIST_TICKET_NOTES,
        Method::GET,
        "/v1/tickets/{ticketId}/notes",
    )
    .section("Tickets: Get available notes with attachments for a ticket"),
    Operation::new(
        LIST_HISTORICAL_TICKETS,
        Method::GET,
        "/v1/historical-tickets",
    )
    .section("Tickets: Get historical tickets for a given vehicle identification number"),
    Operation::new(
        GET_HISTORICAL_TICKET,
        Method::GET,
        "/v1/historical-tickets/{historicalTicketId}",
    )
    .section("Tickets: Get historical ticket for a given historical ticket id"),
    Operation::new(LIST_PREPARED_TICKETS, Method::GET, "/v1/prepared-tickets")
        .section("Tickets: Retrieve available prepared tickets"),
    Operation::new(CREATE_TICKET, Method::POST, "/v1/tickets")
        .section("Tickets: Creates a new ticket")
        .unsafe_to_retry(),
    Operation::new(LIST_SERVICED_VEHICLES, Method::GET, "/v1/serviced-vehicles")
        .section("Vehicles: Retrieve serviced vehicles"),
    Operation::new(SEARCH_VEHICLE_BY_VIN, Method::GET, "/v1/vehicles/search")
        .section("Vehicles: Search a vehicle by VIN"),
    Operation::new(LIST_VEHICLE_MAKES, Method::GET, "/v1/vehicle-makes")
        .section("Vehicles: Vehicle makes"),
    Operation::new(
        LIST_VEHICLE_MODEL_GROUPS,
        Method::GET,
        "/v1/vehicle-model-groups",
    )
    .section("Vehicles: Get vehicle model group for a make"),
    Operation::new(
        GET_VEHICLE_MODEL_GROUP,
        Method::GET,
        "/v1/vehicle-model-groups/{modelGroupId}",
    )
    .section("Vehicles: Get a single vehicle model-group"),
    Operation::new(LIST_VEHICLE_MODELS, Method::GET, "/v1/vehicle-models")
        .section("Vehicles: Get vehicle models for a model group"),
    Operation::new(
        GET_VEHICLE_MODEL,
        Method::GET,
        "/v1/vehicle-models/{modelId}",
    )
    .section("Vehicles: Get a single vehicle model"),
    Operation::new(
        LIST_VEHICLE_MODEL_VARIANTS,
        Method::GET,
        "/v1/vehicle-model-variants",
    )
    .section("Vehicles: Get vehicle model variants for a model"),
    Operation::new(
        GET_VEHICLE_MODEL_VARIANT,
        Method::GET,
        "/v1/vehicle-model-variants/{modelVariantId}",
    )
    .section("Vehicles: Get a single vehicle model-variant"),
    Operation::new(CALCULATE_CART_TOTALS, Method::POST, "/v1/cart/totals")
        .section("Cart: Products, vehicle and vouchercode to calculate totals for"),
    Operation::new(GET_USER, Method::GET, "/v1/user")
        .section("User: Gets basic information of the user"),
    Operation::new(LIST_EMPLOYEES, Method::GET, "/v1/employees")
        .section("Employees: Get a list of employees"),
    Operation::new(CREATE_EMPLOYEE, Method::POST, "/v1/employees")
        .section("Employees: Add a new employee")
        .unsafe_to_retry(),
    Operation::new(GET_EMPLOYEE, Method::GET, "/v1/employees/{employeeId}")
        .section("Employees: Gets basic information of the employee"),
    Operation::new(CHANGE_EMPLOYEE, Method::PUT, "/v1/employees/{employeeId}")
        .section("Employees: Change an employee"),
    Operation::new(FORGOT_PASSWORD, Method::POST, "/v1/forgot-password")
        .section("Sessions: Forgot password")
        .unsafe_to_retry(),
    Operation::new(
        LOGIN_WITH_CONNECTOR_ID,
        Method::POST,
        "/v1/login/connector-id",
    )
    .section("Sessions: Login using connector ID and connector pincode (deprecated)"),
    Operation::new(
        LOGIN_WITH_CONNECTOR_UUID,
        Method::POST,
        "/v1/login/connector-uuid",
    )
    .section("Sessions: Login using connector UUID and connector pincode"),
    Operation::new(LOGIN_WITH_OTP, Method::POST, "/v1/login/otp")
        .section("Sessions: Login using an OTP")
        .unsafe_to_retry(),
    Operation::new(GET_CUSTOMER_DETAILS, Method::GET, "/v1/customer")
        .section("Customer: Get customer details of a currently logged-in user"),
    Operation::new(EDIT_CUSTOMER_DETAILS, Method::PATCH, "/v1/customer")
        .section("Customer: Edit authenticated user's customer details"),
    Operation::new(GET_BRANDING, Method::GET, "/v1/customer/branding")
        .section("Customer: Get branding details of a currently logged-in user"),
    Operation::new(GET_SERVICE_CENTER, Method::GET, "/v1/service-center")
        .section("Service center: Gets service center information"),
    Operation::new(
        GET_SERVICE_CENTER_STATE,
        Method::GET,
        "/v1/service-center/state",
    )
    .section("Service center: Retrieve information regarding the state of the service-center"),
    Operation::new(TRANSLATE, Method::POST, "/v1/translate")
        .section("Translate: Translate text by providing text and target language"),
    Operation::new(
        SEND_CHANNEL_CONTROL_MESSAGE,
        Method::POST,
        "/v1/channels/{channelId}/control-message",
    )
    .section("Channels: Sending a control message"),
    Operation::new(
        CREATE_CHANNEL_ATTACHMENT,
        Method::POST,
        "/v1/channels/{channelId}/attachments",
    )
    .section("Channels: Create channel attachment")
    .unsafe_to_retry(),
    Operation::new(
        GET_CHANNEL_ATTACHMENT,
        Method::GET,
        "/v1/channels/{channelId}/attachments",
    )
    .section("Channels: Get attachments for a channel"),
];
