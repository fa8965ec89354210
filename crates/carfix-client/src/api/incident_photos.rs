//! Incident photos: upload one JPEG (3.8) and read them back decoded (3.22).

use partner_core::{Error, Request};

use crate::client::Parts;
use crate::models::common::check_ack;
use crate::models::incident_photos::{CasePhotos, PhotoUpload};
use crate::operations::names;

/// Photo calls; from [`crate::AffiliateClient::photos`].
#[derive(Debug, Clone, Copy)]
pub struct Photos<'a> {
    pub(crate) parts: &'a Parts,
}

impl<'a> Photos<'a> {
    /// 3.8 Update Incident Photos: uploads one JPEG, sent base64-encoded. Bytes that are not
    /// a JPEG are refused before sending. Not retried automatically (it adds a photo).
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), Box<dyn std::error::Error>> {
    /// let jpeg = std::fs::read("scene.jpg")?;
    /// carfix.photos().upload("case-id", jpeg).await?;
    /// # Ok(()) }
    /// ```
    pub async fn upload(&self, case_id: &str, jpeg: impl Into<Vec<u8>>) -> Result<(), Error> {
        let body = PhotoUpload {
            case_id: case_id.to_owned(),
            jpeg: jpeg.into(),
        };
        self.parts.check(&body)?;
        let resp = self
            .parts
            .client
            .send(Request::new(names::UPDATE_INCIDENT_PHOTOS).json(&body)?)
            .await?;
        check_ack(names::UPDATE_INCIDENT_PHOTOS, &resp.body)
    }

    /// 3.22 Get Incident Photos, decoded to bytes. The document sends no body and CarFix
    /// answers every case's photos; `.case_id(..)` keeps one case's, filtered here (nothing
    /// undocumented is sent), then `send()`.
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// for case in carfix.photos().list().send().await? {
    ///     for photo in case.images {
    ///         println!("{}: {:?} ({} bytes)", case.case_id, photo.file_name, photo.bytes.len());
    ///     }
    /// }
    /// let one = carfix.photos().list().case_id("case-id").send().await?;
    /// # let _ = one; Ok(()) }
    /// ```
    pub fn list(&self) -> PhotoList<'a> {
        PhotoList {
            parts: self.parts,
            case_id: None,
        }
    }
}

/// Builder for 3.22; from [`Photos::list`].
#[derive(Debug, Clone)]
#[must_use = "call .send() to run the query"]
pub struct PhotoList<'a> {
    parts: &'a Parts,
    case_id: Option<String>,
}

impl PhotoList<'_> {
    /// Keeps only this case's photos. The request stays the documented one (no body): the
    /// answer, every case with photos, is filtered on this side.
    pub fn case_id(mut self, case_id: impl Into<String>) -> Self {
        self.case_id = Some(case_id.into());
        self
    }

    /// Runs the query.
    pub async fn send(self) -> Result<Vec<CasePhotos>, Error> {
        let mut all: Vec<CasePhotos> = self
            .parts
            .list(Request::new(names::GET_INCIDENT_PHOTOS))
            .await?;
        if let Some(id) = &self.case_id {
            all.retain(|c| c.case_id == *id);
        }
        Ok(all)
    }
}
