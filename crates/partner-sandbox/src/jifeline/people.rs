//! Jifeline sessions, connectors, the user, employees and customer details.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::http::StatusCode;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::Utc;
use jifeline_client::models::{CustomerDetailsEdit, EmployeeChange, NewEmployee};
use serde_json::{Value, json};

use super::{
    Answer, DEMO_CONNECTOR_ID, DEMO_CONNECTOR_UUID, DEMO_OTP, DEMO_PINCODE, DEMO_VIN,
    JifelineSandbox, Problem, State, bad_request, not_found, page,
};
use crate::server::Call;

/// The employee the demo login belongs to (`GET /v1/employees/me`).
const ME: &str = "497f6eca-6276-4993-bfeb-53cbbbba6f08";

pub(super) fn first_employee() -> Value {
    json!({
        "id": ME,
        "given_name": "John",
        "family_name": "Smith",
        "username": "john.smith@my-garage.com",
        "correspondence_locale": "en-GB",
        "enabled": true,
    })
}

pub(super) fn first_customer() -> Value {
    json!({
        "name": "Garage John Doe",
        "reference": "GJD-001",
        "street": "Main street",
        "number": "12a",
        "postal_code": "7777 AZ",
        "city": "Zevenbergen",
        "country": "NL",
        "email_address": "office@garage-john-doe.example",
        "financial_email_address": "finance@garage-john-doe.example",
        "phone": "+31201234567",
        "currency": "EUR",
    })
}

fn connector() -> Value {
    json!({
        "id": DEMO_CONNECTOR_ID,
        "uuid": DEMO_CONNECTOR_UUID,
        "is_online": true,
        "has_wifi": true,
        "software_version": 2,
        "hardware_version": 1,
        "supports_doip": true,
        "hardware_type": "classic",
        "vin_number": DEMO_VIN,
        "vehicle_path_string": "FORD#Focus#FOCUS - II (DA_, HCP, DP) (2004 - 2013)#1.4 59KW ASDA, ASDB (2004 - 2012)",
        "product_description": "Remote Diagnostic Support",
    })
}

/// A JWT with `sub`, `iat`, `exp` and a unique `jti`; the signature is a placeholder (the
/// sandbox recognises its tokens by keeping them, not by verifying them).
fn token(kind: &str, serial: u64, ttl: std::time::Duration) -> (String, chrono::DateTime<Utc>) {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    // Saturating: a configured lifetime of centuries must not overflow.
    let exp = now.saturating_add(ttl.as_secs().max(1));
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let claims = json!({ "sub": DEMO_CONNECTOR_UUID, "iat": now, "exp": exp, "jti": format!("{kind}-{serial}") });
    let claims = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signature = URL_SAFE_NO_PAD.encode(b"partner-sandbox");
    let expiry = chrono::DateTime::from_timestamp(i64::try_from(exp).unwrap_or(i64::MAX), 0)
        .unwrap_or(chrono::DateTime::<Utc>::MAX_UTC);
    (format!("{header}.{claims}.{signature}"), expiry)
}

/// A required text field; the document's examples send ids and pincodes as numbers too.
fn text_field(body: &Value, name: &str) -> Option<String> {
    let text = match body.get(name)? {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

impl JifelineSandbox {
    fn login(&self, state: &mut State) -> Value {
        state.logins += 1;
        let serial = state.logins;
        let (access, expiry) = token("access", serial, self.config.token_ttl);
        state.tokens.insert(access.clone(), expiry);
        let (id_token, _) = token("id", serial, self.config.token_ttl);
        let (refresh, _) = token("refresh", serial, self.config.token_ttl.saturating_mul(24));
        json!({ "access_token": access, "id_token": id_token, "refresh_token": refresh })
    }

    /// Logins and forgot-password, which need no token; `None` for other operations.
    pub(super) fn sessions(&self, name: &str, call: &Call) -> Option<Answer> {
        let body = || call.json::<Value>();
        let refused = || {
            Problem(
                StatusCode::UNAUTHORIZED,
                "invalid login credentials".to_owned(),
            )
        };
        let check = |pairs: &[(&str, &str)]| -> Result<(), Problem> {
            let body = body()?;
            for (field, expected) in pairs {
                let given = text_field(&body, field)
                    .ok_or_else(|| bad_request(format!("{field} is required")))?;
                if !given.eq_ignore_ascii_case(expected) {
                    return Err(refused());
                }
            }
            Ok(())
        };
        let result = match name {
            "LoginWithConnectorUuid" => check(&[
                ("connector_uuid", DEMO_CONNECTOR_UUID),
                ("pincode", DEMO_PINCODE),
            ]),
            "LoginWithConnectorId" => check(&[
                ("connector_id", &DEMO_CONNECTOR_ID.to_string()),
                ("pincode", DEMO_PINCODE),
            ]),
            "LoginWithOtp" => check(&[("otp", DEMO_OTP)]),
            "ForgotPassword" => {
                return Some(body().and_then(|b| {
                    let email = text_field(&b, "email_address")
                        .ok_or_else(|| bad_request("email_address is required"))?;
                    // The e-mail shape the client checks when strict (the document types the
                    // field as a plain string, so a default client sends anything).
                    if !jifeline_client::validate::is_plausible_email(&email) {
                        return Err(bad_request("email_address must be an e-mail address"));
                    }
                    Ok(json!({ "method": "SESSION" }))
                }));
            }
            _ => return None,
        };
        Some(result.map(|()| self.login(&mut self.state())))
    }

    /// Connectors, user, employees, customer; `None` for other operations.
    pub(super) fn people(&self, name: &str, call: &Call) -> Option<Answer> {
        let answer = match name {
            "ListConnectors" => page(call, vec![connector()]),
            "GetConnector" => match call.param("connectorId") {
                Some(id) if id == DEMO_CONNECTOR_ID.to_string() => Ok(connector()),
                _ => Err(not_found("connector")),
            },
            "GetConnectorByUuid" | "DismissConnectorAttention" => match call.param("connectorUUID") {
                Some(uuid) if uuid.eq_ignore_ascii_case(DEMO_CONNECTOR_UUID) => {
                    Ok(if name == "GetConnectorByUuid" { connector() } else { Value::Null })
                }
                _ => Err(not_found("connector")),
            },
            "GetUser" => Ok(json!({
                "id": "0777bdfc-e9de-4a02-8958-46b3d36015ce",
                "first_name": "John",
                "last_name": "Doe",
                "client": { "name": "Garage John Doe", "reference": "GJD-001", "allow_tickets_without_product": false },
                "service_provider": { "id": 71, "name": "Partner X", "currency": "EUR", "has_prepaid_wallet": false },
            })),
            "ListEmployees" => page(call, self.state().employees.clone()),
            "GetEmployee" => self.employee(call).map(|(_, e)| e),
            "CreateEmployee" => call.validated::<NewEmployee>().and_then(|new| {
                let mut state = self.state();
                if let Some(username) = new.username.as_deref()
                    && state.employees.iter().any(|e| e["username"] == username)
                {
                    return Err(Problem(StatusCode::CONFLICT, format!("username {username} is taken")));
                }
                state.next_id += 1;
                let employee = json!({
                    "id": format!("00000000-0000-4000-8000-{:012}", state.next_id),
                    "given_name": new.given_name,
                    "family_name": new.family_name,
                    "username": new.username,
                    "correspondence_locale": new.correspondence_locale.unwrap_or_else(|| "en-GB".to_owned()),
                    "enabled": true,
                });
                state.employees.push(employee.clone());
                Ok(employee)
            }),
            "ChangeEmployee" => call.validated::<EmployeeChange>().and_then(|change| {
                let (index, _) = self.employee(call)?;
                let mut state = self.state();
                let employee = &mut state.employees[index];
                employee["given_name"] = json!(change.given_name);
                employee["family_name"] = json!(change.family_name);
                // "Once set it cannot be unset, only updated."
                match change.username {
                    Some(username) => employee["username"] = json!(username),
                    None if !employee["username"].is_null() => {
                        return Err(bad_request("username cannot be unset"));
                    }
                    None => {}
                }
                if let Some(locale) = change.correspondence_locale {
                    employee["correspondence_locale"] = json!(locale);
                }
                if let Some(enabled) = change.enabled {
                    employee["enabled"] = json!(enabled);
                }
                Ok(employee.clone())
            }),
            "GetCustomerDetails" => Ok(self.state().customer.clone()),
            "EditCustomerDetails" => call.validated::<CustomerDetailsEdit>().and_then(|edit| {
                let mut state = self.state();
                let changes = serde_json::to_value(edit).map_err(|e| bad_request(e.to_string()))?;
                if let (Some(customer), Value::Object(changes)) = (state.customer.as_object_mut(), changes) {
                    customer.extend(changes);
                }
                Ok(state.customer.clone())
            }),
            "GetBranding" => Ok(json!({
                "branding_name": "Garage John Doe",
                "customer_portal_url": "customer-portal.sandbox.example",
            })),
            _ => return None,
        };
        Some(answer)
    }

    /// The employee named by the `employeeId` path parameter (`me` is the logged-in user).
    fn employee(&self, call: &Call) -> Result<(usize, Value), Problem> {
        let id = call.param("employeeId").unwrap_or_default();
        let id = if id == "me" { ME } else { id };
        let state = self.state();
        state
            .employees
            .iter()
            .position(|e| e["id"] == id)
            .map(|i| (i, state.employees[i].clone()))
            .ok_or_else(|| not_found("employee"))
    }
}
