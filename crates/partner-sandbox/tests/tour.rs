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
