//! Replays every fixture in fixtures/claire through the typed client and checks what it sent.

use claire_client::{
    AppointmentFilter, AppointmentId, ClaireClient, CustomerKind, Error, ImportRequest,
    KeyPlacement, LocationId, SecretString, Webhook, WebhookId, WebhookTestMessage,
    WebhookTriggerId,
};
use partner_testkit::{Fixture, Replay, run_contract};
use serde_json::Value;

fn client(rp: &Replay, placement: KeyPlacement) -> ClaireClient {
    ClaireClient::builder()
        .base_url(rp.base_url())
        .api_key(SecretString::from("test-key"))
        .key_placement(placement)
        .build()
        .expect("client builds")
}

fn body(fx: &Fixture) -> &Value {
    fx.response.body.as_ref().unwrap_or(&Value::Null)
}

fn query_i64(fx: &Fixture, name: &str) -> i64 {
    fx.query(name)
        .and_then(|v| v.parse().ok())
        .expect("numeric query parameter in fixture")
}

fn ensure(ok: bool, what: &str) -> Result<(), partner_testkit::BoxError> {
    if ok {
        Ok(())
    } else {
        Err(what.to_owned().into())
    }
}

#[tokio::test]
async fn contract() {
    run_contract(
        "claire",
        claire_client::OPERATIONS,
        |fx: &Fixture, rp: &Replay| {
            Box::pin(async move {
                let placement = if fx.name.ends_with("--api-key-query") {
                    KeyPlacement::Query
                } else {
                    KeyPlacement::Header
                };
                let c = client(rp, placement);
                match fx.operation.as_str() {
                    "GetAppointmentsByDmsNumber" => {
                        #[allow(deprecated)]
                        let found = c
                            .appointments()
                            .by_dms_number(
                                LocationId(query_i64(fx, "location_id")),
                                fx.query("dms_nr").unwrap_or_default(),
                            )
                            .customer_kind(CustomerKind::from_wire(
                                fx.query("customer_kind").unwrap_or_default(),
                            ))
                            .send()
                            .await?;
                        ensure(
                            found.len() == body(fx).as_array().map_or(0, Vec::len),
                            "appointment count",
                        )?;
                        ensure(found[0].dms_nr == body(fx)[0]["dms_number"], "dms_number")
                    }
                    "ListAppointments" => {
                        let filter: AppointmentFilter = fx.request_body()?;
                        let found = c.appointments().list(&filter).await?;
                        ensure(found.len() == 1, "one appointment")?;
                        ensure(found[0].time_car_app.is_none(), "zero time read as None")
                    }
                    "GetAppointment" => {
                        let id: i64 = fx
                            .request
                            .path
                            .rsplit('/')
                            .next()
                            .unwrap_or_default()
                            .parse()?;
                        match c.appointments().get(AppointmentId(id)).await {
                            Ok(a) if fx.response.status == 200 => {
                                ensure(a.id.get() == body(fx)["id"].as_i64().unwrap_or(-1), "id")?;
                                ensure(
                                    a.customer_driver.is_none() && a.interventions.is_empty(),
                                    "null read as absent",
                                )
                            }
                            Err(Error::Auth {
                                status: Some(401), ..
                            }) if fx.response.status == 401 => Ok(()),
                            other => Err(format!("unexpected {other:?}").into()),
                        }
                    }
                    "ImportAppointments" => {
                        let req: ImportRequest = fx.request_body()?;
                        let queued = c.appointments().import(&req).await?;
                        ensure(
                            queued.appointments == 1 && queued.location_id == LocationId(12),
                            "queued batch",
                        )
                    }
                    "GetChecks" => {
                        let checks = c
                            .checks()
                            .list(AppointmentId(query_i64(fx, "appointment_id")))
                            .await?;
                        ensure(
                            checks.len() == 1 && checks[0].question_results.is_empty(),
                            "checks",
                        )
                    }
                    "GetLocations" => {
                        let locations = c.locations().list().await?;
                        ensure(
                            locations.len() == 1 && !locations[0].desk_check_in_enabled,
                            "locations",
                        )?;
                        if fx.response.headers.contains_key("x-ratelimit-remaining") {
                            let q = c.quota().ok_or("quota read from headers")?;
                            ensure(
                                q.limit == Some(10_800) && q.remaining == Some(10_799),
                                "quota",
                            )?;
                        }
                        Ok(())
                    }
                    "GetTags" => {
                        let tags = c.tags().list().await?;
                        ensure(tags.len() == 1 && !tags[0].system, "tags")
                    }
                    "GetQuestions" => {
                        let questions = c.questions().list().await?;
                        ensure(
                            questions.len() == 1 && questions[0].question_elements.is_empty(),
                            "questions",
                        )
                    }
                    "GetCarByVin" => {
                        let car = c
                            .cars()
                            .find_by_vin(fx.query("vin").unwrap_or_default())
                            .await?;
                        match fx.response.status {
                            404 => ensure(car.is_none(), "404 is None"),
                            _ => ensure(
                                car.is_some_and(|car| {
                                    car.mcc_status.is_none() && car.truck_tyres.is_empty()
                                }),
                                "car",
                            ),
                        }
                    }
                    "ListWebhooks" => {
                        let hooks = c.webhooks().list().await?;
                        ensure(
                            hooks.len() == 1
                                && hooks[0].webhook_trigger_id == WebhookTriggerId::Unknown(0),
                            "webhooks",
                        )
                    }
                    "CreateWebhook" => {
                        let hook: Webhook = fx.request_body()?;
                        let id = c.webhooks().create(&hook).await?;
                        ensure(
                            id == WebhookId(body(fx)["ID"].as_i64().unwrap_or_default()),
                            "created id",
                        )
                    }
                    "GetWebhook" => {
                        let hook = c
                            .webhooks()
                            .get(WebhookId(query_i64(fx, "webhook_id")))
                            .await?;
                        ensure(
                            hook.created_on.is_none() && hook.dealer_location_id.is_none(),
                            "webhook",
                        )
                    }
                    "UpdateWebhook" => {
                        let hook: Webhook = fx.request_body()?;
                        c.webhooks().update(&hook).await?;
                        Ok(())
                    }
                    "DeleteWebhook" => {
                        c.webhooks()
                            .delete(WebhookId(query_i64(fx, "webhook_id")))
                            .await?;
                        Ok(())
                    }
                    "TestWebhook" => {
                        let message: WebhookTestMessage = fx.request_body()?;
                        c.webhooks().test(&message).await?;
                        Ok(())
                    }
                    "ListWebhookErrors" => {
                        let id = WebhookId(
                            fx.request
                                .body
                                .as_ref()
                                .and_then(|b| b["WebhookID"].as_i64())
                                .unwrap_or_default(),
                        );
                        let page = c.webhooks().errors(id).page(1).await?;
                        ensure(
                            page.nb_pages == 1 && page.items[0].webhook_id == id,
                            "errors page",
                        )
                    }
                    "ListWebhookTriggers" => {
                        let triggers = c.webhooks().triggers().await?;
                        ensure(triggers.len() == 1, "triggers")
                    }
                    other => Err(format!("no replay for {other}").into()),
                }
            })
        },
    )
    .await;
}

#[test]
fn docs_operation_table_is_current() {
    partner_testkit::check_operation_table("claire", claire_client::OPERATIONS);
}
