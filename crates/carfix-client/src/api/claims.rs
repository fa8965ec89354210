//! Workshop claims: list by accident date (4.4) and one claim with its estimate (4.5).

use chrono::NaiveDate;
use partner_core::{Error, Request};

use crate::client::Parts;
use crate::models::claims::{ClaimDetail, ClaimSummary};
use crate::operations::names;
use crate::validate;
use crate::wire::datetime::date;

/// Claim calls; from [`crate::WorkshopClient::claims`].
#[derive(Debug, Clone, Copy)]
pub struct Claims<'a> {
    pub(crate) parts: &'a Parts,
}

impl<'a> Claims<'a> {
    /// 4.4 Get Claims; set the accident date range on the builder, then `send()`.
    ///
    /// ```no_run
    /// use chrono::NaiveDate;
    /// # async fn run(workshop: carfix_client::WorkshopClient) -> Result<(), partner_core::Error> {
    /// let claims = workshop.claims().list()
    ///     .accident_from(NaiveDate::from_ymd_opt(2022, 9, 1).expect("date"))
    ///     .accident_to(NaiveDate::from_ymd_opt(2022, 9, 30).expect("date"))
    ///     .send().await?;
    /// # let _ = claims; Ok(()) }
    /// ```
    pub fn list(&self) -> ClaimList<'a> {
        ClaimList {
            parts: self.parts,
            from: None,
            to: None,
        }
    }

    /// 4.5 Get Claim Detail by the `key` from 4.4.
    ///
    /// ```no_run
    /// # async fn run(workshop: carfix_client::WorkshopClient) -> Result<(), partner_core::Error> {
    /// let detail = workshop.claims().get("claim-key").await?;
    /// if let Some(estimate) = &detail.estimate {
    ///     println!("estimate total {:?}", estimate.total);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, key: &str) -> Result<ClaimDetail, Error> {
        validate::claim_key(key)?;
        self.parts
            .client
            .send_json(Request::new(names::GET_CLAIM_DETAIL).query("key", key))
            .await
    }
}

/// Builder for 4.4; from [`Claims::list`].
#[derive(Debug, Clone)]
#[must_use = "call .send() to run the query"]
pub struct ClaimList<'a> {
    parts: &'a Parts,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

impl ClaimList<'_> {
    /// Accidents on or after this date (`accidentFromDate`).
    pub fn accident_from(mut self, from: NaiveDate) -> Self {
        self.from = Some(from);
        self
    }

    /// Accidents on or before this date (`accidentToDate`).
    pub fn accident_to(mut self, to: NaiveDate) -> Self {
        self.to = Some(to);
        self
    }

    /// Runs the query.
    pub async fn send(self) -> Result<Vec<ClaimSummary>, Error> {
        validate::claim_range(self.from, self.to, self.parts.strictness)?;
        let req = Request::new(names::GET_CLAIMS)
            .query_opt("accidentFromDate", self.from.as_ref().map(date::format))
            .query_opt("accidentToDate", self.to.as_ref().map(date::format));
        self.parts.items(req).await
    }
}
