//! The request and answer of `POST /v1/appointments/list` ("Appointments: Get Appointments by
//! provided filters"). The rules are in [`crate::validate`].

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::models::{Appointment, CustomerKind, LocationId};

/// Filters of `POST /v1/appointments/list`. The location is required; "at least one filter
/// must be used" reads, by default, as the location being one (the strict reading, one of
/// `dms_nr`, `date` or `pinned` besides it, is [`crate::ValidationRules::STRICT`]).
///
/// ```
/// use claire_client::{AppointmentFilter, LocationId, NaiveDate, Validate};
/// let f = AppointmentFilter::new(LocationId(12)).date(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
/// assert!(f.validate().is_ok());
/// assert!(AppointmentFilter::default().validate().is_err()); // no location
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

/// The answer of `POST /v1/appointments/list` (`{"appointments": [...]}`; `null` or absent
/// reads as empty). [`crate::AppointmentsHandler::list`] returns its list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AppointmentList {
    /// The appointments found.
    #[serde(default, with = "crate::wire::nullable_vec")]
    pub appointments: Vec<Appointment>,
}
