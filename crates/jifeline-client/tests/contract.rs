//! Replays every fixture in fixtures/jifeline through the typed client and checks both the
//! request the client sent (by the runner) and the parsed answer (here).

use jifeline_client::api::{FavoriteFilter, ProductScope};
use jifeline_client::models::*;
use jifeline_client::{Credentials, Error, JifelineClient};
use partner_testkit::{Fixture, Replay, load_fixture, run_contract};
use serde_json::Value;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Path segment `i` of the fixture's request path (0 = first after the leading slash).
fn seg(fx: &Fixture, i: usize) -> String {
    fx.request
        .path
        .trim_start_matches('/')
        .split('/')
        .nth(i)
        .unwrap_or_default()
        .to_owned()
}

fn num(fx: &Fixture, i: usize) -> Result<i64, BoxError> {
    Ok(seg(fx, i).parse()?)
}

fn q<'a>(fx: &'a Fixture, name: &str) -> Result<&'a str, BoxError> {
    fx.query(name)
        .ok_or_else(|| format!("fixture has no query `{name}`").into())
}

fn qn(fx: &Fixture, name: &str) -> Result<i64, BoxError> {
    Ok(q(fx, name)?.parse()?)
}

fn body(fx: &Fixture) -> &Value {
    fx.response.body.as_ref().unwrap_or(&Value::Null)
}

fn check<T: PartialEq + std::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), BoxError> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, fixture says {want:?}").into())
    }
}

/// A typed value equals the fixture's answer decoded into the same type.
fn same<T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(
    fx: &Fixture,
    got: &T,
) -> Result<(), BoxError> {
    let want: T = fx.response_body()?;
    check("parsed answer", got, &want)
}

async fn client(fx: &Fixture, rp: &Replay) -> Result<JifelineClient, BoxError> {
    if !fx.operation.starts_with("Login") && fx.operation != "ForgotPassword" {
        rp.mount(&load_fixture("jifeline", "LoginWithConnectorUuid")?)
            .await;
    }
    let id = "6ec2911c-a09a-11ee-8c90-0242ac120002".parse()?;
    Ok(JifelineClient::builder()
        .base_url(rp.base_url())
        .credentials(Credentials::connector_uuid(id, "1234"))
        .build()?)
}

fn page_len<T>(page: &Page<T>, fx: &Fixture) -> Result<(), BoxError> {
    check(
        "items",
        page.result.len(),
        body(fx)["result"].as_array().map_or(0, Vec::len),
    )?;
    check("total", page.total, body(fx)["total"].as_u64())
}

async fn replay(fx: &Fixture, rp: &Replay) -> Result<(), BoxError> {
    let c = client(fx, rp).await?;
    match fx.operation.as_str() {
        "ListConnectors" => {
            let p = c
                .connectors()
                .list()
                .limit(qn(fx, "limit")? as u32)
                .send()
                .await?;
            page_len(&p, fx)?;
            same(fx, &p)?;
            check(
                "hardware type",
                p.result[0].hardware_type.clone(),
                Some(HardwareType::Classic),
            )
        }
        "GetConnector" => same(fx, &c.connectors().get(num(fx, 2)?).await?),
        "GetConnectorByUuid" => same(fx, &c.connectors().get_by_uuid(seg(fx, 3).parse()?).await?),
        "DismissConnectorAttention" => {
            let result = c.connectors().dismiss_attention(seg(fx, 3).parse()?).await;
            match (fx.response.status, result) {
                (204, Ok(())) => Ok(()),
                (
                    404,
                    Err(Error::Status {
                        status: 404,
                        message,
                        ..
                    }),
                ) => check(
                    "problem detail",
                    message.as_str(),
                    body(fx)["detail"].as_str().unwrap_or_default(),
                ),
                (status, other) => Err(format!("status {status}: unexpected {other:?}").into()),
            }
        }
        "GetConnectorActiveTicket" => {
            let t = c.connectors().active_ticket(num(fx, 2)?).await?;
            check("state", t.state, Some(TicketState(1)))?;
            check("product ids", t.product_ids.flatten(), vec![324234])?;
            same(fx, &t)
        }
        "ListProductGroups" => {
            let p = c
                .products()
                .groups(
                    qn(fx, "vehicle_model_id")?,
                    qn(fx, "vehicle_model_variant_id")?,
                )
                .send()
                .await?;
            page_len(&p, fx)?;
            same(fx, &p)
        }
        "ListProductBundles" => {
            let group = Some(qn(fx, "product_group_id")?);
            let p = c
                .products()
                .bundles(
                    qn(fx, "vehicle_model_id")?,
                    qn(fx, "vehicle_model_variant_id")?,
                    group,
                )
                .send()
                .await?;
            check(
                "block ids",
                p.result[0].blocks[0].product_ids.groups().to_vec(),
                vec![vec![52351, 52352]],
            )?;
            same(fx, &p)
        }
        "ListProducts" => {
            let mut list = c.products().list(
                qn(fx, "vehicle_model_id")?,
                qn(fx, "vehicle_model_variant_id")?,
            );
            if let Some(g) = fx.query("product_group_id") {
                list = list.scope(ProductScope::Group(g.parse()?));
            }
            if let Some(b) = fx.query("product_bundle_id") {
                list = list.scope(ProductScope::Bundle(b.parse()?));
            }
            if fx.query("favorite") == Some("true") {
                list = list.favorite(FavoriteFilter::Only);
            }
            let p = list.send().await?;
            let product = &p.result[0];
            check(
                "net price",
                product.net_price.as_ref().map(|m| m.value),
                Some(100.into()),
            )?;
            check(
                "discount",
                product.total_discount.as_ref().and_then(|d| d.percentage),
                Some("30.35".parse()?),
            )?;
            check(
                "item number",
                product.item_number.as_deref(),
                Some("100022"),
            )?;
            page_len(&p, fx)
        }
        "AddFavoriteProduct" => Ok(c
            .products()
            .add_favorite(&fx.request_body::<Product>()?)
            .await?),
        "RemoveFavoriteProduct" => Ok(c.products().remove_favorite(num(fx, 3)?).await?),
        "ListProductPrerequisites" => {
            let ids: Vec<i64> = q(fx, "product_id")?
                .split(',')
                .map(str::parse)
                .collect::<Result<_, _>>()?;
            let p = c
                .products()
                .prerequisites(
                    qn(fx, "vehicle_model_id")?,
                    qn(fx, "vehicle_model_variant_id")?,
                    &ids,
                )
                .send()
                .await?;
            check(
                "option",
                p.result[0].options[0].product_prerequisite_id,
                Some(1),
            )?;
            same(fx, &p)
        }
        "SetTicketCsat" => Ok(c
            .tickets()
            .rate(num(fx, 2)?, &fx.request_body::<Csat>()?)
            .await?),
        "ListTicketNotes" => {
            let p = c.tickets().notes(num(fx, 2)?).send().await?;
            check(
                "created",
                p.result[0].created_at.map(|t| t.to_rfc3339()),
                Some("2019-08-24T14:15:22+00:00".into()),
            )?;
            same(fx, &p)
        }
        "ListHistoricalTickets" => {
            let p = c
                .tickets()
                .historical(Some(q(fx, "vin")?), Some(qn(fx, "connector_id")?))
                .send()
                .await?;
            check("state", p.result[0].state, Some(TicketState(7)))?;
            same(fx, &p)
        }
        "GetHistoricalTicket" => {
            let t = c.tickets().historical_ticket(num(fx, 2)?).await?;
            check("line discounts", t.product_lines[0].discounts.len(), 1)?;
            same(fx, &t)
        }
        "ListPreparedTickets" => {
            let p = c
                .tickets()
                .prepared(q(fx, "vin")?)
                .limit(qn(fx, "limit")? as u32)
                .send()
                .await?;
            same(fx, &p)
        }
        "CreateTicket" => {
            let t = c
                .tickets()
                .create(&fx.request_body::<CreateTicket>()?)
                .await?;
            check("id", t.id.as_ref().map(TicketId::as_str), Some("3"))?;
            same(fx, &t)
        }
        "ListServicedVehicles" => {
            let p = c
                .vehicles()
                .serviced()
                .limit(qn(fx, "limit")? as u32)
                .send()
                .await?;
            same(fx, &p)
        }
        "SearchVehicleByVin" => {
            let r = c.vehicles().search_by_vin(q(fx, "vin")?).await?;
            check(
                "manufactured",
                r.model.as_ref().and_then(|m| m.manufactured_from),
                "2019-09-08".parse().ok(),
            )?;
            same(fx, &r)
        }
        "ListVehicleMakes" => same(
            fx,
            &c.vehicles()
                .makes()
                .limit(qn(fx, "limit")? as u32)
                .send()
                .await?,
        ),
        "ListVehicleModelGroups" => same(
            fx,
            &c.vehicles()
                .model_groups(qn(fx, "vehicle_make_id")?)
                .limit(qn(fx, "limit")? as u32)
                .send()
                .await?,
        ),
        "GetVehicleModelGroup" => same(fx, &c.vehicles().model_group(num(fx, 2)?).await?),
        "ListVehicleModels" => same(
            fx,
            &c.vehicles()
                .models(qn(fx, "vehicle_model_group_id")?)
                .limit(qn(fx, "limit")? as u32)
                .send()
                .await?,
        ),
        "GetVehicleModel" => same(fx, &c.vehicles().model(num(fx, 2)?).await?),
        "ListVehicleModelVariants" => same(
            fx,
            &c.vehicles()
                .variants(qn(fx, "vehicle_model_id")?)
                .limit(qn(fx, "limit")? as u32)
                .send()
                .await?,
        ),
        "GetVehicleModelVariant" => same(fx, &c.vehicles().variant(num(fx, 2)?).await?),
        "CalculateCartTotals" => {
            let t = c
                .cart()
                .totals(&fx.request_body::<CartTotalsRequest>()?)
                .await?;
            check(
                "voucher",
                t.voucher_discount.as_ref().map(|d| d.kind.clone()),
                Some(DiscountType::Percentual),
            )?;
            check(
                "localized",
                t.total
                    .as_ref()
                    .and_then(|s| s.net_price.as_ref())
                    .and_then(|m| m.localized_value),
                Some(110.into()),
            )?;
            same(fx, &t)
        }
        "GetUser" => {
            let u = c.user().get().await?;
            let sp = u.service_provider.as_ref().ok_or("no service provider")?;
            check(
                "balance",
                sp.prepaid_wallet_settings.as_ref().and_then(|w| w.balance),
                Some(120.into()),
            )?;
            same(fx, &u)
        }
        "ListEmployees" => same(
            fx,
            &c.employees()
                .list()
                .limit(qn(fx, "limit")? as u32)
                .send()
                .await?,
        ),
        "CreateEmployee" => same(
            fx,
            &c.employees()
                .create(&fx.request_body::<NewEmployee>()?)
                .await?,
        ),
        "GetEmployee" => {
            let e = match seg(fx, 2).as_str() {
                "me" => c.employees().me().await?,
                id => c.employees().get(id.parse::<uuid::Uuid>()?).await?,
            };
            same(fx, &e)
        }
        "ChangeEmployee" => {
            let id: uuid::Uuid = seg(fx, 2).parse()?;
            same(
                fx,
                &c.employees()
                    .change(id, &fx.request_body::<EmployeeChange>()?)
                    .await?,
            )
        }
        "ForgotPassword" => {
            let r = c
                .sessions()
                .forgot_password(fx.request_body::<ForgotPassword>()?.email_address.as_str())
                .await?;
            check("method", r.method, ResetMethod::Session)
        }
        "LoginWithConnectorId" => {
            #[allow(deprecated)]
            let t = c
                .sessions()
                .login_with_connector_id(940201044, "1234")
                .await?;
            check("no readable exp", t.access_expires_at(), None)
        }
        "LoginWithConnectorUuid" => {
            let t = c
                .sessions()
                .login_with_connector_uuid("6ec2911c-a09a-11ee-8c90-0242ac120002".parse()?, "1234")
                .await?;
            check(
                "tokens redacted in Debug",
                format!("{t:?}").contains("eyJ"),
                false,
            )
        }
        "LoginWithOtp" => {
            let t = c
                .sessions()
                .login_with_otp("bafd50b7-7388-4eb1-8812-cbb5517faa2c")
                .await?;
            check("no readable exp", t.access_expires_at(), None)
        }
        "GetCustomerDetails" => {
            let d = c.customer().details().await?;
            check("phone", d.phone.as_deref(), Some("31651226913"))?;
            same(fx, &d)
        }
        "EditCustomerDetails" => same(
            fx,
            &c.customer()
                .edit(&fx.request_body::<CustomerDetailsEdit>()?)
                .await?,
        ),
        "GetBranding" => same(fx, &c.customer().branding().await?),
        "GetServiceCenter" => same(fx, &c.service_center().info().await?),
        "GetServiceCenterState" => {
            let s = c.service_center().state().await?;
            check("state", s.state.clone(), ServiceCenterStateKind::Opened)?;
            check(
                "ends",
                s.ends_at.map(|t| t.to_rfc3339()),
                Some("2023-05-22T12:44:36+02:00".into()),
            )
        }
        "Translate" => {
            let t = c
                .translations()
                .translate(&fx.request_body::<TranslateRequest>()?)
                .await?;
            check(
                "translated",
                t.message.translated.as_deref(),
                Some("Hallo Welt!"),
            )?;
            same(fx, &t)
        }
        "SendChannelControlMessage" => {
            same(fx, &c.channels().send_control_message(&seg(fx, 2)).await?)
        }
        "CreateChannelAttachment" => {
            let name = fx.request_body::<NewAttachment>()?.file_name;
            same(
                fx,
                &c.channels().create_attachment(&seg(fx, 2), &name).await?,
            )
        }
        "GetChannelAttachment" => same(
            fx,
            &c.channels()
                .attachment(&seg(fx, 2), q(fx, "file_reference")?)
                .await?,
        ),
        other => Err(format!("no replay for {other}").into()),
    }
}

#[tokio::test]
async fn contract() {
    run_contract(
        "jifeline",
        jifeline_client::OPERATIONS,
        |fx: &Fixture, rp: &Replay| Box::pin(async move { replay(fx, rp).await }),
    )
    .await;
}

#[test]
fn docs_operation_table_is_current() {
    partner_testkit::check_operation_table("jifeline", jifeline_client::OPERATIONS);
}

#[test]
fn list_streams_are_send_and_static() {
    fn assert_send_static<T: Send + 'static>(_: &T) {}
    let c = JifelineClient::builder()
        .base_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    assert_send_static(&c.vehicles().makes().stream());
    assert_send_static(&c.products().list(1, 2).stream());
}
