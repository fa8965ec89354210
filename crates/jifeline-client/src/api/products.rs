//! `client.products()`: product groups, bundles, products, favorites and prerequisites for
//! a vehicle model and variant.

use futures_util::stream::BoxStream;
use partner_core::{Error, Request, Rule};
use uuid::Uuid;

use super::list::ListQuery;
use crate::client::JifelineClient;
use crate::models::{Page, Product, ProductBundle, ProductGroup, ProductPrerequisite};
use crate::operations as ops;

/// Narrows a product list to one group or one bundle. The API refuses both at once, so the
/// choice is one value: it cannot be both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProductScope {
    /// Products of a product group (`product_group_id`).
    Group(i64),
    /// Products of a product bundle (`product_bundle_id`).
    Bundle(Uuid),
}

/// Filter on the favorite flag, sent as `favorite=true|false`.
///
/// The document lost this parameter's name ("boolean or integer, default true: return products
/// with matching favorite flag"); `favorite` is assumed. If the real name differs, skip
/// [`ProductList::favorite`] and send it with [`ProductList::extra_param`], such as
/// `.extra_param("is_favorite", true)`. Without a filter nothing is sent and the server's
/// default applies, which the document gives as `true`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FavoriteFilter {
    /// Only favorites (`favorite=true`).
    Only,
    /// Only non-favorites (`favorite=false`).
    Excluded,
}

/// Product calls. Get it from [`JifelineClient::products`].
#[derive(Debug, Clone, Copy)]
pub struct Products<'a> {
    pub(crate) client: &'a JifelineClient,
}

/// A product list being prepared: optional scope and favorite filter, then `send` or `stream`.
#[derive(Debug)]
#[must_use = "does nothing until you call send() or stream()"]
pub struct ProductList {
    query: ListQuery<Product>,
    scope: Option<ProductScope>,
    favorite: Option<FavoriteFilter>,
}

impl ProductList {
    /// Only products of a group or of a bundle (the last call wins).
    pub fn scope(mut self, scope: ProductScope) -> Self {
        self.scope = Some(scope);
        self
    }

    /// Filters on the favorite flag.
    pub fn favorite(mut self, filter: FavoriteFilter) -> Self {
        self.favorite = Some(filter);
        self
    }

    /// Adds a query parameter the typed methods do not send (see [`ListQuery::extra_param`]).
    pub fn extra_param(mut self, name: &str, value: impl ToString) -> Self {
        self.query = self.query.extra_param(name, value);
        self
    }

    /// Items to skip.
    pub fn offset(mut self, offset: u64) -> Self {
        self.query = self.query.offset(offset);
        self
    }

    /// Page size, 0..=200.
    pub fn limit(mut self, limit: u32) -> Self {
        self.query = self.query.limit(limit);
        self
    }

    fn finish(self) -> ListQuery<Product> {
        let query = match self.scope {
            Some(ProductScope::Group(id)) => self.query.param("product_group_id", id),
            Some(ProductScope::Bundle(id)) => self.query.param("product_bundle_id", id),
            None => self.query,
        };
        match self.favorite {
            Some(FavoriteFilter::Only) => query.param("favorite", true),
            Some(FavoriteFilter::Excluded) => query.param("favorite", false),
            None => query,
        }
    }

    /// Fetches one page.
    pub async fn send(self) -> Result<Page<Product>, Error> {
        self.finish().send().await
    }

    /// Streams every product, page by page.
    pub fn stream(self) -> BoxStream<'static, Result<Product, Error>> {
        self.finish().stream()
    }
}

impl Products<'_> {
    /// Lists product groups (the first layer of grouping) for a vehicle model and variant.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let groups = client.products().groups(332423, 332423).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn groups(
        &self,
        vehicle_model_id: i64,
        vehicle_model_variant_id: i64,
    ) -> ListQuery<ProductGroup> {
        ListQuery::new(self.client, ops::LIST_PRODUCT_GROUPS)
            .param("vehicle_model_id", vehicle_model_id)
            .param("vehicle_model_variant_id", vehicle_model_variant_id)
    }

    /// Lists product bundles for a vehicle model and variant, optionally of one group.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let bundles = client.products().bundles(332423, 332423, Some(2691)).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn bundles(
        &self,
        vehicle_model_id: i64,
        vehicle_model_variant_id: i64,
        product_group_id: Option<i64>,
    ) -> ListQuery<ProductBundle> {
        let q = ListQuery::new(self.client, ops::LIST_PRODUCT_BUNDLES);
        let q = match product_group_id {
            Some(id) => q.param("product_group_id", id),
            None => q,
        };
        q.param("vehicle_model_id", vehicle_model_id)
            .param("vehicle_model_variant_id", vehicle_model_variant_id)
    }

    /// Lists products for a vehicle model and variant.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// use jifeline_client::api::ProductScope;
    /// let page = client.products().list(332423, 332423).scope(ProductScope::Group(2691)).send().await?;
    /// for p in page.result {
    ///     println!("{} {:?}", p.id, p.net_price.map(|m| m.value));
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list(&self, vehicle_model_id: i64, vehicle_model_variant_id: i64) -> ProductList {
        ProductList {
            query: ListQuery::new(self.client, ops::LIST_PRODUCTS)
                .param("vehicle_model_id", vehicle_model_id)
                .param("vehicle_model_variant_id", vehicle_model_variant_id),
            scope: None,
            favorite: None,
        }
    }

    /// Flags a product as favorite (the body is the product, as the document specifies).
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// use jifeline_client::models::Product;
    /// client.products().add_favorite(&Product::with_id(52351)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn add_favorite(&self, product: &Product) -> Result<(), Error> {
        self.client
            .send_empty(Request::new(ops::ADD_FAVORITE_PRODUCT).json(product)?)
            .await
    }

    /// Removes a product from the favorites.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// client.products().remove_favorite(52351).await?;
    /// # Ok(()) }
    /// ```
    pub async fn remove_favorite(&self, product_id: i64) -> Result<(), Error> {
        self.client
            .send_empty(Request::new(ops::REMOVE_FAVORITE_PRODUCT).path_param("id", product_id))
            .await
    }

    /// Lists the prerequisites of products for a vehicle (`product_id` sent comma-separated,
    /// at least one).
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let prereqs = client.products().prerequisites(332423, 1480, &[100593, 200593]).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn prerequisites(
        &self,
        vehicle_model_id: i64,
        vehicle_model_variant_id: i64,
        product_ids: &[i64],
    ) -> ListQuery<ProductPrerequisite> {
        let ids = product_ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let q = ListQuery::new(self.client, ops::LIST_PRODUCT_PREREQUISITES)
            .param("vehicle_model_variant_id", vehicle_model_variant_id)
            .param("vehicle_model_id", vehicle_model_id)
            .param("product_id", ids);
        if product_ids.is_empty() {
            q.violation("product_id", Rule::MinItems { min: 1 })
        } else {
            q
        }
    }
}
