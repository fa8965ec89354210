//! Reference lists (3.9 to 3.17) and the lookup chain between them.
//!
//! states → areas(state id) → workshops / RSA workshops(area id);
//! nature of calls → services needed(nature of call id).

use partner_core::{Error, Request};

use crate::client::Parts;
use crate::models::lookups::{
    AreaQuery, CarMake, LookupItem, NatureOfCallQuery, PunctureType, StateQuery,
};
use crate::operations::names;

/// Lookup calls; from [`crate::AffiliateClient::lookups`].
#[derive(Debug, Clone, Copy)]
pub struct Lookups<'a> {
    pub(crate) parts: &'a Parts,
}

impl Lookups<'_> {
    /// Sends a body-less POST (the document: "Post Request Body - Not Required").
    async fn list<T: serde::de::DeserializeOwned>(
        &self,
        op: &'static str,
    ) -> Result<Vec<T>, Error> {
        self.parts.list(Request::new(op)).await
    }

    /// 3.12 Get States. Pass a state's `id` to [`Lookups::areas`], its `label` to Create Case.
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let states = carfix.lookups().states().await?;
    /// let johor = states.iter().find(|s| s.label.eq_ignore_ascii_case("johor"));
    /// # let _ = johor; Ok(()) }
    /// ```
    pub async fn states(&self) -> Result<Vec<LookupItem>, Error> {
        self.list(names::GET_STATES).await
    }

    /// 3.13 Get Areas of a state (by state id).
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let states = carfix.lookups().states().await?;
    /// let areas = carfix.lookups().areas(&states[0].id).await?;
    /// # let _ = areas; Ok(()) }
    /// ```
    pub async fn areas(&self, state_id: &str) -> Result<Vec<LookupItem>, Error> {
        self.parts
            .call_list(
                names::GET_AREAS,
                &StateQuery {
                    state: state_id.to_owned(),
                },
            )
            .await
    }

    /// 3.9 Get List of Workshop in an area (by area id).
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let workshops = carfix.lookups().workshops("area-id").await?;
    /// # let _ = workshops; Ok(()) }
    /// ```
    pub async fn workshops(&self, area_id: &str) -> Result<Vec<LookupItem>, Error> {
        self.parts
            .call_list(
                names::GET_WORKSHOPS,
                &AreaQuery {
                    area: area_id.to_owned(),
                },
            )
            .await
    }

    /// 3.10 Get List of RSA (roadside assistance) Workshop in an area (by area id).
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let rsa = carfix.lookups().rsa_workshops("area-id").await?;
    /// # let _ = rsa; Ok(()) }
    /// ```
    pub async fn rsa_workshops(&self, area_id: &str) -> Result<Vec<LookupItem>, Error> {
        self.parts
            .call_list(
                names::GET_RSA_WORKSHOPS,
                &AreaQuery {
                    area: area_id.to_owned(),
                },
            )
            .await
    }

    /// 3.11 Get Car Makes.
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let makes = carfix.lookups().car_makes().await?;
    /// # let _ = makes; Ok(()) }
    /// ```
    pub async fn car_makes(&self) -> Result<Vec<CarMake>, Error> {
        self.list(names::GET_CAR_MAKES).await
    }

    /// 3.14 Get Nature of Calls ("Accident", "Breakdown", ...).
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let natures = carfix.lookups().nature_of_calls().await?;
    /// # let _ = natures; Ok(()) }
    /// ```
    pub async fn nature_of_calls(&self) -> Result<Vec<LookupItem>, Error> {
        self.list(names::GET_NATURE_OF_CALLS).await
    }

    /// 3.15 Get Service Needed for a nature of call (by its id).
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let natures = carfix.lookups().nature_of_calls().await?;
    /// let services = carfix.lookups().services_needed(&natures[0].id).await?;
    /// # let _ = services; Ok(()) }
    /// ```
    pub async fn services_needed(&self, nature_of_call_id: &str) -> Result<Vec<LookupItem>, Error> {
        self.parts
            .call_list(
                names::GET_SERVICE_NEEDED,
                &NatureOfCallQuery {
                    nature_of_call: nature_of_call_id.to_owned(),
                },
            )
            .await
    }

    /// 3.16 Get Type of Punctures (ids 1, 2, 4, 8; see [`crate::TyrePunctures`]).
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// for p in carfix.lookups().puncture_types().await? {
    ///     println!("{} = {:?}", p.label, p.position());
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn puncture_types(&self) -> Result<Vec<PunctureType>, Error> {
        self.list(names::GET_TYPE_OF_PUNCTURES).await
    }

    /// 3.17 Get Breakdown Causes.
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let causes = carfix.lookups().breakdown_causes().await?;
    /// # let _ = causes; Ok(()) }
    /// ```
    pub async fn breakdown_causes(&self) -> Result<Vec<LookupItem>, Error> {
        self.list(names::GET_BREAKDOWN_CAUSES).await
    }
}
