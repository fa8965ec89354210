//! The Tags resource (`GET /v1/tags`): tags of question results.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A tag of question results (`Tag`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Tag {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire tag id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Colour.
    pub color: String,
    /// A system tag.
    pub system: bool,
}
