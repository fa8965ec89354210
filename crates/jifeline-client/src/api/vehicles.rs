//! `client.vehicles()`: the vehicle catalogue, the VIN search and serviced vehicles.

use partner_core::{Error, Request, Validator};

use super::list::ListQuery;
use crate::client::JifelineClient;
use crate::models::{
    ServicedVehicle, VehicleMake, VehicleModel, VehicleModelGroup, VehicleModelVariant,
    VinSearchResult,
};
use crate::operations as ops;
use crate::validate::check_vin_lookup;

/// Vehicle calls. Get it from [`JifelineClient::vehicles`].
#[derive(Debug, Clone, Copy)]
pub struct Vehicles<'a> {
    pub(crate) client: &'a JifelineClient,
}

impl Vehicles<'_> {
    /// Lists serviced vehicles, most recent first.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let recent = client.vehicles().serviced().limit(10).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn serviced(&self) -> ListQuery<ServicedVehicle> {
        ListQuery::new(self.client, ops::LIST_SERVICED_VEHICLES)
    }

    /// Finds make, model group, model and variant of a vehicle by VIN. Any non-blank VIN is
    /// sent (the document gives this parameter no pattern; a connector's 16-character
    /// `vin_number` such as `VF1CN04054456164` is accepted); under
    /// [`Strictness::Strict`](crate::validate::Strictness::Strict) it must be 17 of
    /// `[a-zA-Z0-9]`.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let found = client.vehicles().search_by_vin("JFL91010104391010").await?;
    /// # Ok(()) }
    /// ```
    pub async fn search_by_vin(&self, vin: &str) -> Result<VinSearchResult, Error> {
        let mut v = Validator::new();
        check_vin_lookup(&mut v, "vin", vin, self.client.strictness);
        v.finish()?;
        self.client
            .get(Request::new(ops::SEARCH_VEHICLE_BY_VIN).query("vin", vin))
            .await
    }

    /// Lists vehicle makes (brands).
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let makes = client.vehicles().makes().send().await?;
    /// # Ok(()) }
    /// ```
    pub fn makes(&self) -> ListQuery<VehicleMake> {
        ListQuery::new(self.client, ops::LIST_VEHICLE_MAKES)
    }

    /// Lists the model groups of a make.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let groups = client.vehicles().model_groups(10).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn model_groups(&self, vehicle_make_id: i64) -> ListQuery<VehicleModelGroup> {
        ListQuery::new(self.client, ops::LIST_VEHICLE_MODEL_GROUPS)
            .param("vehicle_make_id", vehicle_make_id)
    }

    /// Gets one model group.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let group = client.vehicles().model_group(234).await?;
    /// # Ok(()) }
    /// ```
    pub async fn model_group(&self, model_group_id: i64) -> Result<VehicleModelGroup, Error> {
        self.client
            .get(
                Request::new(ops::GET_VEHICLE_MODEL_GROUP)
                    .path_param("modelGroupId", model_group_id),
            )
            .await
    }

    /// Lists the models of a model group.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let models = client.vehicles().models(234).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn models(&self, vehicle_model_group_id: i64) -> ListQuery<VehicleModel> {
        ListQuery::new(self.client, ops::LIST_VEHICLE_MODELS)
            .param("vehicle_model_group_id", vehicle_model_group_id)
    }

    /// Gets one model.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let model = client.vehicles().model(23423).await?;
    /// # Ok(()) }
    /// ```
    pub async fn model(&self, model_id: i64) -> Result<VehicleModel, Error> {
        self.client
            .get(Request::new(ops::GET_VEHICLE_MODEL).path_param("modelId", model_id))
            .await
    }

    /// Lists the variants of a model.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let variants = client.vehicles().variants(23423).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn variants(&self, vehicle_model_id: i64) -> ListQuery<VehicleModelVariant> {
        ListQuery::new(self.client, ops::LIST_VEHICLE_MODEL_VARIANTS)
            .param("vehicle_model_id", vehicle_model_id)
    }

    /// Gets one model variant.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let variant = client.vehicles().variant(34234).await?;
    /// # Ok(()) }
    /// ```
    pub async fn variant(&self, model_variant_id: i64) -> Result<VehicleModelVariant, Error> {
        self.client
            .get(
                Request::new(ops::GET_VEHICLE_MODEL_VARIANT)
                    .path_param("modelVariantId", model_variant_id),
            )
            .await
    }
}
