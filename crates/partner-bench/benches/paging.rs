//! Paging stays flat: 100,000 Jifeline items streamed through the client's paginator
//! (`vehicles().makes().stream()`, pages of 200) from the loopback server, reporting resident
//! memory before, at its highest during the walk, and after, and items per second.
//!
//! `cargo bench -p partner-bench --bench paging` (`PARTNER_BENCH_ITEMS` changes the count).
//! Figures: docs/PERFORMANCE.md.

use std::fmt::Write as _;
use std::time::{Duration, Instant, SystemTime};

use futures_util::StreamExt;
use partner_bench::{Answer, Server, full_run, load_average, status_kib, thread_cpu};

const MAKES: &[&str] = &[
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
];

/// A page of `{"result": [...], "total", "offset", "limit"}` for the query string.
fn page(query: &str, total: u64) -> Answer {
    let mut offset = 0u64;
    let mut limit = 20u64;
    for pair in query.split('&') {
        match pair.split_once('=') {
            Some(("offset", v)) => offset = v.parse().unwrap_or(0),
            Some(("limit", v)) => limit = v.parse().unwrap_or(20),
            _ => {}
        }
    }
    let end = total.min(offset + limit);
    let mut body = String::with_capacity(64 * (end.saturating_sub(offset) as usize) + 64);
    body.push_str(r#"{"result":["#);
    for id in offset..end {
        if id > offset {
            body.push(',');
        }
        let make = MAKES[(id % MAKES.len() as u64) as usize];
        let _ = write!(body, r#"{{"id":{id},"name":"{make} {id}"}}"#);
    }
    let _ = write!(
        body,
        r#"],"total":{total},"offset":{offset},"limit":{limit}}}"#
    );
    Answer::json(body)
}

fn main() {
    let items: u64 = if full_run() {
        std::env::var("PARTNER_BENCH_ITEMS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(100_000)
    } else {
        2_000
    };
    let server = Server::start();
    let access = jifeline_client::__unsigned_jwt(SystemTime::now() + Duration::from_secs(86_400));
    server.route(
        "/v1/login/connector-uuid",
        Answer::json(
            serde_json::json!({"id_token": "id", "access_token": access, "refresh_token": "r"})
                .to_string(),
        ),
    );
    server.route_fn("/v1/vehicle-makes", move |q| page(q, items));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let client = jifeline_client::JifelineClient::builder()
            .base_url(server.base_url())
            .credentials(jifeline_client::Credentials::connector_uuid(
                "6ec2911c-a09a-11ee-8c90-0242ac120002".parse().unwrap(),
                "1234",
            ))
            .build()
            .unwrap();
        // Warm up: log in, open the connection, touch the allocator.
        let mut warm = client.vehicles().makes().stream().take(1000);
        while let Some(item) = warm.next().await {
            item.unwrap();
        }
        drop(warm);
        let rss_before = status_kib("VmRSS");
        let hwm_before = status_kib("VmHWM");
        let (t0, cpu0) = (Instant::now(), thread_cpu());
        let mut stream = client.vehicles().makes().stream();
        let (mut n, mut rss_max, mut id_sum) = (0u64, rss_before, 0i64);
        while let Some(item) = stream.next().await {
            let make = item.unwrap();
            id_sum += make.id;
            n += 1;
            if n % 2_000 == 0 {
                rss_max = rss_max.max(status_kib("VmRSS"));
            }
        }
        let (wall, cpu) = (t0.elapsed(), thread_cpu() - cpu0);
        rss_max = rss_max.max(status_kib("VmRSS"));
        let rss_after = status_kib("VmRSS");
        assert_eq!(n, items, "every item once");
        assert_eq!(
            id_sum,
            (0..items as i64).sum::<i64>(),
            "in order, none twice"
        );
        println!("partner-bench paging: load average {}", load_average());
        println!(
            "{n} Jifeline items in {} pages of 200 through vehicles().makes().stream(): \
             {:.0} items/s wall, {:.0} items/s of client CPU ({:.2} s, {:.2} s CPU)",
            n.div_ceil(200),
            n as f64 / wall.as_secs_f64(),
            n as f64 / cpu.as_secs_f64(),
            wall.as_secs_f64(),
            cpu.as_secs_f64(),
        );
        println!(
            "resident memory: {rss_before} KiB before, {rss_max} KiB at most during \
             (growth {} KiB), {rss_after} KiB after; VmHWM grew {} KiB",
            rss_max.saturating_sub(rss_before),
            status_kib("VmHWM").saturating_sub(hwm_before),
        );
    });
}
