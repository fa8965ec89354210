//! Contract fidelity (issue 11): the client refuses only what the document unambiguously
//! forbids, where it states it; the stricter readings are opt-in (`Strictness::Strict`);
//! one ticket id type; lists sent as `null` read as empty.

use std::sync::Arc;

use futures_util::StreamExt;
use jifeline_client::{
    CartTotalsRequest, CreateTicket, Csat, CustomerDetailsEdit, Error, HistoricalTicket,
    JifelineClient, NewEmployee, Strictness, Ticket, TicketId, TicketNote, TranslateRequest,
};
use partner_core::mock::{MockTransport, json_response, response};
use partner_core::{HttpRequest, Rule};
use serde_json::json;

/// The document's own connector example `vin_number`: 16 characters.
const CONNECTOR_VIN: &str = "VF1CN04054456164";

fn client(mock: &MockTransport, strictness: Strictness) -> JifelineClient {
    let exp = std::time::SystemTime::now() + std::time::Duration::from_secs(86_400);
    let tokens = serde_json::from_value(json!({
        "id_token": "i", "access_token": jifeline_client::__unsigned_jwt(exp), "refresh_token": "r"
    }))
    .unwrap();
    JifelineClient::builder()
        .base_url("https://jifeline.test")
        .transport(Arc::new(mock.clone()))
        .tokens(tokens)
        .strictness(strictness)
        .build()
        .unwrap()
}

fn answering(body: serde_json::Value) -> MockTransport {
    let mock = MockTransport::new();
    mock.fallback(move |_| Ok(json_response(200, &body)));
    mock
}

fn query(req: &HttpRequest, name: &str) -> Option<String> {
    req.url
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

fn vin_violation(err: Error) -> bool {
    err.validation()
        .is_some_and(|v| v.has("vin", &Rule::ExactLength { len: 17 }))
}

#[tokio::test]
async fn lookups_take_the_documents_own_16_character_vin() {
    let mock = answering(json!({"result": [], "total": 0}));
    let c = client(&mock, Strictness::Lenient);
    c.vehicles().search_by_vin(CONNECTOR_VIN).await.unwrap();
    c.tickets()
        .historical(Some(CONNECTOR_VIN), None)
        .send()
        .await
        .unwrap();
    c.tickets().prepared(CONNECTOR_VIN).send().await.unwrap();
    let sent = mock.requests();
    assert_eq!(sent.len(), 3);
    for req in &sent {
        assert_eq!(
            query(req, "vin").as_deref(),
            Some(CONNECTOR_VIN),
            "{}",
            req.url
        );
    }
    // Blank is still refused: a lookup needs a VIN.
    let err = c.vehicles().search_by_vin("").await.unwrap_err();
    assert!(err.validation().unwrap().has("vin", &Rule::Required));
    let err = c.tickets().prepared("  ").send().await.unwrap_err();
    assert!(err.validation().unwrap().has("vin", &Rule::Required));
    assert_eq!(mock.requests().len(), 3);
}

#[tokio::test]
async fn strict_clients_apply_the_cart_vin_rule_everywhere() {
    let mock = answering(json!({"result": []}));
    let c = client(&mock, Strictness::Strict);
    assert!(vin_violation(
        c.vehicles().search_by_vin(CONNECTOR_VIN).await.unwrap_err()
    ));
    assert!(vin_violation(
        c.tickets()
            .historical(Some(CONNECTOR_VIN), None)
            .send()
            .await
            .unwrap_err()
    ));
    assert!(vin_violation(
        c.tickets()
            .prepared(CONNECTOR_VIN)
            .send()
            .await
            .unwrap_err()
    ));
    let err = c
        .tickets()
        .create(&CreateTicket::new(CONNECTOR_VIN, 1, 1, 1, []))
        .await
        .unwrap_err();
    let v = err.validation().unwrap();
    assert!(v.has("vin", &Rule::ExactLength { len: 17 }));
    assert!(v.has("product_ids", &Rule::MinItems { min: 1 }));
    assert!(mock.requests().is_empty());
    // The cart rule is the same at both strictnesses.
    let cart = CartTotalsRequest::new(1, 1, [1]).vin(CONNECTOR_VIN);
    assert!(vin_violation(c.cart().totals(&cart).await.unwrap_err()));
    let lenient = client(&mock, Strictness::Lenient);
    assert!(vin_violation(
        lenient.cart().totals(&cart).await.unwrap_err()
    ));
    assert!(mock.requests().is_empty());
}

#[tokio::test]
async fn undocumented_rules_are_left_to_the_server_unless_strict() {
    // One answer every call of this test decodes (unknown fields are ignored).
    let mock = answering(json!({
        "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08", "message": {"original": ""},
        "method": "SESSION", "file_reference": "/channel/x/y/file.txt", "result": []
    }));
    let lenient = client(&mock, Strictness::Lenient);
    let strict = client(&mock, Strictness::Strict);
    let mut edit = CustomerDetailsEdit::default();
    edit.email_address = Some("accounts at garage".into());
    let blank_translation = TranslateRequest::new("", "");
    let mut blank_names = NewEmployee::new("", "", "john@garage.nl");
    blank_names.correspondence_locale = Some("x-garage".into());
    let empty_cart = CartTotalsRequest::new(0, 0, []);

    lenient.customer().edit(&edit).await.unwrap();
    lenient
        .translations()
        .translate(&blank_translation)
        .await
        .unwrap();
    lenient.employees().create(&blank_names).await.unwrap();
    lenient.cart().totals(&empty_cart).await.unwrap();
    lenient
        .sessions()
        .forgot_password("not-an-address")
        .await
        .unwrap();
    lenient
        .channels()
        .create_attachment("bbe8aa76-a4bb-46f6-a785-df8e831cc459", "")
        .await
        .unwrap();
    // Page sizes over 200 where the document lists no `limit` (product groups).
    lenient
        .products()
        .groups(1, 1)
        .limit(500)
        .send()
        .await
        .unwrap();
    assert_eq!(mock.requests().len(), 7);

    let fields = |e: Error| -> Vec<String> {
        e.validation()
            .unwrap()
            .violations()
            .iter()
            .map(|v| v.field.clone())
            .collect()
    };
    assert_eq!(
        fields(strict.customer().edit(&edit).await.unwrap_err()),
        ["email_address"]
    );
    assert_eq!(
        fields(
            strict
                .translations()
                .translate(&blank_translation)
                .await
                .unwrap_err()
        ),
        ["message.original", "target_language"]
    );
    assert_eq!(
        fields(strict.employees().create(&blank_names).await.unwrap_err()),
        ["given_name", "family_name"]
    );
    assert_eq!(
        fields(strict.cart().totals(&empty_cart).await.unwrap_err()),
        ["product_ids"]
    );
    assert_eq!(
        fields(
            strict
                .sessions()
                .forgot_password("not-an-address")
                .await
                .unwrap_err()
        ),
        ["email_address"]
    );
    assert_eq!(
        fields(
            strict
                .channels()
                .create_attachment("bbe8aa76-a4bb-46f6-a785-df8e831cc459", "")
                .await
                .unwrap_err()
        ),
        ["file_name"]
    );
    assert_eq!(
        fields(
            strict
                .products()
                .groups(1, 1)
                .limit(500)
                .send()
                .await
                .unwrap_err()
        ),
        ["limit"]
    );
    assert_eq!(
        mock.requests().len(),
        7,
        "a strict client sent nothing more"
    );
}

#[tokio::test]
async fn documented_rules_hold_at_every_strictness() {
    let mock = answering(json!({}));
    for strictness in [Strictness::Lenient, Strictness::Strict] {
        let c = client(&mock, strictness);
        // Employees: username `<email> [ 1 .. 255 ]`, names "<= 255 characters".
        let err = c
            .employees()
            .create(&NewEmployee::new("x".repeat(256), "Smith", "john"))
            .await
            .unwrap_err();
        let v = err.validation().unwrap();
        assert!(v.has("given_name", &Rule::MaxLength { max: 255 }));
        assert_eq!(v.for_field("username").count(), 1);
        // Lists that document `limit`: "integer [ 0 .. 200 ]".
        let err = c.vehicles().makes().limit(201).send().await.unwrap_err();
        assert!(
            err.validation()
                .unwrap()
                .has("limit", &Rule::Range { min: 0, max: 200 })
        );
        // Tickets: CSAT "between -1 and 1".
        let err = c.tickets().rate(1, &Csat::new(1.5)).await.unwrap_err();
        assert!(
            err.validation()
                .unwrap()
                .has("score", &Rule::Range { min: -1, max: 1 })
        );
        // Products: prerequisites `product_id` "non-empty".
        let err = c
            .products()
            .prerequisites(1, 1, &[])
            .send()
            .await
            .unwrap_err();
        assert!(
            err.validation()
                .unwrap()
                .has("product_id", &Rule::MinItems { min: 1 })
        );
        // A stream needs a page size of at least one.
        let err = c
            .products()
            .groups(1, 1)
            .limit(0)
            .stream()
            .next()
            .await
            .unwrap()
            .unwrap_err();
        let expected = match strictness {
            Strictness::Strict => Rule::Range { min: 1, max: 200 },
            _ => Rule::Min { min: 1 },
        };
        assert!(err.validation().unwrap().has("limit", &expected));
    }
    assert!(mock.requests().is_empty());
}

#[tokio::test]
async fn one_ticket_id_from_create_to_csat_notes_and_history() {
    let mock = MockTransport::new();
    // Creates a new ticket: the id comes as a string.
    mock.push(json_response(201, &json!({"id": "3", "state": 1})));
    mock.fallback(|req| {
        Ok(match req.url.path() {
            "/v1/tickets/3/csat" => response(204, &[], ""),
            "/v1/tickets/3/notes" => json_response(
                200,
                &json!({"result": [{"id": "497f6eca-6276-4993-bfeb-53cbbbba6f08", "ticket_id": 3}]}),
            ),
            _ => json_response(200, &json!({"id": 3, "state": 7})),
        })
    });
    let c = client(&mock, Strictness::Lenient);
    let created: Ticket = c
        .tickets()
        .create(&CreateTicket::new("JFL91010104591010", 1, 1, 1, [1]))
        .await
        .unwrap();
    let id: TicketId = created.id.unwrap();
    assert_eq!(id, TicketId::from(3));
    c.tickets().rate(&id, &Csat::new(1.0)).await.unwrap();
    let notes: Vec<TicketNote> = c.tickets().notes(&id).send().await.unwrap().result;
    assert_eq!(
        notes[0].ticket_id.as_ref(),
        Some(&id),
        "number and string agree"
    );
    let historical: HistoricalTicket = c.tickets().historical_ticket(&id).await.unwrap();
    assert_eq!(historical.id, id);
    // Integers still work, as before.
    c.tickets().rate(3, &Csat::new(0.0)).await.unwrap();
    let paths: Vec<_> = mock
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect();
    assert_eq!(
        paths,
        [
            "POST /v1/tickets",
            "PUT /v1/tickets/3/csat",
            "GET /v1/tickets/3/notes",
            "GET /v1/historical-tickets/3",
            "PUT /v1/tickets/3/csat",
        ]
    );
    // A blank id would call another path: refused.
    let err = c.tickets().rate("", &Csat::new(0.0)).await.unwrap_err();
    assert!(err.validation().unwrap().has("ticket_id", &Rule::Required));
    assert_eq!(mock.requests().len(), 5);
}

#[test]
fn lists_sent_as_null_or_left_out_read_as_empty() {
    let page: jifeline_client::Page<HistoricalTicket> = serde_json::from_value(json!({
        "result": [{"id": 1, "product_lines": null}, {"id": 2, "product_lines": [{"discounts": null}]}],
        "total": 2
    }))
    .unwrap();
    assert!(page.result[0].product_lines.is_empty());
    assert!(page.result[1].product_lines[0].discounts.is_empty());
    let empty: jifeline_client::Page<HistoricalTicket> =
        serde_json::from_value(json!({"result": null})).unwrap();
    assert!(empty.result.is_empty());
    let cart: jifeline_client::CartTotals = serde_json::from_value(json!({"items": null})).unwrap();
    assert!(cart.items.is_empty());
    let bundle: jifeline_client::ProductBundle = serde_json::from_value(json!({
        "id": "5f3d760d-ade2-4a19-aea4-36e097678ae3", "blocks": [{"product_ids": null}]
    }))
    .unwrap();
    assert!(bundle.blocks[0].product_ids.groups().is_empty());
    let prerequisite: jifeline_client::ProductPrerequisite =
        serde_json::from_value(json!({"id": 1, "options": null})).unwrap();
    assert!(prerequisite.options.is_empty());
    let prepared: jifeline_client::PreparedTicket = serde_json::from_value(json!({
        "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08", "product_lines": null
    }))
    .unwrap();
    assert!(prepared.product_lines.is_empty());
}
