//! The Car resource: the `Car` model (wire names from the `GET /v1/car` example), its notes
//! and its MCC status. Its tyres are in the tyre models, which question results share.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::models::{CarId, CarTyres, TruckTyre};

partner_core::open_int_enum! {
    /// Car status in MCC (`MCCStatus`).
    pub enum MccStatus {
        /// 0: brand not supported.
        BrandNotSupported = 0,
        /// 1: no card.
        NoCard = 1,
        /// 2: invalid card.
        InvalidCard = 2,
        /// 3: invalid card (bis).
        InvalidCardBis = 3,
        /// 4: expired card.
        ExpiredCard = 4,
    }
}

zero_default!(MccStatus);

/// A car (the `Car` model), as returned by `GET /v1/car` and inside appointments.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Car {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire car id.
    pub id: CarId,
    /// The car is a truck.
    pub is_truck: bool,
    /// Make.
    pub make: String,
    /// Model.
    pub model: String,
    /// Fuel type.
    pub fuel: String,
    /// Registration plate (`RegNr`).
    #[serde(rename = "reg_number")]
    pub reg_nr: String,
    /// Vehicle identification number.
    pub vin: String,
    /// Car id in the DMS (`DMSNr`).
    #[serde(rename = "dms_number")]
    pub dms_nr: String,
    /// Car picture URL (`ProfilePicture`).
    #[serde(rename = "picture")]
    pub profile_picture: String,
    /// Registration date in the DMS.
    #[serde(with = "crate::wire::nullable_time")]
    pub dms_registration: Option<DateTime<Utc>>,
    /// First registration date (RDW).
    #[serde(with = "crate::wire::nullable_time")]
    pub rdw_first_registration: Option<DateTime<Utc>>,
    /// First Dutch registration date (RDW).
    #[serde(with = "crate::wire::nullable_time")]
    pub rdw_first_registration_nl: Option<DateTime<Utc>>,
    /// RDW type approval number.
    pub rdw_type_goedkeurings_nummer: String,
    /// RDW type.
    pub rdw_type: String,
    /// RDW variant.
    pub rdw_variant: String,
    /// RDW version ("uitvoering").
    pub rdw_uitvoering: String,
    /// Dutch technical inspection (APK) date from the DMS.
    #[serde(with = "crate::wire::nullable_time")]
    pub apk_date_dms: Option<DateTime<Utc>>,
    /// German technical inspection (HU) date from the DMS.
    #[serde(with = "crate::wire::nullable_time")]
    pub hu_date_dms: Option<DateTime<Utc>>,
    /// Warranty start date.
    #[serde(with = "crate::wire::nullable_time")]
    pub warranty_date_start: Option<DateTime<Utc>>,
    /// Warranty end date.
    #[serde(with = "crate::wire::nullable_time")]
    pub warranty_date_end: Option<DateTime<Utc>>,
    /// Expiration date of the ROB lease.
    #[serde(with = "crate::wire::nullable_time")]
    pub rob_lease_expiration: Option<DateTime<Utc>>,
    /// Car status in MCC.
    pub mcc_status: Option<MccStatus>,
    /// When the MCC status was last fetched.
    #[serde(with = "crate::wire::nullable_time")]
    pub mcc_status_time: Option<DateTime<Utc>>,
    /// Tyres on the car (`TyreOnCar`).
    pub tyres_on_car: Option<CarTyres>,
    /// Tyres in storage (`TyreInStorage`).
    pub tyres_in_storage: Option<CarTyres>,
    /// Tyres of a truck.
    #[serde(default, with = "crate::wire::nullable_vec")]
    pub truck_tyres: Vec<TruckTyre>,
    /// Notes on the car made in Claire.
    #[serde(default, with = "crate::wire::nullable_vec")]
    pub notes: Vec<CarNote>,
}

/// A note on a car (`CarNote`). The document lists no fields for it, so every field is kept as
/// sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CarNote {
    /// The note's fields as sent.
    pub fields: Map<String, Value>,
}
