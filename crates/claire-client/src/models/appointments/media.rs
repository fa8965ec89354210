//! Images and videos added to an appointment during the final check.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// An image added during the final check (`FinalCheckImage`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct FinalCheckImage {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Image id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// Image URL.
    #[serde(alias = "URL")]
    pub url: String,
    /// The image is active.
    #[serde(alias = "Active")]
    pub active: bool,
    /// The image is shown in the PDF.
    #[serde(alias = "VisibleInPDF")]
    pub visible_in_pdf: bool,
    /// Index of the image for the intervention.
    #[serde(alias = "InterventionIndex")]
    pub intervention_index: i64,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A video added during the final check (`FinalCheckVideo`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct FinalCheckVideo {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Video id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// Video URL.
    #[serde(alias = "URL")]
    pub url: String,
    /// The video is active.
    #[serde(alias = "Active")]
    pub active: bool,
    /// Index of the video for the intervention.
    #[serde(alias = "InterventionIndex")]
    pub intervention_index: i64,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
