//! Tow trucks: where the truck serving a case is (3.18, Affiliate API), and a tow operator's
//! trucks and their positions (4.1, 4.3, Workshop API).

use partner_core::{Error, Request};

use crate::client::Parts;
use crate::models::common::Items;
use crate::models::trucks::{Truck, TruckPositionUpdate, TruckQuery};
use crate::operations::names;

/// Truck tracking; from [`crate::AffiliateClient::trucks`].
#[derive(Debug, Clone, Copy)]
pub struct TruckTracking<'a> {
    pub(crate) parts: &'a Parts,
}

impl<'a> TruckTracking<'a> {
    /// 3.18 for a truck number; add the case id (as the document's example does) or the
    /// driver's user code (as its definition table does), then `send()`.
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let trucks = carfix.trucks().coordination("ABC1234").case_id("case-id").send().await?;
    /// for t in trucks {
    ///     println!("{} at {:?}", t.truck_no, t.position());
    /// }
    /// # Ok(()) }
    /// ```
    pub fn coordination(&self, truck_no: &str) -> TruckCoordination<'a> {
        TruckCoordination {
            parts: self.parts,
            query: TruckQuery {
                truck_no: truck_no.to_owned(),
                case_id: None,
                user_code: None,
            },
        }
    }
}

/// Builder for 3.18; from [`TruckTracking::coordination`].
#[derive(Debug, Clone)]
#[must_use = "call .send() to run the query"]
pub struct TruckCoordination<'a> {
    parts: &'a Parts,
    query: TruckQuery,
}

impl TruckCoordination<'_> {
    /// The case the truck serves (`CaseID`).
    pub fn case_id(mut self, case_id: impl Into<String>) -> Self {
        self.query.case_id = Some(case_id.into());
        self
    }

    /// The tow driver's user code (`UserCode`).
    pub fn user_code(mut self, user_code: impl Into<String>) -> Self {
        self.query.user_code = Some(user_code.into());
        self
    }

    /// Runs the query.
    pub async fn send(self) -> Result<Vec<Truck>, Error> {
        let items: Items<Truck> = self
            .parts
            .call(names::GET_TRUCK_COORDINATION, &self.query)
            .await?;
        Ok(items.items)
    }
}

/// Truck calls; from [`crate::WorkshopClient::trucks`].
#[derive(Debug, Clone, Copy)]
pub struct Fleet<'a> {
    pub(crate) parts: &'a Parts,
}

impl Fleet<'_> {
    /// 4.1 GetTrucks: every truck with its last position.
    ///
    /// ```no_run
    /// # async fn run(workshop: carfix_client::WorkshopClient) -> Result<(), partner_core::Error> {
    /// for truck in workshop.trucks().list().await? {
    ///     println!("{} {:?} {:?}", truck.truck_no, truck.online, truck.position());
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn list(&self) -> Result<Vec<Truck>, Error> {
        self.parts.items(Request::new(names::GET_TRUCKS)).await
    }

    /// 4.3 Update Truck Coordinate: reports a truck's position; returns the truck as stored.
    ///
    /// ```no_run
    /// use carfix_client::{Coordinate, TruckPositionUpdate};
    /// # async fn run(workshop: carfix_client::WorkshopClient) -> Result<(), partner_core::Error> {
    /// let at = Coordinate::new(3.197467, 101.714577).expect("valid position");
    /// let truck = workshop.trucks().update_position(&TruckPositionUpdate::new("123456789012345", "ABC1234", at)).await?;
    /// # let _ = truck; Ok(()) }
    /// ```
    pub async fn update_position(&self, update: &TruckPositionUpdate) -> Result<Truck, Error> {
        self.parts
            .call(names::UPDATE_TRUCK_COORDINATE, update)
            .await
    }
}
