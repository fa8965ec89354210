//! List calls: one page at a time with `send()`, or every item as a lazy stream.
//!
//! Jifeline lists answer `{"result": [...], "total", "offset", "limit"}` and take `offset`
//! and `limit` (0..=200). [`ListQuery::stream`] walks the pages through partner-core's
//! offset paginator: a page is fetched only when the consumer reaches it, and the walk stops
//! at `total`, on a short page or on an empty one.

use std::fmt;
use std::marker::PhantomData;

use futures_util::StreamExt;
use futures_util::future::Either;
use futures_util::stream::{self, BoxStream};
use partner_core::{Error, OffsetPage, Request, Rule, Validator, offset_paginator};
use serde::de::DeserializeOwned;

use crate::client::JifelineClient;
use crate::models::Page;
use crate::validate::{MAX_PAGE_SIZE, check_limit, check_vin_lookup, limit_checked};

/// A list call being prepared. Set `offset`/`limit`, then [`send`](Self::send) for one page
/// or [`stream`](Self::stream) for all items.
#[must_use = "a list query does nothing until you call send() or stream()"]
pub struct ListQuery<T> {
    client: JifelineClient,
    operation: &'static str,
    path_params: Vec<(&'static str, String)>,
    query: Vec<(String, String)>,
    offset: Option<u64>,
    limit: Option<u32>,
    violations: Vec<(String, Rule)>,
    _item: PhantomData<fn() -> T>,
}

impl<T> fmt::Debug for ListQuery<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ListQuery")
            .field("operation", &self.operation)
            .field("query", &self.query)
            .field("offset", &self.offset)
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}

impl<T: DeserializeOwned + Send + 'static> ListQuery<T> {
    pub(crate) fn new(client: &JifelineClient, operation: &'static str) -> Self {
        ListQuery {
            client: client.clone(),
            operation,
            path_params: Vec::new(),
            query: Vec::new(),
            offset: None,
            limit: None,
            violations: Vec::new(),
            _item: PhantomData,
        }
    }

    pub(crate) fn path_param(mut self, name: &'static str, value: impl ToString) -> Self {
        self.path_params.push((name, value.to_string()));
        self
    }

    pub(crate) fn param(mut self, name: &str, value: impl ToString) -> Self {
        self.query.push((name.to_owned(), value.to_string()));
        self
    }

    /// Records a rule broken by an argument, reported when the query is sent.
    pub(crate) fn violation(mut self, field: &str, rule: Rule) -> Self {
        self.violations.push((field.to_owned(), rule));
        self
    }

    /// Checks a VIN argument: not blank, and the 17-character pattern only under
    /// [`Strictness::Strict`](crate::validate::Strictness::Strict) (the document states it
    /// for cart totals only).
    pub(crate) fn vin(self, field: &'static str, vin: &str) -> Self {
        let mut v = Validator::new();
        check_vin_lookup(&mut v, field, vin, self.client.strictness);
        let this = self.param(field, vin);
        match v.finish() {
            Ok(()) => this,
            Err(errors) => errors
                .into_iter()
                .fold(this, |q, e| q.violation(&e.field, e.rule)),
        }
    }

    /// Adds a query parameter the typed methods do not send: for a parameter the copy of the
    /// document lost, or one the real API names differently.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let page = client.vehicles().makes().extra_param("locale", "nl-NL").send().await?;
    /// # Ok(()) }
    /// ```
    pub fn extra_param(self, name: &str, value: impl ToString) -> Self {
        self.param(name, value)
    }

    /// Items to skip (sent as `offset`).
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Page size (sent as `limit`): 0..=200 where the document lists `limit`, any size for
    /// the other lists unless the client is strict; for [`stream`](Self::stream) at least 1,
    /// default 200.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    fn check(&self, stream_page: Option<u32>) -> Result<(), Error> {
        let mut v = Validator::new();
        for (field, rule) in &self.violations {
            v.push(field, rule.clone());
        }
        let documented = limit_checked(self.operation, self.client.strictness);
        match stream_page {
            // A stream needs pages of at least one item to make progress.
            Some(size) if documented => {
                v.range("limit", i64::from(size), 1, i64::from(MAX_PAGE_SIZE));
            }
            Some(size) => {
                v.min("limit", i64::from(size), 1);
            }
            None => {
                if let (Some(limit), true) = (self.limit, documented) {
                    check_limit(&mut v, "limit", limit);
                }
            }
        }
        v.finish().map_err(Error::Validation)
    }

    fn request(&self, offset: Option<u64>, limit: Option<u32>) -> Request {
        let mut req = Request::new(self.operation);
        for (name, value) in &self.path_params {
            req = req.path_param(name, value);
        }
        for (name, value) in &self.query {
            req = req.query(name.as_str(), value);
        }
        req.query_opt("offset", offset).query_opt("limit", limit)
    }

    /// Fetches one page (with `offset`/`limit` when set).
    pub fn send(self) -> impl Future<Output = Result<Page<T>, Error>> {
        // Checked and built now; the future is the core's own call on a client it owns (or
        // the refusal), not an async block around it: a layer less of the call's state to
        // build and copy on every call.
        match self.check(None) {
            Ok(()) => {
                let req = self.request(self.offset, self.limit);
                Either::Left(self.client.api.clone().into_send_json(req))
            }
            Err(e) => Either::Right(std::future::ready(Err(e))),
        }
    }

    /// Streams every item from `offset` (default 0), fetching pages of `limit` (default 200)
    /// only as the stream is consumed.
    pub fn stream(self) -> BoxStream<'static, Result<T, Error>> {
        let page_size = self.limit.unwrap_or(MAX_PAGE_SIZE);
        if let Err(e) = self.check(Some(page_size)) {
            return stream::once(async move { Err(e) }).boxed();
        }
        let start = self.offset.unwrap_or(0);
        let this = std::sync::Arc::new(self);
        offset_paginator(page_size, move |offset, limit| {
            let this = this.clone();
            async move {
                let req = this.request(Some(start + offset), Some(limit));
                let page: Page<T> = this.client.get(req).await?;
                // The paginator counts from zero; the vendor's total counts from the start.
                let total = page.total.map(|t| t.saturating_sub(start));
                Ok(OffsetPage {
                    items: page.result,
                    total,
                })
            }
        })
        .boxed()
    }
}
