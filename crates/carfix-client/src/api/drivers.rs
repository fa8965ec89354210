//! 4.2 GetDrivers: a tow operator's drivers.

use partner_core::{Error, Request};

use crate::client::Parts;
use crate::models::drivers::Driver;
use crate::operations::names;

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
