//! What a typed call costs over bare reqwest, measured side by side in one process.
//!
//! A minimal hyper server on loopback (its own thread) answers one read per vendor with
//! fixed bytes. The client side runs on a current-thread tokio runtime on the main thread, so
//! the CPU clock of that thread (the account `getrusage(RUSAGE_THREAD)` reads) is the
//! client's CPU: building the request, the HTTP client's half (hyper's pooled client for the
//! vendor clients' default transport, reqwest over it for the bare side), reading the answer
//! and decoding it.
//!
//! For every vendor, each round runs `CALLS` sequential calls through the vendor client
//! (every feature on: credentials, quota tracking where the vendor has one, the retry
//! wrapper, the tracing span, path-aware errors) and `CALLS` through a bare `reqwest::Client`
//! sending the very request the vendor client sent (captured by the server: same method,
//! URL, headers including the credential and user agent, same body) and decoding the answer
//! with `serde_json` into the same model. Within a round the sides alternate in blocks of 20
//! calls (and which goes first), so a change in the machine's state falls on both. The
//! figures are the medians over rounds of the per-call wall time and thread CPU, and the
//! median of the per-round ratios (client / bare). The CPU ratio is the stable figure on a
//! shared machine; wall time swings with the neighbours.
//!
//! `cargo bench -p partner-bench --bench overhead` (or `cargo xtask bench`);
//! `PARTNER_BENCH_ROUNDS` and `PARTNER_BENCH_CALLS` change the defaults (21 rounds of 300);
//! `PARTNER_BENCH_TRANSPORT=reqwest` puts the vendor clients over a `reqwest::Client` instead
//! of their default transport.
//! Figures of this machine: docs/PERFORMANCE.md.

use std::hint::black_box;
use std::time::{Duration, Instant, SystemTime};

use partner_bench::{Answer, Captured, Server, full_run, load_average, median, thread_cpu};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::Deserialize;

type Decode = fn(&[u8]) -> usize;

/// The bare side: a plain reqwest client replaying a captured request.
struct Bare {
    client: reqwest::Client,
    method: reqwest::Method,
    url: String,
    headers: HeaderMap,
    body: bytes_body::Body,
    decode: Decode,
}

/// The request body the bare side sends: the captured bytes, built per call the way a bare
/// reqwest user builds it (serialised from the same value, for calls that send one).
mod bytes_body {
    pub enum Body {
        Empty,
        Json {
            wire: Vec<u8>,
            encode: Box<dyn Fn() -> Vec<u8>>,
        },
    }
}

impl Bare {
    fn new(client: &reqwest::Client, base: &str, c: &Captured, decode: Decode) -> Self {
        let mut headers = HeaderMap::new();
        for (name, value) in &c.headers {
            if matches!(name.as_str(), "host" | "content-length") {
                continue;
            }
            headers.append(
                HeaderName::try_from(name.as_str()).unwrap(),
                HeaderValue::from_bytes(value).unwrap(),
            );
        }
        Bare {
            client: client.clone(),
            method: c.method.parse().unwrap(),
            url: format!("{base}{}", c.path_and_query),
            headers,
            body: bytes_body::Body::Empty,
            decode,
        }
    }

    async fn call(&self) -> usize {
        let mut builder = self
            .client
            .request(self.method.clone(), &self.url)
            .headers(self.headers.clone());
        if let bytes_body::Body::Json { wire, encode } = &self.body {
            black_box(encode());
            builder = builder.body(wire.clone());
        }
        let resp = builder.send().await.expect("bare send");
        assert!(resp.status().is_success(), "bare: {}", resp.status());
        let body = resp.bytes().await.expect("bare body");
        (self.decode)(&body)
    }
}

/// The vendor side: one read per vendor through its client.
enum Typed {
    Carfix(carfix_client::AffiliateClient),
    Jifeline(jifeline_client::JifelineClient),
    Claire(claire_client::ClaireClient),
    Bigfix(bigfix_client::BigfixClient),
    Shipinsure(
        shipinsure_client::ShipInsureClient,
        shipinsure_client::TrackingDetailRequest,
    ),
}

/// Runs `$then(call, args...)` with `call` a closure making this vendor's typed call.
/// Each vendor's call is a future of its own type and size: awaiting the enum of all five
/// would make every call as large as the largest of them and copy that on every call,
/// which is the bench's doing, not the client's.
macro_rules! with_call {
    ($typed:expr, $then:ident ( $($arg:expr),* )) => {
        match $typed {
            Typed::Carfix(c) => {
                $then(|| async move { c.lookups().states().await.expect("carfix").len() } $(, $arg)*)
                    .await
            }
            Typed::Jifeline(c) => {
                $then(|| async move {
                    let page = c.vehicles().makes().limit(20).send().await.expect("jifeline");
                    page.result.len()
                } $(, $arg)*)
                .await
            }
            Typed::Claire(c) => {
                $then(|| async move { c.locations().list().await.expect("claire").len() } $(, $arg)*)
                    .await
            }
            Typed::Bigfix(c) => {
                $then(|| async move {
                    let t = c.tracking().get(BIGFIX_REF).await.expect("bigfix");
                    t.history.len()
                } $(, $arg)*)
                .await
            }
            Typed::Shipinsure(c, req) => {
                $then(|| async move {
                    let r = c.tracking().insert(req).await.expect("shipinsure");
                    black_box(&r);
                    1
                } $(, $arg)*)
                .await
            }
        }
    };
}

/// [`measure`] with the call first (the order [`with_call`] passes it in).
async fn measure_call<F: FnMut() -> Fut, Fut: Future<Output = usize>>(
    call: F,
    calls: u32,
) -> (f64, f64) {
    measure(calls, call).await
}

/// Awaits one call.
async fn once<F: FnOnce() -> Fut, Fut: Future<Output = usize>>(call: F) -> usize {
    call().await
}

/// The size of a call's future.
async fn size_of_call<F: FnOnce() -> Fut, Fut: Future<Output = usize>>(call: F) -> usize {
    std::mem::size_of_val(&call())
}

impl Typed {
    /// The size of this vendor's call future.
    async fn future_size(&self) -> usize {
        with_call!(self, size_of_call())
    }

    /// One call (warm-up and diagnostics; the measured rounds call through [`with_call`]).
    async fn call(&self) -> usize {
        with_call!(self, once())
    }
}

struct Case {
    vendor: &'static str,
    call: &'static str,
    typed: Typed,
    bare: Bare,
    body_len: usize,
}

const BIGFIX_REF: &str = "REPAIR202611200117";

// ---------- answers (realistic sizes, shapes from the vendor documents) ----------

fn carfix_states() -> String {
    let states = [
        "Johor",
        "Kedah",
        "Kelantan",
        "Melaka",
        "Negeri Sembilan",
        "Pahang",
        "Perak",
        "Perlis",
        "Pulau Pinang",
        "Sabah",
        "Sarawak",
        "Selangor",
        "Terengganu",
        "WP Kuala Lumpur",
        "WP Labuan",
        "WP Putrajaya",
    ];
    let items: Vec<_> = states
        .iter()
        .enumerate()
        .map(|(i, s)| serde_json::json!({"id": format!("ST{:04}-{:08X}", i + 1, 0x5eed_0000 + i), "label": s}))
        .collect();
    serde_json::to_string(&items).unwrap()
}

fn jifeline_makes() -> String {
    let makes = [
        "Alfa Romeo",
        "Audi",
        "BMW",
        "Citroen",
        "Dacia",
        "Fiat",
        "Ford",
        "Honda",
        "Hyundai",
        "Kia",
        "Mazda",
        "Mercedes-Benz",
        "Mini",
        "Nissan",
        "Opel",
        "Peugeot",
        "Renault",
        "Skoda",
        "Toyota",
        "Volkswagen",
    ];
    let result: Vec<_> = makes
        .iter()
        .enumerate()
        .map(|(i, m)| serde_json::json!({"id": 10 + i, "name": m}))
        .collect();
    serde_json::json!({"result": result, "total": 234, "offset": 0, "limit": 20}).to_string()
}

fn claire_locations() -> String {
    let cities = [
        ("Utrecht", "3511 AB", "Oudegracht 12"),
        ("Amersfoort", "3811 CD", "Stationsplein 4"),
        ("Zeist", "3701 EF", "Slotlaan 210"),
        ("Nieuwegein", "3431 GH", "Industrieweg 33"),
    ];
    let items: Vec<_> = cities
        .iter()
        .enumerate()
        .map(|(i, (city, postal, street))| {
            serde_json::json!({
                "created_on": "2024-03-11T09:12:44Z",
                "updated_on": "2026-10-02T14:55:01Z",
                "id": 1201 + i,
                "NotifierKey": format!("nk-{:04}", 1201 + i),
                "dms_location_source": "keyloop",
                "name": format!("Autobedrijf De Vries {city}"),
                "commercial_name": format!("De Vries {city}"),
                "headline": "Uw onderhoud, op tijd klaar",
                "footerline": "KvK 12345678 - BTW NL001234567B01",
                "logo": format!("https://cdn.claire.example/logos/{}.png", 1201 + i),
                "company_stamp": "",
                "street": street,
                "postal_code": postal,
                "city": city,
                "country": "NL",
                "phone_nr": format!("+31 30 {:03} {:04}", 200 + i, 1000 + i),
                "DeskCheckInEnabled": i % 2 == 0,
                "IsOpenDeskCheckoutOnCarOutOfShopEnabled": false,
                "IsShareboxEnabled": i == 1,
                "IsKeyloopEventEnabled": true,
                "DMSLocationIDs": format!("{},{}", 10 + i, 20 + i),
            })
        })
        .collect();
    serde_json::to_string(&items).unwrap()
}

fn bigfix_tracking() -> String {
    serde_json::json!({
        "DATA": {
            "current_status": {"date": "23-11-2026 12:15:30", "status": "reached service centre"},
            "tracking_details": [
                {"date": "20-11-2026 10:02:11", "status": "created"},
                {"date": "20-11-2026 10:30:00", "status": "assigned"},
                {"date": "20-11-2026 11:05:42", "status": "accepted"},
                {"date": "21-11-2026 09:58:03", "status": "reached customer location - 1"},
                {"date": "21-11-2026 10:05:19", "status": "customer not in location"},
                {"date": "22-11-2026 10:12:45", "status": "reached customer location - 2"},
                {"date": "22-11-2026 10:40:00", "status": "pickup done"},
                {"date": "23-11-2026 12:15:30", "status": "reached service centre"}
            ]
        },
        "Status_code": "200",
        "Success": "True"
    })
    .to_string()
}

const SHIPINSURE_OK: &str = r#"{"status":"success","message":"Tracking detail inserted"}"#;

// ---------- bare decodes: the same models the clients return ----------

fn decode_carfix(b: &[u8]) -> usize {
    serde_json::from_slice::<Vec<carfix_client::LookupItem>>(b)
        .unwrap()
        .len()
}

fn decode_jifeline(b: &[u8]) -> usize {
    serde_json::from_slice::<jifeline_client::models::Page<jifeline_client::models::VehicleMake>>(b)
        .unwrap()
        .result
        .len()
}

fn decode_claire(b: &[u8]) -> usize {
    serde_json::from_slice::<Vec<claire_client::DealerLocation>>(b)
        .unwrap()
        .len()
}

/// BigFix's answer as a bare reqwest user would type it, with the crate's public event model.
#[derive(Deserialize)]
#[allow(dead_code)]
struct BigfixEnvelope {
    #[serde(rename = "Success")]
    success: Option<String>,
    #[serde(rename = "Status_code")]
    status_code: Option<String>,
    #[serde(rename = "DATA")]
    data: Option<BigfixData>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct BigfixData {
    current_status: Option<bigfix_client::TrackingEvent>,
    tracking_details: Option<Vec<bigfix_client::TrackingEvent>>,
}

fn decode_bigfix(b: &[u8]) -> usize {
    let env: BigfixEnvelope = serde_json::from_slice(b).unwrap();
    env.data
        .and_then(|d| d.tracking_details)
        .map_or(0, |d| d.len())
}

fn decode_shipinsure(b: &[u8]) -> usize {
    black_box(serde_json::from_slice::<shipinsure_client::TrackingDetailResponse>(b).unwrap());
    1
}

// ---------- setup ----------

/// `PARTNER_BENCH_TRANSPORT=reqwest`: the vendor clients send through a `reqwest::Client` of
/// their user's (`http_client`, what a client behind a proxy uses) instead of the default
/// transport, to see what the client adds above reqwest alone.
fn over_reqwest() -> bool {
    std::env::var("PARTNER_BENCH_TRANSPORT").is_ok_and(|t| t == "reqwest")
}

/// The vendor builder with the transport the run asks for.
macro_rules! with_transport {
    ($builder:expr) => {{
        let builder = $builder;
        if over_reqwest() {
            builder.http_client(reqwest::Client::new())
        } else {
            builder
        }
    }};
}

async fn cases(server: &Server) -> Vec<Case> {
    let base = server.base_url();
    let bare_client = reqwest::Client::new();
    let mut cases = Vec::new();

    // CarFix: GetStates (3.12), POST, bearer token from an earlier login.
    server.route(
        "/api/Affiliate/Token",
        Answer::json(
            r#"{"access_token":"bench-carfix-token","token_type":"bearer","expires_in":215999.9}"#,
        ),
    );
    let states = carfix_states();
    server.route("/api/Affiliate/GetStates", Answer::json(states.clone()));
    let carfix = with_transport!(
        carfix_client::AffiliateClient::builder()
            .base_url(&base)
            .credentials("CARFIX-REFERRED", "bench-key")
    )
    .build()
    .unwrap();
    carfix.login().await.unwrap();
    let typed = Typed::Carfix(carfix);
    typed.call().await;
    let c = server.captured("/api/Affiliate/GetStates").unwrap();
    cases.push(Case {
        vendor: "carfix",
        call: "lookups().states()",
        typed,
        bare: Bare::new(&bare_client, &base, &c, decode_carfix),
        body_len: states.len(),
    });

    // Jifeline: one page of vehicle makes, bearer token from a connector login.
    let access = jifeline_client::__unsigned_jwt(SystemTime::now() + Duration::from_secs(86_400));
    server.route(
        "/v1/login/connector-uuid",
        Answer::json(
            serde_json::json!({"id_token": "id", "access_token": access, "refresh_token": "refresh"})
                .to_string(),
        ),
    );
    let makes = jifeline_makes();
    server.route("/v1/vehicle-makes", Answer::json(makes.clone()));
    let jifeline = with_transport!(
        jifeline_client::JifelineClient::builder()
            .base_url(&base)
            .credentials(jifeline_client::Credentials::connector_uuid(
                "6ec2911c-a09a-11ee-8c90-0242ac120002".parse().unwrap(),
                "1234",
            ))
    )
    .build()
    .unwrap();
    let typed = Typed::Jifeline(jifeline);
    typed.call().await;
    let c = server.captured("/v1/vehicle-makes").unwrap();
    cases.push(Case {
        vendor: "jifeline",
        call: "vehicles().makes().send()",
        typed,
        bare: Bare::new(&bare_client, &base, &c, decode_jifeline),
        body_len: makes.len(),
    });

    // Claire: the dealer's four locations, API key header, rate-limit headers tracked.
    let locations = claire_locations();
    server.route(
        "/v1/locations",
        Answer::json(locations.clone())
            .header("x-ratelimit-limit", "10800")
            .header("x-ratelimit-remaining", "10799")
            .header("x-ratelimit-reset", "3600"),
    );
    let claire = with_transport!(
        claire_client::ClaireClient::builder()
            .base_url(&base)
            .api_key(claire_client::SecretString::from("bench-claire-key"))
    )
    .build()
    .unwrap();
    let typed = Typed::Claire(claire);
    typed.call().await;
    let c = server.captured("/v1/locations").unwrap();
    cases.push(Case {
        vendor: "claire",
        call: "locations().list()",
        typed,
        bare: Bare::new(&bare_client, &base, &c, decode_claire),
        body_len: locations.len(),
    });

    // BigFix: order tracking, X-API-Key.
    let tracking = bigfix_tracking();
    server.route(
        "/api/warrantify/claim/tracking/",
        Answer::json(tracking.clone()),
    );
    let bigfix = with_transport!(
        bigfix_client::BigfixClient::builder()
            .base_url(&base)
            .api_key(bigfix_client::SecretString::from("bench-bigfix-key"))
    )
    .build()
    .unwrap();
    let typed = Typed::Bigfix(bigfix);
    typed.call().await;
    let c = server.captured("/api/warrantify/claim/tracking/").unwrap();
    cases.push(Case {
        vendor: "bigfix",
        call: "tracking().get(id)",
        typed,
        bare: Bare::new(&bare_client, &base, &c, decode_bigfix),
        body_len: tracking.len(),
    });

    // shipinsure has no read: its cheapest call, insert tracking detail (signed POST).
    server.route("/api/v1/sme-delivery/tracking", Answer::json(SHIPINSURE_OK));
    let ship = with_transport!(shipinsure_client::ShipInsureClient::builder(
        shipinsure_client::EnvironmentConfig::staging(&base, "bench-shipinsure-key"),
    ))
    .build()
    .unwrap();
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:15:00Z")
        .unwrap()
        .to_utc();
    let event = shipinsure_client::TrackingEvent::new(at)
        .with_tracking_status("Out for delivery")
        .with_handler_name("Tran Van B")
        .with_vehicle_type("motorbike");
    let update = shipinsure_client::TrackingDetailRequest::new(
        "SME0001234",
        shipinsure_client::DeliveryStatus::InDelivery,
        vec![event],
    );
    let typed = Typed::Shipinsure(ship, update.clone());
    typed.call().await;
    let c = server.captured("/api/v1/sme-delivery/tracking").unwrap();
    let mut bare = Bare::new(&bare_client, &base, &c, decode_shipinsure);
    bare.body = bytes_body::Body::Json {
        wire: c.body.to_vec(),
        // What a bare reqwest user does for this call: serialise, sign
        // (md5(api_token_key + tracking_number)), add the signature, serialise again.
        encode: Box::new(move || {
            let mut fields = serde_json::to_value(&update).unwrap();
            let signature = partner_core::signing::md5_hex([
                "bench-shipinsure-key",
                fields["tracking_number"].as_str().unwrap(),
            ]);
            fields["signature"] = serde_json::Value::String(signature);
            serde_json::to_vec(&fields).unwrap()
        }),
    };
    cases.push(Case {
        vendor: "shipinsure",
        call: "tracking().insert() (no read)",
        typed,
        bare,
        body_len: SHIPINSURE_OK.len(),
    });
    cases
}

/// Per-call wall and thread-CPU time of `calls` sequential calls, in microseconds.
async fn measure<F: std::future::Future<Output = usize>>(
    calls: u32,
    mut f: impl FnMut() -> F,
) -> (f64, f64) {
    let cpu0 = thread_cpu();
    let t0 = Instant::now();
    for _ in 0..calls {
        black_box(f().await);
    }
    let wall = t0.elapsed();
    let cpu = thread_cpu() - cpu0;
    let per = |d: Duration| d.as_secs_f64() * 1e6 / f64::from(calls);
    (per(wall), per(cpu))
}

/// One round of `calls` per side, in blocks of [`block`] calls that alternate between the
/// sides (and which side goes first): whatever the machine does during the round (a
/// neighbour's build starting, the CPU's clock changing) falls on both sides alike, so the
/// round's ratio is steadier than that of two back-to-back runs. Per-call wall and CPU of
/// each side, summed over its blocks.
async fn interleaved(case: &Case, calls: u32, round: u32) -> ((f64, f64), (f64, f64)) {
    with_call!(&case.typed, interleaved_with(&case.bare, calls, round))
}

async fn interleaved_with<F, Fut>(
    mut typed: F,
    bare: &Bare,
    calls: u32,
    round: u32,
) -> ((f64, f64), (f64, f64))
where
    F: FnMut() -> Fut,
    Fut: Future<Output = usize>,
{
    let size = block();
    let blocks = calls.div_ceil(size).max(1);
    let mut bare_sum = (Duration::ZERO, Duration::ZERO);
    let mut typed_sum = (Duration::ZERO, Duration::ZERO);
    for block in 0..blocks {
        let bare_first = (round + block).is_multiple_of(2);
        for side in [bare_first, !bare_first] {
            let cpu0 = thread_cpu();
            let t0 = Instant::now();
            if side {
                for _ in 0..size {
                    black_box(bare.call().await);
                }
            } else {
                for _ in 0..size {
                    black_box(typed().await);
                }
            }
            let (wall, cpu) = (t0.elapsed(), thread_cpu() - cpu0);
            let sum = if side { &mut bare_sum } else { &mut typed_sum };
            sum.0 += wall;
            sum.1 += cpu;
        }
    }
    let n = f64::from(blocks * size);
    let per = |d: Duration| d.as_secs_f64() * 1e6 / n;
    (
        (per(bare_sum.0), per(bare_sum.1)),
        (per(typed_sum.0), per(typed_sum.1)),
    )
}

/// Calls per side before the bench switches to the other side (`PARTNER_BENCH_BLOCK`,
/// default 20). Short blocks put both sides under the same machine state; they also make
/// each side start its block with caches the other side's calls left, a little harder on the
/// side with more code (the client), which is how a client runs inside an application.
fn block() -> u32 {
    static BLOCK: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *BLOCK.get_or_init(|| env_u32("PARTNER_BENCH_BLOCK", 20).max(1))
}

#[derive(Default)]
struct Samples {
    bare_wall: Vec<f64>,
    bare_cpu: Vec<f64>,
    typed_wall: Vec<f64>,
    typed_cpu: Vec<f64>,
    wall_ratio: Vec<f64>,
    cpu_ratio: Vec<f64>,
}

fn env_u32(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let (rounds, calls) = if full_run() {
        (
            env_u32("PARTNER_BENCH_ROUNDS", 21),
            env_u32("PARTNER_BENCH_CALLS", 300),
        )
    } else {
        (2, 10)
    };
    let server = Server::start();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let cases = cases(&server).await;
        if std::env::var_os("PARTNER_BENCH_DIAG").is_some() {
            diagnose(&cases, calls, rounds).await;
            std::process::exit(0);
        }
        // `PARTNER_BENCH_PROFILE=typed:claire` (or `bare:claire`): only that side, for a
        // profiler (perf record) to look at.
        if let Ok(which) = std::env::var("PARTNER_BENCH_PROFILE") {
            let (side, vendor) = which.split_once(':').unwrap_or(("typed", "claire"));
            let case = cases.iter().find(|c| c.vendor == vendor).expect("vendor");
            let n = calls * rounds;
            let (wall, cpu) = if side == "bare" {
                measure(n, || case.bare.call()).await
            } else {
                with_call!(&case.typed, measure_call(n))
            };
            println!("{side} {vendor}: {n} calls, {wall:.1}us wall, {cpu:.1}us cpu per call");
            std::process::exit(0);
        }
        // Warm up both sides (pools, allocator, caches).
        for case in &cases {
            for _ in 0..calls.max(50) {
                black_box(case.typed.call().await);
                black_box(case.bare.call().await);
            }
        }
        let mut samples: Vec<Samples> = cases.iter().map(|_| Samples::default()).collect();
        for round in 0..rounds {
            for (case, s) in cases.iter().zip(&mut samples) {
                let (bare, typed) = interleaved(case, calls, round).await;
                s.bare_wall.push(bare.0);
                s.bare_cpu.push(bare.1);
                s.typed_wall.push(typed.0);
                s.typed_cpu.push(typed.1);
                s.wall_ratio.push(typed.0 / bare.0);
                s.cpu_ratio.push(typed.1 / bare.1);
            }
        }
        println!(
            "partner-bench overhead: {rounds} rounds x {calls} calls per side per vendor, \
             current-thread client, hyper server on 127.0.0.1, vendor clients over {}, \
             load average {}",
            if over_reqwest() {
                "reqwest"
            } else {
                "the default transport"
            },
            load_average()
        );
        println!(
            "{:<11} {:<30} {:>6}  {:>9} {:>9} {:>6}   {:>8} {:>8} {:>6}",
            "vendor", "call", "bytes", "bare wall", "typed", "ratio", "bare cpu", "typed", "ratio"
        );
        let mut worst: f64 = 0.0;
        for (case, s) in cases.iter().zip(&samples) {
            let cpu_ratio = median(&s.cpu_ratio);
            worst = worst.max(cpu_ratio);
            println!(
                "{:<11} {:<30} {:>6}  {:>7.1}us {:>7.1}us {:>6.3}   {:>6.1}us {:>6.1}us {:>6.3}",
                case.vendor,
                case.call,
                case.body_len,
                median(&s.bare_wall),
                median(&s.typed_wall),
                median(&s.wall_ratio),
                median(&s.bare_cpu),
                median(&s.typed_cpu),
                cpu_ratio,
            );
        }
        println!(
            "worst CPU ratio {worst:.3} (target 1.05); per-call medians over rounds, ratios are \
             medians of per-round ratios"
        );
    });
    decode_only();
}

/// The decode alone, plain serde_json against serde_path_to_error, on Claire's body.
fn decode_only() {
    let body = claire_locations();
    let n: u32 = if full_run() { 20_000 } else { 100 };
    let time = |f: &dyn Fn() -> usize| {
        let t = Instant::now();
        for _ in 0..n {
            black_box(f());
        }
        t.elapsed().as_secs_f64() * 1e6 / f64::from(n)
    };
    let plain = || decode_claire(black_box(body.as_bytes()));
    let tracked = || {
        let de = &mut serde_json::Deserializer::from_slice(black_box(body.as_bytes()));
        let v: Vec<claire_client::DealerLocation> = serde_path_to_error::deserialize(de).unwrap();
        v.len()
    };
    let core = || {
        let v: Vec<claire_client::DealerLocation> =
            partner_core::decode_json("GetLocations", black_box(body.as_bytes())).unwrap();
        v.len()
    };
    let (mut p, mut t, mut c) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        p.push(time(&plain));
        t.push(time(&tracked));
        c.push(time(&core));
    }
    println!(
        "decode of Claire's {} bytes: serde_json {:.2}us, serde_path_to_error {:.2}us, \
         partner_core::decode_json {:.2}us",
        body.len(),
        median(&p),
        median(&t),
        median(&c)
    );
}

/// `PARTNER_BENCH_DIAG=1`: what single layers cost on the bare side (Claire's call): hyper-util
/// by hand under it, a per-request timeout, a deadline around the call.
async fn diagnose(cases: &[Case], calls: u32, rounds: u32) {
    // How much state one call's future carries: every byte of it is written when the call
    // starts and moved whenever a layer moves the future.
    for case in cases {
        let bare = case.bare.call();
        println!(
            "{:<11} future size: typed {} B, bare {} B",
            case.vendor,
            case.typed.future_size().await,
            std::mem::size_of_val(&bare)
        );
    }
    let case = cases.iter().find(|c| c.vendor == "claire").expect("claire");
    let bare = &case.bare;
    let timed = || async {
        let resp = bare
            .client
            .request(bare.method.clone(), &bare.url)
            .headers(bare.headers.clone())
            .timeout(Duration::from_secs(30))
            .send()
            .await
            .unwrap();
        let body = resp.bytes().await.unwrap();
        (bare.decode)(&body)
    };
    let deadline = || async {
        let at = tokio::time::Instant::now() + Duration::from_secs(300);
        tokio::time::timeout_at(at, timed()).await.unwrap()
    };
    // hyper-util's pooled client driven by hand: the floor under both the default transport
    // and reqwest.
    let hand: hyper_util::client::legacy::Client<_, http_body_util::Full<bytes::Bytes>> =
        hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
            .build_http();
    let uri: hyper::Uri = bare.url.parse().unwrap();
    let by_hand = || async {
        use http_body_util::BodyExt;
        let mut req = hyper::Request::new(http_body_util::Full::new(bytes::Bytes::new()));
        *req.uri_mut() = uri.clone();
        *req.headers_mut() = bare.headers.clone();
        let resp = hand.request(req).await.unwrap();
        let body = resp.into_body().collect().await.unwrap().to_bytes();
        (bare.decode)(&body)
    };
    let mut rows: Vec<(&str, Vec<f64>)> = vec![
        ("hyper-util by hand", vec![]),
        ("bare", vec![]),
        ("bare + request timeout", vec![]),
        ("bare + timeout + deadline", vec![]),
        ("typed", vec![]),
    ];
    for _ in 0..rounds {
        rows[0].1.push(measure(calls, by_hand).await.1);
        rows[1].1.push(measure(calls, || bare.call()).await.1);
        rows[2].1.push(measure(calls, timed).await.1);
        rows[3].1.push(measure(calls, deadline).await.1);
        rows[4].1.push(measure(calls, || case.typed.call()).await.1);
    }
    for (name, v) in rows {
        println!("{name:<28} {:6.2}us cpu", median(&v));
    }
}
