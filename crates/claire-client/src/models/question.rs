//! Questions (`GET /v1/questions`): Claire's default questions plus the dealer's own, with
//! their elements.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::enums::{QuestionElementTemplate, Role};

/// A question (`Question`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Question {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire question id.
    pub id: i64,
    /// Title of the question (`Title`).
    #[serde(rename = "question")]
    pub title: String,
    /// `None` for a default question; otherwise the role of the user who created it (then only the dealer's locations see it). The example's `0` reads as `Some(Role::Unknown(0))`.
    pub role_id: Option<Role>,
    /// Elements of the question.
    #[serde(with = "crate::wire::nullable_vec")]
    pub question_elements: Vec<QuestionElement>,
}

/// An element of a question (`QuestionElement`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct QuestionElement {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire question element id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// Name.
    #[serde(alias = "Name")]
    pub name: String,
    /// What kind of answer the element takes.
    #[serde(alias = "Template")]
    pub template: Option<QuestionElementTemplate>,
    /// Default configuration: prefilled values or labels, depending on the template.
    #[serde(alias = "DefaultConfiguration")]
    pub default_configuration: String,
    /// `None` for a default element; otherwise the role of its creator.
    #[serde(alias = "RoleID")]
    pub role_id: Option<Role>,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
