//! The customer communication link: Claire puts a key in `customcom_key` once an online
//! check-in, diagnose overview or repair overview was sent, and the page opens read-only at
//! `https://mycarcheck.pro/#!/{key}` ("Customer communication" section).

use url::Url;

use crate::models::Appointment;

/// Where customer communications open; the key goes after `#!/`.
pub const CUSTOMER_COMMUNICATION_BASE: &str = "https://mycarcheck.pro/";

/// The read-only link to a customer communication, or `None` for a blank key.
///
/// ```
/// let url = claire_client::customer_communication_url("abc123").unwrap();
/// assert_eq!(url.as_str(), "https://mycarcheck.pro/#!/abc123");
/// ```
pub fn customer_communication_url(key: &str) -> Option<Url> {
    let key = key.trim();
    if key.is_empty() {
        return None;
    }
    let mut url = Url::parse(CUSTOMER_COMMUNICATION_BASE).ok()?;
    // set_fragment percent-encodes what a fragment may not hold, so a key cannot break out.
    url.set_fragment(Some(&format!("!/{key}")));
    Some(url)
}

impl Appointment {
    /// The read-only link to the customer communication of this appointment, when one was
    /// sent (`customcom_key` is set).
    pub fn customer_communication_url(&self) -> Option<Url> {
        self.customcom_key
            .as_deref()
            .and_then(customer_communication_url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_from_key() {
        assert_eq!(customer_communication_url("  ").map(String::from), None);
        let u = customer_communication_url("a b\"<").unwrap();
        assert!(
            u.as_str().starts_with("https://mycarcheck.pro/#!/a%20b"),
            "{u}"
        );
        let appointment = Appointment {
            customcom_key: Some("K1".into()),
            ..Appointment::default()
        };
        assert_eq!(
            appointment.customer_communication_url().unwrap().as_str(),
            "https://mycarcheck.pro/#!/K1"
        );
        assert_eq!(Appointment::default().customer_communication_url(), None);
    }
}
