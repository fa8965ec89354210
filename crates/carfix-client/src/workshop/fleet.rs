//! The tow operator's fleet: trucks (4.1), their positions (4.3) and drivers (4.2).

use partner_core::{Error, Request};

use crate::client::Parts;
use crate::models::truck::{Driver, Truck, TruckPositionUpdate};
use crate::operations::names;

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

/// Driver calls; from [`crate::WorkshopClient::drivers`].
#[derive(Debug, Clone, Copy)]
pub struct Drivers<'a> {
    pub(crate) parts: &'a Parts,
}

impl Drivers<'_> {
    /// 4.2 GetDrivers.
    ///
    /// ```no_run
    /// # async fn run(workshop: carfix_client::WorkshopClient) -> Result<(), partner_core::Error> {
    /// let leaders: Vec<_> = workshop.drivers().list().await?.into_iter().filter(|d| d.is_leader).collect();
    /// # let _ = leaders; Ok(()) }
    /// ```
    pub async fn list(&self) -> Result<Vec<Driver>, Error> {
        self.parts.items(Request::new(names::GET_DRIVERS)).await
    }
}
