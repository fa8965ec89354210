//! The README's main command, as CI runs it: the tour completes against the sandbox.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tour_runs_to_completion() {
    let mut out = Vec::new();
    partner_sandbox::tour::run(&mut out).await.unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.ends_with("tour complete\n"), "{text}");
    for vendor in partner_sandbox::Vendor::ALL {
        assert!(
            text.contains(&format!("== {vendor} at http://127.0.0.1:")),
            "{text}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recorded_tour_gives_fixtures_of_the_documented_format() {
    use partner_sandbox::{Sandbox, Vendor};
    let builder = Sandbox::builder().record(true).only(&[Vendor::ShipInsure]);
    let sandbox = partner_sandbox::tour::run_with(builder, &mut Vec::new())
        .await
        .unwrap();
    let recorded = sandbox.recorded(Vendor::ShipInsure);
    let names: Vec<&str> = recorded.iter().map(|e| e.operation.name).collect();
    for op in Vendor::ShipInsure.operations() {
        assert!(
            names.contains(&op.name),
            "{} not recorded: {names:?}",
            op.name
        );
    }
    let submit = recorded
        .iter()
        .find(|e| e.operation.name == "SubmitSmeDelivery" && e.status == 200)
        .unwrap();
    let fixture = submit.to_fixture("shipinsure");
    assert_eq!(fixture["operation"], "SubmitSmeDelivery");
    assert_eq!(fixture["request"]["method"], "POST");
    assert_eq!(fixture["request"]["path"], "/api/v1/sme-delivery/submit");
    assert_eq!(
        fixture["request"]["headers"]["content-type"],
        "application/json"
    );
    assert!(fixture["request"]["body"]["signature"].is_string());
    assert_eq!(fixture["response"]["status"], 200);
    assert!(fixture["response"]["body"]["policy_id"].is_string());
    assert!(
        fixture["provenance"]["source"]
            .as_str()
            .unwrap()
            .contains("recording")
    );

    // Without recording nothing is kept.
    let plain = Sandbox::builder()
        .only(&[Vendor::ShipInsure])
        .start()
        .await
        .unwrap();
    assert!(plain.recorded(Vendor::ShipInsure).is_empty());
}
