//! Cars and their tyres: the `Car` model (wire names from the `GET /v1/car` example) and the
//! tyre models it and question results refer to.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::enums::{MccStatus, Season, TyreLocation, TyrePosition};
use crate::ids::CarId;
use crate::models::User;

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
    #[serde(with = "crate::wire::nullable_vec")]
    pub truck_tyres: Vec<TruckTyre>,
    /// Notes on the car made in Claire.
    #[serde(with = "crate::wire::nullable_vec")]
    pub notes: Vec<CarNote>,
}

/// A set of four tyres, on the car or in storage (`CarTyres`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct CarTyres {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire car tyres id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// Front right tread depth.
    #[serde(alias = "FRProfile")]
    pub fr_profile: f64,
    /// Front left tread depth.
    #[serde(alias = "FLProfile")]
    pub fl_profile: f64,
    /// Rear right tread depth.
    #[serde(alias = "RRProfile")]
    pub rr_profile: f64,
    /// Rear left tread depth.
    #[serde(alias = "RLProfile")]
    pub rl_profile: f64,
    /// Front right tyre picture URL.
    #[serde(alias = "FRPicture")]
    pub fr_picture: String,
    /// Front left tyre picture URL.
    #[serde(alias = "FLPicture")]
    pub fl_picture: String,
    /// Rear right tyre picture URL.
    #[serde(alias = "RRPicture")]
    pub rr_picture: String,
    /// Rear left tyre picture URL.
    #[serde(alias = "RLPicture")]
    pub rl_picture: String,
    /// Where the tyres are.
    #[serde(alias = "Location")]
    pub location: Option<TyreLocation>,
    /// Front left tyre.
    #[serde(alias = "FrontLeftTyre")]
    pub front_left_tyre: Option<Tyre>,
    /// Front right tyre.
    #[serde(alias = "FrontRightTyre")]
    pub front_right_tyre: Option<Tyre>,
    /// Rear left tyre.
    #[serde(alias = "RearLeftTyre")]
    pub rear_left_tyre: Option<Tyre>,
    /// Rear right tyre.
    #[serde(alias = "RearRightTyre")]
    pub rear_right_tyre: Option<Tyre>,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One tyre of a truck (`TruckTyres`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct TruckTyre {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Car id.
    #[serde(alias = "CarID")]
    pub car_id: Option<i64>,
    /// Axle number.
    #[serde(alias = "Axle")]
    pub axle: i64,
    /// Position on the axle.
    #[serde(alias = "Position")]
    pub position: TyrePosition,
    /// Tyre id.
    #[serde(alias = "TyreID")]
    pub tyre_id: Option<i64>,
    /// Tread depth.
    #[serde(alias = "Profile")]
    pub profile: f64,
    /// Picture URL.
    #[serde(alias = "Picture")]
    pub picture: String,
    /// The tyre.
    #[serde(alias = "Tyre")]
    pub tyre: Option<Tyre>,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A tyre (`Tyre`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Tyre {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire tyre id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// Manufacturer.
    #[serde(alias = "Manufacturer")]
    pub manufacturer: String,
    /// Description.
    #[serde(alias = "Description")]
    pub description: String,
    /// Width.
    #[serde(alias = "Width")]
    pub width: i64,
    /// Height.
    #[serde(alias = "Height")]
    pub height: i64,
    /// Size (rim diameter).
    #[serde(alias = "Size")]
    pub size: f64,
    /// Speed rating.
    #[serde(alias = "Speed")]
    pub speed: String,
    /// EAN, the tyre's unique id.
    #[serde(alias = "EAN")]
    pub ean: String,
    /// Season.
    #[serde(alias = "Season")]
    pub season: Season,
    /// The tyre is deleted.
    #[serde(alias = "Deleted")]
    pub deleted: bool,
    /// For tyres created by hand, the creating user; `None` otherwise.
    #[serde(alias = "CreatedByID")]
    pub created_by_id: Option<i64>,
    /// The creating user.
    #[serde(alias = "CreatedBy")]
    pub created_by: Option<Box<User>>,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A replacement tyre offered for a checked tyre (`TyreReplacement`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct TyreReplacement {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire tyre replacement id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// Question result this replacement belongs to.
    #[serde(alias = "QuestionResultID")]
    pub question_result_id: Option<i64>,
    /// Replacement tyre id.
    #[serde(alias = "TyreID")]
    pub tyre_id: Option<i64>,
    /// Price of the replacement tyre.
    #[serde(alias = "Price", with = "crate::wire::money")]
    pub price: Decimal,
    /// Whether the mechanic may mount this replacement.
    #[serde(alias = "CustomerAnswer")]
    pub customer_answer: bool,
    /// Remark from the receptionist or mechanic.
    #[serde(alias = "Remark")]
    pub remark: String,
    /// The mechanic mounted this replacement.
    #[serde(alias = "MechanicFixed")]
    pub mechanic_fixed: bool,
    /// The customer selected this replacement.
    #[serde(alias = "Selected")]
    pub selected: bool,
    /// Tread depth entered by the mechanic after mounting.
    #[serde(alias = "Profile")]
    pub profile: f64,
    /// The replacement tyre.
    #[serde(alias = "Tyre")]
    pub tyre: Option<Tyre>,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A note on a car (`CarNote`). The document lists no fields for it, so every field is kept as
/// sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CarNote {
    /// The note's fields as sent.
    pub fields: Map<String, Value>,
}
