//! What partner-core's client-side work costs alone, with no network: decoding a small body
//! with serde_json, against a full `send_json` (operation lookup, request building, API-key
//! header, quota bookkeeping, retry decision, tracing span, decoding) over the in-memory
//! `MockTransport`.
//!
//! The side-by-side comparison with bare reqwest over loopback, per vendor, is
//! `cargo bench -p partner-bench --bench overhead` (`cargo xtask bench`); its figures are in
//! docs/PERFORMANCE.md. (An earlier version of this bench compared against httpmock, whose
//! own cost per request hid the client's.)

use std::sync::Arc;
use std::time::{Duration, Instant};

use partner_core::http::Method;
use partner_core::mock::{MockTransport, response};
use partner_core::{Client, Operation, RateLimitHeaders, Request, SecretString, StaticKey};
use serde::Deserialize;

const OPS: &[Operation] = &[Operation::new("GetThing", Method::GET, "/things/{id}")];
const CALLS: u32 = 2000;
const ROUNDS: usize = 5;

#[derive(Deserialize)]
#[allow(dead_code)]
struct Thing {
    id: u64,
    name: String,
    tags: Vec<String>,
}

fn report(label: &str, rounds: &[Duration]) {
    let per_call = |d: &Duration| d.as_secs_f64() * 1e6 / f64::from(CALLS);
    let mean = rounds.iter().map(per_call).sum::<f64>() / rounds.len() as f64;
    let best = rounds.iter().map(per_call).fold(f64::INFINITY, f64::min);
    println!("{label:<32} mean {mean:6.1} us/call   best {best:6.1} us/call");
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let body = r#"{"id":7,"name":"seven","tags":["a","b","c"]}"#;
        let mock = MockTransport::new();
        mock.fallback(move |_| Ok(response(200, &[("x-ratelimit-remaining", "10000")], body)));
        let in_memory = Client::builder("bench", OPS)
            .base_url("https://api.example.com")
            .transport(Arc::new(mock))
            .rate_limit(RateLimitHeaders::X_RATELIMIT)
            .build()
            .unwrap()
            .with_auth(Arc::new(
                StaticKey::header("X-API-Key", "", SecretString::from("k")).unwrap(),
            ));
        let (mut decode_rounds, mut mem_rounds) = (Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            let start = Instant::now();
            for _ in 0..CALLS {
                let _: Thing = serde_json::from_str(std::hint::black_box(body)).unwrap();
            }
            decode_rounds.push(start.elapsed());
            let start = Instant::now();
            for _ in 0..CALLS {
                let _: Thing = in_memory
                    .send_json(Request::new("GetThing").path_param("id", 7))
                    .await
                    .unwrap();
            }
            mem_rounds.push(start.elapsed());
        }
        report("serde_json decode only", &decode_rounds);
        report("send_json over MockTransport", &mem_rounds);
    });
}
