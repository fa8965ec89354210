//! Replays every fixture in fixtures/bigfix through the typed client and checks what it sent.

use bigfix_client::{
    BigfixClient, BigfixError, BulkRow, RepairOrder, SecretString, StatusCode, Workflow, read_sheet,
};
use partner_core::Error;
use partner_core::multipart::Multipart;
use partner_testkit::{Fixture, Replay, run_contract};
use serde_json::Value;

fn client(base_url: String) -> BigfixClient {
    BigfixClient::builder()
        .base_url(base_url)
        .api_key(SecretString::from("test-api-key"))
        .jwt(SecretString::from("test.jwt.token"))
        .build()
        .expect("client builds")
}

/// The three rows the bulk fixture's workbook holds (the document's example row and two more).
fn bulk_rows() -> Vec<BulkRow> {
    let row = |reference: &str, name: &str, engagement: &str, city: &str| {
        BulkRow::from_cells(
            [
                reference,
                name,
                "9876543210",
                "amit@example.com",
                engagement,
                "Flat 301, Tower A",
                city,
                "Karnataka",
                "560001",
                "Laptop",
                "Dell",
                "XPS 15",
                "SN123456789",
                "Battery not charging",
            ]
            .map(String::from),
        )
    };
    vec![
        row("REP10001", "Amit Patel", "Onsite", "Bangalore"),
        row("REP10002", "Priya Sharma", "Offsite", "Mysore"),
        row("REP10003", "Ravi Kumar", "Onsite", "Hubli-Dharwad"),
    ]
}

/// A refused API key or JWT.
fn is_401(e: &BigfixError) -> bool {
    matches!(
        e,
        BigfixError::Core(Error::Auth {
            status: Some(401),
            ..
        })
    )
}

fn message(fx: &Fixture) -> String {
    fx.response
        .body
        .as_ref()
        .and_then(|b| b["Message"].as_str())
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn contract() {
    run_contract(
        "bigfix",
        bigfix_client::OPERATIONS,
        |fx: &Fixture, rp: &Replay| {
            Box::pin(async move {
                let client = client(rp.base_url());
                let body = fx.response.body.clone().unwrap_or(Value::Null);
                match (fx.operation.as_str(), fx.response.status) {
                    ("CreateRepairOrder", status) => {
                        let order: RepairOrder = fx.request_body()?;
                        // A BigFix Pincode is a postal code, not a credential: the fixture holds
                        // the document's one and the body sent must carry it unchanged (the
                        // client validates it first, so a placeholder would fail here).
                        assert_eq!(order.pincode, "560001", "{}", fx.name);
                        match (status, client.orders().create(&order).await) {
                            (200, Ok(created)) => {
                                assert_eq!(
                                    created.data.request_id.as_str(),
                                    body["DATA"]["request_id"]
                                );
                                assert_eq!(created.data.service_request_id, order.repair_ref_no);
                                assert!(created.data.request_id.is_well_formed());
                                assert_eq!(created.status_code, Some(200));
                            }
                            (
                                409,
                                Err(BigfixError::Duplicate {
                                    repair_ref_no,
                                    message: m,
                                }),
                            ) => {
                                assert_eq!(repair_ref_no, order.repair_ref_no);
                                assert_eq!(m, message(fx));
                            }
                            (
                                400,
                                Err(BigfixError::Invalid {
                                    operation,
                                    message: m,
                                }),
                            ) => {
                                assert_eq!(operation, "CreateRepairOrder");
                                assert_eq!(m, message(fx));
                            }
                            (
                                500,
                                Err(BigfixError::Core(partner_core::Error::Status {
                                    status: 500,
                                    ..
                                })),
                            ) => {}
                            (s, other) => {
                                return Err(format!("status {s}: unexpected {other:?}").into());
                            }
                        }
                    }
                    ("UploadBulkOrders", status) => {
                        let form = fx
                            .request
                            .multipart
                            .as_ref()
                            .ok_or("bulk fixture needs multipart")?;
                        let email = form[0].text.clone().unwrap_or_default();
                        let name = form[1].text.clone().unwrap_or_default();
                        let rows = bulk_rows();
                        let result = client.bulk().upload(email, name, &rows).send().await;
                        match (status, result) {
                            (200, Ok(r)) => {
                                assert_eq!(
                                    r.uploaded_orders_count,
                                    body["Uploaded_Orders_Count"].as_u64().unwrap_or(0)
                                );
                                assert_eq!(r.duplicate_orders_count, 1);
                                assert_eq!(r.duplicate_reference_ids, ["REP10001"]);
                            }
                            (401, Err(e)) if is_401(&e) => {}
                            (400, Err(BigfixError::Invalid { message: m, .. })) => {
                                assert_eq!(m, message(fx));
                            }
                            (500, Err(BigfixError::Core(Error::Status { status: 500, .. }))) => {}
                            (s, other) => {
                                return Err(format!("status {s}: unexpected {other:?}").into());
                            }
                        }
                        // The uploaded file must open with calamine and hold exactly the rows sent.
                        let sent = rp.received().into_iter().next().ok_or("nothing sent")?;
                        let parts = Multipart::parse(
                            sent.header("content-type").unwrap_or_default(),
                            &sent.body,
                        )?;
                        let file = parts
                            .iter()
                            .find(|p| p.name == "customFile")
                            .ok_or("no customFile part")?;
                        let read = read_sheet(&file.data, &Default::default())?;
                        assert_eq!(read.into_iter().map(|r| r.order).collect::<Vec<_>>(), rows);
                    }
                    ("DownloadTemplate", 200) => {
                        let t = client.template().download().await?;
                        assert_eq!(t.bytes.as_ref(), fx.response_bytes().as_slice());
                        assert_eq!(t.file_name.as_deref(), Some("repair_template.xlsx"));
                        t.check_header()?;
                        assert_eq!(t.sample_rows()?[0].order.repair_ref_no, "REP10001");
                    }
                    ("DownloadTemplate", status) => {
                        match (status, client.template().download().await) {
                            (404, Err(BigfixError::NotFound { message: m, .. })) => {
                                assert_eq!(m, message(fx));
                            }
                            (401, Err(e)) if is_401(&e) => {}
                            (s, other) => {
                                return Err(format!("status {s}: unexpected {other:?}").into());
                            }
                        }
                    }
                    ("TrackOrder", status) => {
                        let reference = fx
                            .query("ReferenceID")
                            .ok_or("tracking fixture needs ReferenceID")?;
                        match (status, client.tracking().get(reference).await) {
                            (200, Ok(t)) if body["DATA"].is_object() => {
                                let details = body["DATA"]["tracking_details"]
                                    .as_array()
                                    .ok_or("no details")?;
                                assert_eq!(t.history.len(), details.len());
                                let current = t.current_status().ok_or("no current status")?;
                                assert_eq!(
                                    current.date.to_string(),
                                    body["DATA"]["current_status"]["date"]
                                );
                                assert_eq!(
                                    current.status.raw,
                                    body["DATA"]["current_status"]["status"]
                                );
                                if fx.name == "TrackOrder" {
                                    assert_eq!(t.workflow(), Some(Workflow::ServiceCentre));
                                    assert_eq!(t.count(&StatusCode::ReachedCustomerLocation), 2);
                                    assert_eq!(t.history[5].status.visit, Some(2));
                                } else {
                                    assert_eq!(t.workflow(), Some(Workflow::Technician));
                                    assert!(t.is_delivered());
                                }
                            }
                            (200, Ok(t)) => {
                                assert!(!t.has_started());
                                assert_eq!(t.success, Some(body["Success"] == "True"));
                                assert_eq!(t.status_code, Some(200));
                                assert_eq!(t.message.as_deref(), Some(message(fx).as_str()));
                            }
                            (404, Err(e @ BigfixError::NotFound { .. })) => {
                                assert!(e.is_not_found());
                            }
                            (401, Err(e)) if is_401(&e) => {}
                            (s, other) => {
                                return Err(format!("status {s}: unexpected {other:?}").into());
                            }
                        }
                    }
                    (other, status) => {
                        return Err(format!("no replay for {other} ({status})").into());
                    }
                }
                Ok(())
            })
        },
    )
    .await;
}

#[test]
fn docs_operation_table_is_current() {
    partner_testkit::check_operation_table("bigfix", bigfix_client::OPERATIONS);
}
