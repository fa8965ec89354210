//! Claire against the sandbox: import with the webhook called back, reads, webhooks CRUD
//! and delivery errors, API key checks, and the rate limit (headers, 429, retry).

mod common;

use std::time::Duration;

use chrono::Utc;
use claire_client::{
    AppointmentFilter, ClaireClient, Error, ImportAppointment, ImportCar, ImportCustomer,
    ImportOutcome, ImportRequest, KeyPlacement, LocationId, SecretString, ValidationRules, Webhook,
    WebhookPayload, WebhookTriggerId,
};
use partner_sandbox::claire::{ClaireConfig, DEMO_API_KEY, WebhookSink};
use partner_sandbox::{Sandbox, Vendor};

const WAIT: Duration = Duration::from_secs(5);

async fn sandbox(config: ClaireConfig) -> Sandbox {
    Sandbox::builder()
        .only(&[Vendor::Claire])
        .claire(config)
        .start()
        .await
        .unwrap()
}

fn client(sandbox: &Sandbox, key: &str) -> ClaireClient {
    ClaireClient::builder()
        .base_url(sandbox.base_url(Vendor::Claire))
        .api_key(SecretString::from(key.to_owned()))
        .retry_policy(common::fast_retries())
        .build()
        .unwrap()
}

fn appointment(dms_nr: &str, wo_nr: &str) -> ImportAppointment {
    ImportAppointment::new(LocationId(12), dms_nr, wo_nr, Utc::now(), Utc::now())
        .car(ImportCar::new(
            "C-77",
            "WVWZZZ1JZXW000001",
            "Volkswagen",
            "Golf",
        ))
        .driver(ImportCustomer::new("K-501", "Jansen"))
}

#[tokio::test]
async fn import_calls_the_webhook_and_the_appointment_can_be_read() {
    let sandbox = sandbox(ClaireConfig::default()).await;
    let client = client(&sandbox, DEMO_API_KEY);
    let mut sink = WebhookSink::start().await.unwrap();
    let hook = Webhook::new(
        "imports",
        WebhookTriggerId::PublicApiAppointmentImported,
        sink.url(),
    )
    .header("X-Shared-Secret", "s3cret");
    let hook_id = client.webhooks().create(&hook).await.unwrap();
    assert_eq!(
        client.webhooks().get(hook_id).await.unwrap().url,
        sink.url()
    );

    let batch = ImportRequest::new(vec![appointment("A-1", "WO-1"), appointment("A-2", "WO-2")]);
    client.appointments().import(&batch).await.unwrap();
    let mut ids = Vec::new();
    for _ in 0..2 {
        let call = sink.next(WAIT).await.expect("webhook called");
        assert_eq!(call.headers["x-shared-secret"], "s3cret");
        let payload = WebhookPayload::from_slice(&call.body).unwrap();
        match payload.import_outcome() {
            Some(ImportOutcome::Imported { appointment_id }) => ids.push(appointment_id),
            other => panic!("{other:?}"),
        }
    }
    let first = client.appointments().get(ids[0]).await.unwrap();
    assert_eq!(
        (first.wo_nr.as_str(), first.vin.as_str()),
        ("WO-1", "WVWZZZ1JZXW000001")
    );

    // Re-importing the same dms_nr and dms_created_at updates instead of creating.
    let listed = client
        .appointments()
        .list(&AppointmentFilter::new(LocationId(12)).dms_nr("A-1"))
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    let today = AppointmentFilter::new(LocationId(12)).date(Utc::now().date_naive());
    assert_eq!(client.appointments().list(&today).await.unwrap().len(), 2);
    // The location alone is a filter (the lenient reading of "at least one filter").
    let everything = AppointmentFilter::new(LocationId(12));
    assert_eq!(
        client.appointments().list(&everything).await.unwrap().len(),
        2
    );
    assert!(
        client
            .appointments()
            .list(&AppointmentFilter::new(LocationId(13)).dms_nr("A-1"))
            .await
            .unwrap()
            .is_empty()
    );

    let car = client
        .cars()
        .find_by_vin("WVWZZZ1JZXW000001")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(car.make, "Volkswagen");
    assert!(
        client
            .cars()
            .find_by_vin("WVWZZZ1JZXW000009")
            .await
            .unwrap()
            .is_none()
    );
    assert!(client.checks().list(ids[0]).await.unwrap().is_empty());
    assert_eq!(sandbox.claire().appointments().len(), 2);
}

#[tokio::test]
async fn an_invalid_appointment_is_reported_by_webhook_and_a_bad_batch_refused() {
    let sandbox = sandbox(ClaireConfig::default()).await;
    let client = client(&sandbox, DEMO_API_KEY);
    let mut sink = WebhookSink::start().await.unwrap();
    let hook = Webhook::new(
        "imports",
        WebhookTriggerId::PublicApiAppointmentImported,
        sink.url(),
    );
    client.webhooks().create(&hook).await.unwrap();

    // Skipping the client's checks: the document says 200, with the error by webhook.
    let mut body =
        serde_json::to_value(ImportRequest::new(vec![appointment("A-3", "WO-3")])).unwrap();
    body["appointments"][0]["car"]["vin"] = "".into();
    let url = format!(
        "{}/v1/appointments/import",
        sandbox.base_url(Vendor::Claire)
    );
    let http = reqwest::Client::new();
    let answer = http
        .post(&url)
        .header("Authorization", DEMO_API_KEY)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    let payload = WebhookPayload::from_slice(&sink.next(WAIT).await.unwrap().body).unwrap();
    match payload.import_outcome() {
        Some(ImportOutcome::Failed { error }) => assert!(error.contains("car.vin"), "{error}"),
        other => panic!("{other:?}"),
    }
    assert!(sandbox.claire().appointments().is_empty());

    // Whole-request rules answer 400: more than 100, mixed locations, unknown location.
    let many: Vec<_> = (0..101)
        .map(|i| appointment(&format!("A-{i}"), "WO"))
        .collect();
    let answer = http
        .post(&url)
        .header("Authorization", DEMO_API_KEY)
        .json(&ImportRequest::new(many))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 400);
    let mut mixed = appointment("B-1", "WO");
    mixed.location_id = LocationId(13);
    let body = ImportRequest::new(vec![appointment("B-0", "WO"), mixed]);
    let answer = http
        .post(&url)
        .header("Authorization", DEMO_API_KEY)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 400);
    let mut elsewhere = appointment("B-2", "WO");
    elsewhere.location_id = LocationId(99);
    let err = client
        .appointments()
        .import(&ImportRequest::new(vec![elsewhere]))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Status { status: 400, .. }), "{err:?}");
}

#[tokio::test]
async fn webhook_crud_and_delivery_errors() {
    let sandbox = sandbox(ClaireConfig::default()).await;
    let client = client(&sandbox, DEMO_API_KEY);
    assert!(
        client
            .webhooks()
            .triggers()
            .await
            .unwrap()
            .iter()
            .any(|t| t.id == WebhookTriggerId::PublicApiAppointmentImported)
    );
    // Nothing listens on port 9 of the loopback: every call fails and is listed as an error.
    let hook = Webhook::new(
        "dead end",
        WebhookTriggerId::PublicApiAppointmentImported,
        "http://127.0.0.1:9/hook",
    );
    let id = client.webhooks().create(&hook).await.unwrap();
    let updated = client.webhooks().get(id).await.unwrap().name("renamed");
    client.webhooks().update(&updated).await.unwrap();
    assert_eq!(client.webhooks().list().await.unwrap()[0].name, "renamed");

    client
        .appointments()
        .import(&ImportRequest::new(vec![appointment("A-9", "WO-9")]))
        .await
        .unwrap();
    let mut errors = Vec::new();
    // Up to 5 s: the call runs on a spawned task after the import answered.
    for _ in 0..250 {
        errors = client.webhooks().errors(id).page(1).await.unwrap().items;
        if !errors.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        errors[0].reason.contains("could not be reached"),
        "{errors:?}"
    );

    client.webhooks().delete(id).await.unwrap();
    assert!(client.webhooks().list().await.unwrap().is_empty());
    let err = client.webhooks().get(id).await.unwrap_err();
    assert!(matches!(err, Error::Status { status: 404, .. }), "{err:?}");
    // The document states no webhook rules: the client sends, the sandbox refuses ...
    let ftp = Webhook::new("bad", WebhookTriggerId::CarReady, "ftp://x");
    let err = client.webhooks().create(&ftp).await.unwrap_err();
    assert!(
        matches!(err, Error::Status { status: 400, .. }),
        "the server judges: {err:?}"
    );
    // ... unless the client is asked for the strict rules.
    let strict = ClaireClient::builder()
        .base_url(sandbox.base_url(Vendor::Claire))
        .api_key(SecretString::from(DEMO_API_KEY))
        .validation_rules(ValidationRules::STRICT)
        .build()
        .unwrap();
    let err = strict.webhooks().create(&ftp).await.unwrap_err();
    assert!(
        matches!(err, Error::Validation(_)),
        "the strict client checks it first: {err:?}"
    );
}

#[tokio::test]
async fn the_api_key_is_enforced_in_header_or_query() {
    let sandbox = sandbox(ClaireConfig::default()).await;
    let err = client(&sandbox, "wrong-key")
        .locations()
        .list()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Auth { .. }), "{err:?}");
    let by_query = ClaireClient::builder()
        .base_url(sandbox.base_url(Vendor::Claire))
        .api_key(SecretString::from(DEMO_API_KEY))
        .key_placement(KeyPlacement::Query)
        .build()
        .unwrap();
    assert_eq!(by_query.locations().list().await.unwrap().len(), 2);
}

#[tokio::test]
async fn the_rate_limit_sends_headers_then_429() {
    // An hour-long window, so the sequence cannot roll over however slow the machine is.
    let config = ClaireConfig {
        rate_limit: 3,
        window: Duration::from_secs(3600),
    };
    let sandbox = sandbox(config).await;
    let url = format!("{}/v1/tags", sandbox.base_url(Vendor::Claire));
    let http = reqwest::Client::new();
    let mut seen = Vec::new();
    for _ in 0..4 {
        let answer = http
            .get(&url)
            .header("Authorization", DEMO_API_KEY)
            .send()
            .await
            .unwrap();
        assert_eq!(answer.headers()["x-ratelimit-limit"], "3");
        let reset: u64 = answer.headers()["x-ratelimit-reset"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(
            (3590..=3600).contains(&reset),
            "seconds until the window resets: {reset}"
        );
        if answer.status() == 429 {
            assert_eq!(
                answer.headers()["retry-after"],
                answer.headers()["x-ratelimit-reset"]
            );
        }
        let remaining = answer.headers()["x-ratelimit-remaining"]
            .to_str()
            .unwrap()
            .to_owned();
        seen.push((answer.status().as_u16(), remaining));
    }
    assert_eq!(
        seen,
        [
            (200, "2".into()),
            (200, "1".into()),
            (200, "0".into()),
            (429, "0".into())
        ]
    );

    // Without retries the 429 surfaces as RateLimited, carrying the quota.
    let no_retry = ClaireClient::builder()
        .base_url(sandbox.base_url(Vendor::Claire))
        .api_key(SecretString::from(DEMO_API_KEY))
        .retry_policy(partner_core::RetryPolicy::none())
        .build()
        .unwrap();
    let err = no_retry.tags().list().await.unwrap_err();
    assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
}

#[tokio::test]
async fn a_client_waits_out_the_rate_limit() {
    // A one-second window: the client sees the quota run out (or a 429 when it did not know)
    // and waits for the reset instead of failing.
    let config = ClaireConfig {
        rate_limit: 2,
        window: Duration::from_secs(1),
    };
    let sandbox = sandbox(config).await;
    let client = client(&sandbox, DEMO_API_KEY);
    for _ in 0..3 {
        assert_eq!(client.tags().list().await.unwrap().len(), 2);
    }
    let quota = client.quota().unwrap();
    assert_eq!(quota.limit, Some(2));
}

#[tokio::test]
async fn a_dropped_import_is_not_resent_but_a_dropped_read_is() {
    let sandbox = sandbox(ClaireConfig::default()).await;
    let client = client(&sandbox, DEMO_API_KEY);
    let faults = sandbox.faults(Vendor::Claire);
    faults.push([partner_sandbox::Fault::DropConnection]);
    let err = client
        .appointments()
        .import(&ImportRequest::new(vec![appointment("A-5", "WO-5")]))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    assert_eq!(
        sandbox.claire().appointments().len(),
        1,
        "Claire queued it before the drop"
    );
    faults.push([partner_sandbox::Fault::DropConnection]);
    assert_eq!(client.locations().list().await.unwrap().len(), 2);
    assert_eq!(faults.stats().dropped, 2);
}
