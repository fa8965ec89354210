//! The common client options (partner-core's `ClientOptions`): given as one value through
//! `.options(..)`, shared by both clients, and set one by one as before.

mod common;

use std::sync::Arc;
use std::time::Duration;

use carfix_client::*;
use common::token;
use partner_core::http::Method;
use partner_core::mock::{MockTransport, json_response};
use partner_core::{ConfigError, RetryPolicy};
use serde_json::json;

#[tokio::test]
async fn options_given_as_one_value_reach_the_request() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &token(215999.9, "t")))
        .push(json_response(200, &json!([{"id": "1", "label": "Johor"}])));
    let common = ClientOptions::new()
        .base_url("https://carfix.example/gateway")
        .override_path("AffiliateLogin", "/oauth/token")
        .override_path("GetStates", "/v2/lookups/states")
        .override_method("GetStates", Method::GET)
        .transport(Arc::new(mock.clone()));
    let carfix = AffiliateClient::builder()
        .options(common)
        .credentials("CARFIX-REFERRED", "k")
        .build()
        .unwrap();
    assert_eq!(carfix.lookups().states().await.unwrap()[0].label, "Johor");
    let sent = mock.requests();
    assert_eq!(sent[0].method, Method::POST);
    assert_eq!(
        sent[0].url.as_str(),
        "https://carfix.example/gateway/oauth/token"
    );
    assert_eq!(sent[1].method, Method::GET, "override_method is honoured");
    assert_eq!(
        sent[1].url.as_str(),
        "https://carfix.example/gateway/v2/lookups/states"
    );
}

#[tokio::test]
async fn settings_one_by_one_still_work_and_later_options_replace_them() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &token(215999.9, "t")))
        .push(json_response(200, &json!({"items": []})));
    let workshop = ClientBuilder::<WorkshopClient>::new()
        .base_url("https://ignored.example")
        .timeout(Duration::from_secs(5))
        .options(
            ClientOptions::new()
                .base_url("https://carfix.example")
                .timeout(Duration::from_secs(7))
                .transport(Arc::new(mock.clone())),
        )
        .credentials("ONEWORKS-TOWING", "k")
        .override_method("GetDrivers", Method::POST)
        .build()
        .unwrap();
    workshop.drivers().list().await.unwrap();
    let sent = &mock.requests()[1];
    assert_eq!(
        sent.url.as_str(),
        "https://carfix.example/api/Workshop/GetDrivers"
    );
    assert_eq!(sent.method, Method::POST);
    assert_eq!(sent.timeout, Some(Duration::from_secs(7)));
}

#[test]
fn overrides_of_unknown_operations_fail_at_build() {
    let err = AffiliateClient::builder()
        .options(ClientOptions::new().base_url("https://carfix.example"))
        .override_method("NoSuchCall", Method::GET)
        .credentials("u", "k")
        .build()
        .unwrap_err();
    assert!(
        matches!(&err, Error::Config(ConfigError::UnknownOperation { name, .. }) if name == "NoSuchCall"),
        "{err:?}"
    );
}

#[tokio::test]
async fn both_clients_from_one_configuration_share_pool_and_budget() {
    let mock = MockTransport::new();
    mock.push(json_response(200, &token(215999.9, "affiliate-token")))
        .push(json_response(200, &json!([])))
        .push(json_response(200, &token(215999.9, "workshop-token")))
        .push(json_response(200, &json!({"items": []})));
    let carfix = Clients::builder()
        .options(
            ClientOptions::new()
                .base_url("https://carfix.example")
                .retry_policy(RetryPolicy::none())
                .transport(Arc::new(mock.clone())),
        )
        .affiliate("CARFIX-REFERRED", "affiliate-key")
        .workshop("ONEWORKS-TOWING", "workshop-key")
        .build()
        .unwrap();
    assert!(
        carfix
            .affiliate
            .lookups()
            .states()
            .await
            .unwrap()
            .is_empty()
    );
    assert!(carfix.workshop.trucks().list().await.unwrap().is_empty());
    let sent = mock.requests();
    assert_eq!(
        sent.len(),
        4,
        "each API logged in once, through the one transport"
    );
    assert_eq!(sent[0].url.path(), "/api/Affiliate/Token");
    assert_eq!(
        sent[0].json_body().unwrap(),
        json!({"clientusername": "CARFIX-REFERRED", "clientkey": "affiliate-key"})
    );
    assert_eq!(common::auth_header(&sent[1]), "Bearer affiliate-token");
    assert_eq!(sent[2].url.path(), "/api/Workshop/Token");
    assert_eq!(
        sent[2].json_body().unwrap(),
        json!({"clientusername": "ONEWORKS-TOWING", "clientkey": "workshop-key"})
    );
    assert_eq!(common::auth_header(&sent[3]), "Bearer workshop-token");
    assert!(Arc::ptr_eq(
        carfix.affiliate.core().retry_budget(),
        carfix.workshop.core().retry_budget()
    ));
    let debug = format!("{carfix:?}");
    assert!(!debug.contains("affiliate-key") && !debug.contains("workshop-key"));
}

#[test]
fn separate_builders_from_cloned_options_have_their_own_budgets() {
    let common = ClientOptions::new().base_url("https://carfix.example");
    let a = AffiliateClient::builder()
        .options(common.clone())
        .credentials("u", "k")
        .build()
        .unwrap();
    let w = WorkshopClient::builder()
        .options(common)
        .credentials("u", "k")
        .build()
        .unwrap();
    assert!(!Arc::ptr_eq(
        a.core().retry_budget(),
        w.core().retry_budget()
    ));
}

#[test]
fn the_pair_needs_both_credential_sets() {
    let err = Clients::builder()
        .base_url("https://carfix.example")
        .affiliate("CARFIX-REFERRED", "k")
        .build()
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Config(ConfigError::MissingCredential {
                operation: "WorkshopLogin",
                ..
            })
        ),
        "{err:?}"
    );
    let builder = Clients::builder().workshop("ONEWORKS-TOWING", "s3cret-key");
    assert!(!format!("{builder:?}").contains("s3cret-key"));
}

#[tokio::test]
async fn a_token_store_in_the_options_shares_one_login_between_clients() {
    use partner_core::store::LocalTokenStore;
    let mock = MockTransport::new();
    mock.fallback(|req| {
        Ok(if req.url.path().ends_with("/Token") {
            json_response(200, &token(215999.9, "shared"))
        } else {
            json_response(200, &json!([]))
        })
    });
    let common = ClientOptions::new()
        .base_url("https://carfix.example")
        .transport(Arc::new(mock.clone()))
        .token_store(Arc::new(LocalTokenStore::new()));
    let build = || {
        AffiliateClient::builder()
            .options(common.clone())
            .credentials("CARFIX-REFERRED", "k")
            .build()
            .unwrap()
    };
    let (first, second) = (build(), build());
    first.lookups().states().await.unwrap();
    second.lookups().states().await.unwrap();
    let logins = mock
        .requests()
        .iter()
        .filter(|r| r.url.path().ends_with("/Token"))
        .count();
    assert_eq!(logins, 1, "the second client took the stored token");
    // Another credential (or the other API) does not reuse it.
    let workshop = WorkshopClient::builder()
        .options(common.clone())
        .credentials("CARFIX-REFERRED", "k")
        .build()
        .unwrap();
    workshop.login().await.unwrap();
    assert_eq!(workshop.login_count(), 1);
}

/// The common `Strictness` option, set on the builder or in shared `ClientOptions`, turns on
/// the strict reading of "{60+" for `CallerContactNo`; by default the number is sent.
#[tokio::test]
async fn the_common_strictness_option_turns_on_the_strict_phone_format() {
    let at = Coordinate::new(2.725889, 101.9378239).unwrap();
    let req = InitialCaseRequest::new("ABC1234", "+60 12-345 6789", "Wong", "SEREMBAN", at);
    let is_phone_format = |e: &Error| {
        e.validation().is_some_and(|v| {
            v.for_field("CaseInfo.CallerContactNo")
                .any(|x| matches!(x.rule, partner_core::Rule::Format { .. }))
        })
    };

    // Default: lenient, the request goes out (the mock answers 501).
    let mock = MockTransport::new();
    let lenient = AffiliateClient::builder()
        .base_url("https://carfix.example")
        .credentials("CARFIX-REFERRED", "k")
        .transport(Arc::new(mock.clone()))
        .build()
        .unwrap();
    let err = lenient.cases().create_initial(&req).await.unwrap_err();
    assert!(err.validation().is_none(), "{err:?}");
    assert!(!mock.requests().is_empty());

    // Strict, on the builder and through shared options (also for the pair): refused unsent.
    let mock = MockTransport::new();
    let on_builder = AffiliateClient::builder()
        .base_url("https://carfix.example")
        .credentials("CARFIX-REFERRED", "k")
        .transport(Arc::new(mock.clone()))
        .strictness(Strictness::Strict)
        .build()
        .unwrap();
    let common = ClientOptions::new()
        .base_url("https://carfix.example")
        .transport(Arc::new(mock.clone()))
        .strictness(Strictness::Strict);
    let in_options = AffiliateClient::builder()
        .options(common.clone())
        .credentials("CARFIX-REFERRED", "k")
        .build()
        .unwrap();
    let pair = Clients::builder()
        .options(common)
        .affiliate("CARFIX-REFERRED", "k")
        .workshop("ONEWORKS-TOWING", "k")
        .build()
        .unwrap();
    for client in [&on_builder, &in_options, &pair.affiliate] {
        let err = client.cases().create_initial(&req).await.unwrap_err();
        assert!(is_phone_format(&err), "{err:?}");
    }
    assert!(mock.requests().is_empty(), "nothing sent");
}
