//! One read and one create per vendor, with the real clients, and the sandbox's count of
//! records a single create left twice. Setup calls (logins, lookups a create needs) run with
//! faults off; the soak turns them on.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use partner_core::ClientOptions;

use super::{CallOutcome, ChaosConfig, Workload, kind_of};
use crate::{Sandbox, SandboxError, Vendor};

fn outcome<T, E: std::fmt::Debug>(r: Result<T, E>) -> CallOutcome {
    match r {
        Ok(_) => CallOutcome::Ok,
        Err(e) => CallOutcome::Failed(kind_of(&e)),
    }
}

/// Runs one client call and says how it ended and how long it took.
async fn timed_outcome<T, E: std::fmt::Debug>(
    call: impl std::future::Future<Output = Result<T, E>>,
) -> (CallOutcome, Duration) {
    let (r, latency) = timed(call).await;
    (outcome(r), latency)
}

/// Runs one client call, timing only the call (not the harness's turn-taking around it).
async fn timed<T>(call: impl std::future::Future<Output = T>) -> (T, Duration) {
    let start = tokio::time::Instant::now();
    let out = call.await;
    (out, start.elapsed())
}

fn setup_failed<E: std::error::Error + Send + Sync + 'static>(
    vendor: Vendor,
    step: &'static str,
) -> impl FnOnce(E) -> SandboxError {
    move |e| SandboxError::Tour {
        vendor: vendor.name(),
        step,
        source: Box::new(e),
    }
}

/// Records left more than once for the same key.
fn repeated<I: IntoIterator<Item = String>>(keys: I) -> u64 {
    let mut seen: HashMap<String, u64> = HashMap::new();
    for k in keys {
        *seen.entry(k).or_default() += 1;
    }
    seen.values().map(|n| n.saturating_sub(1)).sum()
}

pub(super) async fn workload(
    sandbox: &Sandbox,
    vendor: Vendor,
    config: &ChaosConfig,
) -> Result<Box<dyn Workload>, SandboxError> {
    let options = ClientOptions::new()
        .base_url(sandbox.base_url(vendor))
        .deadline(config.deadline)
        .timeout(config.attempt_timeout);
    // Setup without faults, then the soak with them.
    let faults = sandbox.faults(vendor);
    let chaos = faults.config();
    faults.clear();
    let workload: Box<dyn Workload> = match vendor {
        Vendor::CarFix => Box::new(carfix(options).await?),
        Vendor::Jifeline => Box::new(jifeline(options).await?),
        Vendor::Claire => Box::new(claire(options)?),
        Vendor::BigFix => Box::new(bigfix(options).await?),
        Vendor::ShipInsure => Box::new(shipinsure(sandbox, options)?),
    };
    faults.set(chaos)?;
    Ok(workload)
}

// ---- CarFix: states (3.12) and Create Case (3.3), one vehicle number per create.

struct Carfix {
    client: carfix_client::AffiliateClient,
    case: Arc<dyn Fn(usize) -> carfix_client::CreateCaseRequest + Send + Sync>,
}

async fn carfix(options: ClientOptions) -> Result<Carfix, SandboxError> {
    use carfix_client::{
        AffiliateClient, CaseInfo, Coordinate, CreateCaseRequest, LookupItem, ServiceInfo,
    };
    const V: Vendor = Vendor::CarFix;
    let client = AffiliateClient::builder()
        .options(options)
        .credentials(
            crate::carfix::DEMO_AFFILIATE_USERNAME,
            crate::carfix::DEMO_AFFILIATE_KEY,
        )
        .build()
        .map_err(setup_failed(V, "build the client"))?;
    let lookups = client.lookups();
    // The first item of a lookup answer, or a setup failure naming the step.
    fn first<T: Clone, E: std::error::Error + Send + Sync + 'static>(
        answer: Result<Vec<T>, E>,
        step: &'static str,
    ) -> Result<T, SandboxError> {
        let items = answer.map_err(setup_failed(V, step))?;
        items
            .first()
            .cloned()
            .ok_or_else(|| crate::tour::unexpected(V, step, "no item"))
    }
    let states = lookups.states().await.map_err(setup_failed(V, "states"))?;
    let state = LookupItem::find_in(&states, "Negeri Sembilan")
        .cloned()
        .ok_or_else(|| crate::tour::unexpected(V, "states", "no Negeri Sembilan"))?;
    let area = first(lookups.areas(&state.id).await, "areas")?;
    let nature = first(lookups.nature_of_calls().await, "natures")?;
    let service = first(lookups.services_needed(&nature.id).await, "services")?;
    let cause = first(lookups.breakdown_causes().await, "causes")?;
    let here = Coordinate::new(2.725889, 101.9378239).map_err(setup_failed(V, "coordinate"))?;
    let case = move |i: usize| {
        CreateCaseRequest::new(
            CaseInfo::new(
                format!("CX{i:05}").as_str(),
                &nature.id,
                &service.id,
                "60123456789",
            )
            .vehicle("PERODUA", "PERODUA MYVI 1.3EZ1", "Manual")
            .caller_name("Chaos"),
            ServiceInfo::new(cause.id.clone()),
            "70300 SEREMBAN, NEGERI SEMBILAN, MALAYSIA",
            here,
            &state.label,
            &area.label,
        )
    };
    Ok(Carfix {
        client,
        case: Arc::new(case),
    })
}

impl Workload for Carfix {
    fn call<'a>(&'a self, _: &'a Sandbox, i: usize) -> BoxFuture<'a, (CallOutcome, Duration)> {
        async move {
            if i.is_multiple_of(2) {
                timed_outcome(self.client.lookups().states()).await
            } else {
                timed_outcome(self.client.cases().create(&(self.case)(i))).await
            }
        }
        .boxed()
    }

    fn duplicates(&self, sandbox: &Sandbox) -> u64 {
        repeated(sandbox.carfix().cases().into_iter().map(|c| c.vehicle_no))
    }
}

// ---- Jifeline: vehicle makes and Create Ticket, one VIN per create; the sandbox's operator
// finishes each ticket so the connector is free for the next.

struct Jifeline {
    client: jifeline_client::JifelineClient,
    ticket: Arc<dyn Fn(usize) -> jifeline_client::models::CreateTicket + Send + Sync>,
    creates: tokio::sync::Mutex<()>,
}

async fn jifeline(options: ClientOptions) -> Result<Jifeline, SandboxError> {
    use futures_util::TryStreamExt;
    use jifeline_client::models::{CreateTicket, PrerequisiteAnswer};
    use jifeline_client::{Credentials, JifelineClient};

    use crate::jifeline::{DEMO_CONNECTOR_ID, DEMO_CONNECTOR_UUID, DEMO_PINCODE, DEMO_VIN};
    const V: Vendor = Vendor::Jifeline;
    let uuid = DEMO_CONNECTOR_UUID
        .parse()
        .map_err(setup_failed(V, "connector uuid"))?;
    let client = JifelineClient::builder()
        .options(options)
        .credentials(Credentials::connector_uuid(uuid, DEMO_PINCODE))
        .build()
        .map_err(setup_failed(V, "build the client"))?;
    let vehicle = client
        .vehicles()
        .search_by_vin(DEMO_VIN)
        .await
        .map_err(setup_failed(V, "search by VIN"))?;
    let (Some(model), Some(variant)) = (&vehicle.model, &vehicle.model_variant) else {
        return Err(crate::tour::unexpected(V, "search by VIN", "no model"));
    };
    let (model, variant) = (model.id, variant.id);
    let products: Vec<_> = client
        .products()
        .list(model, variant)
        .limit(20)
        .stream()
        .try_collect()
        .await
        .map_err(setup_failed(V, "products"))?;
    let chosen: Vec<i64> = products.iter().take(2).map(|p| p.id).collect();
    let prerequisites = client
        .products()
        .prerequisites(model, variant, &chosen)
        .send()
        .await
        .map_err(setup_failed(V, "prerequisites"))?;
    let answers: Vec<i64> = prerequisites.result.iter().map(|p| p.id).collect();
    let ticket = move |i: usize| {
        let mut t = CreateTicket::new(
            format!("CHAOS{i:012}").as_str(),
            model,
            variant,
            DEMO_CONNECTOR_ID,
            chosen.clone(),
        );
        for id in &answers {
            t = t.answer(PrerequisiteAnswer::new(*id, "true"));
        }
        t
    };
    Ok(Jifeline {
        client,
        ticket: Arc::new(ticket),
        creates: tokio::sync::Mutex::new(()),
    })
}

impl Workload for Jifeline {
    fn call<'a>(
        &'a self,
        sandbox: &'a Sandbox,
        i: usize,
    ) -> BoxFuture<'a, (CallOutcome, Duration)> {
        async move {
            if i.is_multiple_of(2) {
                return timed_outcome(self.client.vehicles().makes().send()).await;
            }
            // One active ticket per connector: creates take turns, and the operator finishes
            // whatever the create left (even when its answer was lost).
            let _turn = self.creates.lock().await;
            let result = timed_outcome(self.client.tickets().create(&(self.ticket)(i))).await;
            for t in sandbox.jifeline().tickets() {
                sandbox.jifeline().finish_ticket(t.id);
            }
            result
        }
        .boxed()
    }

    fn duplicates(&self, sandbox: &Sandbox) -> u64 {
        repeated(sandbox.jifeline().tickets().into_iter().map(|t| t.vin))
    }
}

// ---- Claire: locations and webhook creation (a create whose resend would leave two).

struct Claire {
    client: claire_client::ClaireClient,
    creates: tokio::sync::Mutex<()>,
}

fn claire(options: ClientOptions) -> Result<Claire, SandboxError> {
    use claire_client::{ClaireClient, SecretString};
    let client = ClaireClient::builder()
        .options(options)
        .api_key(SecretString::from(crate::claire::DEMO_API_KEY))
        .build()
        .map_err(setup_failed(Vendor::Claire, "build the client"))?;
    Ok(Claire {
        client,
        creates: tokio::sync::Mutex::new(()),
    })
}

impl Workload for Claire {
    fn call<'a>(
        &'a self,
        sandbox: &'a Sandbox,
        i: usize,
    ) -> BoxFuture<'a, (CallOutcome, Duration)> {
        use claire_client::{Webhook, WebhookTriggerId};
        async move {
            if i.is_multiple_of(2) {
                timed_outcome(self.client.locations().list()).await
            } else {
                let hook = Webhook::new(
                    format!("chaos {i}").as_str(),
                    WebhookTriggerId::PublicApiAppointmentImported,
                    "https://example.com/chaos",
                );
                // Creates take turns, and the dealer deletes what each left, so the per-key
                // limit of webhooks never refuses the next.
                let _turn = self.creates.lock().await;
                let result = timed_outcome(self.client.webhooks().create(&hook)).await;
                sandbox.claire().clear_webhooks();
                result
            }
        }
        .boxed()
    }

    fn duplicates(&self, sandbox: &Sandbox) -> u64 {
        repeated(sandbox.claire().webhook_log())
    }
}

// ---- BigFix: order tracking and single repair orders, one reference per create. The vendor
// refuses a repeated reference (409), so a resend shows as a `Duplicate` answer to a reference
// sent once: that is what is counted.

const TRACKED: &str = "CHAOS-TRACKED";

struct Bigfix {
    client: bigfix_client::BigfixClient,
    resent: std::sync::atomic::AtomicU64,
}

async fn bigfix(options: ClientOptions) -> Result<Bigfix, SandboxError> {
    use bigfix_client::{BigfixClient, SecretString};
    let client = BigfixClient::builder()
        .options(options)
        .api_key(SecretString::from(crate::bigfix::DEMO_API_KEY))
        .jwt(SecretString::from(crate::bigfix::DEMO_JWT))
        .build()
        .map_err(setup_failed(Vendor::BigFix, "build the client"))?;
    // The order the reads track.
    client
        .orders()
        .create(&crate::tour::bigfix_order(TRACKED))
        .await
        .map_err(setup_failed(Vendor::BigFix, "create the tracked order"))?;
    Ok(Bigfix {
        client,
        resent: Default::default(),
    })
}

impl Workload for Bigfix {
    fn call<'a>(&'a self, _: &'a Sandbox, i: usize) -> BoxFuture<'a, (CallOutcome, Duration)> {
        async move {
            if i.is_multiple_of(2) {
                return timed_outcome(self.client.tracking().get(TRACKED)).await;
            }
            let order = crate::tour::bigfix_order(&format!("CHAOS-{i:06}"));
            let (result, latency) = timed(self.client.orders().create(&order)).await;
            if matches!(&result, Err(e) if kind_of(e) == "Duplicate") {
                self.resent
                    .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
            (outcome(result), latency)
        }
        .boxed()
    }

    fn duplicates(&self, _: &Sandbox) -> u64 {
        self.resent.load(std::sync::atomic::Ordering::SeqCst)
    }
}

// ---- ShipInsure: it documents no read, so every call submits a delivery (one tracking
// number each); a resend answers 409, counted as for BigFix.

struct ShipInsure {
    client: shipinsure_client::ShipInsureClient,
    resent: std::sync::atomic::AtomicU64,
}

fn shipinsure(_: &Sandbox, options: ClientOptions) -> Result<ShipInsure, SandboxError> {
    use shipinsure_client::{EnvironmentConfig, ShipInsureClient};
    let base = options.base_url_value().unwrap_or_default().to_owned();
    let client = ShipInsureClient::builder(EnvironmentConfig::staging(
        base,
        crate::shipinsure::DEMO_API_TOKEN_KEY,
    ))
    .options(options)
    .build()
    .map_err(setup_failed(Vendor::ShipInsure, "build the client"))?;
    Ok(ShipInsure {
        client,
        resent: Default::default(),
    })
}

impl Workload for ShipInsure {
    fn call<'a>(&'a self, _: &'a Sandbox, i: usize) -> BoxFuture<'a, (CallOutcome, Duration)> {
        use shipinsure_client::{Addresses, Amounts, Customer, Goods, SubmitDeliveryRequest};
        async move {
            let order = SubmitDeliveryRequest::new(
                format!("CHAOS{i:06}").as_str(),
                "ahasme",
                Customer::new("Nguyen Van A", "0901234567"),
                Addresses::new("12 Le Loi, District 1", "45 Hai Ba Trung, District 3"),
                Goods::new("electronics", "Bluetooth speaker", 1),
                Amounts::new(0, 1_500_000, 15_000),
                Utc::now(),
            );
            let (result, latency) = timed(self.client.deliveries().submit(&order)).await;
            if matches!(&result, Err(e) if kind_of(e) == "Duplicate") {
                self.resent
                    .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
            (outcome(result), latency)
        }
        .boxed()
    }

    fn duplicates(&self, sandbox: &Sandbox) -> u64 {
        self.resent.load(std::sync::atomic::Ordering::SeqCst)
            + repeated(
                sandbox
                    .shipinsure()
                    .policies()
                    .into_iter()
                    .map(|p| p.tracking_number),
            )
    }
}
