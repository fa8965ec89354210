//! Appointment status: the `StatusIdentifier` and `StatusOverride` enumerations and the
//! status history of an appointment.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

partner_core::open_int_enum! {
    /// Appointment status (`StatusIdentifier`). Values 50 to 55 are shown by Claire's own
    /// front end and, per the document, not returned by the backend.
    pub enum StatusIdentifier {
        /// -1: the appointment has been cancelled.
        Cancelled = -1,
        /// 1: initial status of a new appointment.
        New = 1,
        /// 2: a car check is completed.
        CarCheck = 2,
        /// 3: pricing calculation is done.
        Pricing = 3,
        /// 4: the customer approved pricing.
        CustomerOk = 4,
        /// 5: the car is ready.
        CarReady = 5,
        /// 6: a car check is required (set by a receptionist).
        Diagnose = 6,
        /// 7: initial check done by a receptionist.
        AanameDone = 7,
        /// 8: receptionists are calculating prices.
        Calculating = 8,
        /// 9: the customer is being contacted to approve pricing.
        ContactCustomer = 9,
        /// 10: a car check has started.
        CarCheckStarted = 10,
        /// 11: a quality check is completed.
        QualityCheck = 11,
        /// 12: the customer answered through online communication.
        CustomerAnswered = 12,
        /// 13: delayed, waiting on a back order.
        BackOrder = 13,
        /// 50: the receptionist needs to handle the online check-in answer (front end only).
        HandleCheckIn = 50,
        /// 51: the online check-in is answered and handled (front end only).
        CheckInDone = 51,
        /// 52: the car is in the shop (front end only).
        CarInShop = 52,
        /// 53: repair overview sent for car-OK status (front end only).
        CarOkPlusRepairOverview = 53,
        /// 54: repair overview sent for quality-check status (front end only).
        QualityCheckPlusRepairOverview = 54,
        /// 55: the car is out of the shop (front end only).
        CarOutOfShop = 55,
    }
}

partner_core::open_int_enum! {
    /// A manual override of the appointment status (`StatusOverride`).
    pub enum StatusOverride {
        /// 0: none.
        None = 0,
        /// 1: cancelled.
        Canceled = 1,
        /// 2: restored.
        Restored = 2,
    }
}

zero_default!(StatusIdentifier, StatusOverride);

/// One status change of an appointment (`AppointmentStatusHistory`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct AppointmentStatusHistory {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Status history entry id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// Remark made when the status was set.
    #[serde(alias = "SARemarks")]
    pub sa_remarks: String,
    /// When the status was set.
    #[serde(alias = "Timestamp", with = "crate::wire::nullable_time")]
    pub timestamp: Option<DateTime<Utc>>,
    /// Claire checklist id.
    #[serde(alias = "ChecklistID")]
    pub checklist_id: Option<i64>,
    /// Claire check id.
    #[serde(alias = "CheckID")]
    pub check_id: Option<i64>,
    /// The status that was set.
    #[serde(alias = "Identifier", alias = "status_identifier")]
    pub identifier: StatusIdentifier,
    /// Name of the status (deprecated by Claire: use `identifier`).
    #[serde(alias = "StatusName")]
    pub status_name: String,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
