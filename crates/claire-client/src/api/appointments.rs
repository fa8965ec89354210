//! Appointments: list by filters, get one, import a batch, and the deprecated lookup by DMS
//! number.

use partner_core::{Error, Request};

use crate::client::ClaireClient;
use crate::models::{
    Appointment, AppointmentFilter, AppointmentId, AppointmentList, CustomerKind, ImportQueued,
    ImportRequest, LocationId,
};
use crate::validate::{ValidateWith, check_dms_lookup, require_set};

/// Appointment calls; get one from [`ClaireClient::appointments`].
#[derive(Debug, Clone, Copy)]
pub struct AppointmentsHandler<'a> {
    client: &'a ClaireClient,
}

impl<'a> AppointmentsHandler<'a> {
    pub(crate) fn new(client: &'a ClaireClient) -> Self {
        AppointmentsHandler { client }
    }

    /// Appointments matching a filter (`POST /v1/appointments/list`).
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// use claire_client::{AppointmentFilter, LocationId};
    /// let today = claire_client::Utc::now().date_naive();
    /// let list = client.appointments().list(&AppointmentFilter::new(LocationId(12)).date(today)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn list(&self, filter: &AppointmentFilter) -> Result<Vec<Appointment>, Error> {
        filter.validate_with(self.client.validation_rules())?;
        let req = Request::new("ListAppointments").json(filter)?;
        let page: AppointmentList = self.client.core().send_json(req).await?;
        Ok(page.appointments)
    }

    /// One appointment by its Claire id (`GET /v1/appointments/{id}`).
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// let appointment = client.appointments().get(claire_client::AppointmentId(4711)).await?;
    /// println!("{} for {}", appointment.wo_nr, appointment.reg_number);
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, id: AppointmentId) -> Result<Appointment, Error> {
        require_set("id", id)?;
        self.client
            .core()
            .send_json(Request::new("GetAppointment").path_param("id", id))
            .await
    }

    /// Queues a batch of appointments for import (`POST /v1/appointments/import`).
    ///
    /// The batch is checked first against every rule the document states (at most 100
    /// appointments, one location, the required fields of appointment, car, customer and
    /// intervention), reporting all violations at once with paths like
    /// `appointments[3].car.vin`. Use [`ImportRequest::batches`] to split a larger set.
    ///
    /// Success only means **queued**: Claire answers 200 even when appointments fail later.
    /// Per-appointment results arrive by the `PublicAPIAppointmentImported` webhook. The call
    /// is not retried after it may have reached Claire (re-importing is an update, but would
    /// queue the batch and its webhook events twice).
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// use claire_client::{ImportAppointment, ImportCar, ImportCustomer, ImportRequest, LocationId, Utc};
    /// let appointment = ImportAppointment::new(LocationId(12), "A-1001", "WO-1001", Utc::now(), Utc::now())
    ///     .car(ImportCar::new("C-77", "WVWZZZ1JZXW000001", "Volkswagen", "Golf"))
    ///     .driver(ImportCustomer::new("K-501", "Jansen"));
    /// let queued = client.appointments().import(&ImportRequest::new(vec![appointment])).await?;
    /// println!("{} appointments queued", queued.appointments);
    /// # Ok(()) }
    /// ```
    pub async fn import(&self, request: &ImportRequest) -> Result<ImportQueued, Error> {
        request.validate_with(self.client.validation_rules())?;
        let req = Request::new("ImportAppointments").json(request)?;
        self.client.core().send(req).await?;
        Ok(ImportQueued {
            location_id: request.location_id().unwrap_or_default(),
            appointments: request.appointments.len(),
        })
    }

    /// Appointments by DMS number (`GET /v1/appointments`). Add
    /// [`AppointmentsByDmsNumber::customer_kind`] when the number is a customer's.
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// # #[allow(deprecated)]
    /// let found = client.appointments().by_dms_number(claire_client::LocationId(12), "A-1001").send().await?;
    /// # Ok(()) }
    /// ```
    #[deprecated(
        note = "Claire deprecated this endpoint and plans its removal: use `list` with `AppointmentFilter::dms_nr`"
    )]
    pub fn by_dms_number(
        &self,
        location_id: LocationId,
        dms_nr: impl Into<String>,
    ) -> AppointmentsByDmsNumber<'a> {
        AppointmentsByDmsNumber {
            client: self.client,
            location_id,
            dms_nr: dms_nr.into(),
            customer_kind: None,
        }
    }
}

/// The deprecated lookup by DMS number; finish with [`AppointmentsByDmsNumber::send`].
#[derive(Debug, Clone)]
#[must_use]
pub struct AppointmentsByDmsNumber<'a> {
    client: &'a ClaireClient,
    location_id: LocationId,
    dms_nr: String,
    customer_kind: Option<CustomerKind>,
}

impl AppointmentsByDmsNumber<'_> {
    /// The number is a customer's, of this kind (required by Claire in that case).
    pub fn customer_kind(mut self, kind: CustomerKind) -> Self {
        self.customer_kind = Some(kind);
        self
    }

    /// Sends the lookup.
    ///
    /// ```no_run
    /// # async fn run(client: claire_client::ClaireClient) -> Result<(), claire_client::Error> {
    /// # #[allow(deprecated)]
    /// let found = client
    ///     .appointments()
    ///     .by_dms_number(claire_client::LocationId(12), "K-501")
    ///     .customer_kind(claire_client::CustomerKind::Driver)
    ///     .send()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn send(self) -> Result<Vec<Appointment>, Error> {
        check_dms_lookup(self.location_id, &self.dms_nr, self.customer_kind.as_ref())?;
        let req = Request::new("GetAppointmentsByDmsNumber")
            .query("location_id", self.location_id)
            .query("dms_nr", &self.dms_nr)
            .query_opt("customer_kind", self.customer_kind.as_ref());
        self.client.send_list(req).await
    }
}
