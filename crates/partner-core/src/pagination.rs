//! Lazy paginators: a page is fetched only when the consumer reaches it.
//!
//! Two styles cover the vendors: offset/limit with a `total` (jifeline) and page numbers with
//! a page count (claire's webhook errors). Both stop at the total or page count, on an empty
//! page, or on a short page, whichever comes first.

use std::future::Future;

use futures_core::Stream;
use futures_util::{StreamExt, TryStreamExt, stream};

use crate::error::Error;

/// One page of an offset/limit listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetPage<T> {
    /// Items of this page.
    pub items: Vec<T>,
    /// Total number of items across all pages, when the vendor reports it.
    pub total: Option<u64>,
}

/// One page of a page-number listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberedPage<T> {
    /// Items of this page.
    pub items: Vec<T>,
    /// Number of pages, when the vendor reports it.
    pub page_count: Option<u64>,
}

/// Streams every item of an offset/limit listing, calling `fetch(offset, limit)` per page.
///
/// ```
/// # use partner_core::pagination::{offset_paginator, OffsetPage};
/// # use futures_util::TryStreamExt;
/// # tokio_test_block_on(async {
/// let items = offset_paginator(2, |offset, limit| async move {
///     let all = [1, 2, 3, 4, 5];
///     let start = offset as usize;
///     let end = (start + limit as usize).min(all.len());
///     Ok(OffsetPage { items: all[start..end].to_vec(), total: Some(5) })
/// });
/// assert_eq!(items.try_collect::<Vec<_>>().await.unwrap(), vec![1, 2, 3, 4, 5]);
/// # });
/// # fn tokio_test_block_on<F: std::future::Future>(f: F) -> F::Output {
/// #     tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(f)
/// # }
/// ```
pub fn offset_paginator<T, F, Fut>(limit: u32, fetch: F) -> impl Stream<Item = Result<T, Error>>
where
    F: FnMut(u64, u32) -> Fut,
    Fut: Future<Output = Result<OffsetPage<T>, Error>>,
{
    let limit = limit.max(1);
    let state = (fetch, 0u64, false);
    stream::try_unfold(state, move |(mut fetch, offset, done)| async move {
        if done {
            return Ok::<_, Error>(None);
        }
        let page = fetch(offset, limit).await?;
        let got = page.items.len() as u64;
        let next = offset + got;
        let finished =
            got == 0 || got < u64::from(limit) || page.total.is_some_and(|total| next >= total);
        Ok(Some((
            stream::iter(page.items.into_iter().map(Ok::<T, Error>)),
            (fetch, next, finished),
        )))
    })
    .try_flatten()
}

/// Streams every item of a page-number listing, calling `fetch(page)` from `first_page`
/// (0 or 1, as the vendor counts).
pub fn page_paginator<T, F, Fut>(first_page: u64, fetch: F) -> impl Stream<Item = Result<T, Error>>
where
    F: FnMut(u64) -> Fut,
    Fut: Future<Output = Result<NumberedPage<T>, Error>>,
{
    let state = (fetch, first_page, None::<usize>, false);
    stream::try_unfold(
        state,
        move |(mut fetch, page, first_len, done)| async move {
            if done {
                return Ok::<_, Error>(None);
            }
            let result = fetch(page).await?;
            let got = result.items.len();
            let seen = page + 1 - first_page;
            let short = first_len.is_some_and(|full| got < full);
            let finished =
                got == 0 || short || result.page_count.is_some_and(|count| seen >= count);
            let first_len = first_len.or(Some(got));
            Ok(Some((
                stream::iter(result.items.into_iter().map(Ok::<T, Error>)),
                (fetch, page + 1, first_len, finished),
            )))
        },
    )
    .try_flatten()
}

/// Collects at most `cap` items of a paginated stream (no page past the cap is fetched).
pub async fn collect_capped<T, S>(stream: S, cap: usize) -> Result<Vec<T>, Error>
where
    S: Stream<Item = Result<T, Error>>,
{
    stream.take(cap).try_collect().await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    fn source(
        total: u64,
        calls: Arc<Mutex<Vec<u64>>>,
    ) -> impl FnMut(u64, u32) -> std::future::Ready<Result<OffsetPage<u64>, Error>> {
        move |offset, limit| {
            calls.lock().unwrap().push(offset);
            let end = (offset + u64::from(limit)).min(total);
            std::future::ready(Ok(OffsetPage {
                items: (offset..end).collect(),
                total: Some(total),
            }))
        }
    }

    #[tokio::test]
    async fn lazy_and_stops_at_total() {
        let calls = Arc::new(Mutex::new(Vec::new()));
        let s = offset_paginator(10, source(30, calls.clone()));
        futures_util::pin_mut!(s);
        assert_eq!(s.next().await.unwrap().unwrap(), 0);
        assert_eq!(
            *calls.lock().unwrap(),
            vec![0],
            "only the first page was fetched"
        );
        let rest: Vec<u64> = s.try_collect().await.unwrap();
        assert_eq!(rest.len(), 29);
        // Exactly three pages: the total stops it without an extra empty fetch.
        assert_eq!(*calls.lock().unwrap(), vec![0, 10, 20]);
    }

    #[tokio::test]
    async fn cap_fetches_no_further_page() {
        let calls = Arc::new(Mutex::new(Vec::new()));
        let got = collect_capped(offset_paginator(10, source(1000, calls.clone())), 15)
            .await
            .unwrap();
        assert_eq!(got.len(), 15);
        assert_eq!(*calls.lock().unwrap(), vec![0, 10]);
    }

    #[tokio::test]
    async fn pages_stop_at_page_count_and_errors_surface() {
        let s = page_paginator(0, |page| async move {
            Ok(NumberedPage {
                items: vec![page; 2],
                page_count: Some(3),
            })
        });
        assert_eq!(
            s.try_collect::<Vec<_>>().await.unwrap(),
            vec![0, 0, 1, 1, 2, 2]
        );
        let s = offset_paginator(5, |_, _| async {
            Err::<OffsetPage<u8>, _>(Error::Rejected {
                operation: "x",
                code: None,
                message: "no".into(),
            })
        });
        assert!(s.try_collect::<Vec<_>>().await.is_err());
    }
}
