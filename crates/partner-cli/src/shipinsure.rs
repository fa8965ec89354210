//! `partner shipinsure ...`: insure a delivery (API #1), report tracking events (API #2),
//! cancel a policy (API #3). Every call is signed by the client from the profile's
//! `api_token_key`.

use clap::Subcommand;
use shipinsure_client::{
    CancelDeliveryRequest, Environment, EnvironmentConfig, ShipInsureClient, SubmitDeliveryRequest,
    TrackingDetailRequest,
};

use crate::args::{self, Body};
use crate::context::Ctx;
use crate::error::{CliError, IntoCli};

/// shipinsure commands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Delivery insurance: submit an order (API #1), cancel its policy (API #3).
    #[command(subcommand)]
    Deliveries(Deliveries),
    /// Tracking events (API #2).
    #[command(subcommand)]
    Tracking(Tracking),
}

/// Delivery commands.
#[derive(Debug, Subcommand)]
pub enum Deliveries {
    /// API #1 Submit SME Delivery from a JSON body; prints the policy.
    Submit(Body),
    /// API #3 Cancel SME Delivery Order from a JSON body.
    Cancel(Body),
}

/// Tracking commands.
#[derive(Debug, Subcommand)]
pub enum Tracking {
    /// API #2 insert tracking detail from a JSON body.
    Insert(Body),
}

fn client(ctx: &Ctx) -> Result<ShipInsureClient, CliError> {
    let p = &ctx.profile.shipinsure;
    let environment = match p.environment.as_deref().map(str::trim) {
        None | Some("") | Some("staging") => Environment::Staging,
        Some("production") => Environment::Production,
        Some(other) => {
            return Err(CliError::config(format!(
                "shipinsure.environment is `{other}`; expected `staging` or `production`"
            )));
        }
    };
    let base_url = p.base_url.clone().ok_or_else(|| {
        CliError::config(
            "no base URL configured for shipinsure (set shipinsure.base_url in the profile or SHIPINSURE_BASE_URL)",
        )
    })?;
    let key = p.api_token_key.clone().unwrap_or_default();
    let mut b = ShipInsureClient::builder(EnvironmentConfig::new(environment, base_url, key));
    for (op, path) in &p.paths {
        // An unknown name fails when the client is built, naming the operation.
        b = b.override_path(op, path);
    }
    if let Some(t) = ctx.profile.timeout() {
        b = b.timeout(t);
    }
    b = b.strictness(ctx.strictness);
    b.build()
        .cli("shipinsure")
        .map_err(|e| e.configuring("shipinsure"))
}

/// Runs a shipinsure command.
pub async fn run(cmd: Cmd, ctx: &Ctx) -> Result<(), CliError> {
    let out = &ctx.out;
    match cmd {
        Cmd::Deliveries(Deliveries::Submit(b)) => {
            let op = "SubmitSmeDelivery";
            let req: SubmitDeliveryRequest = args::read_body(op, &b.body)?;
            out.emit(&client(ctx)?.deliveries().submit(&req).await.cli(op)?)
        }
        Cmd::Deliveries(Deliveries::Cancel(b)) => {
            let op = "CancelSmeDeliveryOrder";
            let req: CancelDeliveryRequest = args::read_body(op, &b.body)?;
            out.emit(&client(ctx)?.deliveries().cancel(&req).await.cli(op)?)
        }
        Cmd::Tracking(Tracking::Insert(b)) => {
            let op = "InsertTrackingDetail";
            let req: TrackingDetailRequest = args::read_body(op, &b.body)?;
            out.emit(&client(ctx)?.tracking().insert(&req).await.cli(op)?)
        }
    }
}
