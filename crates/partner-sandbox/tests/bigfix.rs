//! BigFix against the sandbox: single orders (JWT, validation, 409), bulk uploads of real
//! `.xlsx` files with duplicates reported, the template, tracking through a workflow, and
//! retries around faults.

mod common;

use bigfix_client::{
    BigfixClient, BigfixError, BulkEngagementType, BulkRow, EngagementType, RepairOrder,
    SecretString, StatusCode, Workflow, write_sheet,
};
use partner_core::{Error, Multipart};
use partner_sandbox::bigfix::{DEMO_API_KEY, DEMO_JWT, workflow_statuses};
use partner_sandbox::{Fault, Sandbox, Vendor};

async fn sandbox() -> Sandbox {
    Sandbox::builder()
        .only(&[Vendor::BigFix])
        .start()
        .await
        .unwrap()
}

fn client(sandbox: &Sandbox, key: &str, jwt: &str) -> BigfixClient {
    BigfixClient::builder()
        .base_url(sandbox.base_url(Vendor::BigFix))
        .api_key(SecretString::from(key.to_owned()))
        .jwt(SecretString::from(jwt.to_owned()))
        .retry_policy(common::fast_retries())
        .build()
        .unwrap()
}

fn row(reference: &str, i: u32) -> BulkRow {
    BulkRow {
        repair_ref_no: reference.into(),
        name: "Amit Patel".into(),
        customer_mobile: format!("98{i:08}"),
        customer_email: format!("c{i}@example.com"),
        engagement_type: BulkEngagementType::Offsite,
        address_line1: "Flat 301".into(),
        city: "Bangalore".into(),
        state: "Karnataka".into(),
        pincode: "560001".into(),
        asset_type: "Laptop".into(),
        make: "Dell".into(),
        model: "XPS 15".into(),
        imei_no: format!("SN{i:09}"),
        issue: "Battery".into(),
    }
}

fn order(reference: &str) -> RepairOrder {
    RepairOrder {
        repair_ref_no: reference.into(),
        client_name: "Acme".into(),
        name: "Priya Sharma".into(),
        customer_mobile: "9123456780".into(),
        customer_email: "priya@example.com".into(),
        engagement_type: EngagementType::Pickup,
        address_line1: "12 MG Road".into(),
        address_line2: None,
        city: "Bangalore".into(),
        state: "Karnataka".into(),
        pincode: "560001".into(),
        asset_type: "Mobile".into(),
        make: "Samsung".into(),
        model: "S24".into(),
        imei_no: "356938035643809".into(),
        centre_city: "Bangalore".into(),
        issue: "Screen cracked".into(),
        size: "6.2".into(),
    }
}

#[tokio::test]
async fn single_order_then_tracking_through_the_service_centre_workflow() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, DEMO_API_KEY, DEMO_JWT);
    let created = client.orders().create(&order("REF-1")).await.unwrap();
    let id = created.data.request_id;
    assert!(id.is_well_formed(), "{id:?}");
    assert_eq!(created.data.service_request_id, "REF-1");

    let first = client.tracking().get(id.as_str()).await.unwrap();
    assert!(
        !first.has_started(),
        "no tracking information right after creation"
    );
    let steps = workflow_statuses(Workflow::ServiceCentre).len();
    let mut last = None;
    for _ in 0..steps + 2 {
        last = Some(client.tracking().get(id.as_str()).await.unwrap());
    }
    let last = last.unwrap();
    assert_eq!(last.history.len(), steps, "stops at delivered");
    assert_eq!(
        last.current_status().unwrap().status.code,
        StatusCode::Delivered
    );
    assert_eq!(last.workflow(), Some(Workflow::ServiceCentre));
    assert_eq!(
        last.count(&StatusCode::ReachedCustomerLocation),
        2,
        "numbered visits"
    );

    // Tracking by the partner's own reference works too; an unknown one is 404.
    assert!(client.tracking().get("REF-1").await.unwrap().has_started());
    let err = client
        .tracking()
        .get("REPAIR209901010000")
        .await
        .unwrap_err();
    assert!(matches!(err, BigfixError::NotFound { .. }), "{err:?}");
}

#[tokio::test]
async fn duplicates_validation_and_credentials() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, DEMO_API_KEY, DEMO_JWT);
    client.orders().create(&order("REF-2")).await.unwrap();
    let err = client.orders().create(&order("REF-2")).await.unwrap_err();
    assert!(matches!(err, BigfixError::Duplicate { .. }), "{err:?}");

    let bad_jwt = self::client(&sandbox, DEMO_API_KEY, "not.the.jwt");
    let err = bad_jwt.orders().create(&order("REF-3")).await.unwrap_err();
    assert!(
        matches!(err, BigfixError::Core(Error::Auth { .. })),
        "{err:?}"
    );
    let bad_key = self::client(&sandbox, "wrong", DEMO_JWT);
    let err = bad_key.template().download().await.unwrap_err();
    assert!(
        matches!(err, BigfixError::Core(Error::Auth { .. })),
        "{err:?}"
    );

    // A body that skips the client's checks meets the same rules, in the documented words.
    let mut body = serde_json::to_value(order("REF-4")).unwrap();
    body["City"] = "Bangalore 1".into();
    body["CustomerMobile"] = "12345".into();
    let url = format!(
        "{}/api/warrantify/repair/single-order/",
        sandbox.base_url(Vendor::BigFix)
    );
    let answer = reqwest::Client::new()
        .post(url)
        .bearer_auth(DEMO_JWT)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 400);
    let body: serde_json::Value = answer.json().await.unwrap();
    let message = body["Message"].as_str().unwrap();
    assert!(
        message.starts_with("Invalid Mobile Number format")
            || message.starts_with("Invalid City/State format"),
        "{message}"
    );
    assert!(
        message.contains("City") && message.contains("CustomerMobile"),
        "{message}"
    );
    assert!(sandbox.bigfix().order("REF-4").is_none());
}

#[tokio::test]
async fn bulk_upload_reports_duplicates_and_template_round_trips() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, DEMO_API_KEY, DEMO_JWT);
    let template = client.template().download().await.unwrap();
    template.check_header().unwrap();
    assert_eq!(
        template.sample_rows().unwrap()[0].order.repair_ref_no,
        "REP10001"
    );

    client.orders().create(&order("B-1")).await.unwrap();
    let rows = vec![row("B-1", 1), row("B-2", 2), row("B-3", 3)];
    let summary = client
        .bulk()
        .upload_all("ops@acme.example", "Acme", &rows)
        .send()
        .await
        .unwrap();
    assert_eq!((summary.uploaded, summary.duplicates), (2, 1));
    assert_eq!(summary.duplicate_reference_ids, ["B-1"]);

    // A workbook a user filled, uploaded as is (the client checks it, then sends it).
    let workbook = write_sheet(&[row("B-4", 4), row("B-2", 2)]).unwrap();
    let result = client
        .bulk()
        .upload_workbook("ops@acme.example", "Acme", "orders.xlsx", workbook)
        .await
        .unwrap();
    assert_eq!(
        (result.uploaded_orders_count, result.duplicate_orders_count),
        (1, 1)
    );
    assert_eq!(sandbox.bigfix().orders().len(), 4);
    assert_eq!(sandbox.bigfix().uploads(), 2);

    // 2300 rows go up in three chunks of at most 1000.
    let many: Vec<_> = (0..2300).map(|i| row(&format!("M-{i}"), i)).collect();
    let summary = client
        .bulk()
        .upload_all("ops@acme.example", "Acme", &many)
        .send()
        .await
        .unwrap();
    assert_eq!((summary.uploaded, summary.uploads.len()), (2300, 3));
}

async fn post(url: &str, form: &Multipart) -> reqwest::Response {
    reqwest::Client::new()
        .post(url)
        .header("X-API-Key", DEMO_API_KEY)
        .header("Content-Type", form.content_type())
        .body(form.to_bytes())
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_sandbox_refuses_what_the_client_would_refuse_in_a_sheet() {
    let sandbox = sandbox().await;
    let url = format!(
        "{}/api/warrantify/repair/bulk-order/",
        sandbox.base_url(Vendor::BigFix)
    );
    let mut bad = row("X-1", 1);
    bad.pincode = "5600".into();
    let sheet = write_sheet(&[bad]).unwrap();
    let form = Multipart::new()
        .text("Client Email", "ops@acme.example")
        .text("Client Name", "Acme")
        .file(
            "customFile",
            "orders.xlsx",
            "application/octet-stream",
            sheet,
        );
    let answer = post(&url, &form).await;
    assert_eq!(answer.status(), 400);
    let text = answer.text().await.unwrap();
    assert!(
        text.contains("Invalid Pincode format") && text.contains("row 2"),
        "{text}"
    );

    let answer = post(&url, &Multipart::new().text("Client Name", "Acme")).await;
    assert_eq!(answer.status(), 400);
    assert!(answer.text().await.unwrap().contains("Email is required"));

    // A sheet without orders, and an e-mail that is not one: the client refuses both.
    let upload = |email: &str, rows: &[BulkRow]| {
        Multipart::new()
            .text("Client Email", email)
            .text("Client Name", "Acme")
            .file(
                "customFile",
                "orders.xlsx",
                "application/octet-stream",
                write_sheet(rows).unwrap(),
            )
    };
    let answer = post(&url, &upload("ops@acme.example", &[])).await;
    assert_eq!(answer.status(), 400);
    assert!(answer.text().await.unwrap().contains("no orders"));
    let answer = post(&url, &upload("ops@acme", &[row("X-2", 1)])).await;
    assert_eq!(answer.status(), 400);
    assert!(
        answer
            .text()
            .await
            .unwrap()
            .contains("not an e-mail address")
    );
    assert_eq!(sandbox.bigfix().uploads(), 0);
}

#[tokio::test]
async fn faults_retry_tracking_but_not_order_creation() {
    let sandbox = sandbox().await;
    let client = client(&sandbox, DEMO_API_KEY, DEMO_JWT);
    let faults = sandbox.faults(Vendor::BigFix);

    // A 500 on creation is not retried (it may have been processed): surfaced as is.
    faults.push([Fault::InternalError]);
    let err = client.orders().create(&order("F-1")).await.unwrap_err();
    assert!(
        matches!(err, BigfixError::Core(Error::Status { status: 500, .. })),
        "{err:?}"
    );
    // A dropped connection on creation is not retried either, though the order exists.
    faults.push([Fault::DropConnection]);
    let err = client.orders().create(&order("F-2")).await.unwrap_err();
    assert!(
        matches!(err, BigfixError::Core(Error::Transport { .. })),
        "{err:?}"
    );
    assert!(sandbox.bigfix().order("F-2").is_some());

    // Tracking is a read: 503, 429 and a dropped connection are all retried.
    faults.push([
        Fault::Unavailable,
        Fault::TooManyRequests {
            retry_after_secs: 0,
        },
        Fault::DropConnection,
    ]);
    client.tracking().get("F-2").await.unwrap();
    assert_eq!(faults.queued(), 0);
}
