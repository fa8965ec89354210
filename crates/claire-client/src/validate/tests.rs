//! The webhook rules in both readings.

use super::*;
use crate::models::WebhookTriggerId;

#[test]
fn webhook_rules_reported_together_when_strict() {
    let hook = Webhook::new("", WebhookTriggerId::Unknown(0), "ftp://x").header("", "v");
    let err = check_webhook(&hook, true, &ValidationRules::STRICT).unwrap_err();
    let v = err.validation().unwrap();
    assert!(v.has("id", &Rule::Required));
    assert!(v.has("name", &Rule::Required));
    assert!(v.has("webhook_trigger_id", &Rule::Required));
    assert!(v.has(
        "url",
        &Rule::Format {
            expected: Cow::Borrowed("an absolute http or https URL")
        }
    ));
    assert!(v.has("headers[0].name", &Rule::Required));
    assert_eq!(v.violations().len(), 5);
    let ok = Webhook::new("n", WebhookTriggerId::CarReady, "https://example.com/hook");
    assert!(check_webhook(&ok, false, &ValidationRules::STRICT).is_ok());
}

#[test]
fn lenient_webhook_rules_check_only_the_update_id() {
    let hook = Webhook::new("", WebhookTriggerId::Unknown(0), "ftp://x").header("", "v");
    assert!(check_webhook(&hook, false, &ValidationRules::LENIENT).is_ok());
    let err = check_webhook(&hook, true, &ValidationRules::LENIENT).unwrap_err();
    let v = err.validation().unwrap();
    assert!(v.has("id", &Rule::Required));
    assert_eq!(v.violations().len(), 1);
    assert_eq!(ValidationRules::default(), ValidationRules::LENIENT);
}
