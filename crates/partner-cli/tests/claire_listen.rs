//! `partner claire webhooks listen` receives the import webhook the sandbox sends after
//! `partner claire import`, prints it, and removes the webhook it registered.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::{Env, VARS, json, stderr};

const IMPORT: &str = r#"{"appointments": [{
    "car": {"dms_nr": "C-77", "make": "Volkswagen", "model": "Golf", "reg_nr": "AB-123-C", "vin": "WVWZZZ1JZXW000001"},
    "customer_driver": {"dms_nr": "K-501", "firstname": "Eva", "surname": "Jansen"},
    "dms_created_at": "2026-11-20T08:15:00Z", "dms_nr": "A-1001",
    "interventions": [{"dms_nr": "I-1", "price": 249.5, "title": "Annual service"}],
    "location_id": 12, "time_car_app": "2026-11-23T09:00:00Z", "wo_nr": "WO-1001"}]}"#;

#[test]
fn the_listener_prints_the_import_webhook() {
    let env = Env::start("listen");
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("partner"));
    for var in VARS {
        cmd.env_remove(var);
    }
    let mut child = cmd
        .env("HOME", &env.dir)
        .arg("--config")
        .arg(&env.config)
        .args([
            "-o", "jsonl", "claire", "webhooks", "listen", "--count", "1",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();

    // Wait until the webhook is registered.
    let (tx, rx) = mpsc::channel();
    let stderr_pipe = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr_pipe).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut log = Vec::new();
    loop {
        let line = rx
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("listener never got ready: {log:?}"));
        log.push(line.clone());
        if line.starts_with("ready") {
            break;
        }
    }
    assert!(
        log.iter().any(|l| l.starts_with("created webhook")),
        "{log:?}"
    );

    // Import one appointment: the sandbox queues it and calls the webhook.
    let file = env.file("import.json", IMPORT);
    let out = env
        .partner()
        .args(["claire", "import"])
        .arg(&file)
        .assert()
        .success();
    let summary = json(out.get_output());
    assert_eq!(summary["appointments"], 1, "{summary}");
    let progress = stderr(out.get_output());
    assert!(
        progress.contains("import: 1/1 batches batch 1: 1 appointments queued"),
        "{progress}"
    );

    // The listener prints the call and stops after --count 1.
    let (done_tx, done_rx) = mpsc::channel();
    let mut stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        let _ = done_tx.send(text);
    });
    let text = done_rx
        .recv_timeout(Duration::from_secs(30))
        .unwrap_or_else(|_| {
            let _ = child.kill();
            panic!("no webhook call printed; stderr so far: {log:?}")
        });
    let status = child.wait().unwrap();
    assert!(status.success(), "listener failed: {log:?}");
    let event: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(event["payload"]["wo_nr"], "WO-1001", "{event}");
    assert!(event["import_outcome"]["imported"].is_i64(), "{event}");

    // The webhook it created is gone again.
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(5)) {
        log.push(line);
    }
    assert!(
        log.iter().any(|l| l.starts_with("deleted webhook")),
        "{log:?}"
    );
    let hooks = env
        .partner()
        .args(["claire", "webhooks", "list"])
        .assert()
        .success();
    assert_eq!(json(hooks.get_output()), serde_json::json!([]));
}
