//! At least two commands per vendor, run as the built binary against a sandbox through a
//! profile file.

mod common;

use common::{Env, json, stderr};

#[test]
fn carfix_opens_a_case_and_reads_it_back_and_lists_states() {
    let env = Env::start("carfix");
    let states = env
        .partner()
        .args(["-o", "table", "carfix", "lookups", "states"])
        .assert()
        .success();
    let table = String::from_utf8_lossy(&states.get_output().stdout).into_owned();
    assert!(table.starts_with("ID"), "{table}");
    assert!(table.contains("Johor"), "{table}");

    let body = env.file(
        "case.json",
        r#"{"CaseInfo": {"CallerContactNo": "60123456789", "Name": "Wong Wai Yan", "VehicleNo": "ABC1234"},
            "IncidentLocation": "70300 SEREMBAN, NEGERI SEMBILAN, MALAYSIA",
            "LocationCoordinate": "2.725889,101.9378239"}"#,
    );
    let created = env
        .partner()
        .args(["carfix", "cases", "create-initial", "--body"])
        .arg(&body)
        .assert()
        .success();
    let id = json(created.get_output())["CaseID"]
        .as_str()
        .expect("a case id")
        .to_owned();
    let got = env
        .partner()
        .args(["carfix", "cases", "get", &id])
        .assert()
        .success();
    let details = json(got.get_output());
    assert!(details.to_string().contains("ABC1234"), "{details}");

    // The Workshop API logs in with its own credentials.
    env.partner()
        .args(["carfix", "fleet", "list"])
        .assert()
        .success();
}

#[test]
fn jifeline_searches_a_vin_and_pages_makes_lazily() {
    let env = Env::start("jifeline");
    let found = env
        .partner()
        .args([
            "jifeline",
            "vehicles",
            "search",
            "--vin",
            partner_sandbox::jifeline::DEMO_VIN,
        ])
        .assert()
        .success();
    assert!(json(found.get_output())["make"]["name"].is_string());

    let makes = env
        .partner()
        .args([
            "-o",
            "jsonl",
            "jifeline",
            "vehicles",
            "makes",
            "--limit",
            "2",
            "--page-size",
            "1",
        ])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&makes.get_output().stdout).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    for line in lines {
        let item: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(item["name"].is_string(), "{line}");
    }
}

#[test]
fn jifeline_refuses_a_blank_vin_before_sending() {
    // Lookups take any non-blank VIN (the 17-character rule is the cart's): a blank one is
    // refused here, a short one goes to the vendor, which judges it (not found).
    let env = Env::start("jifeline-bad");
    let out = env
        .partner()
        .args(["jifeline", "vehicles", "search", "--vin", "SHORT"])
        .assert()
        .code(5);
    assert!(
        stderr(out.get_output()).starts_with("error: SearchVehicleByVin: HTTP 404"),
        "{}",
        stderr(out.get_output())
    );
    let out = env
        .partner()
        .args(["jifeline", "vehicles", "search", "--vin", " "])
        .assert()
        .code(3);
    let err = stderr(out.get_output());
    assert!(
        err.starts_with("error: SearchVehicleByVin: invalid input"),
        "{err}"
    );
    assert!(err.contains("`vin`"), "{err}");
    // `--strict` (the clients' common `Strictness::Strict`) refuses the short VIN unsent.
    let out = env
        .partner()
        .args([
            "--strict", "jifeline", "vehicles", "search", "--vin", "SHORT",
        ])
        .assert()
        .code(3);
    let err = stderr(out.get_output());
    assert!(
        err.starts_with("error: SearchVehicleByVin: invalid input"),
        "{err}"
    );
    assert!(err.contains("`vin`"), "{err}");
}

#[test]
fn claire_lists_locations_and_appointments_and_triggers() {
    let env = Env::start("claire");
    let locations = env
        .partner()
        .args(["claire", "locations", "list"])
        .assert()
        .success();
    let locations = json(locations.get_output());
    let first = locations[0]["id"].as_i64().expect("a location id");

    env.partner()
        .args(["claire", "appointments", "list", "--location"])
        .arg(first.to_string())
        .args(["--date", "2026-12-01"])
        .assert()
        .success();
    let triggers = env
        .partner()
        .args(["-o", "table", "claire", "webhooks", "triggers"])
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&triggers.get_output().stdout).starts_with("ID"));

    // A location alone is a filter under the lenient default reading (the strict one asks
    // for one more criterion): sent, answered with that location's appointments.
    let out = env
        .partner()
        .args(["claire", "appointments", "list", "--location", "12"])
        .assert()
        .success();
    assert!(json(out.get_output()).is_array());
}

#[test]
fn bigfix_saves_the_template_and_tracks_an_unknown_order() {
    let env = Env::start("bigfix");
    let saved = env
        .partner()
        .args(["bigfix", "template", "save", "template.xlsx"])
        .assert()
        .success();
    let saved = json(saved.get_output());
    assert_eq!(saved["header_matches"], true, "{saved}");
    assert!(env.dir.join("template.xlsx").metadata().unwrap().len() > 0);

    // Then the saved template passes the offline check (the header is the one expected).
    env.partner()
        .args(["bigfix", "sheet", "check", "template.xlsx"])
        .assert()
        .success();

    let out = env
        .partner()
        .args(["bigfix", "track", "NO-SUCH-REFERENCE"])
        .assert()
        .code(5);
    let err = stderr(out.get_output());
    assert!(err.starts_with("error: TrackOrder: "), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn shipinsure_insures_and_cancels_a_delivery() {
    let env = Env::start("shipinsure");
    let order = env.file(
        "order.json",
        r#"{"cod_amount": 0, "customer_email": "nguyen.a@example.com", "customer_name": "Nguyen Van A",
            "customer_phone": "0901234567", "drop_up_address": "45 Hai Ba Trung, District 3",
            "good_quantity": 1, "goods_description": "Bluetooth speaker", "item_value": 1500000,
            "order_created_time": "2026-11-23T06:05:00.528Z", "pickup_address": "12 Le Loi, District 1",
            "premium_amount": 15000, "product_code": "ahasme", "recipient_name": "Le Thi C",
            "recipient_phone": "0907654321", "sender_email": "shop@example.com", "sender_name": "Shop ABC",
            "sender_phone": "0281234567", "tracking_number": "SME0009999", "type_of_goods": "electronics"}"#,
    );
    let policy = env
        .partner()
        .args(["shipinsure", "deliveries", "submit", "--body"])
        .arg(&order)
        .assert()
        .success();
    let policy = json(policy.get_output());
    let policy_id = policy["policy_id"]
        .as_str()
        .expect("a policy id")
        .to_owned();

    let cancel = env.file(
        "cancel.json",
        &format!(
            r#"{{"tracking_number": "SME0009999", "policy_id": "{policy_id}", "canceled_by": "cs@partner.example",
                "cancellation_reason": "customer cancelled", "cancellation_time": "2026-11-24T10:00:00Z"}}"#
        ),
    );
    let out = env
        .partner()
        .args(["shipinsure", "deliveries", "cancel", "--body"])
        .arg(&cancel)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        env.sandbox
            .shipinsure()
            .policy("SME0009999")
            .is_some_and(|p| p.cancelled.as_deref() == Some("customer cancelled")),
    );
}

#[test]
fn a_body_of_the_wrong_shape_names_the_field() {
    let env = Env::start("body");
    let body = env.file("bad.json", r#"{"CaseInfo": {"Name": 7}}"#);
    let out = env
        .partner()
        .args(["carfix", "cases", "create-initial", "--body"])
        .arg(&body)
        .assert()
        .code(3);
    let err = stderr(out.get_output());
    assert!(
        err.starts_with("error: InitialCallCentreCase: invalid input: `CaseInfo"),
        "{err}"
    );
}

#[test]
fn sandbox_flag_runs_against_the_embedded_sandbox() {
    let dir = common::scratch("flag");
    let out = common::partner(&dir)
        .args(["--sandbox", "claire", "locations", "list"])
        .assert()
        .success();
    assert!(
        json(out.get_output())
            .as_array()
            .is_some_and(|l| !l.is_empty())
    );
}
