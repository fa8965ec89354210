//! `partner carfix ...`: the Affiliate API (cases, lookups, truck tracking, photos) and the
//! Workshop API (fleet, drivers, claims), each logging in with its own credentials.

use std::path::PathBuf;

use carfix_client::{
    AffiliateClient, CaseListFilter, CreateCaseRequest, InitialCaseRequest, TruckPositionUpdate,
    WorkshopClient,
};
use chrono::{NaiveDate, NaiveDateTime};
use clap::Subcommand;

use crate::args::{self, Body, OptBody};
use crate::context::Ctx;
use crate::error::{CliError, IntoCli};

/// CarFix commands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// 3.1 Test: checks that the Affiliate credentials and token work.
    Test,
    /// Logs in now (2.1 Affiliate, or 2.2 Workshop with --workshop) to check credentials.
    Login {
        /// Log in to the Workshop API instead.
        #[arg(long)]
        workshop: bool,
    },
    /// Cases: open, read, update, cancel, list (3.2 to 3.7, 3.19 to 3.21).
    #[command(subcommand)]
    Cases(Cases),
    /// Reference lists: states, areas, workshops, makes, natures of call, ... (3.9 to 3.17).
    #[command(subcommand)]
    Lookups(Lookups),
    /// Where the tow truck serving a case is (3.18).
    #[command(subcommand)]
    Trucks(Trucks),
    /// Incident photos (3.8, 3.22).
    #[command(subcommand)]
    Photos(Photos),
    /// Workshop API: the tow operator's trucks (4.1, 4.3).
    #[command(subcommand)]
    Fleet(Fleet),
    /// Workshop API: drivers (4.2).
    #[command(subcommand)]
    Drivers(Drivers),
    /// Workshop API: claims (4.4, 4.5).
    #[command(subcommand)]
    Claims(Claims),
}

/// Case commands.
#[derive(Debug, Subcommand)]
pub enum Cases {
    /// 3.2 Initial Call Centre Case from a JSON body; prints the case id.
    CreateInitial(Body),
    /// 3.3 Create Case from a JSON body; prints the case id.
    Create(Body),
    /// 3.4 Get Case Details.
    Get {
        /// The case id.
        case_id: String,
    },
    /// 3.5 Update Case Resolved.
    Resolve {
        /// The case id.
        case_id: String,
    },
    /// 3.6 Update Caller Satisfaction Rating.
    Rate {
        /// The case id.
        case_id: String,
        /// 0 to 5.
        #[arg(long)]
        rating: u8,
        /// Up to 200 characters.
        #[arg(long, default_value = "")]
        remarks: String,
    },
    /// 3.7 Update Arrival Time (default now).
    Arrived {
        /// The case id.
        case_id: String,
        /// When the provider arrived (RFC 3339).
        #[arg(long, value_parser = args::instant)]
        at: Option<chrono::DateTime<chrono::Utc>>,
    },
    /// 3.19 Cancel Case, or only quote the charges with --check-only.
    Cancel {
        /// The case id.
        case_id: String,
        /// Only say what cancelling would cost.
        #[arg(long)]
        check_only: bool,
    },
    /// 3.20 Get Case Status.
    Status {
        /// The case id.
        case_id: String,
    },
    /// 3.21 Get List of Cases, filtered by flags or a JSON body.
    List {
        #[command(flatten)]
        body: OptBody,
        /// Only this vehicle.
        #[arg(long)]
        vehicle: Option<String>,
        /// Created at or after (local time, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS).
        #[arg(long, value_parser = args::local)]
        from: Option<NaiveDateTime>,
        /// Created at or before.
        #[arg(long, value_parser = args::local)]
        to: Option<NaiveDateTime>,
    },
}

/// Lookup commands.
#[derive(Debug, Subcommand)]
pub enum Lookups {
    /// 3.12 Get States.
    States,
    /// 3.13 Get Areas of a state.
    Areas {
        /// State id (from `states`).
        state_id: String,
    },
    /// 3.9 Get List of Workshop in an area.
    Workshops {
        /// Area id (from `areas`).
        area_id: String,
    },
    /// 3.10 Get List of RSA Workshop in an area.
    RsaWorkshops {
        /// Area id (from `areas`).
        area_id: String,
    },
    /// 3.11 Get Car Makes.
    CarMakes,
    /// 3.14 Get Nature of Calls.
    NatureOfCalls,
    /// 3.15 Get Service Needed for a nature of call.
    ServicesNeeded {
        /// Nature of call id (from `nature-of-calls`).
        nature_of_call_id: String,
    },
    /// 3.16 Get Type of Punctures.
    PunctureTypes,
    /// 3.17 Get Breakdown Causes.
    BreakdownCauses,
}

/// Truck tracking commands.
#[derive(Debug, Subcommand)]
pub enum Trucks {
    /// 3.18 Get Truck Coordination.
    Locate {
        /// Truck number.
        truck_no: String,
        /// The case the truck serves.
        #[arg(long)]
        case_id: Option<String>,
        /// The tow driver's user code.
        #[arg(long)]
        user_code: Option<String>,
    },
}

/// Photo commands.
#[derive(Debug, Subcommand)]
pub enum Photos {
    /// 3.8 Update Incident Photos: uploads one JPEG.
    Upload {
        /// The case id.
        case_id: String,
        /// The JPEG file (`-` reads stdin).
        file: PathBuf,
    },
    /// 3.22 Get Incident Photos (bytes as base64 in `Base64String`).
    List {
        /// Only this case's photos.
        #[arg(long)]
        case_id: Option<String>,
    },
}

/// Workshop fleet commands.
#[derive(Debug, Subcommand)]
pub enum Fleet {
    /// 4.1 GetTrucks.
    List,
    /// 4.3 Update Truck Coordinate from a JSON body.
    UpdatePosition(Body),
}

/// Workshop driver commands.
#[derive(Debug, Subcommand)]
pub enum Drivers {
    /// 4.2 GetDrivers.
    List,
}

/// Workshop claim commands.
#[derive(Debug, Subcommand)]
pub enum Claims {
    /// 4.4 Get Claims by accident date.
    List {
        /// Accidents on or after (YYYY-MM-DD).
        #[arg(long, value_parser = args::date)]
        from: Option<NaiveDate>,
        /// Accidents on or before (YYYY-MM-DD).
        #[arg(long, value_parser = args::date)]
        to: Option<NaiveDate>,
    },
    /// 4.5 Get Claim Detail.
    Get {
        /// The claim key (from `claims list`).
        key: String,
    },
}

fn affiliate(ctx: &Ctx) -> Result<AffiliateClient, CliError> {
    let p = &ctx.profile.carfix;
    let mut b = AffiliateClient::builder().credentials(
        p.affiliate_username.clone().unwrap_or_default(),
        p.affiliate_key.clone().unwrap_or_default(),
    );
    if let Some(url) = &p.base_url {
        b = b.base_url(url);
    }
    for (op, path) in &p.paths {
        b = b.override_path(op, path);
    }
    if let Some(t) = ctx.profile.timeout() {
        b = b.timeout(t);
    }
    b = b.strictness(ctx.strictness);
    b.build().cli("carfix").map_err(|e| e.configuring("carfix"))
}

fn workshop(ctx: &Ctx) -> Result<WorkshopClient, CliError> {
    let p = &ctx.profile.carfix;
    let mut b = WorkshopClient::builder().credentials(
        p.workshop_username.clone().unwrap_or_default(),
        p.workshop_key.clone().unwrap_or_default(),
    );
    if let Some(url) = &p.base_url {
        b = b.base_url(url);
    }
    for (op, path) in &p.paths {
        b = b.override_path(op, path);
    }
    if let Some(t) = ctx.profile.timeout() {
        b = b.timeout(t);
    }
    b = b.strictness(ctx.strictness);
    b.build().cli("carfix").map_err(|e| e.configuring("carfix"))
}

/// Runs a CarFix command.
pub async fn run(cmd: Cmd, ctx: &Ctx) -> Result<(), CliError> {
    let out = &ctx.out;
    match cmd {
        Cmd::Test => {
            affiliate(ctx)?.test().await.cli("Test")?;
            out.done("Test")
        }
        Cmd::Login { workshop: false } => {
            affiliate(ctx)?.login().await.cli("AffiliateLogin")?;
            out.done("AffiliateLogin")
        }
        Cmd::Login { workshop: true } => {
            workshop(ctx)?.login().await.cli("WorkshopLogin")?;
            out.done("WorkshopLogin")
        }
        Cmd::Cases(c) => cases(c, ctx).await,
        Cmd::Lookups(l) => lookups(l, ctx).await,
        Cmd::Trucks(Trucks::Locate {
            truck_no,
            case_id,
            user_code,
        }) => {
            let client = affiliate(ctx)?;
            let mut q = client.trucks().coordination(&truck_no);
            if let Some(id) = case_id {
                q = q.case_id(id);
            }
            if let Some(code) = user_code {
                q = q.user_code(code);
            }
            out.emit(&q.send().await.cli("GetTruckCoordination")?)
        }
        Cmd::Photos(Photos::Upload { case_id, file }) => {
            let op = "UpdateIncidentPhotos";
            let jpeg = args::read_input(op, &file)?;
            affiliate(ctx)?
                .photos()
                .upload(&case_id, jpeg)
                .await
                .cli(op)?;
            out.done(op)
        }
        Cmd::Photos(Photos::List { case_id }) => {
            let client = affiliate(ctx)?;
            let mut q = client.photos().list();
            if let Some(id) = case_id {
                q = q.case_id(id);
            }
            out.emit(&q.send().await.cli("GetIncidentPhotos")?)
        }
        Cmd::Fleet(Fleet::List) => {
            out.emit(&workshop(ctx)?.trucks().list().await.cli("GetTrucks")?)
        }
        Cmd::Fleet(Fleet::UpdatePosition(body)) => {
            let op = "UpdateTruckCoordinate";
            let update: TruckPositionUpdate = args::read_body(op, &body.body)?;
            out.emit(
                &workshop(ctx)?
                    .trucks()
                    .update_position(&update)
                    .await
                    .cli(op)?,
            )
        }
        Cmd::Drivers(Drivers::List) => {
            out.emit(&workshop(ctx)?.drivers().list().await.cli("GetDrivers")?)
        }
        Cmd::Claims(Claims::List { from, to }) => {
            let client = workshop(ctx)?;
            let mut q = client.claims().list();
            if let Some(d) = from {
                q = q.accident_from(d);
            }
            if let Some(d) = to {
                q = q.accident_to(d);
            }
            out.emit(&q.send().await.cli("GetClaims")?)
        }
        Cmd::Claims(Claims::Get { key }) => out.emit(
            &workshop(ctx)?
                .claims()
                .get(&key)
                .await
                .cli("GetClaimDetail")?,
        ),
    }
}

async fn cases(cmd: Cases, ctx: &Ctx) -> Result<(), CliError> {
    let out = &ctx.out;
    let client = affiliate(ctx)?;
    let cases = client.cases();
    match cmd {
        Cases::CreateInitial(body) => {
            let op = "InitialCallCentreCase";
            let req: InitialCaseRequest = args::read_body(op, &body.body)?;
            let id = cases.create_initial(&req).await.cli(op)?;
            out.emit(&serde_json::json!({ "CaseID": id }))
        }
        Cases::Create(body) => {
            let op = "CreateCase";
            let req: CreateCaseRequest = args::read_body(op, &body.body)?;
            let id = cases.create(&req).await.cli(op)?;
            out.emit(&serde_json::json!({ "CaseID": id }))
        }
        Cases::Get { case_id } => out.emit(&cases.get(&case_id).await.cli("GetCaseDetails")?),
        Cases::Resolve { case_id } => {
            cases
                .mark_resolved(&case_id)
                .await
                .cli("UpdateCaseResolved")?;
            out.done("UpdateCaseResolved")
        }
        Cases::Rate {
            case_id,
            rating,
            remarks,
        } => {
            let op = "UpdateCallerSatisfactionRating";
            cases.rate(&case_id, rating, &remarks).await.cli(op)?;
            out.done(op)
        }
        Cases::Arrived { case_id, at } => {
            let op = "UpdateArrivalTime";
            let at = at.unwrap_or_else(chrono::Utc::now);
            cases.set_arrival_time(&case_id, at).await.cli(op)?;
            out.done(op)
        }
        Cases::Cancel {
            case_id,
            check_only,
        } => {
            let result = if check_only {
                cases.quote_cancellation(&case_id).await
            } else {
                cases.cancel(&case_id).await
            };
            out.emit(&result.cli("CancelCase")?)
        }
        Cases::Status { case_id } => out.emit(&cases.status(&case_id).await.cli("GetCaseStatus")?),
        Cases::List {
            body,
            vehicle,
            from,
            to,
        } => {
            let op = "GetListOfCases";
            let mut q = cases.list();
            if let Some(path) = &body.body {
                let filter: CaseListFilter = args::read_body(op, path)?;
                q = q.filter(filter);
            }
            if let Some(v) = vehicle {
                q = q.vehicle_number(v);
            }
            if let Some(f) = from {
                q = q.created_from(f);
            }
            if let Some(t) = to {
                q = q.created_to(t);
            }
            out.emit(&q.send().await.cli(op)?)
        }
    }
}

async fn lookups(cmd: Lookups, ctx: &Ctx) -> Result<(), CliError> {
    let out = &ctx.out;
    let client = affiliate(ctx)?;
    let l = client.lookups();
    match cmd {
        Lookups::States => out.emit(&l.states().await.cli("GetStates")?),
        Lookups::Areas { state_id } => out.emit(&l.areas(&state_id).await.cli("GetAreas")?),
        Lookups::Workshops { area_id } => {
            out.emit(&l.workshops(&area_id).await.cli("GetListOfWorkshop")?)
        }
        Lookups::RsaWorkshops { area_id } => out.emit(
            &l.rsa_workshops(&area_id)
                .await
                .cli("GetListOfRsaWorkshop")?,
        ),
        Lookups::CarMakes => out.emit(&l.car_makes().await.cli("GetCarMakes")?),
        Lookups::NatureOfCalls => out.emit(&l.nature_of_calls().await.cli("GetNatureOfCalls")?),
        Lookups::ServicesNeeded { nature_of_call_id } => out.emit(
            &l.services_needed(&nature_of_call_id)
                .await
                .cli("GetServiceNeeded")?,
        ),
        Lookups::PunctureTypes => out.emit(&l.puncture_types().await.cli("GetTypeOfPunctures")?),
        Lookups::BreakdownCauses => {
            out.emit(&l.breakdown_causes().await.cli("GetBreakdownCauses")?)
        }
    }
}
