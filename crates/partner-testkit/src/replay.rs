//! Serving fixtures on 127.0.0.1, recording what the client sent, and the contract run.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use futures_util::future::LocalBoxFuture;
use httpmock::{HttpMockRequest, MockServer};
use partner_core::Operation;

use crate::compare::compare_request;
use crate::fixture::{Fixture, load_fixtures};

/// Errors a replay closure returns.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// A request as the mock server received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// Method.
    pub method: String,
    /// Path.
    pub path: String,
    /// Query pairs in order.
    pub query: Vec<(String, String)>,
    /// Headers (lowercase names).
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
}

impl Received {
    /// A header value by name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn from_mock(req: &HttpMockRequest) -> Self {
        Received {
            method: req.method().to_string(),
            path: req.uri().path().to_owned(),
            query: req.query_params(),
            headers: req
                .headers()
                .iter()
                .map(|(k, v)| {
                    (
                        k.as_str().to_owned(),
                        v.to_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect(),
            body: req.body_vec(),
        }
    }
}

type Routes = Arc<Mutex<Vec<(String, String)>>>;

/// A mock server serving one fixture (and any support fixtures such as a login).
pub struct Replay {
    server: MockServer,
    received: Arc<Mutex<Vec<Received>>>,
    support: Routes,
}

impl Replay {
    /// Starts a server answering every request with `fixture`'s response and recording it.
    pub async fn start(fixture: &Fixture) -> Replay {
        let server = MockServer::start_async().await;
        let received = Arc::new(Mutex::new(Vec::new()));
        let support: Routes = Arc::new(Mutex::new(Vec::new()));
        let (rec, sup) = (received.clone(), support.clone());
        let response = fixture.response.clone();
        let body = fixture.response_bytes();
        server
            .mock_async(move |when, then| {
                // Everything except support routes lands here, so a wrong path or method is
                // reported as a difference instead of an opaque 404.
                when.is_true(move |req| {
                    let route = (req.method().to_string(), req.uri().path().to_owned());
                    if sup.lock().unwrap().contains(&route) {
                        return false;
                    }
                    rec.lock().unwrap().push(Received::from_mock(req));
                    true
                });
                let mut then = then.status(response.status);
                for (k, v) in &response.headers {
                    then = then.header(k, v);
                }
                then.body(body);
            })
            .await;
        Replay {
            server,
            received,
            support,
        }
    }

    /// The base URL the client under test should use.
    pub fn base_url(&self) -> String {
        self.server.base_url()
    }

    /// Also serves `fixture` (matched on its method and path), e.g. the login a call needs.
    pub async fn mount(&self, fixture: &Fixture) {
        let method = fixture.request.method.to_ascii_uppercase();
        let path = fixture.request.path.clone();
        self.support
            .lock()
            .unwrap()
            .push((method.clone(), path.clone()));
        let response = fixture.response.clone();
        let body = fixture.response_bytes();
        self.server
            .mock_async(move |when, then| {
                when.method(method.as_str()).path(path);
                let mut then = then.status(response.status);
                for (k, v) in &response.headers {
                    then = then.header(k, v);
                }
                then.body(body);
            })
            .await;
    }

    /// Requests received for the fixture under test.
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

/// Does a concrete path fit a template with `{param}` segments?
fn path_fits(template: &str, path: &str) -> bool {
    let template = template.split('?').next().unwrap_or_default();
    let t: Vec<&str> = template.trim_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_matches('/').split('/').collect();
    t.len() == p.len()
        && t.iter().zip(&p).all(|(t, p)| {
            if t.contains('{') {
                let prefix = &t[..t.find('{').unwrap_or(0)];
                let suffix = &t[t.rfind('}').map_or(t.len(), |i| i + 1)..];
                p.starts_with(prefix)
                    && p.ends_with(suffix)
                    && p.len() > prefix.len() + suffix.len()
            } else {
                t == p
            }
        })
}

/// Replays every fixture of `vendor` through `replay` and checks coverage; panics with a
/// readable list of problems. Writes a JSON report to `$PARTNER_CONTRACT_REPORT` when set.
pub async fn run_contract<F>(vendor: &str, operations: &[Operation], replay: F)
where
    F: for<'a> Fn(&'a Fixture, &'a Replay) -> LocalBoxFuture<'a, Result<(), BoxError>>,
{
    let fixtures = load_fixtures(vendor).unwrap_or_else(|e| panic!("loading fixtures: {e}"));
    run_contract_with(vendor, operations, fixtures, replay).await;
}

/// [`run_contract`] over fixtures loaded elsewhere.
pub async fn run_contract_with<F>(
    vendor: &str,
    operations: &[Operation],
    fixtures: Vec<Fixture>,
    replay: F,
) where
    F: for<'a> Fn(&'a Fixture, &'a Replay) -> LocalBoxFuture<'a, Result<(), BoxError>>,
{
    let names: BTreeSet<&str> = operations.iter().map(|o| o.name).collect();
    let covered: BTreeSet<&str> = fixtures.iter().map(|f| f.operation.as_str()).collect();
    let missing: Vec<&str> = names.difference(&covered).copied().collect();
    let mut orphans = Vec::new();
    let mut failures: Vec<(String, Vec<String>)> = Vec::new();
    let mut passed = 0usize;
    for fx in &fixtures {
        let Some(op) = operations.iter().find(|o| o.name == fx.operation) else {
            orphans.push(fx.name.clone());
            continue;
        };
        let mut problems = Vec::new();
        if fx.provenance.section.trim().is_empty() || fx.provenance.source.trim().is_empty() {
            problems.push("provenance needs a source and a section".to_owned());
        }
        if !fx.request.method.eq_ignore_ascii_case(op.method.as_str()) {
            problems.push(format!(
                "fixture method {} but the table says {}",
                fx.request.method, op.method
            ));
        }
        if !path_fits(op.path, &fx.request.path) {
            problems.push(format!(
                "fixture path {} does not fit the table's {}",
                fx.request.path, op.path
            ));
        }
        let server = Replay::start(fx).await;
        if let Err(e) = replay(fx, &server).await {
            problems.push(format!("call: {e}"));
        }
        let received = server.received();
        match received.as_slice() {
            [] => problems.push("the client sent no request for this fixture".to_owned()),
            [first, rest @ ..] => {
                problems.extend(compare_request(&fx.request, first));
                if !rest.is_empty() {
                    problems.push(format!(
                        "the client sent {} requests, expected 1",
                        received.len()
                    ));
                }
            }
        }
        if problems.is_empty() {
            passed += 1;
        } else {
            failures.push((fx.name.clone(), problems));
        }
    }
    let report = serde_json::json!({
        "vendor": vendor,
        "operations": operations.len(),
        "fixtures": fixtures.len(),
        "passed": passed,
        "failed": failures.len(),
        "missing": missing,
        "orphans": orphans,
        "failures": failures.iter().map(|(n, p)| serde_json::json!({"fixture": n, "problems": p})).collect::<Vec<_>>(),
    });
    if let Ok(path) = std::env::var("PARTNER_CONTRACT_REPORT") {
        std::fs::write(&path, serde_json::to_string_pretty(&report).unwrap())
            .unwrap_or_else(|e| panic!("writing {path}: {e}"));
    }
    let mut text = String::new();
    for m in &missing {
        text.push_str(&format!("\n  operation {m}: no fixture"));
    }
    for o in &orphans {
        text.push_str(&format!("\n  fixture {o}: names no declared operation"));
    }
    for (name, problems) in &failures {
        for p in problems {
            text.push_str(&format!("\n  fixture {name}: {p}"));
        }
    }
    eprintln!(
        "{vendor}: {} operations, {} fixtures, {passed} passed, {} failed",
        operations.len(),
        fixtures.len(),
        failures.len()
    );
    assert!(text.is_empty(), "{vendor} contract problems:{text}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        assert!(path_fits("/v1/tickets/{id}", "/v1/tickets/42"));
        assert!(path_fits("/v1/tickets/{id}/notes", "/v1/tickets/42/notes"));
        assert!(!path_fits("/v1/tickets/{id}", "/v1/tickets"));
        assert!(!path_fits("/v1/tickets/{id}", "/v1/tickets/42/notes"));
        assert!(path_fits("/api/Test", "/api/Test"));
        assert!(path_fits("/c/{id}.json", "/c/7.json"));
    }
}
