//! CarFix: the Affiliate API (cases, lookups, truck tracking, photos) and the Workshop API
//! (trucks, drivers, claims), each behind its own token login (2.1, 2.2).
//!
//! Logins answer an OAuth-style `{access_token, token_type, expires_in}` with `expires_in`
//! about 60 hours as documented (configurable, [`CarfixConfig::token_ttl`]); a token works
//! only on its own API and only until it expires, then calls get 401 and the client logs in
//! again. [`CarfixSandbox::expire_tokens`] expires them all at once. Bodies are read with
//! the client's models and checked with its rules; a violation is 400
//! `{"Message": "The request is invalid.", "Errors": [...]}` (ASP.NET's shape, as no error
//! body is documented). Times are CarFix local time (UTC+8) without a zone, as documented.

mod cases;
mod lookups;
mod workshop;

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, NaiveDateTime, Utc};
use partner_core::Operation;
use serde_json::{Value, json};

use crate::server::{Call, Refusal, VendorApi, bad_request, json, not_found};

pub use cases::CaseRecord;
pub use workshop::TruckRecord;

/// The Affiliate API's demo `clientusername`.
pub const DEMO_AFFILIATE_USERNAME: &str = "CARFIX-REFERRED";
/// The Affiliate API's demo `clientkey`.
pub const DEMO_AFFILIATE_KEY: &str = "sandbox-carfix-affiliate-key";
/// The Workshop API's demo `clientusername`.
pub const DEMO_WORKSHOP_USERNAME: &str = "ONEWORKS-TOWING";
/// The Workshop API's demo `clientkey`.
pub const DEMO_WORKSHOP_KEY: &str = "sandbox-carfix-workshop-key";

/// CarFix settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarfixConfig {
    /// How long a token lives (`expires_in`); default 60 hours, as documented.
    pub token_ttl: Duration,
}

impl Default for CarfixConfig {
    fn default() -> Self {
        CarfixConfig {
            token_ttl: Duration::from_secs(60 * 3600),
        }
    }
}

/// Which API a token opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Api {
    Affiliate,
    Workshop,
}

#[derive(Debug)]
struct State {
    tokens: HashMap<String, (Api, DateTime<Utc>)>,
    logins: u64,
    rng: fastrand::Rng,
    cases: Vec<CaseRecord>,
    trucks: Vec<TruckRecord>,
    next_case: u64,
}

/// The CarFix emulation and its state.
#[derive(Debug)]
pub struct CarfixSandbox {
    config: CarfixConfig,
    state: Mutex<State>,
}

type Answer = Result<Value, Refusal>;

/// CarFix local time (Malaysia, UTC+8), which the API writes without a zone.
fn local_now() -> NaiveDateTime {
    (Utc::now() + chrono::Duration::hours(8)).naive_utc()
}

/// `2023-03-13T14:56:18.67`: the .NET format of 3.4 and 3.21 (centiseconds).
fn dotnet(t: NaiveDateTime) -> String {
    let centis = t.and_utc().timestamp_subsec_millis() / 10;
    format!("{}.{centis:02}", t.format("%Y-%m-%dT%H:%M:%S"))
}

/// `17/02/2024 01:58:16 PM`: the format of truck positions (3.18, 4.1, 4.3).
fn clock12(t: NaiveDateTime) -> String {
    t.format("%d/%m/%Y %I:%M:%S %p").to_string()
}

impl CarfixSandbox {
    /// The demo fleet (two trucks, two drivers) and claims; no cases.
    pub fn new(config: CarfixConfig, seed: u64) -> Self {
        CarfixSandbox {
            config,
            state: Mutex::new(State {
                tokens: HashMap::new(),
                logins: 0,
                rng: fastrand::Rng::with_seed(seed),
                cases: Vec::new(),
                trucks: workshop::fleet(),
                next_case: 0,
            }),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Expires every token issued so far: the next call with one gets 401.
    pub fn expire_tokens(&self) {
        let past = Utc::now() - chrono::Duration::seconds(1);
        for (_, expiry) in self.state().tokens.values_mut() {
            *expiry = past;
        }
    }

    /// Successful logins on either API.
    pub fn logins(&self) -> u64 {
        self.state().logins
    }

    /// Every case, in creation order.
    pub fn cases(&self) -> Vec<CaseRecord> {
        self.state().cases.clone()
    }

    /// Every truck of the fleet.
    pub fn trucks(&self) -> Vec<TruckRecord> {
        self.state().trucks.clone()
    }

    fn login(&self, call: &Call, api: Api) -> Answer {
        let body: Value = call.json()?;
        let expected = match api {
            Api::Affiliate => (DEMO_AFFILIATE_USERNAME, DEMO_AFFILIATE_KEY),
            Api::Workshop => (DEMO_WORKSHOP_USERNAME, DEMO_WORKSHOP_KEY),
        };
        if body["clientusername"] != expected.0 || body["clientkey"] != expected.1 {
            return Err(bad_request("The user name or password is incorrect."));
        }
        let mut state = self.state();
        state.logins += 1;
        let token: String = (0..40).map(|_| state.rng.alphanumeric()).collect();
        let ttl = chrono::Duration::from_std(self.config.token_ttl)
            .unwrap_or(chrono::Duration::hours(60));
        let expiry = Utc::now()
            .checked_add_signed(ttl)
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        state.tokens.insert(token.clone(), (api, expiry));
        Ok(json!({
            "access_token": token,
            "token_type": "bearer",
            // .NET writes the lifetime as a float of seconds, just under the full period.
            "expires_in": self.config.token_ttl.as_secs_f64() - 0.0625,
            "scope": "",
            "schema": "",
        }))
    }

    fn authorised(&self, call: &Call, api: Api) -> bool {
        let Some(token) = call
            .header("authorization")
            .and_then(|h| h.split_once(' '))
            .map(|(_, t)| t.trim())
        else {
            return false;
        };
        self.state()
            .tokens
            .get(token)
            .is_some_and(|(kind, exp)| *kind == api && *exp > Utc::now())
    }

    fn dispatch(&self, call: &Call) -> Answer {
        let name = call.op.name;
        match name {
            "AffiliateLogin" => return self.login(call, Api::Affiliate),
            "WorkshopLogin" => return self.login(call, Api::Workshop),
            _ => {}
        }
        let api = if call.op.path.contains("/Workshop/") {
            Api::Workshop
        } else {
            Api::Affiliate
        };
        if !self.authorised(call, api) {
            return Err(Refusal(
                StatusCode::UNAUTHORIZED,
                "Authorization has been denied for this request.".to_owned(),
            ));
        }
        if let Some(answer) = self.lookup(name, call) {
            return answer;
        }
        if let Some(answer) = self.case_api(name, call) {
            return answer;
        }
        if let Some(answer) = self.workshop_api(name, call) {
            return answer;
        }
        Err(Refusal(
            StatusCode::NOT_IMPLEMENTED,
            format!("{name} is not emulated by partner-sandbox"),
        ))
    }

    /// 3.9 to 3.17; `None` for other operations.
    fn lookup(&self, name: &str, call: &Call) -> Option<Answer> {
        use lookups::*;
        let items = |pairs: Vec<(String, String)>| {
            json!(
                pairs
                    .into_iter()
                    .map(|(id, label)| json!({ "id": id, "label": label }))
                    .collect::<Vec<_>>()
            )
        };
        let owned = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect::<Vec<_>>()
        };
        let field = |name: &str| -> Result<String, Refusal> {
            let body: Value = call.json()?;
            body[name]
                .as_str()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .ok_or_else(|| bad_request(format!("{name} is required")))
        };
        let answer = match name {
            "Test" => Ok(json!({ "Result": true })),
            "GetStates" => Ok(items(
                STATES
                    .iter()
                    .map(|s| (s.0.to_owned(), s.1.to_owned()))
                    .collect(),
            )),
            "GetAreas" => field("State").map(|id| {
                items(
                    STATES
                        .iter()
                        .find(|s| s.0 == id)
                        .map(|s| owned(s.2))
                        .unwrap_or_default(),
                )
            }),
            "GetNatureOfCalls" => Ok(items(
                NATURES
                    .iter()
                    .map(|n| (n.0.to_owned(), n.1.to_owned()))
                    .collect(),
            )),
            "GetServiceNeeded" => field("NatureOfCall").map(|id| {
                items(
                    NATURES
                        .iter()
                        .find(|n| n.0 == id)
                        .map(|n| owned(n.2))
                        .unwrap_or_default(),
                )
            }),
            "GetTypeOfPunctures" => Ok(json!(
                PUNCTURES
                    .iter()
                    .map(|(id, label)| json!({ "id": id, "label": label }))
                    .collect::<Vec<_>>()
            )),
            "GetBreakdownCauses" => Ok(items(owned(BREAKDOWN_CAUSES))),
            "GetCarMakes" => Ok(json!(
                CAR_MAKES
                    .iter()
                    .map(|m| json!({ "label": m }))
                    .collect::<Vec<_>>()
            )),
            "GetListOfWorkshop" => field("Area").map(|id| items(workshops(&id, false))),
            "GetListOfRsaWorkshop" => field("Area").map(|id| items(workshops(&id, true))),
            _ => return None,
        };
        Some(answer)
    }
}

impl VendorApi for CarfixSandbox {
    fn operations(&self) -> &'static [Operation] {
        carfix_client::OPERATIONS
    }

    fn handle(&self, call: Call) -> Response {
        match self.dispatch(&call) {
            Ok(body) => json(StatusCode::OK, body),
            // What OAuth token endpoints (and the client's fixture) answer for a refused login.
            Err(Refusal(status, message)) if call.op.name.ends_with("Login") => json(
                status,
                json!({ "error": "invalid_grant", "error_description": message }),
            ),
            Err(refusal) => self.refuse(refusal),
        }
    }

    fn refuse(&self, Refusal(status, message): Refusal) -> Response {
        let text = if status == StatusCode::BAD_REQUEST {
            format!("The request is invalid: {message}")
        } else {
            message.clone()
        };
        json(status, json!({ "Message": text, "Errors": [message] }))
    }
}
