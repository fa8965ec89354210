//! Jifeline against the sandbox: logins (connector, OTP, refused), an expired token renewed
//! by logging in again, paging with real totals, tickets active then historical, prepared
//! tickets, employees, and the rules the client checks refused by the server too.

mod common;

use futures_util::TryStreamExt;
use jifeline_client::api::ProductScope;
use jifeline_client::models::{
    CartTotalsRequest, CreateTicket, Csat, EmployeeChange, EmployeeRef, NewEmployee,
};
use jifeline_client::{Credentials, Error, JifelineClient};
use partner_sandbox::jifeline::{
    DEMO_CONNECTOR_ID, DEMO_CONNECTOR_UUID, DEMO_OTP, DEMO_PINCODE, DEMO_VIN, DEMO_VOUCHER,
};
use partner_sandbox::{Fault, Sandbox, Vendor};

const MODEL: i64 = 23_423;
const VARIANT: i64 = 34_234;

async fn sandbox() -> Sandbox {
    Sandbox::builder()
        .only(&[Vendor::Jifeline])
        .start()
        .await
        .unwrap()
}

fn client(sandbox: &Sandbox, credentials: Credentials) -> JifelineClient {
    JifelineClient::builder()
        .base_url(sandbox.base_url(Vendor::Jifeline))
        .credentials(credentials)
        .retry_policy(common::fast_retries())
        .build()
        .unwrap()
}

fn connector(sandbox: &Sandbox) -> JifelineClient {
    client(
        sandbox,
        Credentials::connector_uuid(DEMO_CONNECTOR_UUID.parse().unwrap(), DEMO_PINCODE),
    )
}

#[tokio::test]
async fn worked_flow_ticket_active_then_historical() {
    let sandbox = sandbox().await;
    let client = connector(&sandbox);
    let vehicle = client.vehicles().search_by_vin(DEMO_VIN).await.unwrap();
    assert_eq!(vehicle.model.unwrap().id, MODEL);

    let first = client
        .products()
        .list(MODEL, VARIANT)
        .limit(20)
        .send()
        .await
        .unwrap();
    assert_eq!((first.result.len(), first.total), (20, Some(45)));
    let all: Vec<_> = client
        .products()
        .list(MODEL, VARIANT)
        .limit(20)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 45);
    let group = client
        .products()
        .list(MODEL, VARIANT)
        .scope(ProductScope::Group(2691))
        .send()
        .await
        .unwrap();
    assert_eq!(group.total, Some(15));

    let chosen = vec![all[0].id, all[2].id];
    let totals = client
        .cart()
        .totals(&CartTotalsRequest::new(MODEL, VARIANT, chosen.clone()).voucher(DEMO_VOUCHER))
        .await
        .unwrap();
    let net = totals.total.unwrap().net_price.unwrap().value;
    assert_eq!(net.to_string(), "108", "(50 + 70) minus 10 %");

    let ticket = CreateTicket::new(DEMO_VIN, MODEL, VARIANT, DEMO_CONNECTOR_ID, chosen.clone());
    let created = client.tickets().create(&ticket).await.unwrap();
    let id: i64 = created.id.unwrap().as_i64().unwrap();
    let err = client.tickets().create(&ticket).await.unwrap_err();
    assert!(
        matches!(err, Error::Status { status: 409, .. }),
        "one active ticket per connector: {err:?}"
    );
    assert!(
        client
            .connectors()
            .active_ticket(DEMO_CONNECTOR_ID)
            .await
            .is_ok()
    );
    client.tickets().rate(id, &Csat::new(-0.5)).await.unwrap();
    assert_eq!(sandbox.jifeline().tickets()[0].csat, Some((-0.5, None)));
    assert_eq!(
        client
            .tickets()
            .historical(Some(DEMO_VIN), None)
            .send()
            .await
            .unwrap()
            .total,
        Some(0)
    );

    assert!(sandbox.jifeline().finish_ticket(id));
    let err = client
        .connectors()
        .active_ticket(DEMO_CONNECTOR_ID)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Status { status: 404, .. }), "{err:?}");
    let history = client
        .tickets()
        .historical(Some(DEMO_VIN), None)
        .send()
        .await
        .unwrap();
    assert_eq!(history.total, Some(1));
    assert_eq!(client.tickets().historical_ticket(id).await.unwrap().id, id);
    assert_eq!(
        client.tickets().notes(id).send().await.unwrap().total,
        Some(1)
    );
}

#[tokio::test]
async fn logins_refusals_and_an_expired_token() {
    let sandbox = sandbox().await;
    let otp = client(&sandbox, Credentials::otp(DEMO_OTP));
    assert_eq!(
        otp.user().get().await.unwrap().first_name.as_deref(),
        Some("John")
    );

    let wrong = client(
        &sandbox,
        Credentials::connector_uuid(DEMO_CONNECTOR_UUID.parse().unwrap(), "9999"),
    );
    let err = wrong.user().get().await.unwrap_err();
    assert!(matches!(err, Error::Auth { .. }), "{err:?}");

    let client = connector(&sandbox);
    client.user().get().await.unwrap();
    let logins = sandbox.jifeline().logins();
    // The token expires server-side: the call gets 401, the client logs in again and retries.
    sandbox.jifeline().expire_tokens();
    client.user().get().await.unwrap();
    assert_eq!(sandbox.jifeline().logins(), logins + 1);

    // Without credentials there is nothing to renew with: the call fails as unauthorised.
    let bare = reqwest::Client::new()
        .get(format!("{}/v1/user", sandbox.base_url(Vendor::Jifeline)))
        .send()
        .await
        .unwrap();
    assert_eq!(bare.status(), 401);
    assert_eq!(bare.headers()["content-type"], "application/problem+json");
}

#[tokio::test]
async fn prepared_tickets_and_employees() {
    let sandbox = sandbox().await;
    let client = connector(&sandbox);
    let prepared = client.tickets().prepared(DEMO_VIN).send().await.unwrap();
    assert_eq!(prepared.total, Some(1));
    let ticket = CreateTicket::new(DEMO_VIN, MODEL, VARIANT, DEMO_CONNECTOR_ID, [52_351])
        .prepared_ticket(prepared.result[0].id);
    client.tickets().create(&ticket).await.unwrap();
    assert_eq!(
        client
            .tickets()
            .prepared(DEMO_VIN)
            .send()
            .await
            .unwrap()
            .total,
        Some(0),
        "used up"
    );

    let me = client.employees().me().await.unwrap();
    assert_eq!(me.given_name.as_deref(), Some("John"));
    let new = NewEmployee::new("Ada", "Lovelace", "ada@my-garage.com").locale("en-GB");
    let ada = client.employees().create(&new).await.unwrap();
    let err = client.employees().create(&new).await.unwrap_err();
    assert!(matches!(err, Error::Status { status: 409, .. }), "{err:?}");
    let change = EmployeeChange::new("Ada", "King", "ada@my-garage.com").enabled(false);
    let changed = client
        .employees()
        .change(EmployeeRef::from(ada.id), &change)
        .await
        .unwrap();
    assert_eq!(
        (changed.family_name.as_deref(), changed.enabled),
        (Some("King"), Some(false))
    );
    assert_eq!(
        client.employees().list().send().await.unwrap().total,
        Some(2)
    );
}

#[tokio::test]
async fn the_server_checks_the_documented_rules_too() {
    let sandbox = sandbox().await;
    let client = connector(&sandbox);
    client.user().get().await.unwrap();
    let token = {
        let tokens = client.session_tokens().unwrap();
        partner_core::ExposeSecret::expose_secret(&tokens.access_token).to_owned()
    };
    let base = sandbox.base_url(Vendor::Jifeline);
    let http = reqwest::Client::new();
    let get = |path: String| http.get(format!("{base}{path}")).bearer_auth(&token).send();
    let status = |path: &str| {
        let path = path.to_owned();
        async { get(path).await.unwrap().status().as_u16() }
    };
    // Lookups take any VIN that is there (the 17-character rule is the cart's): an unknown
    // one is not found, a blank one is refused.
    assert_eq!(
        status("/v1/vehicles/search?vin=VF1CN04054456164").await,
        404
    );
    assert_eq!(status("/v1/vehicles/search?vin=%20").await, 400);
    assert_eq!(
        status("/v1/vehicles/search?vin=ZZZZZZZZZZZZZZZZZ").await,
        404
    );
    let both = format!(
        "/v1/products?vehicle_model_id={MODEL}&vehicle_model_variant_id={VARIANT}&product_group_id=2691&product_bundle_id=x"
    );
    assert_eq!(status(&both).await, 400);
    assert_eq!(status("/v1/vehicle-makes?limit=201").await, 400);
    let csat = http
        .put(format!("{base}/v1/tickets/1/csat"))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "score": 2 }))
        .send()
        .await
        .unwrap();
    assert_eq!(csat.status(), 400);
    let err = client
        .cart()
        .totals(&CartTotalsRequest::new(MODEL, VARIANT, [52_351]).voucher("NOPE"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Status { status: 422, .. }), "{err:?}");
}

#[tokio::test]
async fn creating_a_ticket_is_not_resent_after_a_drop_but_reads_are() {
    let sandbox = sandbox().await;
    let client = connector(&sandbox);
    client.user().get().await.unwrap();
    let faults = sandbox.faults(Vendor::Jifeline);
    faults.push([Fault::DropConnection]);
    let ticket = CreateTicket::new(DEMO_VIN, MODEL, VARIANT, DEMO_CONNECTOR_ID, [52_351]);
    let err = client.tickets().create(&ticket).await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(
        sandbox.jifeline().tickets().len(),
        1,
        "created once, not twice"
    );
    faults.push([Fault::DropConnection, Fault::Unavailable]);
    assert!(
        client
            .connectors()
            .active_ticket(DEMO_CONNECTOR_ID)
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn service_center_translation_channels_and_serviced_vehicles() {
    use jifeline_client::models::TranslateRequest;
    let sandbox = sandbox().await;
    let client = connector(&sandbox);
    assert!(client.service_center().info().await.is_ok());
    assert!(
        client
            .service_center()
            .state()
            .await
            .unwrap()
            .ends_at
            .is_some()
    );
    assert!(
        client
            .customer()
            .branding()
            .await
            .unwrap()
            .branding_name
            .is_some()
    );
    let translated = client
        .translations()
        .translate(&TranslateRequest::new("Hello", "de"))
        .await
        .unwrap();
    assert_eq!(translated.message.translated.as_deref(), Some("[de] Hello"));

    let ticket = CreateTicket::new(DEMO_VIN, MODEL, VARIANT, DEMO_CONNECTOR_ID, [52_351]);
    let created = client.tickets().create(&ticket).await.unwrap();
    let channel = created.uuid.unwrap().to_string();
    client
        .channels()
        .send_control_message(&channel)
        .await
        .unwrap();
    let attachment = client
        .channels()
        .create_attachment(&channel, "scan.pdf")
        .await
        .unwrap();
    let reference = attachment.file_reference.clone();
    let fetched = client
        .channels()
        .attachment(&channel, &reference)
        .await
        .unwrap();
    assert_eq!(fetched.file_name.as_deref(), Some("scan.pdf"));
    let err = client
        .channels()
        .send_control_message("00000000-0000-4000-8000-000000000000")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Status { status: 404, .. }), "{err:?}");

    let serviced = client.vehicles().serviced().send().await.unwrap();
    assert_eq!(serviced.total, Some(1));
    assert_eq!(serviced.result[0].make_name.as_deref(), Some("Ford"));
}
