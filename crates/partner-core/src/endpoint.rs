//! Base URLs and the operation table.
//!
//! Each vendor crate declares its operations once, as a `const` slice of [`Operation`]: name,
//! method, path template, whether it is safe to repeat, and the document section it comes
//! from. The client, the fixtures, the contract test and the docs all read that table. Three
//! vendors publish no paths, so every path can be overridden per client through [`Endpoints`].

use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;

use http::Method;
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use url::Url;

use crate::error::ConfigError;

/// A vendor base URL: https, or plain http to a loopback host (tests, the sandbox).
#[derive(Clone, PartialEq, Eq)]
pub struct BaseUrl(Url);

impl BaseUrl {
    /// Parses and checks a base URL.
    ///
    /// ```
    /// use partner_core::BaseUrl;
    /// assert!(BaseUrl::parse("https://api.example.com/v1").is_ok());
    /// assert!(BaseUrl::parse("http://127.0.0.1:8080").is_ok());
    /// assert!(BaseUrl::parse("http://api.example.com").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<Self, ConfigError> {
        let bad = |reason: &str| ConfigError::InvalidBaseUrl {
            url: input.to_owned(),
            reason: reason.to_owned(),
        };
        let url = Url::parse(input.trim()).map_err(|e| bad(&e.to_string()))?;
        if url.host_str().is_none_or(str::is_empty) {
            return Err(bad("it has no host"));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(bad("it must not have a query or fragment"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(bad("credentials do not belong in the URL"));
        }
        match url.scheme() {
            "https" => {}
            "http" if is_loopback(&url) => {}
            "http" => {
                return Err(ConfigError::InsecureBaseUrl {
                    url: input.to_owned(),
                });
            }
            other => return Err(bad(&format!("unsupported scheme `{other}`"))),
        }
        Ok(BaseUrl(url))
    }

    /// The URL as parsed.
    pub fn as_url(&self) -> &Url {
        &self.0
    }

    /// Joins a rendered path (starting with `/`) onto the base, keeping the base's own path.
    pub fn join(&self, path: &str) -> Url {
        let mut url = self.0.clone();
        let base = url.path().trim_end_matches('/').to_owned();
        let tail = path.trim_start_matches('/');
        url.set_path(&format!("{base}/{tail}"));
        url
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

impl fmt::Debug for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BaseUrl({})", self.0)
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Whether an operation may be sent again after a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idempotency {
    /// Reads, or writes that are harmless to repeat: retried on any retryable failure.
    Safe,
    /// Creates or changes something: re-sent only when it surely never reached the vendor,
    /// unless the caller opts in per call.
    Unsafe,
}

/// One documented vendor operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// Stable name, used for path overrides, fixtures, tracing and errors.
    pub name: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Path template relative to the base URL, with `{param}` placeholders.
    pub path: &'static str,
    /// Whether it is safe to repeat.
    pub idempotency: Idempotency,
    /// Where in the vendor's document it is described (such as "3.12 Get States").
    pub section: &'static str,
    /// True when the document gives this path; false when it is our assumption.
    pub path_documented: bool,
}

impl Operation {
    /// A safe-to-repeat operation with an assumed path.
    pub const fn new(name: &'static str, method: Method, path: &'static str) -> Self {
        Operation {
            name,
            method,
            path,
            idempotency: Idempotency::Safe,
            section: "",
            path_documented: false,
        }
    }

    /// Marks the operation as creating or changing something.
    pub const fn unsafe_to_retry(mut self) -> Self {
        self.idempotency = Idempotency::Unsafe;
        self
    }

    /// Records the document section.
    pub const fn section(mut self, section: &'static str) -> Self {
        self.section = section;
        self
    }

    /// Marks the path as given by the document.
    pub const fn documented_path(mut self) -> Self {
        self.path_documented = true;
        self
    }

    /// True for [`Idempotency::Safe`].
    pub const fn is_idempotent(&self) -> bool {
        matches!(self.idempotency, Idempotency::Safe)
    }
}

/// Finds an operation by name in a table.
pub fn find_operation(table: &'static [Operation], name: &str) -> Option<&'static Operation> {
    table.iter().find(|op| op.name == name)
}

/// The operation table of one vendor plus the user's path overrides.
#[derive(Debug, Clone)]
pub struct Endpoints {
    vendor: &'static str,
    table: &'static [Operation],
    overrides: BTreeMap<&'static str, String>,
    methods: BTreeMap<&'static str, Method>,
    /// The table's names, sorted, with their index: every call looks its operation up, and a
    /// binary search over this touches a few compact entries instead of the whole table.
    by_name: Box<[(&'static str, usize)]>,
}

impl Endpoints {
    /// The table as declared.
    pub fn new(vendor: &'static str, table: &'static [Operation]) -> Self {
        let mut by_name: Vec<(&'static str, usize)> = table
            .iter()
            .enumerate()
            .map(|(i, op)| (op.name, i))
            .collect();
        by_name.sort_unstable();
        Endpoints {
            vendor,
            table,
            overrides: BTreeMap::new(),
            methods: BTreeMap::new(),
            by_name: by_name.into_boxed_slice(),
        }
    }

    /// Replaces the path template of one operation (the vendor gave you the real one).
    pub fn override_path(
        &mut self,
        name: &str,
        path: impl Into<String>,
    ) -> Result<(), ConfigError> {
        let op = find_operation(self.table, name).ok_or_else(|| ConfigError::UnknownOperation {
            vendor: self.vendor,
            name: name.to_owned(),
        })?;
        self.overrides.insert(op.name, path.into());
        Ok(())
    }

    /// Replaces the HTTP method of one operation (the document's copy lost it, or the vendor
    /// changed it).
    pub fn override_method(&mut self, name: &str, method: Method) -> Result<(), ConfigError> {
        let op = self.operation(name)?;
        self.methods.insert(op.name, method);
        Ok(())
    }

    /// The HTTP method in effect for an operation (override or declared).
    pub fn method<'a>(&'a self, op: &'a Operation) -> &'a Method {
        self.methods.get(op.name).unwrap_or(&op.method)
    }

    /// The vendor name.
    pub fn vendor(&self) -> &'static str {
        self.vendor
    }

    /// The declared table.
    pub fn table(&self) -> &'static [Operation] {
        self.table
    }

    /// Looks an operation up by name.
    pub fn operation(&self, name: &str) -> Result<&'static Operation, ConfigError> {
        let table = self.table;
        self.by_name
            .binary_search_by(|(n, _)| (*n).cmp(name))
            .ok()
            .map(|found| &table[self.by_name[found].1])
            .ok_or_else(|| ConfigError::UnknownOperation {
                vendor: self.vendor,
                name: name.to_owned(),
            })
    }

    /// The path template in effect for an operation (override or declared).
    pub fn path_template(&self, op: &Operation) -> &str {
        self.overrides
            .get(op.name)
            .map(String::as_str)
            .unwrap_or(op.path)
    }

    /// Renders the path of `op`, substituting `{param}` placeholders, each value
    /// percent-encoded as one path segment.
    pub fn render(
        &self,
        op: &'static Operation,
        params: &[(&str, String)],
    ) -> Result<String, ConfigError> {
        render_path(op.name, self.path_template(op), params)
    }
}

/// Characters escaped inside one path segment.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// Substitutes `{name}` placeholders of a template.
pub fn render_path(
    operation: &'static str,
    template: &str,
    params: &[(&str, String)],
) -> Result<String, ConfigError> {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('}') else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let name = &rest[start + 1..start + len];
        let value = params
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
            .ok_or_else(|| ConfigError::MissingPathParam {
                operation,
                path: template.to_owned(),
                param: name.to_owned(),
            })?;
        out.extend(utf8_percent_encode(value, SEGMENT));
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPS: &[Operation] = &[
        Operation::new("GetThing", Method::GET, "/things/{id}"),
        Operation::new("MakeThing", Method::POST, "/things").unsafe_to_retry(),
    ];

    #[test]
    fn base_url_rules() {
        for ok in [
            "https://x.example",
            "http://localhost:1",
            "http://127.0.0.1",
            "http://[::1]:9",
        ] {
            assert!(BaseUrl::parse(ok).is_ok(), "{ok}");
        }
        assert!(matches!(
            BaseUrl::parse("http://10.0.0.1"),
            Err(ConfigError::InsecureBaseUrl { .. })
        ));
        assert!(matches!(
            BaseUrl::parse("ftp://x.example"),
            Err(ConfigError::InvalidBaseUrl { .. })
        ));
        assert!(BaseUrl::parse("https://x.example/?a=1").is_err());
        assert!(BaseUrl::parse("not a url").is_err());
    }

    #[test]
    fn join_keeps_base_path() {
        let b = BaseUrl::parse("https://x.example/api/v1/").unwrap();
        assert_eq!(
            b.join("/things").as_str(),
            "https://x.example/api/v1/things"
        );
        let b = BaseUrl::parse("https://x.example").unwrap();
        assert_eq!(b.join("things").as_str(), "https://x.example/things");
    }

    #[test]
    fn render_and_override() {
        let mut e = Endpoints::new("demo", OPS);
        let op = e.operation("GetThing").unwrap();
        assert_eq!(
            e.render(op, &[("id", "a b/c".into())]).unwrap(),
            "/things/a%20b%2Fc"
        );
        assert!(matches!(
            e.render(op, &[]),
            Err(ConfigError::MissingPathParam { .. })
        ));
        e.override_path("GetThing", "/v2/thing?id={id}").unwrap();
        assert_eq!(
            e.render(op, &[("id", "7".into())]).unwrap(),
            "/v2/thing?id=7"
        );
        assert!(matches!(
            e.override_path("Nope", "/x"),
            Err(ConfigError::UnknownOperation { .. })
        ));
        assert!(!e.operation("MakeThing").unwrap().is_idempotent());
    }
}
