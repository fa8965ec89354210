//! What partner-core adds to a call: the same GET + JSON decode over loopback, once with a
//! bare `reqwest::Client` and once through `partner_core::Client` (operation lookup, request
//! building, credentials, retry decision, quota tracking, tracing span, path-aware decoding).
//!
//! A second pair isolates the client-side work from the network: decoding the same body with
//! serde_json alone, against a full `send_json` over the in-memory `MockTransport`.
//!
//! `cargo bench -p partner-core --bench overhead` prints the mean and best per call; the
//! figures of this machine are in docs/ARCHITECTURE.md.

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
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let server = httpmock::MockServer::start_async().await;
        server
            .mock_async(|when, then| {
                when.method("GET").path("/things/7");
                then.status(200)
                    .header("content-type", "application/json")
                    .header("x-ratelimit-remaining", "10000")
                    .body(r#"{"id":7,"name":"seven","tags":["a","b","c"]}"#);
            })
            .await;
        let url = format!("{}/things/7", server.base_url());

        let bare = reqwest::Client::new();
        let core = Client::builder("bench", OPS)
            .base_url(server.base_url())
            .http_client(bare.clone())
            .rate_limit(RateLimitHeaders::X_RATELIMIT)
            .build()
            .unwrap()
            .with_auth(Arc::new(
                StaticKey::header("X-API-Key", "", SecretString::from("k")).unwrap(),
            ));

        // Warm the pool and the mock server.
        for _ in 0..200 {
            let _: Thing = bare.get(&url).send().await.unwrap().json().await.unwrap();
            let _: Thing = core
                .send_json(Request::new("GetThing").path_param("id", 7))
                .await
                .unwrap();
        }
        let (mut bare_rounds, mut core_rounds) = (Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            let start = Instant::now();
            for _ in 0..CALLS {
                let _: Thing = bare
                    .get(&url)
                    .header("x-api-key", "k")
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
            }
            bare_rounds.push(start.elapsed());
            let start = Instant::now();
            for _ in 0..CALLS {
                let _: Thing = core
                    .send_json(Request::new("GetThing").path_param("id", 7))
                    .await
                    .unwrap();
            }
            core_rounds.push(start.elapsed());
        }
        report("reqwest GET + JSON decode", &bare_rounds);
        report("partner_core::Client send_json", &core_rounds);

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
