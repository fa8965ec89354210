//! Bad client input on every operation of every vendor, with valid credentials so the
//! input reaches the handlers: a malformed body, bodies of the wrong JSON shape, a wrong
//! content type, odd path values, no headers at all. Each must be answered promptly with a
//! client error in the vendor's shape (JSON), never a 5xx, a panic or a hang.

use std::time::Duration;

use partner_core::Operation;
use partner_sandbox::{Sandbox, Vendor, bigfix, carfix, claire, jifeline};
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};
use serde_json::{Value, json};

async fn login(http: &reqwest::Client, url: String, body: Value) -> String {
    let answer: Value = http
        .post(url)
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["access_token"].as_str().unwrap().to_owned()
}

fn path_of(table: &[Operation], name: &str) -> String {
    table
        .iter()
        .find(|o| o.name == name)
        .unwrap()
        .path
        .to_owned()
}

/// The headers that let a call of `vendor`'s `op` past authentication.
async fn credentials(
    http: &reqwest::Client,
    sandbox: &Sandbox,
    vendor: Vendor,
    op: &Operation,
) -> Vec<(&'static str, String)> {
    let base = sandbox.base_url(vendor);
    match vendor {
        Vendor::BigFix => vec![
            ("x-api-key", bigfix::DEMO_API_KEY.to_owned()),
            ("authorization", format!("Bearer {}", bigfix::DEMO_JWT)),
        ],
        Vendor::Claire => vec![("authorization", claire::DEMO_API_KEY.to_owned())],
        Vendor::CarFix => {
            let workshop = op.path.contains("/Workshop/");
            let (name, user, key) = if workshop {
                (
                    "WorkshopLogin",
                    carfix::DEMO_WORKSHOP_USERNAME,
                    carfix::DEMO_WORKSHOP_KEY,
                )
            } else {
                (
                    "AffiliateLogin",
                    carfix::DEMO_AFFILIATE_USERNAME,
                    carfix::DEMO_AFFILIATE_KEY,
                )
            };
            let url = format!("{base}{}", path_of(carfix_client::OPERATIONS, name));
            let body = json!({ "clientusername": user, "clientkey": key });
            vec![(
                "authorization",
                format!("Bearer {}", login(http, url, body).await),
            )]
        }
        Vendor::Jifeline => {
            let url = format!(
                "{base}{}",
                path_of(jifeline_client::OPERATIONS, "LoginWithOtp")
            );
            let token = login(http, url, json!({ "otp": jifeline::DEMO_OTP })).await;
            vec![("authorization", format!("Bearer {token}"))]
        }
        _ => Vec::new(),
    }
}

/// Every placeholder of `template` replaced by `value`.
fn fill(template: &str, value: &str) -> String {
    let mut path = template.to_owned();
    while let (Some(start), Some(end)) = (path.find('{'), path.find('}')) {
        path.replace_range(start..=end, value);
    }
    path
}

#[tokio::test]
async fn bad_input_gets_a_client_error_never_a_panic_or_a_hang() {
    let sandbox = Sandbox::start().await.unwrap();
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let bodies: &[(&str, &[u8])] = &[
        ("application/json", b"{\"broken"),
        ("application/json", b"[]"),
        ("application/json", b"null"),
        ("application/json", b"{\"a\": {\"b\": [1, \"x\", null]}}"),
        ("application/json", b"\"\\ud800\""),
        ("text/plain", b"{}"),
        ("multipart/form-data", b"--x\r\n"),
        ("multipart/form-data; boundary=", b"--\r\n--\r\n"),
        ("application/octet-stream", &[0xff, 0xfe, 0x00, 0x80]),
    ];
    let mut failures = Vec::new();
    for vendor in Vendor::ALL {
        let base = sandbox.base_url(vendor).to_owned();
        for op in vendor.operations() {
            let method = reqwest::Method::from_bytes(op.method.as_str().as_bytes()).unwrap();
            let auth = credentials(&http, &sandbox, vendor, op).await;
            for value in ["1", "%FF", "-1", "99999999999999999999999", "x%00y"] {
                let url = format!("{base}{}", fill(op.path, value));
                let mut calls = vec![http.request(method.clone(), &url)];
                for (content_type, body) in bodies {
                    let mut call = http
                        .request(method.clone(), &url)
                        .header(CONTENT_TYPE, *content_type)
                        .body(body.to_vec());
                    for (name, value) in &auth {
                        call = call.header(*name, value);
                    }
                    calls.push(call);
                }
                calls.push(
                    http.request(method.clone(), &url)
                        .header(AUTHORIZATION, "Bearer")
                        .header("x-api-key", ""),
                );
                for call in calls {
                    let request = call.build().unwrap();
                    let shown = format!(
                        "{vendor} {} {} {:?}",
                        op.name,
                        request.url(),
                        request.headers().get(CONTENT_TYPE)
                    );
                    match http.execute(request).await {
                        Ok(answer) if answer.status().is_server_error() => {
                            let status = answer.status();
                            failures.push(format!("{shown}: {status} {:?}", answer.text().await));
                        }
                        Ok(answer) => {
                            let status = answer.status();
                            let text = answer.text().await.unwrap_or_default();
                            if status.is_client_error()
                                && serde_json::from_str::<Value>(&text).is_err()
                            {
                                failures.push(format!("{shown}: {status} not JSON: {text}"));
                            }
                        }
                        Err(error) => failures.push(format!("{shown}: {error}")),
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A JSON body labelled anything but JSON is refused with 415 in the vendor's error shape,
/// and changes nothing: a client that forgets `Content-Type` must not pass here.
#[tokio::test]
async fn a_json_body_without_a_json_content_type_is_415_in_the_vendor_shape() {
    let sandbox = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    let send = |vendor: Vendor, op: &str, content_type: Option<&str>, body: Value| {
        let path = path_of(vendor.operations(), op);
        let mut call = http
            .post(format!("{}{path}", sandbox.base_url(vendor)))
            .body(body.to_string());
        if let Some(content_type) = content_type {
            call = call.header(CONTENT_TYPE, content_type);
        }
        async move {
            let answer = call.send().await.unwrap();
            let status = answer.status().as_u16();
            let problem = answer.headers().get(CONTENT_TYPE).cloned();
            (status, problem, answer.json::<Value>().await.unwrap())
        }
    };

    let signature = partner_core::signing::md5_hex([
        partner_sandbox::shipinsure::DEMO_API_TOKEN_KEY,
        "TRK-1",
        "15000",
    ]);
    let order =
        json!({ "tracking_number": "TRK-1", "premium_amount": 15000, "signature": signature });
    let (status, _, body) = send(
        Vendor::ShipInsure,
        "SubmitSmeDelivery",
        Some("text/plain"),
        order,
    )
    .await;
    assert_eq!(
        (status, body["status"].as_str()),
        (415, Some("fail")),
        "{body}"
    );
    assert!(sandbox.shipinsure().policies().is_empty());

    let otp = json!({ "otp": jifeline::DEMO_OTP });
    let (status, content_type, body) =
        send(Vendor::Jifeline, "LoginWithOtp", None, otp.clone()).await;
    assert_eq!(
        (status, body["status"].as_u64()),
        (415, Some(415)),
        "{body}"
    );
    assert_eq!(content_type.unwrap(), "application/problem+json");
    let (status, _, body) = send(
        Vendor::Jifeline,
        "LoginWithOtp",
        Some("application/json; charset=utf-8"),
        otp,
    )
    .await;
    assert_eq!(status, 200, "{body}");

    let login = json!({
        "clientusername": carfix::DEMO_AFFILIATE_USERNAME,
        "clientkey": carfix::DEMO_AFFILIATE_KEY,
    });
    let form = Some("application/x-www-form-urlencoded");
    let (status, _, body) = send(Vendor::CarFix, "AffiliateLogin", form, login).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (415, Some("invalid_grant")),
        "{body}"
    );
    assert_eq!(sandbox.carfix().logins(), 0);
}

/// An unknown path is 404 and a known path with the wrong method 405, both in the vendor's
/// error shape (the key its clients read the message from).
#[tokio::test]
async fn unrouted_calls_are_answered_in_the_vendor_shape() {
    let sandbox = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    let message_key = |vendor: Vendor| match vendor {
        Vendor::BigFix | Vendor::CarFix => "Message",
        Vendor::Jifeline => "detail",
        _ => "message",
    };
    for vendor in Vendor::ALL {
        let base = sandbox.base_url(vendor);
        let op = &vendor.operations()[0];
        let wrong = if op.method == reqwest::Method::DELETE {
            reqwest::Method::PATCH
        } else {
            reqwest::Method::DELETE
        };
        let calls = [
            (404, http.get(format!("{base}/nowhere"))),
            (
                405,
                http.request(wrong, format!("{base}{}", fill(op.path, "1"))),
            ),
        ];
        for (status, call) in calls {
            let answer = call.send().await.unwrap();
            assert_eq!(answer.status().as_u16(), status, "{vendor}");
            let body: Value = answer.json().await.unwrap();
            let message = body[message_key(vendor)].as_str().unwrap_or_default();
            assert!(message.contains("no operation at"), "{vendor}: {body}");
        }
    }
}

/// Bodies up to 16 MiB reach the vendor (BigFix advises workbooks under 10 MB, above axum's
/// default limit of 2 MB); larger ones are 413 in the vendor's shape.
#[tokio::test]
async fn large_bodies_reach_the_vendor_and_oversized_ones_get_its_413() {
    let sandbox = Sandbox::builder()
        .only(&[Vendor::BigFix])
        .start()
        .await
        .unwrap();
    let path = path_of(bigfix_client::OPERATIONS, "UploadBulkOrders");
    let url = format!("{}{path}", sandbox.base_url(Vendor::BigFix));
    let http = reqwest::Client::new();
    let send = |size: usize| {
        http.post(&url)
            .header("x-api-key", bigfix::DEMO_API_KEY)
            .header(CONTENT_TYPE, "multipart/form-data; boundary=x")
            .body(vec![b'a'; size])
            .send()
    };
    let answer = send(3 * 1024 * 1024).await.unwrap();
    assert_eq!(answer.status(), 400, "read and refused by the vendor");
    let answer = send(17 * 1024 * 1024).await.unwrap();
    assert_eq!(answer.status(), 413);
    let body: Value = answer.json().await.unwrap();
    assert_eq!(body["Success"], "False", "{body}");
}
