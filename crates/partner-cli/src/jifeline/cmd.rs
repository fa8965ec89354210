//! The Jifeline command tree (arguments only; `super::run` executes).

use clap::Subcommand;
use jifeline_client::models::EmployeeRef;
use uuid::Uuid;

use crate::args::{Body, Paging};

/// Jifeline commands, one group per resource.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Logins and forgot-password (the other commands log in by themselves).
    #[command(subcommand)]
    Sessions(Sessions),
    /// OBD connectors of the logged-in user.
    #[command(subcommand)]
    Connectors(Connectors),
    /// Product groups, bundles, products, favorites, prerequisites.
    #[command(subcommand)]
    Products(Products),
    /// Tickets, CSAT, notes, historical and prepared tickets.
    #[command(subcommand)]
    Tickets(Tickets),
    /// Vehicle catalogue, VIN search, serviced vehicles.
    #[command(subcommand)]
    Vehicles(Vehicles),
    /// Cart totals.
    #[command(subcommand)]
    Cart(Cart),
    /// The logged-in user.
    #[command(subcommand)]
    User(User),
    /// Employees.
    #[command(subcommand)]
    Employees(Employees),
    /// Company details and branding.
    #[command(subcommand)]
    Customer(Customer),
    /// Service center information and state.
    #[command(subcommand)]
    ServiceCenter(ServiceCenter),
    /// Translates a message (JSON body: {"message": .., "target_language": ..}).
    Translate(Body),
    /// Messenger channels: control message and attachments.
    #[command(subcommand)]
    Channels(Channels),
}

/// A vehicle model and variant.
#[derive(Debug, Clone, clap::Args)]
pub struct Vehicle {
    /// Vehicle model id.
    #[arg(long)]
    pub model: i64,
    /// Vehicle model variant id.
    #[arg(long)]
    pub variant: i64,
}

/// Session commands.
#[derive(Debug, Subcommand)]
pub enum Sessions {
    /// Logs in with a connector UUID and pincode (default: the profile's); prints when the
    /// token expires, never the token.
    Login {
        /// Connector UUID.
        #[arg(long)]
        connector_uuid: Option<String>,
        /// Pincode.
        #[arg(long)]
        pincode: Option<String>,
    },
    /// Logs in with a one-time password.
    LoginOtp {
        /// The OTP (default: the profile's).
        otp: Option<String>,
    },
    /// Logs in with a connector id and pincode (deprecated by Jifeline).
    LoginConnectorId {
        /// Connector id.
        connector_id: i64,
        /// Pincode (default: the profile's).
        #[arg(long)]
        pincode: Option<String>,
    },
    /// Sends a forgot-password e-mail.
    ForgotPassword {
        /// The e-mail address.
        email: String,
    },
}

/// Connector commands.
#[derive(Debug, Subcommand)]
pub enum Connectors {
    /// Lists the connectors.
    List(Paging),
    /// One connector by id.
    Get {
        /// Connector id.
        connector_id: i64,
    },
    /// One connector by UUID.
    GetByUuid {
        /// Connector UUID.
        connector_uuid: Uuid,
    },
    /// Dismisses a call for attention.
    DismissAttention {
        /// Connector UUID.
        connector_uuid: Uuid,
    },
    /// The active ticket on a connector.
    ActiveTicket {
        /// Connector id.
        connector_id: i64,
    },
}

/// Favorite filter of the product list.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Favorite {
    /// Only favorites.
    Only,
    /// No favorites.
    Excluded,
}

/// Product commands.
#[derive(Debug, Subcommand)]
pub enum Products {
    /// Product groups for a vehicle.
    Groups {
        #[command(flatten)]
        vehicle: Vehicle,
        #[command(flatten)]
        paging: Paging,
    },
    /// Product bundles for a vehicle.
    Bundles {
        #[command(flatten)]
        vehicle: Vehicle,
        /// Only bundles of this product group.
        #[arg(long)]
        group: Option<i64>,
        #[command(flatten)]
        paging: Paging,
    },
    /// Products for a vehicle.
    List {
        #[command(flatten)]
        vehicle: Vehicle,
        /// Only this product group.
        #[arg(long, conflicts_with = "bundle")]
        group: Option<i64>,
        /// Only this bundle.
        #[arg(long)]
        bundle: Option<Uuid>,
        /// Favorites only, or none.
        #[arg(long, value_enum)]
        favorite: Option<Favorite>,
        #[command(flatten)]
        paging: Paging,
    },
    /// Adds a product (JSON body, as `products list` prints it) to the favorites.
    AddFavorite(Body),
    /// Removes a product from the favorites.
    RemoveFavorite {
        /// Product id.
        product_id: i64,
    },
    /// Prerequisites of products on a vehicle.
    Prerequisites {
        #[command(flatten)]
        vehicle: Vehicle,
        /// Product ids (comma-separated or repeated).
        #[arg(long, value_delimiter = ',', required = true)]
        product: Vec<i64>,
        #[command(flatten)]
        paging: Paging,
    },
}

/// Ticket commands.
#[derive(Debug, Subcommand)]
pub enum Tickets {
    /// Creates a ticket from a JSON body.
    Create(Body),
    /// Adds or updates the CSAT of a ticket (JSON body).
    Rate {
        /// Ticket id.
        ticket_id: i64,
        #[command(flatten)]
        body: Body,
    },
    /// Notes of a ticket.
    Notes {
        /// Ticket id.
        ticket_id: i64,
        #[command(flatten)]
        paging: Paging,
    },
    /// Historical tickets, optionally of one VIN and/or connector.
    Historical {
        /// Only this VIN.
        #[arg(long)]
        vin: Option<String>,
        /// Only this connector.
        #[arg(long)]
        connector_id: Option<i64>,
        #[command(flatten)]
        paging: Paging,
    },
    /// One historical ticket.
    HistoricalGet {
        /// Historical ticket id.
        historical_ticket_id: i64,
    },
    /// Prepared tickets available for a vehicle.
    Prepared {
        /// The VIN.
        vin: String,
        #[command(flatten)]
        paging: Paging,
    },
}

/// Vehicle commands.
#[derive(Debug, Subcommand)]
pub enum Vehicles {
    /// Serviced vehicles, most recent first.
    Serviced(Paging),
    /// Make, model and variant of a VIN.
    Search {
        /// The VIN (17 letters and digits).
        #[arg(long)]
        vin: String,
    },
    /// Vehicle makes.
    Makes(Paging),
    /// Model groups of a make.
    ModelGroups {
        /// Make id.
        #[arg(long)]
        make: i64,
        #[command(flatten)]
        paging: Paging,
    },
    /// One model group.
    ModelGroup {
        /// Model group id.
        model_group_id: i64,
    },
    /// Models of a model group.
    Models {
        /// Model group id.
        #[arg(long)]
        group: i64,
        #[command(flatten)]
        paging: Paging,
    },
    /// One model.
    Model {
        /// Model id.
        model_id: i64,
    },
    /// Variants of a model.
    Variants {
        /// Model id.
        #[arg(long)]
        model: i64,
        #[command(flatten)]
        paging: Paging,
    },
    /// One model variant.
    Variant {
        /// Model variant id.
        model_variant_id: i64,
    },
}

/// Cart commands.
#[derive(Debug, Subcommand)]
pub enum Cart {
    /// Subtotal, voucher discount, fees and total (JSON body).
    Totals(Body),
}

/// User commands.
#[derive(Debug, Subcommand)]
pub enum User {
    /// The logged-in user.
    Get,
}

/// Employee commands.
#[derive(Debug, Subcommand)]
pub enum Employees {
    /// Lists employees.
    List(Paging),
    /// Adds an employee (JSON body).
    Create(Body),
    /// One employee by UUID, or `me`.
    Get {
        /// UUID or `me`.
        #[arg(value_parser = super::employee_ref)]
        employee: EmployeeRef,
    },
    /// Changes an employee (JSON body).
    Change {
        /// UUID or `me`.
        #[arg(value_parser = super::employee_ref)]
        employee: EmployeeRef,
        #[command(flatten)]
        body: Body,
    },
}

/// Customer commands.
#[derive(Debug, Subcommand)]
pub enum Customer {
    /// Company details.
    Details,
    /// Edits company details (JSON body; only fields given are sent).
    Edit(Body),
    /// Branding.
    Branding,
}

/// Service center commands.
#[derive(Debug, Subcommand)]
pub enum ServiceCenter {
    /// Service center information.
    Info,
    /// Service center state.
    State,
}

/// Channel commands.
#[derive(Debug, Subcommand)]
pub enum Channels {
    /// Sends a control message (a ping over the websockets).
    ControlMessage {
        /// Channel id.
        channel_id: String,
    },
    /// Creates an attachment on a channel.
    CreateAttachment {
        /// Channel id.
        channel_id: String,
        /// File name.
        #[arg(long)]
        file_name: String,
    },
    /// Gets an attachment by its file reference.
    Attachment {
        /// Channel id.
        channel_id: String,
        /// File reference (from `create-attachment`).
        #[arg(long)]
        file_reference: String,
    },
}
