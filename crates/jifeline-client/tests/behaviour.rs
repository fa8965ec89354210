//! Client behaviour without a network: lazy pagination, validation before sending, the
//! group/bundle choice, path overrides and exact request shapes.

use std::sync::Arc;

use futures_util::{StreamExt, TryStreamExt};
use jifeline_client::api::{FavoriteFilter, ProductScope};
use jifeline_client::models::{CartTotalsRequest, CreateTicket, Csat, EmployeeRef, NewEmployee};
use jifeline_client::{Error, JifelineClient};
use partner_core::mock::{MockTransport, json_response};
use partner_core::{ConfigError, Rule};
use serde_json::json;

/// A client with a fixed bearer token (a far-future JWT) over `mock`.
fn client(mock: &MockTransport) -> JifelineClient {
    let exp = std::time::SystemTime::now() + std::time::Duration::from_secs(86_400);
    let tokens = serde_json::from_value(json!({
        "id_token": "i", "access_token": jifeline_client::__unsigned_jwt(exp), "refresh_token": "r"
    }))
    .unwrap();
    JifelineClient::builder()
        .base_url("https://jifeline.test/api")
        .transport(Arc::new(mock.clone()))
        .tokens(tokens)
        .build()
        .unwrap()
}

fn query(req: &partner_core::HttpRequest, name: &str) -> Option<String> {
    req.url
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// Serves `/vehicle-makes` from `total` makes, honouring offset and limit.
fn makes(total: u64) -> MockTransport {
    let mock = MockTransport::new();
    mock.fallback(move |req| {
        let offset: u64 = query(req, "offset")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let limit: u64 = query(req, "limit")
            .and_then(|v| v.parse().ok())
            .unwrap_or(200);
        let items: Vec<_> = (offset..(offset + limit).min(total))
            .map(|i| json!({"id": i, "name": format!("make {i}")}))
            .collect();
        Ok(json_response(
            200,
            &json!({"result": items, "total": total, "offset": offset, "limit": limit}),
        ))
    });
    mock
}

#[tokio::test]
async fn stream_walks_pages_lazily_and_stops_at_total() {
    // 9 items in pages of 3: the last page is full, so only `total` can stop the walk
    // before a fourth, empty request.
    let mock = makes(9);
    let c = client(&mock);
    let stream = c.vehicles().makes().limit(3).stream();
    futures_util::pin_mut!(stream);
    assert_eq!(stream.next().await.unwrap().unwrap().id, 0);
    assert_eq!(mock.requests().len(), 1, "only the first page is fetched");
    let rest: Vec<_> = stream.try_collect().await.unwrap();
    assert_eq!(
        rest.iter().map(|m| m.id).collect::<Vec<_>>(),
        (1..9).collect::<Vec<_>>()
    );
    let offsets: Vec<_> = mock
        .requests()
        .iter()
        .map(|r| (query(r, "offset").unwrap(), query(r, "limit").unwrap()))
        .collect();
    assert_eq!(
        offsets,
        [("0", "3"), ("3", "3"), ("6", "3")].map(|(o, l)| (o.to_owned(), l.to_owned()))
    );
    assert!(
        mock.requests()
            .iter()
            .all(|r| r.url.path() == "/api/v1/vehicle-makes")
    );
}

#[tokio::test]
async fn stream_from_an_offset_and_capped_collection() {
    let mock = makes(10);
    let c = client(&mock);
    let got: Vec<_> = c
        .vehicles()
        .makes()
        .offset(4)
        .limit(4)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        got.iter().map(|m| m.id).collect::<Vec<_>>(),
        (4..10).collect::<Vec<_>>()
    );
    assert_eq!(mock.requests().len(), 2);
    let mock = makes(1000);
    let c = client(&mock);
    let first = partner_core::collect_capped(c.vehicles().makes().limit(5).stream(), 7)
        .await
        .unwrap();
    assert_eq!(first.len(), 7);
    assert_eq!(mock.requests().len(), 2, "no page past the cap");
}

#[tokio::test]
async fn page_size_is_checked_before_sending() {
    let mock = makes(10);
    let c = client(&mock);
    let err = c.vehicles().makes().limit(201).send().await.unwrap_err();
    assert!(
        err.validation()
            .unwrap()
            .has("limit", &Rule::Range { min: 0, max: 200 })
    );
    let err = c
        .vehicles()
        .makes()
        .limit(0)
        .stream()
        .next()
        .await
        .unwrap()
        .unwrap_err();
    assert!(
        err.validation()
            .unwrap()
            .has("limit", &Rule::Range { min: 1, max: 200 })
    );
    assert!(mock.requests().is_empty());
    // 0 and 200 are valid single-page sizes.
    c.vehicles().makes().limit(0).send().await.unwrap();
    let page = c.vehicles().makes().limit(200).send().await.unwrap();
    assert_eq!(page.total, Some(10));
}

#[tokio::test]
async fn cart_vin_must_be_17_alphanumerics() {
    // The one place the document states the VIN pattern (Cart: `vin`).
    let mock = MockTransport::new();
    let c = client(&mock);
    for bad in [
        "JFL9101010459101",
        "JFL910101045910101",
        "JFL91010104591-10",
    ] {
        let cart = CartTotalsRequest::new(1, 1, [1]).vin(bad);
        let err = c.cart().totals(&cart).await.unwrap_err();
        assert_eq!(
            err.validation().unwrap().for_field("vin").count(),
            1,
            "{bad}"
        );
    }
    let cart = CartTotalsRequest::new(1, 1, [1]).vin("JFL9101010459101!");
    let err = c.cart().totals(&cart).await.unwrap_err();
    let vin: Vec<_> = err.validation().unwrap().for_field("vin").collect();
    assert!(
        matches!(vin.as_slice(), [v] if matches!(v.rule, Rule::Format { .. })),
        "{vin:?}"
    );
    assert!(
        mock.requests().is_empty(),
        "nothing is sent for an invalid VIN"
    );
}

#[tokio::test]
async fn create_ticket_checks_only_what_the_document_states() {
    let mock = MockTransport::new();
    mock.fallback(|_| Ok(json_response(201, &json!({"id": "3"}))));
    let c = client(&mock);
    // No VIN pattern, no minimum of products and no id range are documented for tickets
    // (the document's own examples carry ids of 0).
    let lenient = CreateTicket::new("VF1CN04054456164", 0, 0, 910101043, []);
    c.tickets().create(&lenient).await.unwrap();
    assert_eq!(
        mock.requests()[0].json_body().unwrap()["vehicle_model_id"],
        0
    );
    // A blank VIN is refused.
    let err = c
        .tickets()
        .create(&CreateTicket::new(" ", 1, 1, 1, [1]))
        .await
        .unwrap_err();
    assert!(err.validation().unwrap().has("vin", &Rule::Required));
    assert_eq!(mock.requests().len(), 1);
}

#[tokio::test]
async fn csat_score_is_within_minus_one_and_one() {
    let mock = MockTransport::new();
    mock.fallback(|_| Ok(partner_core::mock::response(204, &[], "")));
    let c = client(&mock);
    for bad in [1.01, -1.5, 2.0, f64::NAN, f64::INFINITY] {
        let err = c.tickets().rate(1, &Csat::new(bad)).await.unwrap_err();
        assert!(
            err.validation()
                .unwrap()
                .has("score", &Rule::Range { min: -1, max: 1 }),
            "{bad}"
        );
    }
    assert!(mock.requests().is_empty());
    for ok in [-1.0, 0.0, 0.5, 1.0] {
        c.tickets()
            .rate(7, &Csat::new(ok).comment("ok"))
            .await
            .unwrap();
    }
    let sent = mock.requests();
    assert_eq!(sent.len(), 4);
    assert_eq!(sent[0].method, "PUT");
    assert_eq!(sent[0].url.path(), "/api/v1/tickets/7/csat");
    assert_eq!(
        sent[0].json_body().unwrap(),
        json!({"score": -1.0, "comment": "ok"})
    );
}

#[tokio::test]
async fn group_and_bundle_are_one_choice() {
    let mock = MockTransport::new();
    mock.fallback(|_| Ok(json_response(200, &json!({"result": [], "total": 0}))));
    let c = client(&mock);
    let bundle = "e51c66a6-096b-412c-bd94-8c04ded544d5".parse().unwrap();
    // A ProductScope is either a group or a bundle; choosing again replaces the first choice.
    c.products()
        .list(1, 2)
        .scope(ProductScope::Group(2691))
        .scope(ProductScope::Bundle(bundle))
        .favorite(FavoriteFilter::Excluded)
        .send()
        .await
        .unwrap();
    c.products().list(1, 2).send().await.unwrap();
    c.products()
        .list(1, 2)
        .extra_param("is_favorite", 1)
        .send()
        .await
        .unwrap();
    let sent = mock.requests();
    let pairs: Vec<(String, String)> = sent[0].url.query_pairs().into_owned().collect();
    assert_eq!(
        pairs,
        [
            ("vehicle_model_id", "1"),
            ("vehicle_model_variant_id", "2"),
            ("product_bundle_id", "e51c66a6-096b-412c-bd94-8c04ded544d5"),
            ("favorite", "false"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
    assert_eq!(
        sent[1].url.query(),
        Some("vehicle_model_id=1&vehicle_model_variant_id=2")
    );
    // A renamed or lost parameter can still be sent.
    assert_eq!(
        sent[2].url.query(),
        Some("vehicle_model_id=1&vehicle_model_variant_id=2&is_favorite=1")
    );
}

#[tokio::test]
async fn prerequisites_need_a_product_and_join_ids() {
    let mock = MockTransport::new();
    mock.fallback(|_| Ok(json_response(200, &json!({"result": []}))));
    let c = client(&mock);
    let err = c
        .products()
        .prerequisites(1, 2, &[])
        .send()
        .await
        .unwrap_err();
    assert!(
        err.validation()
            .unwrap()
            .has("product_id", &Rule::MinItems { min: 1 })
    );
    assert!(mock.requests().is_empty());
    c.products()
        .prerequisites(1, 2, &[100593, 200593])
        .send()
        .await
        .unwrap();
    assert_eq!(
        query(&mock.requests()[0], "product_id").as_deref(),
        Some("100593,200593")
    );
}

#[tokio::test]
async fn employees_me_and_validation() {
    let mock = MockTransport::new();
    mock.fallback(|_| {
        Ok(json_response(
            200,
            &json!({"id": "497f6eca-6276-4993-bfeb-53cbbbba6f08"}),
        ))
    });
    let c = client(&mock);
    c.employees().get(EmployeeRef::Me).await.unwrap();
    assert_eq!(mock.requests()[0].url.path(), "/api/v1/employees/me");
    let err = c
        .employees()
        .create(&NewEmployee::new("John", "Smith", "nope").locale("en GB"))
        .await
        .unwrap_err();
    let v = err.validation().unwrap();
    assert_eq!(v.violations().len(), 2, "{v}");
    assert_eq!(mock.requests().len(), 1);
}

#[tokio::test]
async fn exact_request_shape_and_path_override() {
    let server = httpmock::MockServer::start_async().await;
    let exp = std::time::SystemTime::now() + std::time::Duration::from_secs(86_400);
    let access = jifeline_client::__unsigned_jwt(exp);
    let mock = server
        .mock_async(|when, then| {
            when.method(httpmock::Method::POST)
                .path("/customer-api/cart/calculate")
                .header("authorization", format!("Bearer {access}"))
                .header("content-type", "application/json")
                .header("accept", "application/json")
                .json_body(json!({
                    "voucher": "234MD23", "vehicle_model_id": 23423, "vehicle_model_variant_id": 23424,
                    "product_ids": [52351, 52352]
                }));
            then.status(200).json_body(json!({"voucher": "234MD23", "items": [{"product_id": 52351}]}));
        })
        .await;
    let c = JifelineClient::builder()
        .base_url(server.base_url())
        .tokens(
            serde_json::from_value(
                json!({"id_token": "i", "access_token": access.clone(), "refresh_token": "r"}),
            )
            .unwrap(),
        )
        .override_path("CalculateCartTotals", "/customer-api/cart/calculate")
        .build()
        .unwrap();
    let req = CartTotalsRequest::new(23423, 23424, [52351, 52352]).voucher("234MD23");
    let totals = c.cart().totals(&req).await.unwrap();
    mock.assert_async().await;
    assert_eq!(totals.voucher.as_deref(), Some("234MD23"));
    assert_eq!(totals.items[0].product_id, 52351);

    let err = JifelineClient::builder()
        .base_url("https://x.test")
        .override_path("NoSuchOp", "/x")
        .build()
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Config(ConfigError::UnknownOperation { .. })
    ));
    let err = JifelineClient::builder().build().unwrap_err();
    assert!(matches!(
        err,
        Error::Config(ConfigError::MissingBaseUrl { .. })
    ));
    let err = JifelineClient::builder()
        .base_url("http://jifeline.example")
        .build()
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Config(ConfigError::InsecureBaseUrl { .. })
    ));
}

#[tokio::test]
async fn user_agent_names_the_crate() {
    let mock = MockTransport::new();
    mock.fallback(|_| Ok(json_response(200, &json!({"name": "x"}))));
    client(&mock).customer().branding().await.unwrap();
    let ua = mock.requests()[0].headers["user-agent"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        ua.starts_with(concat!("jifeline-client/", env!("CARGO_PKG_VERSION"))),
        "{ua}"
    );
}

#[tokio::test(start_paused = true)]
async fn create_ticket_is_not_retried_but_reads_are() {
    let mock = MockTransport::new();
    mock.push(json_response(503, &json!({"message": "busy"})));
    mock.fallback(|_| Ok(json_response(200, &json!({"id": 1}))));
    let c = client(&mock);
    let err = c
        .tickets()
        .create(&CreateTicket::new("JFL91010104391010", 1, 1, 1, [1]))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(mock.requests().len(), 1);
    // A read is retried after the same failure (backoff runs on paused time).
    mock.push(json_response(503, &json!({"message": "busy"})));
    mock.fallback(|_| Ok(json_response(200, &json!({"id": 10, "name": "Ford"}))));
    assert_eq!(
        c.vehicles().model_group(10).await.unwrap().name.as_deref(),
        Some("Ford")
    );
    assert_eq!(mock.requests().len(), 3);
}
