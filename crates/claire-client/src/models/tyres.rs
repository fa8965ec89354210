//! Tyres, on a car, in storage or on a truck, and replacement tyres offered in a check: the
//! tyre models the Car and QuestionResult models share ("Tyres information have been added at
//! the Car and QuestionResult levels", changelog 01.04.2021), with their enumerations.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::models::User;

partner_core::open_int_enum! {
    /// Tyre season (`Season`).
    pub enum Season {
        /// -1: no season.
        NoSeason = -1,
        /// 0: all season.
        AllSeason = 0,
        /// 1: winter.
        Winter = 1,
        /// 2: summer.
        Summer = 2,
        /// 3: truck.
        Truck = 3,
    }
}

partner_core::open_int_enum! {
    /// Where a set of tyres is (`TyreLocation`).
    pub enum TyreLocation {
        /// 1: on the car.
        OnCar = 1,
        /// 2: in storage.
        InStorage = 2,
        /// 3: removed from the car.
        RemovedFromCar = 3,
        /// 4: removed from storage.
        RemovedFromStorage = 4,
    }
}

partner_core::open_int_enum! {
    /// Position of a tyre (`TyrePosition`).
    pub enum TyrePosition {
        /// 0: no tyre.
        NoTyre = 0,
        /// 1: car front left.
        CarFrontLeft = 1,
        /// 2: car front right.
        CarFrontRight = 2,
        /// 3: car rear left.
        CarRearLeft = 3,
        /// 4: car rear right.
        CarRearRight = 4,
        /// 5: storage front left.
        StorageFrontLeft = 5,
        /// 6: storage front right.
        StorageFrontRight = 6,
        /// 7: storage rear left.
        StorageRearLeft = 7,
        /// 8: storage rear right.
        StorageRearRight = 8,
        /// 9: car spare.
        CarSpare = 9,
        /// 10: truck left.
        TruckLeft = 10,
        /// 11: truck right.
        TruckRight = 11,
        /// 12: truck exterior left.
        TruckExteriorLeft = 12,
        /// 13: truck exterior right.
        TruckExteriorRight = 13,
        /// 14: truck interior left.
        TruckInteriorLeft = 14,
        /// 15: truck interior right.
        TruckInteriorRight = 15,
        /// 16: truck spare.
        TruckSpare = 16,
    }
}

zero_default!(Season, TyreLocation, TyrePosition);

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
