//! Employees of the customer: the employee record, the create and change bodies with their
//! length, e-mail and locale rules, and `me` as an employee reference.

use std::fmt;

use partner_core::{Validate, Validator};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::validate::{StrictValidate, check_bcp47, check_email};

/// Longest given name, family name and username the document allows.
pub const MAX_NAME_CHARS: usize = 255;

/// An employee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Employee {
    /// Employee ID.
    pub id: Uuid,
    /// Given name.
    #[serde(default)]
    pub given_name: Option<String>,
    /// Family name.
    #[serde(default)]
    pub family_name: Option<String>,
    /// Username (an e-mail address).
    #[serde(default)]
    pub username: Option<String>,
    /// Whether the account is enabled.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// BCP 47 locale for correspondence (`en-GB`).
    #[serde(default)]
    pub correspondence_locale: Option<String>,
}

/// Which employee a call is about: an ID, or `me` (the logged-in employee).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmployeeRef {
    /// The logged-in employee (`me`).
    Me,
    /// An employee by ID.
    Id(Uuid),
}

impl From<Uuid> for EmployeeRef {
    fn from(id: Uuid) -> Self {
        EmployeeRef::Id(id)
    }
}

impl fmt::Display for EmployeeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmployeeRef::Me => f.write_str("me"),
            EmployeeRef::Id(id) => id.fmt(f),
        }
    }
}

/// The documented rules shared by the create and change bodies (Employees: Add a new
/// employee, Change an employee): names at most 255 characters; a username, when not null,
/// an e-mail address of 1 to 255 characters; the locale BCP 47.
fn check_fields(
    v: &mut Validator,
    given: &str,
    family: &str,
    username: Option<&str>,
    locale: Option<&str>,
) {
    v.max_chars("given_name", given, MAX_NAME_CHARS);
    v.max_chars("family_name", family, MAX_NAME_CHARS);
    if let Some(username) = username {
        v.max_chars("username", username, MAX_NAME_CHARS);
        check_email(v, "username", username);
    }
    if let Some(locale) = locale {
        check_bcp47(v, "correspondence_locale", locale);
    }
}

/// The stricter reading: "required" names are also non-blank.
fn check_fields_strict(v: &mut Validator, given: &str, family: &str) {
    v.required("given_name", given);
    v.required("family_name", family);
}

/// A new employee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NewEmployee {
    /// Given name, at most 255 characters (required: always sent, may be empty unless
    /// the client is strict).
    pub given_name: String,
    /// Family name, at most 255 characters (required: always sent, may be empty unless
    /// the client is strict).
    pub family_name: String,
    /// Username: an e-mail address of 1 to 255 characters, or null (`None`): the document
    /// types it "string or null".
    pub username: Option<String>,
    /// BCP 47 locale for correspondence; only the vendor's system locales are accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correspondence_locale: Option<String>,
}

impl NewEmployee {
    /// An employee with the required fields (set `username` to `None` afterwards to send
    /// null).
    pub fn new(
        given_name: impl Into<String>,
        family_name: impl Into<String>,
        username: impl Into<String>,
    ) -> Self {
        NewEmployee {
            given_name: given_name.into(),
            family_name: family_name.into(),
            username: Some(username.into()),
            correspondence_locale: None,
        }
    }

    /// Sets the correspondence locale.
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.correspondence_locale = Some(locale.into());
        self
    }
}

impl StrictValidate for NewEmployee {
    fn validate_strict_into(&self, v: &mut Validator) {
        check_fields_strict(v, &self.given_name, &self.family_name);
    }
}

impl Validate for NewEmployee {
    fn validate_into(&self, v: &mut Validator) {
        check_fields(
            v,
            &self.given_name,
            &self.family_name,
            self.username.as_deref(),
            self.correspondence_locale.as_deref(),
        );
    }
}

/// The properties of an employee to change. Names and username are required by the
/// document; `enabled` is sent as `null` (unchanged) unless set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmployeeChange {
    /// Given name, at most 255 characters (required: always sent, may be empty unless
    /// the client is strict).
    pub given_name: String,
    /// Family name, at most 255 characters (required: always sent, may be empty unless
    /// the client is strict).
    pub family_name: String,
    /// Username: an e-mail address of 1 to 255 characters, or null (`None`); "once set it
    /// cannot be unset, only updated", so null is for employees that have none yet.
    pub username: Option<String>,
    /// BCP 47 locale for correspondence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correspondence_locale: Option<String>,
    /// Enable or disable the account; `null` leaves it as is.
    #[serde(default)]
    pub enabled: Option<bool>,
}

impl EmployeeChange {
    /// A change with the required fields.
    pub fn new(
        given_name: impl Into<String>,
        family_name: impl Into<String>,
        username: impl Into<String>,
    ) -> Self {
        EmployeeChange {
            given_name: given_name.into(),
            family_name: family_name.into(),
            username: Some(username.into()),
            correspondence_locale: None,
            enabled: None,
        }
    }

    /// Sets the correspondence locale.
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.correspondence_locale = Some(locale.into());
        self
    }

    /// Enables or disables the account.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }
}

impl StrictValidate for EmployeeChange {
    fn validate_strict_into(&self, v: &mut Validator) {
        check_fields_strict(v, &self.given_name, &self.family_name);
    }
}

impl Validate for EmployeeChange {
    fn validate_into(&self, v: &mut Validator) {
        check_fields(
            v,
            &self.given_name,
            &self.family_name,
            self.username.as_deref(),
            self.correspondence_locale.as_deref(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Strictness;
    use partner_core::Rule;

    #[test]
    fn reports_every_field_at_once() {
        let long = "x".repeat(256);
        let e = NewEmployee::new(long.as_str(), "", "not-an-email").locale("en_GB!");
        let err = e.validate().unwrap_err();
        assert!(err.has("given_name", &Rule::MaxLength { max: 255 }));
        assert!(err.for_field("username").count() >= 1);
        assert!(err.for_field("correspondence_locale").count() == 1);
        // "required" is not "non-empty": a blank family name is the server's to judge,
        // unless the client is strict.
        assert_eq!(err.for_field("family_name").count(), 0);
        let strict = e.validate_with(Strictness::Strict).unwrap_err();
        assert!(strict.has("family_name", &Rule::Required));
        let ok =
            NewEmployee::new("x".repeat(255), "Smith", "john.smith@my-garage.com").locale("en-GB");
        assert!(ok.validate().is_ok());
    }

    #[test]
    fn username_length_bounds() {
        let at = format!("{}@example.com", "a".repeat(243)); // 255 characters
        assert!(
            EmployeeChange::new("a", "b", at.as_str())
                .validate()
                .is_ok()
        );
        let over = format!("a{at}");
        assert!(
            EmployeeChange::new("a", "b", over)
                .validate()
                .unwrap_err()
                .has("username", &Rule::MaxLength { max: 255 })
        );
        assert!(EmployeeChange::new("a", "b", "").validate().is_err());
        // "string or null": null is sent as null and not checked.
        let mut none = EmployeeChange::new("a", "b", "x@y.nl");
        none.username = None;
        assert!(none.validate().is_ok());
        assert_eq!(
            serde_json::to_value(&none).unwrap()["username"],
            serde_json::Value::Null
        );
    }

    #[test]
    fn change_sends_null_enabled_and_me_renders() {
        let body = serde_json::to_value(EmployeeChange::new("John", "Smith", "j@x.nl")).unwrap();
        assert_eq!(body["enabled"], serde_json::Value::Null);
        assert_eq!(EmployeeRef::Me.to_string(), "me");
    }
}
