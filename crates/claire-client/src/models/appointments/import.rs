//! Appointment import (`POST /v1/appointments/import`): the request types and splitting any
//! number of appointments into valid batches. The rules the document states, checked before
//! sending, are in [`crate::validate`].
//!
//! The document names the required fields but gives no schema for `validation.Appointment`;
//! the field names here are its words (`dms_nr`, `wo_nr`, `dms_created_at`, `time_car_app`,
//! `location_id`), the customers follow the appointment model (`customer_driver`,
//! `customer_owner`, `customer_contract`), and every type has an `extra` map for fields
//! Claire documents to you at onboarding.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::models::LocationId;

/// The most appointments one import request may carry.
pub const MAX_IMPORT_BATCH: usize = 100;

/// The body of an import: at most [`MAX_IMPORT_BATCH`] appointments, all for one location.
///
/// ```
/// use claire_client::{ImportAppointment, ImportRequest, LocationId};
/// let many: Vec<ImportAppointment> = (0..250)
///     .map(|i| {
///         let mut a = ImportAppointment::default();
///         a.location_id = LocationId(if i % 2 == 0 { 1 } else { 2 });
///         a
///     })
///     .collect();
/// let batches = ImportRequest::batches(many);
/// assert_eq!(batches.iter().map(|b| b.appointments.len()).collect::<Vec<_>>(), [100, 25, 100, 25]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImportRequest {
    /// The appointments.
    #[serde(default, with = "crate::wire::nullable_vec")]
    pub appointments: Vec<ImportAppointment>,
}

impl ImportRequest {
    /// A request for these appointments (checked when sent: one location, at most 100).
    pub fn new(appointments: Vec<ImportAppointment>) -> Self {
        ImportRequest { appointments }
    }

    /// Splits any number of appointments into requests the document allows: grouped by
    /// location (in order of first appearance), at most [`MAX_IMPORT_BATCH`] each, keeping the
    /// input order within a location. Field rules are still checked when each is sent.
    pub fn batches(
        appointments: impl IntoIterator<Item = ImportAppointment>,
    ) -> Vec<ImportRequest> {
        let mut by_location: Vec<(LocationId, Vec<ImportAppointment>)> = Vec::new();
        for appointment in appointments {
            match by_location
                .iter_mut()
                .find(|(id, _)| *id == appointment.location_id)
            {
                Some((_, list)) => list.push(appointment),
                None => by_location.push((appointment.location_id, vec![appointment])),
            }
        }
        let mut out = Vec::new();
        for (_, list) in by_location {
            let mut rest = list.into_iter().peekable();
            while rest.peek().is_some() {
                out.push(ImportRequest {
                    appointments: rest.by_ref().take(MAX_IMPORT_BATCH).collect(),
                });
            }
        }
        out
    }

    /// The location of the batch (that of its first appointment).
    pub fn location_id(&self) -> Option<LocationId> {
        self.appointments.first().map(|a| a.location_id)
    }
}

/// One appointment to create or update. Claire matches it on `dms_nr` + `dms_created_at`
/// within the location: an existing pair is updated, a new one created.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImportAppointment {
    /// Appointment id in the DMS. Required.
    #[serde(default)]
    pub dms_nr: String,
    /// Work order number. Required.
    #[serde(default)]
    pub wo_nr: String,
    /// When the appointment was created in the DMS; tells apart DMS numbers the DMS reuses.
    /// Required.
    #[serde(
        default,
        with = "crate::wire::nullable_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub dms_created_at: Option<DateTime<Utc>>,
    /// Appointment date. Required.
    #[serde(
        default,
        with = "crate::wire::nullable_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub time_car_app: Option<DateTime<Utc>>,
    /// Location, within the key's scope and not connected to an API-based DMS. Required.
    #[serde(default)]
    pub location_id: LocationId,
    /// The car (imported per dealer, told apart by VIN). Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub car: Option<ImportCar>,
    /// The driver. At least one of the three customers is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_driver: Option<ImportCustomer>,
    /// The owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_owner: Option<ImportCustomer>,
    /// The contractor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_contract: Option<ImportCustomer>,
    /// Interventions (optional; each needs a DMS number and a title).
    #[serde(
        default,
        deserialize_with = "partner_core::wire::null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub interventions: Vec<ImportIntervention>,
    /// Further fields, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ImportAppointment {
    /// An appointment with its required scalar fields; add the car and a customer with
    /// [`ImportAppointment::car`] and [`ImportAppointment::driver`] (or owner, contractor).
    pub fn new(
        location_id: LocationId,
        dms_nr: impl Into<String>,
        wo_nr: impl Into<String>,
        dms_created_at: DateTime<Utc>,
        time_car_app: DateTime<Utc>,
    ) -> Self {
        ImportAppointment {
            dms_nr: dms_nr.into(),
            wo_nr: wo_nr.into(),
            dms_created_at: Some(dms_created_at),
            time_car_app: Some(time_car_app),
            location_id,
            ..Default::default()
        }
    }

    /// Sets the car.
    pub fn car(mut self, car: ImportCar) -> Self {
        self.car = Some(car);
        self
    }

    /// Sets the driver.
    pub fn driver(mut self, customer: ImportCustomer) -> Self {
        self.customer_driver = Some(customer);
        self
    }

    /// Sets the owner.
    pub fn owner(mut self, customer: ImportCustomer) -> Self {
        self.customer_owner = Some(customer);
        self
    }

    /// Sets the contractor.
    pub fn contractor(mut self, customer: ImportCustomer) -> Self {
        self.customer_contract = Some(customer);
        self
    }

    /// Adds an intervention.
    pub fn intervention(mut self, intervention: ImportIntervention) -> Self {
        self.interventions.push(intervention);
        self
    }

    /// Adds a field this crate does not model (one Claire documents to you at onboarding),
    /// sent as given.
    pub fn field(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.extra.insert(name.into(), value.into());
        self
    }
}

/// The car of an imported appointment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImportCar {
    /// Car id in the DMS. Required.
    #[serde(default)]
    pub dms_nr: String,
    /// VIN, which tells cars apart across the dealer. Required.
    #[serde(default)]
    pub vin: String,
    /// Model. Required.
    #[serde(default)]
    pub model: String,
    /// Make. Required.
    #[serde(default)]
    pub make: String,
    /// Registration plate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reg_nr: Option<String>,
    /// Further fields, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ImportCar {
    /// A car with its required fields.
    pub fn new(
        dms_nr: impl Into<String>,
        vin: impl Into<String>,
        make: impl Into<String>,
        model: impl Into<String>,
    ) -> Self {
        ImportCar {
            dms_nr: dms_nr.into(),
            vin: vin.into(),
            make: make.into(),
            model: model.into(),
            ..Default::default()
        }
    }

    /// Sets the registration plate.
    pub fn reg_nr(mut self, reg_nr: impl Into<String>) -> Self {
        self.reg_nr = Some(reg_nr.into());
        self
    }
}

/// A customer of an imported appointment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImportCustomer {
    /// Customer id in the DMS. Required.
    #[serde(default)]
    pub dms_nr: String,
    /// Surname. Required of at least one customer of the appointment.
    #[serde(default)]
    pub surname: String,
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firstname: Option<String>,
    /// Salutation title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Company name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Further fields, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ImportCustomer {
    /// A customer with its required fields.
    pub fn new(dms_nr: impl Into<String>, surname: impl Into<String>) -> Self {
        ImportCustomer {
            dms_nr: dms_nr.into(),
            surname: surname.into(),
            ..Default::default()
        }
    }

    /// Sets the first name.
    pub fn firstname(mut self, firstname: impl Into<String>) -> Self {
        self.firstname = Some(firstname.into());
        self
    }

    /// Sets the salutation title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the company name.
    pub fn company(mut self, company: impl Into<String>) -> Self {
        self.company = Some(company.into());
        self
    }
}

/// An intervention of an imported appointment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImportIntervention {
    /// Intervention id in the DMS. Required.
    #[serde(default)]
    pub dms_nr: String,
    /// Title. Required.
    #[serde(default)]
    pub title: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Price the customer pays.
    #[serde(
        default,
        with = "crate::wire::money::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub price: Option<Decimal>,
    /// Further fields, sent as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ImportIntervention {
    /// An intervention with its required fields.
    pub fn new(dms_nr: impl Into<String>, title: impl Into<String>) -> Self {
        ImportIntervention {
            dms_nr: dms_nr.into(),
            title: title.into(),
            ..Default::default()
        }
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the price the customer pays (exact decimal, sent as a JSON number).
    ///
    /// ```
    /// use claire_client::{Decimal, ImportIntervention};
    /// let oil = ImportIntervention::new("I-1", "Oil change").price(Decimal::new(8950, 2));
    /// assert_eq!(oil.price, Some("89.50".parse().unwrap()));
    /// ```
    pub fn price(mut self, price: Decimal) -> Self {
        self.price = Some(price);
        self
    }
}

/// What a successful import call tells you: the batch was **queued**, nothing more.
///
/// Claire answers 200 even when appointments of the batch fail validation, queueing or
/// import. The result of each appointment arrives later by the `PublicAPIAppointmentImported`
/// webhook ([`crate::WebhookTriggerId::PublicApiAppointmentImported`]): register one and read
/// it with [`crate::WebhookReceiver`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportQueued {
    /// The location of the batch.
    pub location_id: LocationId,
    /// How many appointments were handed over.
    pub appointments: usize,
}
