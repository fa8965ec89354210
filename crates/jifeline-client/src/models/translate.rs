//! Translation of a message into a target language.

use partner_core::{Validate, Validator};
use serde::{Deserialize, Serialize};

/// The original text and, in responses, its translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TranslationMessage {
    /// Text to translate.
    pub original: String,
    /// The translation (responses only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translated: Option<String>,
}

/// A text to translate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TranslateRequest {
    /// The message.
    pub message: TranslationMessage,
    /// Target language (`de`).
    pub target_language: String,
}

impl TranslateRequest {
    /// Translate `text` into `target_language`.
    pub fn new(text: impl Into<String>, target_language: impl Into<String>) -> Self {
        TranslateRequest {
            message: TranslationMessage {
                original: text.into(),
                translated: None,
            },
            target_language: target_language.into(),
        }
    }
}

impl Validate for TranslateRequest {
    /// Nothing: both keys are always sent, and the document (Translate) sets no length or
    /// value rules for them.
    fn validate_into(&self, _v: &mut Validator) {}
}

impl crate::validate::StrictValidate for TranslateRequest {
    /// The text and the target language must not be blank.
    fn validate_strict_into(&self, v: &mut Validator) {
        v.required("message.original", &self.message.original);
        v.required("target_language", &self.target_language);
    }
}

/// A translated message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Translation {
    /// Original and translated text.
    pub message: TranslationMessage,
    /// Target language.
    #[serde(default)]
    pub target_language: Option<String>,
    /// Detected source language (`en`).
    #[serde(default)]
    pub source_language: Option<String>,
}
