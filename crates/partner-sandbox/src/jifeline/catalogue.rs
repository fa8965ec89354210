//! The Jifeline vehicle catalogue, products, prerequisites, favorites and cart totals.
//!
//! A small fixed catalogue: two makes, each with one model group, model and variant, and
//! [`PRODUCT_COUNT`] products in three groups (so paging has something to page through),
//! two bundles, and a prerequisite on every third product. Prices are in euros.

use std::collections::BTreeMap;

use chrono::SecondsFormat;

use jifeline_client::models::CartTotalsRequest;
use serde_json::{Value, json};

use super::{
    Answer, DEMO_VIN, DEMO_VOUCHER, JifelineSandbox, Problem, TicketRecord, bad_request, check_vin,
    id_param, money, not_found, page, path_id,
};
use crate::server::Call;

/// How many products the catalogue holds.
pub const PRODUCT_COUNT: i64 = 45;
/// The first product id.
pub const FIRST_PRODUCT: i64 = 52_351;

/// One vehicle of the catalogue, from make to variant, with a VIN that finds it.
struct Vehicle {
    make_id: i64,
    make: &'static str,
    group_id: i64,
    group: &'static str,
    model_id: i64,
    model: &'static str,
    variant_id: i64,
    variant: &'static str,
    vin: &'static str,
}

const VEHICLES: [Vehicle; 2] = [
    Vehicle {
        make_id: 10,
        make: "Ford",
        group_id: 234,
        group: "Focus",
        model_id: 23_423,
        model: "FOCUS - II (DA_, HCP, DP) (2004 - 2013)",
        variant_id: 34_234,
        variant: "1.4 59KW ASDA, ASDB (2004 - 2012)",
        vin: DEMO_VIN,
    },
    Vehicle {
        make_id: 11,
        make: "Volkswagen",
        group_id: 235,
        group: "Golf",
        model_id: 23_424,
        model: "GOLF VII (5G1, BQ1, BE1, BE2) (2012 - 2020)",
        variant_id: 34_235,
        variant: "1.6 TDI 81KW CLHA (2012 - 2020)",
        vin: "WVWZZZ1JZXW000001",
    },
];

const GROUPS: [(i64, &str); 3] = [
    (2691, "Multimedia, Infotainment Settings"),
    (2692, "Engine electronics"),
    (2693, "Body and comfort"),
];

fn make(v: &Vehicle) -> Value {
    json!({ "id": v.make_id, "name": v.make })
}

fn group(v: &Vehicle) -> Value {
    json!({ "id": v.group_id, "name": v.group, "vehicle_make_id": v.make_id, "vehicle_make_name": v.make })
}

fn model(v: &Vehicle) -> Value {
    json!({
        "id": v.model_id, "name": v.model, "requires_doip": false,
        "manufactured_from": "2012-01-01", "manufactured_to": "2020-12-31",
        "vehicle_make_id": v.make_id, "vehicle_make_name": v.make,
        "vehicle_model_group_id": v.group_id, "vehicle_model_group_name": v.group,
    })
}

fn variant(v: &Vehicle) -> Value {
    let mut variant = model(v);
    variant["id"] = json!(v.variant_id);
    variant["name"] = json!(v.variant);
    variant["vehicle_model_id"] = json!(v.model_id);
    variant["vehicle_model_name"] = json!(v.model);
    variant
}

/// The product's group and price.
fn product_facts(id: i64) -> (i64, f64) {
    let n = id - FIRST_PRODUCT;
    (
        GROUPS[usize::try_from(n % 3).unwrap_or(0)].0,
        50.0 + (n % 5) as f64 * 10.0,
    )
}

fn product(id: i64, favorite: bool) -> Value {
    let (_, price) = product_facts(id);
    json!({
        "id": id,
        "name": format!("Remote service {}", id - FIRST_PRODUCT + 1),
        "internal_name": format!("SANDBOX-{id}"),
        "description": "Remote diagnostic support session (partner-sandbox catalogue).",
        "item_number": (100_000 + id - FIRST_PRODUCT).to_string(),
        "is_favorite": favorite,
        "is_unattended": id % 7 == 0,
        "gross_price": money(price),
        "net_price": money(price),
    })
}

fn product_ids() -> impl Iterator<Item = i64> {
    FIRST_PRODUCT..FIRST_PRODUCT + PRODUCT_COUNT
}

/// The two bundles: (id, name, group, products).
fn bundles() -> Vec<(String, &'static str, i64, Vec<i64>)> {
    vec![
        (
            "5f3d760d-ade2-4a19-aea4-36e097678ae3".to_owned(),
            "Navigation",
            2691,
            vec![FIRST_PRODUCT, FIRST_PRODUCT + 3],
        ),
        (
            "7a1c2b3d-0000-4000-8000-000000000002".to_owned(),
            "Engine check",
            2692,
            vec![FIRST_PRODUCT + 1, FIRST_PRODUCT + 4],
        ),
    ]
}

/// Checks the vehicle model and variant exist and belong together.
fn check_vehicle(model_id: i64, variant_id: i64) -> Result<(), Problem> {
    if VEHICLES
        .iter()
        .any(|v| v.model_id == model_id && v.variant_id == variant_id)
    {
        Ok(())
    } else {
        Err(not_found(&format!(
            "vehicle model {model_id} with variant {variant_id}"
        )))
    }
}

fn vehicle_of(call: &Call) -> Result<(i64, i64), Problem> {
    let ids = (
        id_param(call, "vehicle_model_id")?,
        id_param(call, "vehicle_model_variant_id")?,
    );
    check_vehicle(ids.0, ids.1)?;
    Ok(ids)
}

impl JifelineSandbox {
    /// Vehicles, products and cart; `None` for other operations.
    pub(super) fn catalogue(&self, name: &str, call: &Call) -> Option<Answer> {
        let answer = match name {
            "SearchVehicleByVin" => self.search(call),
            "ListVehicleMakes" => page(call, VEHICLES.iter().map(make).collect()),
            "ListVehicleModelGroups" => id_param(call, "vehicle_make_id").and_then(|id| {
                page(
                    call,
                    VEHICLES
                        .iter()
                        .filter(|v| v.make_id == id)
                        .map(group)
                        .collect(),
                )
            }),
            "ListVehicleModels" => id_param(call, "vehicle_model_group_id").and_then(|id| {
                page(
                    call,
                    VEHICLES
                        .iter()
                        .filter(|v| v.group_id == id)
                        .map(model)
                        .collect(),
                )
            }),
            "ListVehicleModelVariants" => id_param(call, "vehicle_model_id").and_then(|id| {
                page(
                    call,
                    VEHICLES
                        .iter()
                        .filter(|v| v.model_id == id)
                        .map(variant)
                        .collect(),
                )
            }),
            "GetVehicleModelGroup" => single(call, "modelGroupId", |v, id| v.group_id == id, group),
            "GetVehicleModel" => single(call, "modelId", |v, id| v.model_id == id, model),
            "GetVehicleModelVariant" => {
                single(call, "modelVariantId", |v, id| v.variant_id == id, variant)
            }
            "ListServicedVehicles" => {
                let state = self.state();
                // One entry per VIN, from its latest ticket, named from the catalogue.
                let mut latest: BTreeMap<&str, &TicketRecord> = BTreeMap::new();
                for ticket in &state.tickets {
                    latest.insert(ticket.vin.as_str(), ticket);
                }
                let serviced = latest
                    .into_values()
                    .map(|t| {
                        let v = VEHICLES.iter().find(|v| v.model_id == t.model.0 && v.variant_id == t.model.1);
                        json!({
                            "vin": t.vin,
                            "last_serviced_at": t.created_at.to_rfc3339_opts(SecondsFormat::Secs, false),
                            "make_id": v.map(|v| v.make_id),
                            "make_name": v.map(|v| v.make),
                            "model_group_id": v.map(|v| v.group_id),
                            "model_group_name": v.map(|v| v.group),
                            "model_id": t.model.0,
                            "model_name": v.map(|v| v.model),
                            "model_variant_id": t.model.1,
                            "model_variant_name": v.map(|v| v.variant),
                        })
                    })
                    .collect();
                page(call, serviced)
            }
            "ListProductGroups" => vehicle_of(call).and_then(|_| {
                page(
                    call,
                    GROUPS
                        .iter()
                        .map(|(id, name)| json!({ "id": id, "name": name }))
                        .collect(),
                )
            }),
            "ListProductBundles" => {
                vehicle_of(call).and_then(|_| {
                    let group = call
                        .query("product_group_id")
                        .and_then(|g| g.parse::<i64>().ok());
                    let list = bundles()
                    .into_iter()
                    .filter(|b| group.is_none_or(|g| g == b.2))
                    .map(|(id, name, group, products)| json!({
                        "id": id, "name": name, "description": name, "product_group_id": group,
                        "blocks": [{ "optional": false, "product_ids": [products] }],
                    }))
                    .collect();
                    page(call, list)
                })
            }
            "ListProducts" => self.products(call),
            "AddFavoriteProduct" => {
                let body: Value = match call.json() {
                    Ok(body) => body,
                    Err(refusal) => return Some(Err(refusal)),
                };
                match body["id"]
                    .as_i64()
                    .filter(|id| product_ids().any(|p| p == *id))
                {
                    Some(id) => {
                        self.state().favorites.insert(id);
                        Ok(Value::Null)
                    }
                    None => Err(not_found("product")),
                }
            }
            "RemoveFavoriteProduct" => path_id(call, "id").map(|id| {
                self.state().favorites.remove(&id);
                Value::Null
            }),
            "ListProductPrerequisites" => vehicle_of(call).and_then(|_| {
                let ids = product_list(call.query("product_id").unwrap_or_default())?;
                let list = ids
                    .iter()
                    .filter(|id| *id % 3 == 0)
                    .map(|id| prerequisite(*id))
                    .collect();
                page(call, list)
            }),
            "CalculateCartTotals" => call.validated::<CartTotalsRequest>().and_then(|request| {
                check_vehicle(request.vehicle_model_id, request.vehicle_model_variant_id)?;
                totals(&request.product_ids, request.voucher.as_deref())
            }),
            _ => return None,
        };
        Some(answer)
    }

    fn search(&self, call: &Call) -> Answer {
        let vin = call.query("vin").unwrap_or_default();
        check_vin(vin)?;
        let v = VEHICLES
            .iter()
            .find(|v| v.vin.eq_ignore_ascii_case(vin))
            .ok_or_else(|| not_found("vehicle"))?;
        Ok(
            json!({ "make": make(v), "model_group": group(v), "model": model(v), "model_variant": variant(v) }),
        )
    }

    fn products(&self, call: &Call) -> Answer {
        vehicle_of(call)?;
        let group = call.query("product_group_id");
        let bundle = call.query("product_bundle_id");
        if group.is_some() && bundle.is_some() {
            return Err(bad_request(
                "product_group_id and product_bundle_id cannot be combined",
            ));
        }
        let in_bundle: Option<Vec<i64>> = match bundle {
            Some(b) => Some(
                bundles()
                    .into_iter()
                    .find(|x| x.0 == b)
                    .ok_or_else(|| not_found("product bundle"))?
                    .3,
            ),
            None => None,
        };
        let group: Option<i64> = group
            .map(|g| {
                g.parse()
                    .map_err(|_| bad_request("product_group_id must be a number"))
            })
            .transpose()?;
        let favorite = match call.query("favorite") {
            None => None,
            Some("true" | "1") => Some(true),
            Some("false" | "0") => Some(false),
            Some(other) => {
                return Err(bad_request(format!(
                    "favorite `{other}` must be true or false"
                )));
            }
        };
        let favorites = self.state().favorites.clone();
        let list = product_ids()
            .filter(|id| group.is_none_or(|g| product_facts(*id).0 == g))
            .filter(|id| in_bundle.as_ref().is_none_or(|b| b.contains(id)))
            .filter(|id| favorite.is_none_or(|f| favorites.contains(id) == f))
            .map(|id| product(id, favorites.contains(&id)))
            .collect();
        page(call, list)
    }
}

fn single(
    call: &Call,
    param: &str,
    matches: impl Fn(&Vehicle, i64) -> bool,
    render: impl Fn(&Vehicle) -> Value,
) -> Answer {
    let id = path_id(call, param)?;
    VEHICLES
        .iter()
        .find(|v| matches(v, id))
        .map(render)
        .ok_or_else(|| not_found("vehicle catalogue entry"))
}

/// `product_id` as the client sends it: comma-separated, at least one.
fn product_list(raw: &str) -> Result<Vec<i64>, Problem> {
    let ids: Vec<i64> = raw
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.trim()
                .parse()
                .map_err(|_| bad_request(format!("product_id `{s}` is not a number")))
        })
        .collect::<Result<_, _>>()?;
    if ids.is_empty() {
        return Err(bad_request("product_id must name at least one product"));
    }
    Ok(ids)
}

fn prerequisite(product_id: i64) -> Value {
    json!({
        "id": product_id,
        "name": "Battery charger",
        "description": format!("Needed for product {product_id}"),
        "question": "Did you secure the vehicle's power supply?",
        "required": true,
        "type": "string",
        "options": [],
    })
}

/// Prices the products; [`DEMO_VOUCHER`] takes 10 % off, any other voucher is refused.
pub(super) fn totals(products: &[i64], voucher: Option<&str>) -> Answer {
    if products.is_empty() {
        return Err(bad_request("product_ids must name at least one product"));
    }
    if let Some(unknown) = products.iter().find(|id| !product_ids().any(|p| p == **id)) {
        return Err(not_found(&format!("product {unknown}")));
    }
    let discount = match voucher {
        None => 0.0,
        Some(v) if v == DEMO_VOUCHER => 0.10,
        Some(v) => {
            return Err(Problem(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                format!("voucher {v} is not valid"),
            ));
        }
    };
    let gross: f64 = products.iter().map(|id| product_facts(*id).1).sum();
    let off = gross * discount;
    let summary = |gross: f64, off: f64| {
        json!({
            "gross_price": money(gross),
            "net_price": money(gross - off),
            "total_discount": { "type": "percentual", "percentage": discount * 100.0, "price": money(off) },
        })
    };
    let items: Vec<Value> = products
        .iter()
        .map(|id| {
            let price = product_facts(*id).1;
            let mut item = summary(price, price * discount);
            item["product_id"] = json!(id);
            item["product_name"] = json!(format!("Remote service {}", id - FIRST_PRODUCT + 1));
            item
        })
        .collect();
    Ok(json!({
        "items": items,
        "sub_total": summary(gross, 0.0),
        "total": summary(gross, off),
        "needs_confirmation_for_unattended_service": products.iter().any(|id| id % 7 == 0),
    }))
}
