//! Secrets, scanned (issue 14, part 6): every vendor's worked flow, and a set of calls that
//! fail (wrong credentials, validation, 404, decode, an unreachable host), run with a TRACE
//! subscriber capturing every span and event. Every client, builder, option set, request,
//! answer, token and error met on the way is formatted with Debug (and Display where it has
//! one, with each error's `source()` chain). None of that text may contain any credential
//! used: the demo keys, pincode, OTP and JWT, ShipInsure's signing key, the wrong credentials
//! tried here, and every token the sandbox handed out in a login answer.
//!
//! Alone in its test binary on purpose, with one test: tracing caches per-callsite interest
//! process-wide, and the subscriber is the global default so that the sandbox's server tasks
//! and every task the clients spawn are captured too.

use std::error::Error as StdError;
use std::fmt::{Debug, Write as _};
use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use partner_core::futures_util::future::BoxFuture;
use partner_core::transport::ReqwestTransport;
use partner_core::{
    ClientOptions, HttpRequest, HttpResponse, Operation, Request, RetryPolicy, SecretString,
    StaticKey, Token, Transport, TransportError,
};
use partner_sandbox::{Sandbox, Vendor, bigfix, carfix, claire, jifeline, shipinsure};
use serde_json::Value;
use tracing_subscriber::fmt::format::FmtSpan;

/// Wrong credentials tried here: refused by the sandbox, and never to be printed either.
const WRONG_CARFIX_AFFILIATE_KEY: &str = "wrong-carfix-affiliate-key-7f3a";
const WRONG_CARFIX_WORKSHOP_KEY: &str = "wrong-carfix-workshop-key-91c2";
const WRONG_JIFELINE_PINCODE: &str = "97531086";
const WRONG_JIFELINE_OTP: &str = "wrong-jifeline-otp-5d1e9b";
const WRONG_CLAIRE_KEY: &str = "wrong-claire-key-42ab";
const WRONG_BIGFIX_KEY: &str = "wrong-bigfix-key-c0ffee";
const WRONG_BIGFIX_JWT: &str = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ3cm9uZy1qd3QifQ.d3Jvbmctand0LXNpZw";
const WRONG_SHIPINSURE_KEY: &str = "wrong-shipinsure-key-5eed";
/// Tokens the sandbox never issued, handed to a Jifeline client as a stale session.
const STALE_JIFELINE_ACCESS_TOKEN: &str = "stale-jifeline-access-token-8e21";
const STALE_JIFELINE_ID_TOKEN: &str = "stale-jifeline-id-token-3b7c";
const STALE_JIFELINE_REFRESH_TOKEN: &str = "stale-jifeline-refresh-token-d94f";

/// Credentials shorter than this are not searched as bare text: a 4-digit pincode occurs by
/// chance in ids, ports and counters. They are searched in the forms they are sent in
/// instead (`pincode=1234`, `"pincode":"1234"`, ...).
const MIN_BARE_LEN: usize = 6;

/// A writer collecting everything the subscriber prints.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Capture {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
    }
}

/// Everything formatted by hand: Debug (plain and pretty), Display, error chains.
#[derive(Clone, Default)]
struct Shown(Arc<Mutex<ShownInner>>);

#[derive(Default)]
struct ShownInner {
    text: String,
    values: usize,
    errors: usize,
}

impl Shown {
    fn push(&self, f: impl FnOnce(&mut String)) {
        let mut inner = self.0.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut inner.text);
        inner.values += 1;
    }

    fn debug(&self, label: &str, value: &dyn Debug) {
        self.push(|t| {
            let _ = writeln!(t, "[{label}] {value:?}\n[{label}] {value:#?}");
        });
    }

    fn text(&self, label: &str, value: &str) {
        self.push(|t| {
            let _ = writeln!(t, "[{label}] {value}");
        });
    }

    /// The error, then each `source()` under it, with Display, Debug and pretty Debug.
    fn error(&self, label: &str, error: &(dyn StdError + 'static)) {
        self.push(|t| {
            let mut current = Some(error);
            let mut depth = 0;
            while let Some(e) = current {
                let _ = writeln!(
                    t,
                    "[{label} #{depth}] {e}\n[{label} #{depth}] {e:?}\n{e:#?}"
                );
                current = e.source();
                depth += 1;
            }
        });
        self.0.lock().unwrap_or_else(|e| e.into_inner()).errors += 1;
    }

    /// An answer: its value, or its error and chain. Returns whether it failed.
    fn result<T: Debug, E: StdError + 'static>(&self, label: &str, result: &Result<T, E>) -> bool {
        match result {
            Ok(value) => {
                self.debug(label, value);
                false
            }
            Err(e) => {
                self.error(label, e);
                true
            }
        }
    }

    fn snapshot(&self) -> (String, usize, usize) {
        let inner = self.0.lock().unwrap_or_else(|e| e.into_inner());
        (inner.text.clone(), inner.values, inner.errors)
    }
}

/// A transport over reqwest that formats every request it sends and every answer or failure
/// it gets: the requests as the clients really send them, credentials applied.
struct Watched {
    inner: ReqwestTransport,
    shown: Shown,
}

impl Watched {
    fn over_reqwest(shown: &Shown) -> Arc<dyn Transport> {
        Arc::new(Watched {
            inner: ReqwestTransport::new(Duration::from_secs(5), "partner-sandbox-secrets-test")
                .expect("a reqwest transport"),
            shown: shown.clone(),
        })
    }
}

impl Transport for Watched {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            self.shown.debug("sent request", &request);
            self.shown.text("sent url", &request.redacted_url());
            let result = self.inner.send(request).await;
            match &result {
                Ok(response) => self.shown.debug("answer", response),
                Err(e) => {
                    self.shown.debug("transport error", e);
                    self.shown
                        .error("transport error source", e.source.as_ref());
                }
            }
            result
        })
    }
}

/// A request for every operation of `table` (path parameters filled with `1`), built by
/// `core` without I/O, both formatted.
fn show_every_request(shown: &Shown, label: &str, core: &partner_core::Client) {
    shown.debug(&format!("{label} core"), core);
    for op in core_operations(core) {
        let mut request = Request::new(op.name);
        let mut rest = op.path;
        while let Some((_, after)) = rest.split_once('{') {
            let Some((name, tail)) = after.split_once('}') else {
                break;
            };
            request = request.path_param(name, 1);
            rest = tail;
        }
        shown.debug(&format!("{label} {}", op.name), &request);
        let built = core.build_request(&request);
        shown.result(&format!("{label} {} built", op.name), &built);
    }
}

fn core_operations(core: &partner_core::Client) -> &'static [Operation] {
    Vendor::ALL
        .into_iter()
        .find(|v| v.name() == core.vendor())
        .map(Vendor::operations)
        .unwrap_or_default()
}

/// One credential to search for, by what it is.
struct Secret {
    what: String,
    value: String,
}

/// The texts a secret is searched as: itself, or (when too short to search bare) the forms
/// the vendor sends it in.
fn needles(secret: &Secret, field: &str) -> Vec<String> {
    if secret.value.len() >= MIN_BARE_LEN {
        return vec![secret.value.clone()];
    }
    let v = &secret.value;
    vec![
        format!("{field}={v}"),
        format!("\"{field}\":\"{v}\""),
        format!("\"{field}\": \"{v}\""),
        format!("{field}: \"{v}\""),
        format!("{field}={v:?}"),
    ]
}

/// Every string under a token-like key (`access_token`, `id_token`, `token`, `jwt`, ...) of
/// a login answer.
fn tokens_in(value: &Value, key: &str, out: &mut Vec<String>) {
    match value {
        Value::String(s) => {
            let key = key.to_ascii_lowercase();
            if (key.contains("token") || key == "jwt") && s.len() >= 8 {
                out.push(s.clone());
            }
        }
        Value::Array(items) => items.iter().for_each(|v| tokens_in(v, key, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| tokens_in(v, k, out)),
        _ => {}
    }
}

/// Where a needle occurs in `haystack`, with a short context window around each hit (the
/// needle itself masked), for the failure message.
///
/// A needle starting or ending with a digit does not count inside a longer number: the
/// six-digit OTP is not leaked by a timestamp's nanoseconds that happen to contain it.
fn hits(haystack: &str, needle: &str, what: &str) -> Vec<String> {
    let digit_at = |i: Option<usize>| {
        i.and_then(|i| haystack.as_bytes().get(i))
            .is_some_and(u8::is_ascii_digit)
    };
    let starts_digit = needle.starts_with(|c: char| c.is_ascii_digit());
    let ends_digit = needle.ends_with(|c: char| c.is_ascii_digit());
    haystack
        .match_indices(needle)
        .filter(|(at, _)| {
            !(starts_digit && digit_at(at.checked_sub(1))
                || ends_digit && digit_at(Some(at + needle.len())))
        })
        .take(3)
        .map(|(at, _)| {
            let floor = |mut i: usize| {
                while !haystack.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let start = floor(at.saturating_sub(80));
            let end = floor((at + needle.len() + 80).min(haystack.len()));
            haystack[start..end].replace(needle, &format!("<<{what}>>"))
        })
        .collect()
}

#[test]
fn no_credential_or_issued_token_appears_in_traces_debug_or_display() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(FmtSpan::FULL)
        .with_ansi(false)
        // No timestamps: a six-digit credential could match microseconds by chance.
        .without_time()
        .with_target(true)
        .finish();
    tracing::subscriber::set_global_default(subscriber).expect("the only global subscriber");

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    let shown = Shown::default();
    let (sandbox, expected_failures_that_passed) = runtime.block_on(exercise(&shown));

    // Every credential used, and every token the sandbox issued in a login answer.
    let mut secrets: Vec<Secret> = Vec::new();
    let mut add = |what: &str, value: &str| {
        if !secrets.iter().any(|s| s.value == value) {
            secrets.push(Secret {
                what: what.to_owned(),
                value: value.to_owned(),
            });
        }
    };
    for (what, value) in [
        ("bigfix DEMO_API_KEY", bigfix::DEMO_API_KEY),
        ("bigfix DEMO_JWT", bigfix::DEMO_JWT),
        ("carfix DEMO_AFFILIATE_KEY", carfix::DEMO_AFFILIATE_KEY),
        ("carfix DEMO_WORKSHOP_KEY", carfix::DEMO_WORKSHOP_KEY),
        ("claire DEMO_API_KEY", claire::DEMO_API_KEY),
        ("jifeline DEMO_PINCODE", jifeline::DEMO_PINCODE),
        ("jifeline DEMO_OTP", jifeline::DEMO_OTP),
        (
            "shipinsure DEMO_API_TOKEN_KEY (the signing key)",
            shipinsure::DEMO_API_TOKEN_KEY,
        ),
        ("wrong carfix affiliate key", WRONG_CARFIX_AFFILIATE_KEY),
        ("wrong carfix workshop key", WRONG_CARFIX_WORKSHOP_KEY),
        ("wrong jifeline pincode", WRONG_JIFELINE_PINCODE),
        ("wrong jifeline OTP", WRONG_JIFELINE_OTP),
        ("wrong claire key", WRONG_CLAIRE_KEY),
        ("wrong bigfix key", WRONG_BIGFIX_KEY),
        ("wrong bigfix JWT", WRONG_BIGFIX_JWT),
        ("wrong shipinsure key", WRONG_SHIPINSURE_KEY),
        ("stale jifeline access token", STALE_JIFELINE_ACCESS_TOKEN),
        ("stale jifeline id token", STALE_JIFELINE_ID_TOKEN),
        ("stale jifeline refresh token", STALE_JIFELINE_REFRESH_TOKEN),
    ] {
        add(what, value);
    }
    // The sandbox's own list of demo credentials: the secret ones (keys, JWT, pincode, OTP).
    // User names, connector and dealer ids, the VIN and the voucher identify, they do not
    // authenticate, and Debug shows them on purpose.
    for vendor in Vendor::ALL {
        for (name, value) in sandbox.credentials(vendor) {
            let lower = name.to_ascii_lowercase();
            if ["key", "jwt", "pincode", "otp"]
                .iter()
                .any(|k| lower.contains(k))
            {
                add(&format!("{vendor} {name}"), &value);
            }
        }
    }
    let mut issued = 0;
    for vendor in Vendor::ALL {
        for exchange in sandbox.recorded(vendor) {
            let name = exchange.operation.name.to_ascii_lowercase();
            if !(name.contains("login") || name.contains("token")) {
                continue;
            }
            let Ok(body) = serde_json::from_slice::<Value>(&exchange.response_body) else {
                continue;
            };
            let mut tokens = Vec::new();
            tokens_in(&body, "", &mut tokens);
            for token in tokens {
                issued += 1;
                add(
                    &format!(
                        "{vendor} token issued by {} (answer {issued})",
                        exchange.operation.name
                    ),
                    &token,
                );
            }
        }
    }
    // CarFix: both tour logins and ours; Jifeline: id, access and refresh tokens per login.
    assert!(
        issued >= 2 + 3 * 2,
        "expected the tour's and this test's logins to be recorded, found {issued} tokens"
    );

    drop(sandbox);
    drop(runtime);
    let traced = capture.text();
    let (formatted, values, errors) = shown.snapshot();

    // The capture saw the calls, so the absence of secrets below means something.
    let spans = traced.matches("partner.request").count();
    let lines = traced.lines().count();
    for expected in [
        "partner.request",
        "vendor=\"bigfix\"",
        "vendor=\"carfix\"",
        "vendor=\"claire\"",
        "vendor=\"jifeline\"",
        "vendor=\"shipinsure\"",
        "AffiliateLogin",
        "WorkshopLogin",
        "LoginWithConnectorUuid",
        "LoginWithOtp",
        "SubmitSmeDelivery",
        "request signed",
        "status=401",
        "401: credentials dropped",
    ] {
        assert!(
            traced.contains(expected),
            "the trace lacks {expected:?} ({lines} lines captured)"
        );
    }
    assert!(
        spans >= 200 && lines >= 500,
        "too little traced: {spans} partner.request mentions in {lines} lines"
    );
    assert!(
        values >= 300 && errors >= 15,
        "too little formatted: {values} values, {errors} errors"
    );
    // The formatting met what it must redact: the Claire key in the query, the credential
    // headers, a decode error quoting a body.
    for expected in ["api_key=%3Credacted%3E", "Sensitive", "could not decode"] {
        assert!(
            formatted.contains(expected),
            "the formatted values lack {expected:?}"
        );
    }
    assert!(
        expected_failures_that_passed.is_empty(),
        "calls that should have failed succeeded: {expected_failures_that_passed:?}"
    );

    let mut leaks = Vec::new();
    for secret in &secrets {
        // Short credentials are only searched in the forms they travel in (see MIN_BARE_LEN).
        let field = if secret.what.contains("OTP") {
            "otp"
        } else {
            "pincode"
        };
        for needle in needles(secret, field) {
            for (source, text) in [("trace", &traced), ("formatted", &formatted)] {
                for context in hits(text, &needle, &secret.what) {
                    leaks.push(format!("{} in the {source}: …{context}…", secret.what));
                }
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "{} credential occurrence(s) among {} credentials:\n{}",
        leaks.len(),
        secrets.len(),
        leaks.join("\n")
    );
    eprintln!(
        "scanned {} credentials ({issued} issued tokens) in {} bytes of trace ({lines} lines) \
         and {} bytes of Debug/Display ({values} values, {errors} errors)",
        secrets.len(),
        traced.len(),
        formatted.len()
    );
}

/// Runs the tour and the failing calls; returns the sandbox (for its recordings) and the
/// labels of calls that should have failed but did not.
async fn exercise(shown: &Shown) -> (Sandbox, Vec<&'static str>) {
    let mut account = Vec::new();
    let sandbox = partner_sandbox::tour::run_with(Sandbox::builder().record(true), &mut account)
        .await
        .unwrap_or_else(|e| panic!("the tour failed: {e}"));
    shown.text("tour account", &String::from_utf8_lossy(&account));

    let mut passed = Vec::new();
    let mut must_fail = |label: &'static str, failed: bool| {
        if !failed {
            passed.push(label);
        }
    };

    // ---- CarFix: both clients, good and wrong keys.
    let url = sandbox.base_url(Vendor::CarFix).to_owned();
    let options = ClientOptions::new()
        .base_url(&url)
        .transport(Watched::over_reqwest(shown))
        .retry_policy(RetryPolicy::none());
    shown.debug("carfix options", &options);
    let builder = carfix_client::AffiliateClient::builder()
        .options(options.clone())
        .credentials(carfix::DEMO_AFFILIATE_USERNAME, carfix::DEMO_AFFILIATE_KEY);
    shown.debug("carfix affiliate builder", &builder);
    let affiliate = builder.build().expect("carfix affiliate client");
    let builder = carfix_client::WorkshopClient::builder()
        .options(options.clone())
        .credentials(carfix::DEMO_WORKSHOP_USERNAME, carfix::DEMO_WORKSHOP_KEY);
    shown.debug("carfix workshop builder", &builder);
    let workshop = builder.build().expect("carfix workshop client");
    shown.result("carfix affiliate login", &affiliate.login().await);
    shown.result("carfix workshop login", &workshop.login().await);
    shown.result("carfix test (3.1)", &affiliate.test().await);
    shown.result("carfix states", &affiliate.lookups().states().await);
    shown.result("carfix trucks", &workshop.trucks().list().await);
    shown.debug("carfix affiliate client", &affiliate);
    shown.debug("carfix workshop client", &workshop);
    show_every_request(shown, "carfix affiliate", affiliate.core());
    show_every_request(shown, "carfix workshop", workshop.core());
    let r = affiliate.cases().get("NO-SUCH-CASE-0").await;
    must_fail(
        "carfix unknown case",
        shown.result("carfix unknown case", &r),
    );
    let r = affiliate
        .cases()
        .rate("NO-SUCH-CASE-0", 9, "out of range")
        .await;
    must_fail(
        "carfix rating 9",
        shown.result("carfix rating 9 (validation)", &r),
    );
    let r = carfix_client::Coordinate::new(123.0, 456.0);
    must_fail(
        "carfix coordinate",
        shown.result("carfix bad coordinate", &r),
    );
    let wrong = carfix_client::AffiliateClient::builder()
        .options(options.clone())
        .credentials(carfix::DEMO_AFFILIATE_USERNAME, WRONG_CARFIX_AFFILIATE_KEY)
        .build()
        .expect("carfix client with a wrong key");
    shown.debug("carfix wrong affiliate client", &wrong);
    let r = wrong.login().await;
    must_fail(
        "carfix wrong affiliate login",
        shown.result("carfix wrong login", &r),
    );
    let r = wrong.lookups().states().await;
    must_fail(
        "carfix wrong affiliate call",
        shown.result("carfix wrong call", &r),
    );
    let r = wrong.test().await;
    must_fail(
        "carfix wrong test",
        shown.result("carfix wrong test (3.1)", &r),
    );
    let wrong = carfix_client::WorkshopClient::builder()
        .options(options.clone())
        .credentials(carfix::DEMO_WORKSHOP_USERNAME, WRONG_CARFIX_WORKSHOP_KEY)
        .build()
        .expect("carfix workshop client with a wrong key");
    let r = wrong.trucks().list().await;
    must_fail(
        "carfix wrong workshop",
        shown.result("carfix wrong workshop", &r),
    );
    let missing = carfix_client::AffiliateClient::builder()
        .options(options.clone())
        .build();
    must_fail(
        "carfix no credentials",
        shown.result("carfix no credentials", &missing),
    );
    let pair = carfix_client::Clients::builder();
    shown.debug("carfix pair builder", &pair);
    // What CarFix's login sends: the credentials (Debug redacts the key) ...
    let credentials = carfix_client::Credentials::new(
        carfix::DEMO_AFFILIATE_USERNAME,
        carfix::DEMO_AFFILIATE_KEY,
    );
    shown.debug("carfix credentials", &credentials);
    // ... and the token it gets, as the client decodes it.
    for exchange in sandbox.recorded(Vendor::CarFix) {
        if exchange.operation.name.contains("Login") && exchange.status == 200 {
            let token =
                serde_json::from_slice::<carfix_client::AccessToken>(&exchange.response_body);
            shown.result("carfix access token", &token);
        }
    }

    // ---- Jifeline: connector login, OTP login, wrong pincode and OTP, validation, 404.
    let url = sandbox.base_url(Vendor::Jifeline).to_owned();
    let uuid: jifeline_client::Uuid = jifeline::DEMO_CONNECTOR_UUID.parse().expect("demo UUID");
    let credentials = jifeline_client::Credentials::connector_uuid(uuid, jifeline::DEMO_PINCODE);
    shown.debug("jifeline credentials", &credentials);
    let builder = jifeline_client::JifelineClient::builder()
        .base_url(&url)
        .transport(Watched::over_reqwest(shown))
        .retry_policy(RetryPolicy::none())
        .credentials(credentials);
    shown.debug("jifeline builder", &builder);
    let client = builder.build().expect("jifeline client");
    shown.result(
        "jifeline vehicle",
        &client.vehicles().search_by_vin(jifeline::DEMO_VIN).await,
    );
    shown.result(
        "jifeline connector",
        &client.connectors().get(jifeline::DEMO_CONNECTOR_ID).await,
    );
    shown.debug("jifeline session tokens", &client.session_tokens());
    shown.debug("jifeline client", &client);
    show_every_request(shown, "jifeline", client.core());
    let otp = client.sessions().login_with_otp(jifeline::DEMO_OTP).await;
    shown.result("jifeline OTP login", &otp);
    if let Ok(tokens) = otp {
        client.use_tokens(tokens);
        shown.result(
            "jifeline connector with OTP tokens",
            &client.connectors().get(jifeline::DEMO_CONNECTOR_ID).await,
        );
        shown.debug("jifeline session after OTP", &client.session_tokens());
    }
    let r = client.connectors().get(1).await;
    must_fail(
        "jifeline unknown connector",
        shown.result("jifeline 404", &r),
    );
    // A stale session: refused with 401, dropped, and the client logs in again by itself.
    let stale = jifeline_client::SessionTokens {
        id_token: SecretString::from(STALE_JIFELINE_ID_TOKEN),
        access_token: SecretString::from(STALE_JIFELINE_ACCESS_TOKEN),
        refresh_token: SecretString::from(STALE_JIFELINE_REFRESH_TOKEN),
    };
    shown.debug("jifeline stale tokens", &stale);
    client.use_tokens(stale);
    shown.result(
        "jifeline connector after a stale session",
        &client.connectors().get(jifeline::DEMO_CONNECTOR_ID).await,
    );
    shown.debug("jifeline client after a re-login", &client);
    let r = client
        .sessions()
        .login_with_connector_uuid(uuid, WRONG_JIFELINE_PINCODE)
        .await;
    must_fail(
        "jifeline wrong pincode",
        shown.result("jifeline wrong pincode", &r),
    );
    let r = client.sessions().login_with_otp(WRONG_JIFELINE_OTP).await;
    must_fail("jifeline wrong OTP", shown.result("jifeline wrong OTP", &r));
    let wrong = jifeline_client::JifelineClient::builder()
        .base_url(&url)
        .transport(Watched::over_reqwest(shown))
        .retry_policy(RetryPolicy::none())
        .credentials(jifeline_client::Credentials::connector_uuid(
            uuid,
            WRONG_JIFELINE_PINCODE,
        ))
        .build()
        .expect("jifeline client with a wrong pincode");
    let r = wrong.connectors().get(jifeline::DEMO_CONNECTOR_ID).await;
    must_fail(
        "jifeline call with wrong pincode",
        shown.result("jifeline wrong call", &r),
    );
    shown.debug("jifeline wrong client", &wrong);
    let strict = jifeline_client::JifelineClient::builder()
        .base_url(&url)
        .strictness(jifeline_client::Strictness::Strict)
        .build()
        .expect("strict jifeline client");
    let r = strict.sessions().forgot_password("not an e-mail").await;
    must_fail(
        "jifeline e-mail rule",
        shown.result("jifeline validation", &r),
    );
    let r = strict.sessions().login_with_otp("").await;
    must_fail("jifeline blank OTP", shown.result("jifeline blank OTP", &r));
    for exchange in sandbox.recorded(Vendor::Jifeline) {
        if exchange.operation.name.starts_with("Login") && exchange.status == 200 {
            let tokens =
                serde_json::from_slice::<jifeline_client::SessionTokens>(&exchange.response_body);
            shown.result("jifeline session tokens", &tokens);
        }
    }

    // ---- Claire: header and query keys, wrong key, 404, decode error, unreachable host.
    let url = sandbox.base_url(Vendor::Claire).to_owned();
    for placement in [
        claire_client::KeyPlacement::Header,
        claire_client::KeyPlacement::Query,
    ] {
        let builder = claire_client::ClaireClient::builder()
            .base_url(&url)
            .transport(Watched::over_reqwest(shown))
            .retry_policy(RetryPolicy::none())
            .key_placement(placement)
            .api_key(SecretString::from(claire::DEMO_API_KEY));
        shown.debug("claire builder", &builder);
        let client = builder.build().expect("claire client");
        shown.result("claire locations", &client.locations().list().await);
        shown.result("claire webhooks", &client.webhooks().list().await);
        let r = client
            .appointments()
            .get(claire_client::AppointmentId(987_654_321))
            .await;
        must_fail("claire unknown appointment", shown.result("claire 404", &r));
        shown.debug("claire client", &client);
        show_every_request(shown, "claire", client.core());
        let wrong = claire_client::ClaireClient::builder()
            .base_url(&url)
            .transport(Watched::over_reqwest(shown))
            .retry_policy(RetryPolicy::none())
            .key_placement(placement)
            .api_key(SecretString::from(WRONG_CLAIRE_KEY))
            .build()
            .expect("claire client with a wrong key");
        let r = wrong.locations().list().await;
        must_fail("claire wrong key", shown.result("claire wrong key", &r));
        // A decode error: the car-by-VIN call (an object) answered by the locations route (a
        // list).
        let confused = claire_client::ClaireClient::builder()
            .base_url(&url)
            .override_path("GetCarByVin", "/v1/locations")
            .key_placement(placement)
            .api_key(SecretString::from(claire::DEMO_API_KEY))
            .build()
            .expect("claire client with a misrouted call");
        let r = confused.cars().find_by_vin("WVWZZZ1JZXW000001").await;
        must_fail("claire decode", shown.result("claire decode", &r));
        // An unreachable host: the transport error must not quote the URL (and its key).
        let closed = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port");
        let unreachable = claire_client::ClaireClient::builder()
            .base_url(format!("http://{closed}"))
            .transport(Watched::over_reqwest(shown))
            .retry_policy(RetryPolicy::none())
            .key_placement(placement)
            .api_key(SecretString::from(claire::DEMO_API_KEY))
            .build()
            .expect("claire client for a closed port");
        let r = unreachable.locations().list().await;
        must_fail("claire unreachable", shown.result("claire unreachable", &r));
    }
    let r = claire_client::ClaireClient::builder()
        .base_url(&url)
        .api_key(SecretString::from("   "))
        .build();
    must_fail("claire blank key", shown.result("claire blank key", &r));

    // ---- BigFix: both credentials, wrong ones, validation, unknown order.
    let url = sandbox.base_url(Vendor::BigFix).to_owned();
    let builder = bigfix_client::BigfixClient::builder()
        .base_url(&url)
        .transport(Watched::over_reqwest(shown))
        .retry_policy(RetryPolicy::none())
        .api_key(SecretString::from(bigfix::DEMO_API_KEY))
        .jwt(SecretString::from(bigfix::DEMO_JWT));
    shown.debug("bigfix builder", &builder);
    let client = builder.build().expect("bigfix client");
    shown.debug("bigfix client", &client);
    show_every_request(shown, "bigfix", client.core());
    let template = client.template().download().await;
    shown.result("bigfix template", &template.map(|t| t.file_name));
    let order = single_bigfix_order("SECRETS-1");
    shown.result("bigfix order", &client.orders().create(&order).await);
    let r = client.tracking().get("NO-SUCH-ORDER-0").await;
    shown.result("bigfix unknown order", &r);
    let mut bad = single_bigfix_order("SECRETS-2");
    bad.customer_email = "not an e-mail".into();
    let r = client.orders().create(&bad).await;
    must_fail("bigfix e-mail rule", shown.result("bigfix validation", &r));
    let wrong = bigfix_client::BigfixClient::builder()
        .base_url(&url)
        .transport(Watched::over_reqwest(shown))
        .retry_policy(RetryPolicy::none())
        .api_key(SecretString::from(WRONG_BIGFIX_KEY))
        .jwt(SecretString::from(WRONG_BIGFIX_JWT))
        .build()
        .expect("bigfix client with wrong credentials");
    shown.debug("bigfix wrong client", &wrong);
    let r = wrong.template().download().await.map(|t| t.file_name);
    must_fail("bigfix wrong key", shown.result("bigfix wrong key", &r));
    let r = wrong
        .orders()
        .create(&single_bigfix_order("SECRETS-3"))
        .await;
    must_fail("bigfix wrong JWT", shown.result("bigfix wrong JWT", &r));
    let r = wrong.tracking().get("NO-SUCH-ORDER-0").await;
    must_fail(
        "bigfix wrong key tracking",
        shown.result("bigfix wrong tracking", &r),
    );

    // ---- ShipInsure: the signing key, a wrong one, validation.
    let url = sandbox.base_url(Vendor::ShipInsure).to_owned();
    let config =
        shipinsure_client::EnvironmentConfig::staging(&url, shipinsure::DEMO_API_TOKEN_KEY);
    shown.debug("shipinsure config", &config);
    let builder = shipinsure_client::ShipInsureClient::builder(config)
        .transport(Watched::over_reqwest(shown))
        .retry_policy(RetryPolicy::none());
    shown.debug("shipinsure builder", &builder);
    let client = builder.build().expect("shipinsure client");
    shown.debug("shipinsure client", &client);
    for op in [
        shipinsure_client::OperationId::SubmitSmeDelivery,
        shipinsure_client::OperationId::CancelSmeDeliveryOrder,
    ] {
        shown.debug("shipinsure signature scheme", &client.signature_scheme(op));
    }
    show_every_request(shown, "shipinsure", client.core());
    let order = shipinsure_order("SECRETS0001");
    shown.debug("shipinsure order", &order);
    shown.result(
        "shipinsure submit",
        &client.deliveries().submit(&order).await,
    );
    let r = client.deliveries().submit(&order).await;
    must_fail(
        "shipinsure duplicate",
        shown.result("shipinsure duplicate", &r),
    );
    let r = client.deliveries().submit(&shipinsure_order("")).await;
    must_fail(
        "shipinsure validation",
        shown.result("shipinsure validation", &r),
    );
    let wrong = shipinsure_client::ShipInsureClient::builder(
        shipinsure_client::EnvironmentConfig::staging(&url, WRONG_SHIPINSURE_KEY),
    )
    .transport(Watched::over_reqwest(shown))
    .retry_policy(RetryPolicy::none())
    .build()
    .expect("shipinsure client with a wrong key");
    shown.debug("shipinsure wrong client", &wrong);
    let r = wrong
        .deliveries()
        .submit(&shipinsure_order("SECRETS0002"))
        .await;
    must_fail(
        "shipinsure wrong key",
        shown.result("shipinsure wrong key", &r),
    );
    let r = shipinsure_client::ShipInsureClient::builder(
        shipinsure_client::EnvironmentConfig::staging(&url, " "),
    )
    .build();
    must_fail(
        "shipinsure blank key",
        shown.result("shipinsure blank key", &r),
    );

    // ---- partner-core's own credential holders.
    let key = StaticKey::header("X-API-Key", "", SecretString::from(bigfix::DEMO_API_KEY));
    shown.result("static header key", &key);
    let key = StaticKey::query("api_key", SecretString::from(claire::DEMO_API_KEY));
    shown.debug("static query key", &key);
    let token = Token::new(
        SecretString::from(bigfix::DEMO_JWT),
        Some(Duration::from_secs(60)),
    );
    shown.debug("token", &token);
    shown.debug("stored token", &token.to_stored());
    shown.debug(
        "secret string",
        &SecretString::from(carfix::DEMO_AFFILIATE_KEY),
    );

    (sandbox, passed)
}

fn single_bigfix_order(reference: &str) -> bigfix_client::RepairOrder {
    bigfix_client::RepairOrder {
        repair_ref_no: reference.into(),
        client_name: "Acme Warranty".into(),
        name: "Priya Sharma".into(),
        customer_mobile: "9123456780".into(),
        customer_email: "priya@example.com".into(),
        engagement_type: bigfix_client::EngagementType::Home,
        address_line1: "12 MG Road".into(),
        address_line2: None,
        city: "Bangalore".into(),
        state: "Karnataka".into(),
        pincode: "560001".into(),
        asset_type: "Mobile".into(),
        make: "Samsung".into(),
        model: "Galaxy S24".into(),
        imei_no: "356938035643809".into(),
        centre_city: "Bangalore".into(),
        issue: "Screen cracked".into(),
        size: "6.2 inch".into(),
    }
}

fn shipinsure_order(tracking_number: &str) -> shipinsure_client::SubmitDeliveryRequest {
    use shipinsure_client::{Addresses, Amounts, Customer, Goods, SubmitDeliveryRequest};
    SubmitDeliveryRequest::new(
        tracking_number,
        "ahasme",
        Customer::new("Nguyen Van A", "0901234567"),
        Addresses::new("12 Le Loi, District 1", "45 Hai Ba Trung, District 3"),
        Goods::new("electronics", "Bluetooth speaker", 1),
        Amounts::new(0, 1_500_000, 15_000),
        chrono::Utc::now(),
    )
}
