//! The Claire command tree (arguments only).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;

use crate::args::{self, Body, OptBody, Paging};

/// Claire commands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Appointments: list by filters, get one, the deprecated lookup by DMS number.
    #[command(subcommand)]
    Appointments(Appointments),
    /// Imports appointments from a JSON file ({"appointments": [...]} or a bare array) in
    /// batches of at most 100 per location, with progress (ImportAppointments).
    Import(ImportArgs),
    /// Checks of an appointment.
    #[command(subcommand)]
    Checks(Checks),
    /// Dealer locations.
    #[command(subcommand)]
    Locations(List),
    /// Tags.
    #[command(subcommand)]
    Tags(List),
    /// Questions.
    #[command(subcommand)]
    Questions(List),
    /// Cars by VIN.
    #[command(subcommand)]
    Cars(Cars),
    /// Webhooks: list, create, get, update, delete, test, errors, triggers, listen.
    #[command(subcommand)]
    Webhooks(Webhooks),
}

/// Which customer a DMS number belongs to.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    /// The driver.
    Driver,
    /// The owner.
    Owner,
    /// The contractor.
    Contractor,
}

impl Kind {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Driver => "driver",
            Kind::Owner => "owner",
            Kind::Contractor => "contractor",
        }
    }
}

/// Appointment commands.
#[derive(Debug, Subcommand)]
pub enum Appointments {
    /// Appointments matching a filter (flags, or a JSON body with flags replacing its fields).
    List {
        #[command(flatten)]
        body: OptBody,
        /// Location id (required, here or in the body).
        #[arg(long)]
        location: Option<i64>,
        /// Day of the appointments (YYYY-MM-DD).
        #[arg(long, value_parser = args::date)]
        date: Option<NaiveDate>,
        /// DMS number of the appointment or of a customer.
        #[arg(long)]
        dms_nr: Option<String>,
        /// The DMS number is this customer's.
        #[arg(long, value_enum)]
        customer_kind: Option<Kind>,
        /// Every pinned appointment.
        #[arg(long)]
        pinned: bool,
    },
    /// One appointment by id.
    Get {
        /// Appointment id.
        id: i64,
    },
    /// Appointments by DMS number (deprecated by Claire: prefer `list --dms-nr`).
    ByDmsNumber {
        /// Location id.
        #[arg(long)]
        location: i64,
        /// The DMS number.
        dms_nr: String,
        /// The DMS number is this customer's.
        #[arg(long, value_enum)]
        customer_kind: Option<Kind>,
    },
}

/// `partner claire import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The appointments as JSON (`-` reads stdin).
    pub file: PathBuf,
    /// Check every batch against the documented rules and send nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Check commands.
#[derive(Debug, Subcommand)]
pub enum Checks {
    /// Checks of an appointment.
    List {
        /// Appointment id.
        appointment_id: i64,
    },
}

/// A resource with one list call.
#[derive(Debug, Subcommand)]
pub enum List {
    /// Lists them.
    List,
}

/// Car commands.
#[derive(Debug, Subcommand)]
pub enum Cars {
    /// A car by VIN (`null` when Claire has none).
    Get {
        /// The VIN.
        #[arg(long)]
        vin: String,
    },
}

/// Webhook commands.
#[derive(Debug, Subcommand)]
pub enum Webhooks {
    /// Webhooks of this API key.
    List,
    /// Creates a webhook from a JSON body; prints its id.
    Create(Body),
    /// One webhook.
    Get {
        /// Webhook id.
        id: i64,
    },
    /// Updates a webhook from a JSON body (found by its `id`; headers are replaced).
    Update(Body),
    /// Deletes a webhook.
    Delete {
        /// Webhook id.
        id: i64,
    },
    /// Makes Claire call a webhook now (JSON body: the test message).
    Test(Body),
    /// Delivery errors of a webhook (one page, or every page lazily with --all/--limit).
    Errors {
        /// Webhook id.
        id: i64,
        /// Page to fetch (or start from), 1-based.
        #[arg(long)]
        page: Option<u64>,
        #[command(flatten)]
        paging: Paging,
    },
    /// Every trigger a webhook can use.
    Triggers,
    /// Runs a local receiver, registers (or reuses) a webhook pointing at it and prints each
    /// call as it arrives, until Ctrl-C or --count calls.
    Listen(ListenArgs),
}

/// `partner claire webhooks listen`.
#[derive(Debug, clap::Args)]
pub struct ListenArgs {
    /// Local port to listen on, on 127.0.0.1 (default: any free port).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// The URL Claire should call, when it reaches this machine some other way (a tunnel);
    /// default `http://127.0.0.1:PORT/claire-webhook`.
    #[arg(long)]
    pub url: Option<String>,
    /// Trigger id of the webhook (default: the import result, PublicAPIAppointmentImported).
    #[arg(long)]
    pub trigger: Option<i64>,
    /// Only calls for this location.
    #[arg(long)]
    pub location: Option<i64>,
    /// Do not register a webhook: only listen.
    #[arg(long)]
    pub no_register: bool,
    /// Keep a webhook this command created when it stops (default: delete it).
    #[arg(long)]
    pub keep: bool,
    /// Also POST each call's body, unchanged, to this URL.
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,
    /// Accept calls only from these addresses (default: any, since the listener is local).
    #[arg(long, value_name = "IP")]
    pub allow_from: Vec<std::net::IpAddr>,
    /// Stop after this many calls.
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
}
