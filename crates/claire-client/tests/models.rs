//! Parsing: every JSON example of the document (the fixtures' bodies), a realistic nested
//! appointment, Go zero values and unknown enum values.
#![recursion_limit = "256"] // the nested appointment literal is deep for `json!`

use chrono::{TimeZone, Utc};
use claire_client::{
    Appointment, Car, Check, CommunicationChannel, CustomerKind, DealerLocation,
    InterventionElementType, MccStatus, Question, QuestionResultStatus, Role, Season, SnoozeStatus,
    StatusIdentifier, StatusOverride, Tag, TyreLocation, TyrePosition, Webhook, WebhookErrorPage,
    WebhookTestMessage, WebhookTrigger, WebhookTriggerId,
};
use partner_testkit::load_fixture;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::str::FromStr;

fn response<T: DeserializeOwned>(fixture: &str) -> T {
    let fx = load_fixture("claire", fixture).unwrap();
    serde_json::from_value(fx.response.body.unwrap()).unwrap_or_else(|e| panic!("{fixture}: {e}"))
}

#[test]
fn every_document_example_parses() {
    let by_dms: Vec<Appointment> = response("GetAppointmentsByDmsNumber");
    let one: Appointment = response("GetAppointment");
    assert_eq!(by_dms[0], one);
    // The example is all Go zero values: zero times and nulls read as absent.
    assert_eq!(one.created_on, None);
    assert_eq!(one.time_car_app, None);
    assert_eq!(one.next_date, None);
    assert_eq!(one.status, StatusIdentifier::Unknown(0));
    assert_eq!(one.status_override, StatusOverride::None);
    assert!(one.interventions.is_empty() && one.checklist_names.is_empty());
    assert_eq!(one.customcom_key, None);

    let checks: Vec<Check> = response("GetChecks");
    assert_eq!(checks[0].intervention_id, None);
    let locations: Vec<DealerLocation> = response("GetLocations");
    assert!(!locations[0].is_sharebox_enabled);
    let tags: Vec<Tag> = response("GetTags");
    assert_eq!(tags[0].name, "");
    let questions: Vec<Question> = response("GetQuestions");
    assert_eq!(questions[0].role_id, Some(Role::Unknown(0)));
    let car: Car = response("GetCarByVin");
    assert_eq!(car.rob_lease_expiration, None);
    let hooks: Vec<Webhook> = response("ListWebhooks");
    let hook: Webhook = response("GetWebhook");
    assert_eq!(hooks[0], hook);
    let page: WebhookErrorPage = response("ListWebhookErrors");
    assert_eq!(
        page.items[0].reason,
        "POST https://example.com/claire/webhook: 502 Bad Gateway"
    );
    let triggers: Vec<WebhookTrigger> = response("ListWebhookTriggers");
    assert_eq!(triggers[0].id, WebhookTriggerId::Unknown(0));

    // Request examples read back into the request types.
    let fx = load_fixture("claire", "TestWebhook").unwrap();
    let msg: WebhookTestMessage = fx.request_body().unwrap();
    assert_eq!(
        msg.payload.webhook_trigger_id,
        WebhookTriggerId::PublicApiAppointmentImported
    );
    assert_eq!(
        serde_json::to_value(&msg).unwrap(),
        fx.request.body.unwrap()
    );
}

/// A value read from Claire is written back as Claire sent it (zero times, nulls, zero enums).
#[test]
fn document_examples_serialise_back_unchanged() {
    fn same<T: DeserializeOwned + serde::Serialize>(fixture: &str) {
        let fx = load_fixture("claire", fixture).unwrap();
        let body = fx.response.body.unwrap();
        let parsed: T = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(serde_json::to_value(&parsed).unwrap(), body, "{fixture}");
    }
    same::<Vec<Appointment>>("GetAppointmentsByDmsNumber");
    same::<Appointment>("GetAppointment");
    same::<Vec<Check>>("GetChecks");
    same::<Vec<DealerLocation>>("GetLocations");
    same::<Vec<Tag>>("GetTags");
    same::<Vec<Question>>("GetQuestions");
    same::<Car>("GetCarByVin");
    same::<Vec<Webhook>>("ListWebhooks");
    same::<Vec<WebhookTrigger>>("ListWebhookTriggers");
}

#[test]
fn locations_keep_the_mixed_case_keys() {
    let loc: DealerLocation = serde_json::from_value(json!({
        "id": 12, "name": "Utrecht", "NotifierKey": "nk", "DeskCheckInEnabled": true,
        "IsOpenDeskCheckoutOnCarOutOfShopEnabled": true, "IsKeyloopEventEnabled": false,
        "IsShareboxEnabled": true, "DMSLocationIDs": "7,8", "phone_nr": "030-123"
    }))
    .unwrap();
    assert_eq!(loc.id.get(), 12);
    assert_eq!(loc.notifier_key, "nk");
    assert!(loc.desk_check_in_enabled && loc.is_open_desk_checkout_on_car_out_of_shop_enabled);
    assert!(!loc.is_keyloop_event_enabled && loc.is_sharebox_enabled);
    assert_eq!(loc.dms_location_ids, "7,8");
    let back = serde_json::to_value(&loc).unwrap();
    assert_eq!(back["DeskCheckInEnabled"], json!(true));
    assert_eq!(back["created_on"], json!("0001-01-01T00:00:00Z"));
}

fn realistic_appointment() -> Value {
    json!({
        "created_on": "2026-11-20T08:15:00Z",
        "updated_on": "2026-11-23T10:02:11.123+01:00",
        "id": 4711,
        "dms_number": "A-1001",
        "workorder_number": "WO-1001",
        "time_car_app": "2026-11-23T09:00:00Z",
        "status_override": 2,
        "scheduled_in": "2026-11-23T08:30:00Z",
        "scheduled_out": "0001-01-01T00:00:00Z",
        "key_picked_up_by_id": 88,
        "driver_id": 501,
        "location_id": 12,
        "car_id": 77,
        "license_plate_number": "AB-123-C",
        "current_km": 48213,
        "appointment_status_identifier": 4,
        "appointment_status_name": "Customer OK",
        "customcom_key": "k3y",
        "checklists": ["Service", "Winter check"],
        "customer_driver": {
            "id": 501, "dms_nr": "K-501", "surname": "Jansen", "firstname": "Eva",
            "preferred_communication_channel": 2, "birthday": "1980-05-01T00:00:00Z", "loyalty_tier": "gold"
        },
        "customer_owner": {"id": 502, "DMSNr": "K-502", "Surname": "Lease BV", "is_lease_company": true},
        "customer_contract": null,
        "check_initiator": {"id": 88, "first_name": "Piet", "last_name": "Smit", "email": "piet@example.com"},
        "car": {
            "id": 77, "make": "Volkswagen", "model": "Golf", "vin": "WVWZZZ1JZXW000001", "reg_number": "AB-123-C",
            "apk_date_dms": "2027-03-01T00:00:00Z", "mcc_status": 4,
            "tyres_on_car": {
                "id": 9, "fl_profile": 6.5, "location": 1,
                "front_left_tyre": {"id": 31, "manufacturer": "Michelin", "width": 205, "height": 55, "size": 16, "season": -1}
            },
            "truck_tyres": null,
            "notes": [{"note": "scratch on bumper"}]
        },
        "final_check_images": [{"id": 1, "url": "https://cdn.example/1.jpg", "visible_in_pdf": true}],
        "status_history": [
            {"id": 1, "identifier": 1, "timestamp": "2026-11-20T08:15:00Z"},
            {"id": 2, "identifier": 4, "timestamp": "2026-11-23T10:00:00Z", "sa_remarks": "approved by phone"}
        ],
        "interventions": [{
            "id": 900, "dms_nr": "I-1", "title": "Annual service", "price": 249.95, "customer_ok": true,
            "elements": [
                {"id": 1, "description": "Oil filter", "price": "12.40", "quantity": 1, "element_type": 3, "status": 1},
                {"id": 2, "description": "Labour", "price": 95, "quantity": 1.5, "element_type": 42, "status": 1}
            ],
            "snooze_history": [{"id": 5, "snooze_type_id": 1, "snooze_status_id": 5, "snooze_department_id": 2}],
            "attachments": [{"id": 3, "url": "https://cdn.example/a.pdf", "type": "pdf", "name": "quote"}]
        }]
    })
}

#[test]
fn realistic_appointment_parses_with_nested_objects() {
    let a: Appointment = serde_json::from_value(realistic_appointment()).unwrap();
    assert_eq!(a.id.get(), 4711);
    assert_eq!(a.dms_nr, "A-1001");
    assert_eq!(a.wo_nr, "WO-1001");
    assert_eq!(
        a.created_on,
        Some(Utc.with_ymd_and_hms(2026, 11, 20, 8, 15, 0).unwrap())
    );
    assert_eq!(
        a.updated_on.unwrap().to_rfc3339(),
        "2026-11-23T09:02:11.123+00:00"
    );
    assert_eq!(a.car_return_time, None, "zero time is None");
    assert_eq!(a.status, StatusIdentifier::CustomerOk);
    assert_eq!(a.status_override, StatusOverride::Restored);
    assert_eq!(a.customer_driver_id, Some(501));
    assert_eq!(a.checklist_names, ["Service", "Winter check"]);
    assert_eq!(
        a.customer_communication_url().unwrap().as_str(),
        "https://mycarcheck.pro/#!/k3y"
    );

    let driver = a.customer_driver.as_ref().unwrap();
    assert_eq!(
        (driver.dms_nr.as_str(), driver.surname.as_str()),
        ("K-501", "Jansen")
    );
    assert_eq!(
        driver.preferred_communication_channel,
        Some(CommunicationChannel::Sms)
    );
    assert_eq!(
        driver.extra["loyalty_tier"],
        json!("gold"),
        "unmodelled fields are kept"
    );
    let owner = a.customer_owner.as_ref().unwrap();
    assert_eq!(
        (owner.dms_nr.as_str(), owner.surname.as_str()),
        ("K-502", "Lease BV"),
        "Go names accepted"
    );
    assert!(a.customer_contract.is_none());
    assert_eq!(
        a.check_initiator.as_ref().unwrap().email,
        "piet@example.com"
    );

    let car = a.car.as_ref().unwrap();
    assert_eq!(car.mcc_status, Some(MccStatus::ExpiredCard));
    let tyres = car.tyres_on_car.as_ref().unwrap();
    assert_eq!(tyres.location, Some(TyreLocation::OnCar));
    assert_eq!(tyres.fl_profile, 6.5);
    assert_eq!(
        tyres.front_left_tyre.as_ref().unwrap().season,
        Season::NoSeason
    );
    assert_eq!(car.notes[0].fields["note"], json!("scratch on bumper"));

    assert_eq!(a.status_history.len(), 2);
    assert_eq!(a.status_history[1].identifier, StatusIdentifier::CustomerOk);
    assert_eq!(a.status_history[1].sa_remarks, "approved by phone");
    let i = &a.interventions[0];
    assert_eq!(i.price, Decimal::from_str("249.95").unwrap());
    assert_eq!(i.elements[0].price, Decimal::from_str("12.40").unwrap());
    assert_eq!(
        i.elements[0].element_type,
        Some(InterventionElementType::Part)
    );
    assert_eq!(
        i.elements[1].element_type,
        Some(InterventionElementType::Unknown(42)),
        "unknown value kept"
    );
    assert_eq!(i.elements[1].quantity, 1.5);
    assert_eq!(
        i.snooze_history[0].snooze_status_id,
        Some(SnoozeStatus::DeclinedAlt)
    );
    assert_eq!(i.attachments[0].attachment_type, "pdf");
    assert!(a.final_check_images[0].visible_in_pdf);
}

#[test]
fn check_with_question_results() {
    let check: Check = serde_json::from_value(json!({
        "id": 1, "duration": 600, "appointment_id": 4711, "car_id": 77, "intervention_id": null,
        "mechanic": {"id": 88, "first_name": "Piet"},
        "checklist": {"id": 3, "name": "Service", "tag_names": ["oil"]},
        "question_items": [{
            "id": 10, "status": 3, "title": "Brake pads", "price": 120.5, "tyre_position": 1, "tyre_id": 31,
            "tyre": {"id": 31, "season": 1}, "question_tags": [{"id": 2, "name": "brakes", "color": "red", "system": false}],
            "tyre_replacements": [{"id": 4, "price": "89.00", "selected": true}],
            "image_urls": ["https://cdn.example/x.jpg"], "answers": ["worn"], "snooze_history": null
        }]
    }))
    .unwrap();
    assert_eq!(check.appointment_id.get(), 4711);
    assert_eq!(check.mechanic.as_ref().unwrap().first_name, "Piet");
    assert_eq!(check.checklist.as_ref().unwrap().tag_names, ["oil"]);
    let r = &check.question_results[0];
    assert_eq!(r.status, QuestionResultStatus::Necessary);
    assert_eq!(r.tyre_position, TyrePosition::CarFrontLeft);
    assert_eq!(r.tyre.as_ref().unwrap().season, Season::Winter);
    assert_eq!(
        r.tyre_replacements[0].price,
        Decimal::from_str("89.00").unwrap()
    );
    assert_eq!(r.question_tags[0].name, "brakes");
    assert_eq!(
        r.answer_item_names,
        ["worn"],
        "the changelog's `answers` key"
    );
    assert!(
        r.extra.is_empty(),
        "every key of the item is modelled: {:?}",
        r.extra
    );
    let go_name: claire_client::QuestionResult =
        serde_json::from_value(json!({"AnswerItemNames": ["ok"]})).unwrap();
    assert_eq!(go_name.answer_item_names, ["ok"]);
    assert_eq!(
        serde_json::to_value(&go_name).unwrap()["answers"],
        json!(["ok"])
    );
}

/// Every JSON path to an array-valued key, as (parent path, key).
fn list_keys(v: &Value, here: &mut Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
    if let Value::Object(map) = v {
        for (k, x) in map {
            if x.is_array() {
                out.push((here.clone(), k.clone()));
            }
            here.push(k.clone());
            list_keys(x, here, out);
            here.pop();
        }
    } else if let Value::Array(items) = v {
        for (i, x) in items.iter().enumerate() {
            here.push(i.to_string());
            list_keys(x, here, out);
            here.pop();
        }
    }
}

fn object_at<'a>(v: &'a mut Value, path: &[String]) -> &'a mut serde_json::Map<String, Value> {
    let mut cur = v;
    for step in path {
        cur = match step.parse::<usize>() {
            Ok(i) if cur.is_array() => &mut cur[i],
            _ => &mut cur[step.as_str()],
        };
    }
    cur.as_object_mut().unwrap()
}

/// "Any list in any answer may arrive as null, absent or []": every list of a nested
/// appointment and of a check, at every depth, is read as empty in all three forms.
#[test]
fn every_list_at_any_depth_may_be_null_absent_or_empty() {
    fn check<T: DeserializeOwned>(body: &Value) -> usize {
        let mut lists = Vec::new();
        list_keys(body, &mut Vec::new(), &mut lists);
        for (path, key) in &lists {
            for replacement in [Some(Value::Null), None, Some(json!([]))] {
                let mut variant = body.clone();
                let parent = object_at(&mut variant, path);
                match &replacement {
                    Some(value) => parent.insert(key.clone(), value.clone()),
                    None => parent.remove(key),
                };
                let bytes = serde_json::to_vec(&variant).unwrap();
                if let Err(e) = partner_core::decode_json::<T>("test", &bytes) {
                    panic!("{}.{key} as {replacement:?}: {e}", path.join("."));
                }
            }
        }
        lists.len()
    }
    assert!(check::<Appointment>(&realistic_appointment()) >= 8);
    let check_body = json!({
        "id": 1, "checklist": {"id": 3, "tag_names": ["oil"]},
        "question_items": [{"id": 10, "tyre_replacements": [{"id": 4}], "question_tags": [{"id": 2}],
            "image_urls": ["a"], "video_urls": ["b"], "answers": ["worn"], "snooze_history": [{"id": 1}]}]
    });
    assert_eq!(check::<Check>(&check_body), 8);
    // Request types read back too (the sandbox decodes them): an import's interventions.
    let import = json!({"appointments": [{"dms_nr": "A-1", "interventions": [{"dms_nr": "I-1"}]}]});
    assert_eq!(check::<claire_client::ImportRequest>(&import), 2);
}

#[test]
fn bad_values_fail_with_their_path() {
    let err = partner_core::decode_json::<Appointment>(
        "GetAppointment",
        br#"{"id": 1, "time_car_app": "23-11-2026"}"#,
    )
    .unwrap_err();
    match err {
        partner_core::Error::Decode { path, message, .. } => {
            assert_eq!(path, "time_car_app");
            assert!(message.contains("invalid timestamp"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn customer_kind_round_trips() {
    assert_eq!(
        serde_json::to_value(CustomerKind::Contractor).unwrap(),
        json!("contractor")
    );
    assert_eq!(
        serde_json::from_value::<CustomerKind>(json!("fleet")).unwrap(),
        CustomerKind::Unknown("fleet".into())
    );
}
