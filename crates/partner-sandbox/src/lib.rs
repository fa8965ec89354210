//! # partner-sandbox
//!
//! The five partner APIs (CarFix, Jifeline, Claire, BigFix, shipinsure) running locally,
//! with state, like stripe-mock or LocalStack: develop and test against them without vendor
//! credentials.
//!
//! ```no_run
//! # async fn run() -> Result<(), partner_sandbox::SandboxError> {
//! use partner_sandbox::{Sandbox, Vendor};
//! let sandbox = Sandbox::start().await?;
//! println!("shipinsure at {}", sandbox.base_url(Vendor::ShipInsure));
//! // ... point a client at it; the servers stop when `sandbox` drops.
//! # Ok(()) }
//! ```
//!
//! Each vendor gets its own port on 127.0.0.1 and answers at the default paths of its
//! client crate's `OPERATIONS` table. Faults (latency, 500/503, 429 storms, dropped
//! connections) are set per vendor at start ([`SandboxBuilder::faults`]) or while running
//! ([`Sandbox::faults`]). See `docs/sandbox.md` for what each vendor emulates.

pub mod bigfix;
pub mod carfix;
pub mod chaos;
pub mod claire;
pub mod error;
mod fault_layer;
pub mod faults;
pub mod jifeline;
mod multipart;
pub mod recording;
mod server;
pub mod shipinsure;
pub mod tour;

use std::collections::BTreeMap;
use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

pub use error::SandboxError;
pub use faults::{Fault, FaultConfig, FaultStats, Faults};

use server::{Server, VendorApi};

/// The emulated vendors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Vendor {
    /// BigFix device repair orders.
    BigFix,
    /// CarFix roadside assistance (Affiliate and Workshop APIs).
    CarFix,
    /// Claire dealer workshop appointments and webhooks.
    Claire,
    /// Jifeline remote vehicle diagnostics.
    Jifeline,
    /// shipinsure delivery insurance.
    ShipInsure,
}

impl Vendor {
    /// Every vendor, in the order they are served and toured.
    pub const ALL: [Vendor; 5] = [
        Vendor::BigFix,
        Vendor::CarFix,
        Vendor::Claire,
        Vendor::Jifeline,
        Vendor::ShipInsure,
    ];

    /// The operation table of the vendor's client crate (the routes the sandbox serves).
    pub fn operations(self) -> &'static [partner_core::Operation] {
        match self {
            Vendor::BigFix => bigfix_client::OPERATIONS,
            Vendor::CarFix => carfix_client::OPERATIONS,
            Vendor::Claire => claire_client::OPERATIONS,
            Vendor::Jifeline => jifeline_client::OPERATIONS,
            Vendor::ShipInsure => shipinsure_client::OPERATIONS,
        }
    }

    /// The vendor's name as the client crates spell it.
    pub const fn name(self) -> &'static str {
        match self {
            Vendor::BigFix => "bigfix",
            Vendor::CarFix => "carfix",
            Vendor::Claire => "claire",
            Vendor::Jifeline => "jifeline",
            Vendor::ShipInsure => "shipinsure",
        }
    }
}

impl std::str::FromStr for Vendor {
    type Err = SandboxError;

    /// A vendor by its name (`claire`, `shipinsure`, ...; any case).
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Vendor::ALL
            .into_iter()
            .find(|v| v.name().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| SandboxError::UnknownVendor(name.to_owned()))
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Configures a [`Sandbox`] before it starts.
#[derive(Debug, Clone)]
pub struct SandboxBuilder {
    seed: u64,
    faults: BTreeMap<Vendor, FaultConfig>,
    ports: BTreeMap<Vendor, u16>,
    vendors: Vec<Vendor>,
    claire: claire::ClaireConfig,
    bigfix: bigfix::BigfixConfig,
    jifeline: jifeline::JifelineConfig,
    carfix: carfix::CarfixConfig,
    record: bool,
}

impl Default for SandboxBuilder {
    fn default() -> Self {
        SandboxBuilder {
            seed: 0x5EED,
            faults: BTreeMap::new(),
            ports: BTreeMap::new(),
            vendors: Vendor::ALL.to_vec(),
            claire: claire::ClaireConfig::default(),
            bigfix: bigfix::BigfixConfig::default(),
            jifeline: jifeline::JifelineConfig::default(),
            carfix: carfix::CarfixConfig::default(),
            record: false,
        }
    }
}

impl SandboxBuilder {
    /// Keeps every answered call, for [`Sandbox::recorded`] (`cargo xtask fixtures --record`).
    /// Off by default: a long-running sandbox would hold every call in memory.
    pub fn record(mut self, on: bool) -> Self {
        self.record = on;
        self
    }

    /// The seed of the random faults (each vendor derives its own from it).
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Random faults for `vendor` from the start.
    pub fn faults(mut self, vendor: Vendor, config: FaultConfig) -> Self {
        self.faults.insert(vendor, config);
        self
    }

    /// A fixed port for `vendor` (default: an ephemeral one).
    pub fn port(mut self, vendor: Vendor, port: u16) -> Self {
        self.ports.insert(vendor, port);
        self
    }

    /// Serves only these vendors.
    pub fn only(mut self, vendors: &[Vendor]) -> Self {
        self.vendors = vendors.to_vec();
        self
    }

    /// Claire's rate limit (default: the documented 10,800 requests an hour).
    pub fn claire(mut self, config: claire::ClaireConfig) -> Self {
        self.claire = config;
        self
    }

    /// BigFix's field rules (default: the strict documented ones).
    pub fn bigfix(mut self, config: bigfix::BigfixConfig) -> Self {
        self.bigfix = config;
        self
    }

    /// Jifeline's token lifetime (default one hour).
    pub fn jifeline(mut self, config: jifeline::JifelineConfig) -> Self {
        self.jifeline = config;
        self
    }

    /// CarFix's token lifetime (default 60 hours, as documented).
    pub fn carfix(mut self, config: carfix::CarfixConfig) -> Self {
        self.carfix = config;
        self
    }

    /// Starts the servers on the current Tokio runtime.
    pub async fn start(self) -> Result<Sandbox, SandboxError> {
        for config in self.faults.values() {
            config.validate()?;
        }
        let mut running = BTreeMap::new();
        for vendor in self.vendors {
            let vendor_seed = self.seed ^ (vendor as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            let (api, emulation): (Arc<dyn VendorApi>, Emulation) = match vendor {
                Vendor::BigFix => {
                    let api = Arc::new(bigfix::BigfixSandbox::new(self.bigfix, vendor_seed));
                    (api.clone(), Emulation::BigFix(api))
                }
                Vendor::CarFix => {
                    let api =
                        Arc::new(carfix::CarfixSandbox::new(self.carfix.clone(), vendor_seed));
                    (api.clone(), Emulation::CarFix(api))
                }
                Vendor::Jifeline => {
                    let api = Arc::new(jifeline::JifelineSandbox::new(self.jifeline.clone()));
                    (api.clone(), Emulation::Jifeline(api))
                }
                Vendor::Claire => {
                    let api = Arc::new(claire::ClaireSandbox::new(self.claire.clone()));
                    (api.clone(), Emulation::Claire(api))
                }
                Vendor::ShipInsure => {
                    let api = Arc::new(shipinsure::ShipInsureSandbox::new(
                        shipinsure::DEMO_API_TOKEN_KEY,
                    ));
                    (api.clone(), Emulation::ShipInsure(api))
                }
            };
            let faults = Arc::new(Faults::new(
                self.faults.get(&vendor).cloned().unwrap_or_default(),
                vendor_seed,
            ));
            let port = self.ports.get(&vendor).copied().unwrap_or(0);
            let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
            let recorder = self
                .record
                .then(|| Arc::new(recording::Recorder::default()));
            let router = server::router(api, Arc::clone(&faults), recorder.clone());
            let server = Server::start(vendor, addr, router).await?;
            running.insert(
                vendor,
                Running {
                    base_url: format!("http://{}", server.addr()),
                    faults,
                    emulation,
                    recorder,
                    _server: server,
                },
            );
        }
        Ok(Sandbox { running })
    }
}

/// The typed state handle of each vendor, for tests that look inside.
#[derive(Debug)]
enum Emulation {
    BigFix(Arc<bigfix::BigfixSandbox>),
    CarFix(Arc<carfix::CarfixSandbox>),
    Claire(Arc<claire::ClaireSandbox>),
    Jifeline(Arc<jifeline::JifelineSandbox>),
    ShipInsure(Arc<shipinsure::ShipInsureSandbox>),
}

#[derive(Debug)]
struct Running {
    base_url: String,
    faults: Arc<Faults>,
    emulation: Emulation,
    recorder: Option<Arc<recording::Recorder>>,
    _server: Server,
}

/// The running sandbox. Dropping it stops every server.
pub struct Sandbox {
    running: BTreeMap<Vendor, Running>,
}

impl fmt::Debug for Sandbox {
    // The emulators hold keys and issued tokens, and the recordings hold credential headers
    // and login bodies: print where each vendor is served, nothing of its state.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for vendor in self.vendors() {
            map.entry(&vendor.name(), &self.base_url(vendor));
        }
        map.finish()
    }
}

impl Sandbox {
    /// Starts every vendor on ephemeral 127.0.0.1 ports, with no faults.
    pub async fn start() -> Result<Sandbox, SandboxError> {
        Self::builder().start().await
    }

    /// A builder for seeds, faults, ports and vendor selection.
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::default()
    }

    fn running(&self, vendor: Vendor) -> &Running {
        self.running.get(&vendor).unwrap_or_else(|| {
            panic!("{vendor} is not served by this sandbox (see SandboxBuilder::only)")
        })
    }

    /// The vendors being served.
    pub fn vendors(&self) -> Vec<Vendor> {
        self.running.keys().copied().collect()
    }

    /// The base URL of `vendor` (such as `http://127.0.0.1:40123`).
    ///
    /// # Panics
    /// If `vendor` was left out with [`SandboxBuilder::only`].
    pub fn base_url(&self, vendor: Vendor) -> &str {
        &self.running(vendor).base_url
    }

    /// Every call of `vendor` answered so far, when started with
    /// [`SandboxBuilder::record`] (empty otherwise).
    ///
    /// # Panics
    /// If `vendor` was left out with [`SandboxBuilder::only`].
    pub fn recorded(&self, vendor: Vendor) -> Vec<recording::Exchange> {
        self.running(vendor)
            .recorder
            .as_ref()
            .map(|r| r.all())
            .unwrap_or_default()
    }

    /// The fault settings of `vendor`, changeable while running.
    ///
    /// # Panics
    /// If `vendor` was left out with [`SandboxBuilder::only`].
    pub fn faults(&self, vendor: Vendor) -> &Faults {
        &self.running(vendor).faults
    }

    /// The demo credentials of `vendor`, as (name, value) pairs to print or pass on.
    pub fn credentials(&self, vendor: Vendor) -> Vec<(&'static str, String)> {
        match vendor {
            Vendor::BigFix => vec![
                (
                    "X-API-Key (bulk, template, tracking)",
                    bigfix::DEMO_API_KEY.to_owned(),
                ),
                (
                    "JWT (single orders, Authorization: Bearer)",
                    bigfix::DEMO_JWT.to_owned(),
                ),
            ],
            Vendor::CarFix => vec![
                (
                    "Affiliate clientusername",
                    carfix::DEMO_AFFILIATE_USERNAME.to_owned(),
                ),
                ("Affiliate clientkey", carfix::DEMO_AFFILIATE_KEY.to_owned()),
                (
                    "Workshop clientusername",
                    carfix::DEMO_WORKSHOP_USERNAME.to_owned(),
                ),
                ("Workshop clientkey", carfix::DEMO_WORKSHOP_KEY.to_owned()),
            ],
            Vendor::Jifeline => vec![
                ("connector UUID", jifeline::DEMO_CONNECTOR_UUID.to_owned()),
                ("connector id", jifeline::DEMO_CONNECTOR_ID.to_string()),
                ("pincode", jifeline::DEMO_PINCODE.to_owned()),
                ("OTP", jifeline::DEMO_OTP.to_owned()),
                ("demo VIN", jifeline::DEMO_VIN.to_owned()),
                ("voucher (10 % off)", jifeline::DEMO_VOUCHER.to_owned()),
            ],
            Vendor::Claire => vec![
                (
                    "API key (Authorization header or ?api_key=)",
                    claire::DEMO_API_KEY.to_owned(),
                ),
                ("dealer id", claire::DEMO_DEALER_ID.0.to_string()),
                (
                    "location ids",
                    claire::DEMO_LOCATIONS
                        .iter()
                        .map(|(id, _)| id.0.to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ],
            Vendor::ShipInsure => {
                vec![("api_token_key", shipinsure::DEMO_API_TOKEN_KEY.to_owned())]
            }
        }
    }
}

/// The typed state accessors of [`Sandbox`], one per vendor.
macro_rules! state_accessors {
    ($($(#[$doc:meta])* $method:ident => $variant:ident: $ty:ty;)*) => {
        impl Sandbox {
            $(
                $(#[$doc])*
                ///
                /// # Panics
                /// If the vendor was left out with [`SandboxBuilder::only`].
                pub fn $method(&self) -> &$ty {
                    match &self.running(Vendor::$variant).emulation {
                        Emulation::$variant(api) => api,
                        _ => unreachable!("each vendor runs its own emulation"),
                    }
                }
            )*
        }
    };
}

state_accessors! {
    /// The shipinsure state.
    shipinsure => ShipInsure: shipinsure::ShipInsureSandbox;
    /// The BigFix state.
    bigfix => BigFix: bigfix::BigfixSandbox;
    /// The CarFix state.
    carfix => CarFix: carfix::CarfixSandbox;
    /// The Jifeline state.
    jifeline => Jifeline: jifeline::JifelineSandbox;
    /// The Claire state.
    claire => Claire: claire::ClaireSandbox;
}

/// The README's example compiles as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
