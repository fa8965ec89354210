//! Profiles and the tool's own commands: bad profiles give one clear line and exit 7,
//! secrets are not printed, completions and the man page are generated.

mod common;

use common::{partner, scratch, stderr, write_private};

/// One line, starting with `error: config: `, exit 7.
fn config_error(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(7), "{}", stderr(out));
    let err = stderr(out);
    assert!(err.starts_with("error: config: "), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    err
}

#[test]
fn an_unknown_profile_is_a_clear_config_error() {
    let dir = scratch("unknown-profile");
    let file = dir.join("config.toml");
    write_private(
        &file,
        "[profiles.staging.claire]\nbase_url = \"https://claire.example\"\n",
    );
    let out = partner(&dir)
        .arg("--config")
        .arg(&file)
        .args(["--profile", "prod", "claire", "locations", "list"])
        .output()
        .unwrap();
    let err = config_error(&out);
    assert!(err.contains("profile `prod`"), "{err}");
    assert!(err.contains("staging"), "names the profiles there: {err}");
}

#[test]
fn a_malformed_or_misspelt_file_is_a_clear_config_error() {
    let dir = scratch("malformed");
    let file = dir.join("config.toml");
    write_private(
        &file,
        "[profiles.default.claire]\napi_key = \"s3cret-value\"\nbase_url = \n",
    );
    let out = partner(&dir)
        .arg("--config")
        .arg(&file)
        .args(["claire", "locations", "list"])
        .output()
        .unwrap();
    let err = config_error(&out);
    assert!(err.contains("line 3"), "{err}");
    assert!(!err.contains("s3cret-value"), "a secret was printed: {err}");

    write_private(&file, "[profiles.default.claire]\napi_kee = \"x\"\n");
    let out = partner(&dir)
        .arg("--config")
        .arg(&file)
        .args(["claire", "locations", "list"])
        .output()
        .unwrap();
    let err = config_error(&out);
    assert!(err.contains("api_kee"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_file_with_secrets_readable_by_others_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("mode");
    let file = dir.join("config.toml");
    std::fs::write(
        &file,
        "[profiles.default.claire]\napi_key = \"s3cret-value\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = partner(&dir)
        .arg("--config")
        .arg(&file)
        .args(["claire", "locations", "list"])
        .output()
        .unwrap();
    let err = config_error(&out);
    assert!(err.contains("chmod 600"), "{err}");
    assert!(!err.contains("s3cret-value"), "{err}");
}

#[test]
fn a_missing_base_url_or_key_says_what_to_set() {
    let dir = scratch("missing");
    let out = partner(&dir)
        .args(["claire", "locations", "list"])
        .output()
        .unwrap();
    config_error(&out);
    let out = partner(&dir)
        .args(["shipinsure", "tracking", "insert", "--body", "x.json"])
        .output()
        .unwrap();
    // The body file is read after the client is configured or before: either way a clear
    // one-line error with a documented code.
    assert!(matches!(out.status.code(), Some(2 | 7)), "{}", stderr(&out));
}

#[test]
fn the_environment_fills_a_profile_and_config_show_hides_secrets() {
    let dir = scratch("env");
    let out = partner(&dir)
        .env("CLAIRE_BASE_URL", "https://claire.example")
        .env("CLAIRE_API_KEY", "s3cret-value")
        .args(["config", "show"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("https://claire.example"), "{text}");
    assert!(text.contains("<redacted>"), "{text}");
    assert!(!text.contains("s3cret-value"), "{text}");
}

#[test]
fn usage_errors_exit_2_and_help_lists_the_exit_codes() {
    let dir = scratch("usage");
    partner(&dir)
        .args(["carfix", "cases", "nope"])
        .assert()
        .code(2);
    let help = partner(&dir).arg("--help").assert().success();
    let text = String::from_utf8_lossy(&help.get_output().stdout).into_owned();
    assert!(text.contains("Exit codes:"), "{text}");
    assert!(text.contains("7  configuration"), "{text}");
}

#[test]
fn completions_and_man_page_are_generated() {
    let dir = scratch("gen");
    for shell in ["bash", "zsh", "fish"] {
        let out = partner(&dir)
            .args(["completions", shell])
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(text.contains("partner"), "{shell}");
        assert!(text.contains("carfix"), "{shell}");
    }
    let man = partner(&dir).arg("man").assert().success();
    let text = String::from_utf8_lossy(&man.get_output().stdout).into_owned();
    assert!(
        text.starts_with(".ie") || text.contains(".TH partner"),
        "{text}"
    );
    partner(&dir)
        .args(["man", "--out-dir", "man"])
        .assert()
        .success();
    assert!(dir.join("man/partner-carfix-cases-get.1").exists());
}

#[test]
fn operations_lists_all_98() {
    let dir = scratch("ops");
    let out = partner(&dir).arg("operations").assert().success();
    let list: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(list.as_array().map(Vec::len), Some(98));
}
