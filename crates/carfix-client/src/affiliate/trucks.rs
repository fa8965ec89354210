//! 3.18 Get Truck Coordination: where the truck serving a case is.

use partner_core::Error;

use crate::client::Parts;
use crate::models::common::Items;
use crate::models::truck::{Truck, TruckQuery};
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
