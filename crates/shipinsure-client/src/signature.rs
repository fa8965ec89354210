//! The `signature` every call carries, computed for the caller from the `api_token_key`.
//!
//! The document ("General Infomation") gives one formula, `MD5 hash of (api_tokenkey +
//! tracking_number + premium_amount)`, and API #1 is the only call with a
//! `premium_amount`. API #2 and #3 also require a `signature` but say nothing about how it is
//! made; this crate reads the general formula with the absent premium left out, i.e.
//! `md5(api_token_key + tracking_number)`. That is a guess, so each operation's
//! [`SignatureScheme`] can be replaced on the client builder
//! ([`crate::ShipInsureClientBuilder::signature_scheme`]) once the vendor confirms theirs.
//!
//! A scheme sees the request body exactly as it will be sent (minus the signature), so it
//! can sign any field with the same text the vendor receives: strings as they are, integers
//! in decimal.

use std::fmt;
use std::sync::Arc;

use partner_core::signing::md5_hex;
use partner_core::{Error, ExposeSecret, SecretString};
use serde_json::{Map, Value};

use crate::operations::OperationId;

/// The JSON field the signature is written to.
pub const SIGNATURE_FIELD: &str = "signature";

/// The request a signature is computed over: the operation and its JSON body.
#[derive(Debug, Clone, Copy)]
pub struct SignatureInput<'a> {
    operation: OperationId,
    body: &'a Map<String, Value>,
}

impl<'a> SignatureInput<'a> {
    /// The input for `operation` over `body` (the wire JSON without the signature).
    pub fn new(operation: OperationId, body: &'a Map<String, Value>) -> Self {
        SignatureInput { operation, body }
    }

    /// The operation being signed.
    pub fn operation(&self) -> OperationId {
        self.operation
    }

    /// The request body as it will be sent, without the signature.
    pub fn body(&self) -> &'a Map<String, Value> {
        self.body
    }

    /// A top-level field as text, the way it is written on the wire: strings as they are,
    /// integers in decimal (`15000`), booleans as `true`/`false`. Missing, null, nested or
    /// fractional values are an [`Error::Encode`] naming the field.
    ///
    /// ```
    /// use serde_json::json;
    /// use shipinsure_client::{OperationId, SignatureInput};
    /// let body = json!({"tracking_number": "T1", "premium_amount": 15000});
    /// let input = SignatureInput::new(OperationId::SubmitSmeDelivery, body.as_object().unwrap());
    /// assert_eq!(input.field("premium_amount").unwrap(), "15000");
    /// assert!(input.field("policy_id").is_err());
    /// ```
    pub fn field(&self, name: &str) -> Result<String, Error> {
        let fail = |why: &str| Error::Encode {
            operation: self.operation.name(),
            message: format!("the signature needs field `{name}`, which {why}"),
        };
        match self.body.get(name) {
            None | Some(Value::Null) => Err(fail("the request does not have")),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(Value::Number(n)) if n.is_i64() || n.is_u64() => Ok(n.to_string()),
            Some(Value::Bool(b)) => Ok(b.to_string()),
            Some(_) => Err(fail("is not a string or an integer")),
        }
    }
}

/// How one operation's `signature` is computed.
///
/// Implement it for a formula the vendor gives you, or use [`Md5Concat`] with other parts.
/// Implementations must never log or return the key itself.
pub trait SignatureScheme: fmt::Debug + Send + Sync + 'static {
    /// The signature for `input` under `key`.
    fn sign(&self, key: &SecretString, input: &SignatureInput<'_>) -> Result<String, Error>;
}

/// One piece of an [`Md5Concat`] signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignaturePart {
    /// The environment's `api_token_key`.
    Key,
    /// A top-level body field, as [`SignatureInput::field`] renders it.
    Field(&'static str),
}

/// Lowercase hex MD5 over parts concatenated with no separator: the documented scheme.
///
/// ```
/// use shipinsure_client::{Md5Concat, OperationId, SignatureInput, SignatureScheme, SecretString};
/// let scheme = Md5Concat::key_then(&["tracking_number", "premium_amount"]);
/// let body = serde_json::json!({"tracking_number": "T1", "premium_amount": 15000});
/// let input = SignatureInput::new(OperationId::SubmitSmeDelivery, body.as_object().unwrap());
/// // `printf '%s' 'k3yT115000' | md5sum`
/// let sig = scheme.sign(&SecretString::from("k3y"), &input).unwrap();
/// assert_eq!(sig, "5794ee264824e13e69c728450435491f");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Md5Concat {
    parts: Vec<SignaturePart>,
}

impl Md5Concat {
    /// A scheme over `parts`, in order.
    pub fn new(parts: impl IntoIterator<Item = SignaturePart>) -> Self {
        Md5Concat {
            parts: parts.into_iter().collect(),
        }
    }

    /// The key followed by `fields`: the documented layout.
    pub fn key_then(fields: &[&'static str]) -> Self {
        Self::new(
            std::iter::once(SignaturePart::Key)
                .chain(fields.iter().map(|f| SignaturePart::Field(f))),
        )
    }

    /// The parts, in order.
    pub fn parts(&self) -> &[SignaturePart] {
        &self.parts
    }
}

impl fmt::Debug for Md5Concat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self
            .parts
            .iter()
            .map(|p| match p {
                SignaturePart::Key => "api_token_key",
                SignaturePart::Field(name) => name,
            })
            .collect();
        write!(f, "md5({})", names.join(" + "))
    }
}

impl SignatureScheme for Md5Concat {
    fn sign(&self, key: &SecretString, input: &SignatureInput<'_>) -> Result<String, Error> {
        let mut pieces = Vec::with_capacity(self.parts.len());
        for part in &self.parts {
            pieces.push(match part {
                SignaturePart::Key => key.expose_secret().to_owned(),
                SignaturePart::Field(name) => input.field(name)?,
            });
        }
        Ok(md5_hex(&pieces))
    }
}

/// A scheme from a function, for formulas [`Md5Concat`] cannot express.
///
/// ```
/// use shipinsure_client::signature::FnScheme;
/// use shipinsure_client::{ExposeSecret, SignatureInput};
/// let upper = FnScheme::new("md5(key + tracking_number), upper-case", |key, input: &SignatureInput<'_>| {
///     let tn = input.field("tracking_number")?;
///     Ok(partner_core::signing::md5_hex([key.expose_secret(), tn.as_str()]).to_uppercase())
/// });
/// # let _ = upper;
/// ```
#[derive(Clone)]
pub struct FnScheme {
    description: &'static str,
    f: Arc<SignFn>,
}

/// The function behind an [`FnScheme`].
type SignFn = dyn Fn(&SecretString, &SignatureInput<'_>) -> Result<String, Error> + Send + Sync;

impl FnScheme {
    /// A scheme computing the signature with `f`; `description` shows in Debug output.
    pub fn new(
        description: &'static str,
        f: impl Fn(&SecretString, &SignatureInput<'_>) -> Result<String, Error> + Send + Sync + 'static,
    ) -> Self {
        FnScheme {
            description,
            f: Arc::new(f),
        }
    }
}

impl fmt::Debug for FnScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FnScheme({})", self.description)
    }
}

impl SignatureScheme for FnScheme {
    fn sign(&self, key: &SecretString, input: &SignatureInput<'_>) -> Result<String, Error> {
        (self.f)(key, input)
    }
}

/// The scheme used for `operation` unless the builder replaces it: the documented formula
/// for API #1, the key and tracking number for API #2 and #3 (see the module docs).
pub fn default_scheme(operation: OperationId) -> Md5Concat {
    match operation {
        OperationId::SubmitSmeDelivery => {
            Md5Concat::key_then(&["tracking_number", "premium_amount"])
        }
        OperationId::InsertTrackingDetail | OperationId::CancelSmeDeliveryOrder => {
            Md5Concat::key_then(&["tracking_number"])
        }
    }
}

/// The scheme in effect for each operation.
#[derive(Debug, Clone)]
pub(crate) struct Schemes {
    by_operation: [Arc<dyn SignatureScheme>; OperationId::ALL.len()],
}

impl Default for Schemes {
    fn default() -> Self {
        Schemes {
            by_operation: OperationId::ALL
                .map(|op| Arc::new(default_scheme(op)) as Arc<dyn SignatureScheme>),
        }
    }
}

impl Schemes {
    pub(crate) fn set(&mut self, operation: OperationId, scheme: Arc<dyn SignatureScheme>) {
        self.by_operation[operation as usize] = scheme;
    }

    pub(crate) fn get(&self, operation: OperationId) -> &Arc<dyn SignatureScheme> {
        &self.by_operation[operation as usize]
    }

    /// Signs `body` for `operation` and writes the result into its `signature` field.
    pub(crate) fn sign_into(
        &self,
        operation: OperationId,
        key: &SecretString,
        body: &mut Map<String, Value>,
    ) -> Result<(), Error> {
        // A caller-supplied signature never takes part in (or survives) signing.
        body.remove(SIGNATURE_FIELD);
        let signature = self
            .get(operation)
            .sign(key, &SignatureInput::new(operation, body))?;
        body.insert(SIGNATURE_FIELD.to_owned(), Value::String(signature));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn fields_render_as_on_the_wire() {
        let b = body(
            json!({"s": "x y", "n": 0, "big": 9007199254740993_u64, "neg": -5, "t": true,
                            "null": null, "obj": {}, "f": 1.5}),
        );
        let input = SignatureInput::new(OperationId::SubmitSmeDelivery, &b);
        assert_eq!(input.field("s").unwrap(), "x y");
        assert_eq!(input.field("n").unwrap(), "0");
        assert_eq!(input.field("big").unwrap(), "9007199254740993");
        assert_eq!(input.field("neg").unwrap(), "-5");
        assert_eq!(input.field("t").unwrap(), "true");
        for bad in ["null", "obj", "f", "absent"] {
            let err = input.field(bad).unwrap_err();
            assert!(
                matches!(
                    &err,
                    Error::Encode {
                        operation: "SubmitSmeDelivery",
                        ..
                    }
                ),
                "{bad}"
            );
            assert!(err.to_string().contains(&format!("`{bad}`")), "{err}");
        }
    }

    #[test]
    fn debug_names_parts_not_values() {
        assert_eq!(
            format!("{:?}", default_scheme(OperationId::SubmitSmeDelivery)),
            "md5(api_token_key + tracking_number + premium_amount)"
        );
        assert_eq!(
            format!("{:?}", default_scheme(OperationId::CancelSmeDeliveryOrder)),
            "md5(api_token_key + tracking_number)"
        );
    }

    #[test]
    fn sign_into_replaces_any_existing_signature() {
        let mut b = body(json!({"tracking_number": "T1", "signature": "forged"}));
        let schemes = Schemes::default();
        schemes
            .sign_into(
                OperationId::InsertTrackingDetail,
                &SecretString::from("k3y"),
                &mut b,
            )
            .unwrap();
        // printf '%s' 'k3yT1' | md5sum
        assert_eq!(b["signature"], "78a1bdc78ecaeb729fec918ce6ffbf3a");
    }
}
