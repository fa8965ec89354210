//! Appointments: list by filters, get one, import a batch, and the deprecated lookup by DMS
//! number.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, Utc};
use partner_core::validation::{Rule, Validate, Validator};
use partner_core::{Error, Request};
use serde::{Deserialize, Serialize};

use crate::client::ClaireClient;
use crate::enums::CustomerKind;
use crate::ids::{AppointmentId, LocationId, require_set};
use crate::import::{ImportQueued, ImportRequest};
use crate::models::Appointment;

const CUSTOMER_KINDS: &[&str] = &["driver", "owner", "contractor"];

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
    /// let today = chrono::Utc::now().date_naive();
    /// let list = client.appointments().list(&AppointmentFilter::new(LocationId(12)).date(today)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn list(&self, filter: &AppointmentFilter) -> Result<Vec<Appointment>, Error> {
        filter.validate()?;
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
    /// use chrono::Utc;
    /// use claire_client::{ImportAppointment, ImportCar, ImportCustomer, ImportRequest, LocationId};
    /// let appointment = ImportAppointment::new(LocationId(12), "A-1001", "WO-1001", Utc::now(), Utc::now())
    ///     .car(ImportCar::new("C-77", "WVWZZZ1JZXW000001", "Volkswagen", "Golf"))
    ///     .driver(ImportCustomer::new("K-501", "Jansen"));
    /// let queued = client.appointments().import(&ImportRequest::new(vec![appointment])).await?;
    /// println!("{} appointments queued", queued.appointments);
    /// # Ok(()) }
    /// ```
    pub async fn import(&self, request: &ImportRequest) -> Result<ImportQueued, Error> {
        request.validate()?;
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

#[derive(Deserialize)]
struct AppointmentList {
    #[serde(default, with = "crate::wire::nullable_vec")]
    appointments: Vec<Appointment>,
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
        let mut v = Validator::new();
        v.check("location_id", !self.location_id.is_zero(), Rule::Required);
        v.required("dms_nr", &self.dms_nr);
        if let Some(CustomerKind::Unknown(_)) = &self.customer_kind {
            v.push(
                "customer_kind",
                Rule::OneOf {
                    allowed: CUSTOMER_KINDS,
                },
            );
        }
        v.finish()?;
        let req = Request::new("GetAppointmentsByDmsNumber")
            .query("location_id", self.location_id)
            .query("dms_nr", &self.dms_nr)
            .query_opt("customer_kind", self.customer_kind.as_ref());
        self.client.send_list(req).await
    }
}

/// Filters of `POST /v1/appointments/list`. The location is required, plus at least one
/// filter (`dms_nr`, `date` or `pinned`).
///
/// ```
/// use claire_client::{AppointmentFilter, LocationId};
/// use partner_core::validation::Validate;
/// let f = AppointmentFilter::new(LocationId(12)).date(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
/// assert!(f.validate().is_ok());
/// assert!(AppointmentFilter::new(LocationId(12)).validate().is_err()); // no filter
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AppointmentFilter {
    /// Location of the appointments. Required.
    #[serde(default)]
    pub location_id: LocationId,
    /// DMS number of the appointment, or of a customer (then set `customer_kind`).
    #[serde(default)]
    pub dms_nr: Option<String>,
    /// Which customer `dms_nr` belongs to, when it is a customer's.
    #[serde(default)]
    pub customer_kind: Option<CustomerKind>,
    /// Day of the appointments, sent as midnight UTC of that day (RFC 3339) unless set
    /// to another instant with [`AppointmentFilter::date_time`].
    #[serde(default, with = "crate::wire::nullable_time")]
    pub date: Option<DateTime<Utc>>,
    /// `Some(true)`: every pinned appointment, whatever the other filters. Claire refuses
    /// `false`.
    #[serde(default)]
    pub is_pinned: Option<bool>,
}

impl AppointmentFilter {
    /// A filter on one location; add at least one filter.
    pub fn new(location_id: LocationId) -> Self {
        AppointmentFilter {
            location_id,
            ..Default::default()
        }
    }

    /// Appointments with this DMS number.
    pub fn dms_nr(mut self, dms_nr: impl Into<String>) -> Self {
        self.dms_nr = Some(dms_nr.into());
        self
    }

    /// The DMS number is a customer's, of this kind.
    pub fn customer_kind(mut self, kind: CustomerKind) -> Self {
        self.customer_kind = Some(kind);
        self
    }

    /// Appointments of this day (sent as `YYYY-MM-DDT00:00:00Z`).
    pub fn date(mut self, day: NaiveDate) -> Self {
        self.date = Some(day.and_time(chrono::NaiveTime::MIN).and_utc());
        self
    }

    /// Appointments of the day of this instant, sent exactly as given (for a dealer whose
    /// Claire expects local midnight, pass it here).
    pub fn date_time(mut self, at: DateTime<Utc>) -> Self {
        self.date = Some(at);
        self
    }

    /// Every pinned appointment, even if other filters are set.
    pub fn pinned(mut self) -> Self {
        self.is_pinned = Some(true);
        self
    }
}

impl Validate for AppointmentFilter {
    fn validate_into(&self, v: &mut Validator) {
        v.check("location_id", !self.location_id.is_zero(), Rule::Required);
        let dms_nr = self
            .dms_nr
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        if let Some(nr) = &self.dms_nr {
            v.required("dms_nr", nr);
        }
        if self.is_pinned == Some(false) {
            v.push(
                "is_pinned",
                Rule::Other(Cow::Borrowed(
                    "only true is accepted; leave it unset instead",
                )),
            );
        }
        if self.dms_nr.is_none() && self.date.is_none() && self.is_pinned.is_none() {
            v.push(
                "dms_nr",
                Rule::Other(Cow::Borrowed(
                    "at least one filter (dms_nr, date or is_pinned) must be used",
                )),
            );
        }
        match &self.customer_kind {
            Some(CustomerKind::Unknown(_)) => {
                v.push(
                    "customer_kind",
                    Rule::OneOf {
                        allowed: CUSTOMER_KINDS,
                    },
                );
            }
            Some(_) if dms_nr.is_none() => {
                v.push(
                    "customer_kind",
                    Rule::Other(Cow::Borrowed("is only meaningful together with dms_nr")),
                );
            }
            _ => {}
        }
    }
}
