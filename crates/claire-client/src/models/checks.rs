//! The Checks resource (`GET /v1/checks`): the check, its checklist, its question results and
//! their snooze log, with the enumerations of results and snoozes.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::models::{AppointmentId, CarId, Tag, Tyre, TyrePosition, TyreReplacement, User};

partner_core::open_int_enum! {
    /// Outcome of one checked item (`QuestionResultStatus`).
    pub enum QuestionResultStatus {
        /// 0: OK.
        Ok = 0,
        /// 1: OK with remarks.
        OkWithRemarks = 1,
        /// 2: advised.
        Advised = 2,
        /// 3: necessary.
        Necessary = 3,
        /// 4: not worked on.
        NotWorkedOn = 4,
    }
}

partner_core::open_int_enum! {
    /// Department a snooze is assigned to (`SnoozeDepartmentID`).
    pub enum SnoozeDepartment {
        /// 1: sales.
        Sales = 1,
        /// 2: customer communication center.
        CustomerCommunicationCenter = 2,
        /// 3: body repair.
        BodyRepair = 3,
        /// 4: external.
        External = 4,
        /// 5: digital.
        Digital = 5,
        /// 6: parts.
        Parts = 6,
    }
}

partner_core::open_int_enum! {
    /// Status of a snooze (`SnoozeStatusID`).
    pub enum SnoozeStatus {
        /// 0: deleted.
        Deleted = 0,
        /// 1: new.
        New = 1,
        /// 2: in progress.
        InProgress = 2,
        /// 3: approved.
        Approved = 3,
        /// 4: declined.
        Declined = 4,
        /// 5: the document also calls this value "Declined"; kept apart so it round-trips.
        DeclinedAlt = 5,
        /// 6: done.
        Done = 6,
    }
}

partner_core::open_int_enum! {
    /// Why an item was snoozed (`SnoozeTypeID`).
    pub enum SnoozeType {
        /// 1: for the customer's next visit.
        NextVisit = 1,
        /// 2: to make an offer.
        MakeOffer = 2,
        /// 3: to make a new appointment.
        NewAppointment = 3,
        /// 4: to remind the customer.
        RemindCustomer = 4,
    }
}

zero_default!(
    QuestionResultStatus,
    SnoozeDepartment,
    SnoozeStatus,
    SnoozeType
);

/// A check of an appointment (`Check`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Check {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire check id.
    pub id: i64,
    /// Check duration in seconds.
    pub duration: i64,
    /// Appointment the check belongs to.
    pub appointment_id: AppointmentId,
    /// Checked car.
    pub car_id: CarId,
    /// Intervention this check was done for, if any.
    pub intervention_id: Option<i64>,
    /// Mechanic who performed the check.
    pub mechanic: Option<User>,
    /// Checklist of this check.
    pub checklist: Option<Checklist>,
    /// Receptionist assigned to this check.
    pub receptionist: Option<User>,
    /// Results of the check (`QuestionResults`).
    #[serde(default, rename = "question_items", with = "crate::wire::nullable_vec")]
    pub question_results: Vec<QuestionResult>,
}

/// A checklist (`Checklist`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Checklist {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire checklist id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// Checklist name.
    #[serde(alias = "Name")]
    pub name: String,
    /// Names of the tags associated with the checklist.
    #[serde(default, alias = "TagNames", with = "crate::wire::nullable_vec")]
    pub tag_names: Vec<String>,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The result of one checked item (`QuestionResult`). The wire key of the list is `question_items`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct QuestionResult {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire question result id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// The item's status.
    #[serde(alias = "Status")]
    pub status: QuestionResultStatus,
    /// The question's title.
    #[serde(alias = "Title")]
    pub title: String,
    /// The question is completed.
    #[serde(alias = "Completed")]
    pub completed: bool,
    /// Mechanic notes.
    #[serde(alias = "MechanicNotes")]
    pub mechanic_notes: String,
    /// The mechanic fixed this item.
    #[serde(alias = "MechanicFixed")]
    pub mechanic_fixed: bool,
    /// The customer approved fixing this item.
    #[serde(alias = "CustomerApproved")]
    pub customer_approved: bool,
    /// The customer explicitly saw and signed for this item (whether agreed or declined).
    #[serde(alias = "IsSignedByCustomer")]
    pub is_signed_by_customer: bool,
    /// Cost of this item.
    #[serde(alias = "Price", with = "crate::wire::money")]
    pub price: Decimal,
    /// Tyre position (`NoTyre` when not a tyre question).
    #[serde(alias = "TyrePosition")]
    pub tyre_position: TyrePosition,
    /// Tread depth (0 when not a tyre question).
    #[serde(alias = "TyreProfile")]
    pub tyre_profile: f64,
    /// Axle, non-zero for truck question results.
    #[serde(alias = "TruckAxle")]
    pub truck_axle: i64,
    /// Answer when the question template is a solution.
    #[serde(alias = "Solution")]
    pub solution: String,
    /// Selected value of a solution.
    #[serde(alias = "SolutionValue")]
    pub solution_value: String,
    /// Selected type of a solution.
    #[serde(alias = "SolutionType")]
    pub solution_type: String,
    /// Selected unit of a solution.
    #[serde(alias = "SolutionUnit")]
    pub solution_unit: String,
    /// The item is snoozed.
    #[serde(alias = "Snoozed")]
    pub snoozed: bool,
    /// The item is pinned.
    #[serde(alias = "Pinned")]
    pub pinned: bool,
    /// Tyre id, `None` when not a tyre question.
    #[serde(alias = "TyreID")]
    pub tyre_id: Option<i64>,
    /// Appointment date in Claire.
    #[serde(alias = "TimeCarApp", with = "crate::wire::zero_time")]
    pub time_car_app: Option<DateTime<Utc>>,
    /// The tyre, when `tyre_id` is set.
    #[serde(alias = "Tyre")]
    pub tyre: Option<Tyre>,
    /// Replacement tyres offered.
    #[serde(
        default,
        alias = "TyreReplacements",
        with = "crate::wire::nullable_vec"
    )]
    pub tyre_replacements: Vec<TyreReplacement>,
    /// Tags of this question.
    #[serde(default, alias = "QuestionTags", with = "crate::wire::nullable_vec")]
    pub question_tags: Vec<Tag>,
    /// Image URLs taken for this item.
    #[serde(default, alias = "ImageURLs", with = "crate::wire::nullable_vec")]
    pub image_urls: Vec<String>,
    /// Video URLs taken for this item.
    #[serde(default, alias = "VideoURLs", with = "crate::wire::nullable_vec")]
    pub video_urls: Vec<String>,
    /// Raw answers of the question's elements (`AnswerItemNames`). On the wire `answers`: the
    /// changelog (02.12.2019) renamed the single `answer` of `question_items` to the array
    /// `answers`; the Go name and its snake_case are accepted too.
    #[serde(
        default,
        rename = "answers",
        alias = "answer_item_names",
        alias = "AnswerItemNames",
        with = "crate::wire::nullable_vec"
    )]
    pub answer_item_names: Vec<String>,
    /// Snooze log, one entry per change.
    #[serde(default, alias = "SnoozeHistory", with = "crate::wire::nullable_vec")]
    pub snooze_history: Vec<Snooze>,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One line of a snooze log (`Snooze`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Snooze {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Snooze log line id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// Snoozed question result (`None` when an intervention is snoozed).
    #[serde(alias = "QuestionResultID")]
    pub question_result_id: Option<i64>,
    /// Snoozed intervention (`None` when a question result is snoozed).
    #[serde(alias = "InterventionID")]
    pub intervention_id: Option<i64>,
    /// Type of snooze.
    #[serde(alias = "SnoozeTypeID")]
    pub snooze_type_id: Option<SnoozeType>,
    /// Status of the snooze.
    #[serde(alias = "SnoozeStatusID")]
    pub snooze_status_id: Option<SnoozeStatus>,
    /// Date selected when snoozing.
    #[serde(alias = "SnoozeDate", with = "crate::wire::nullable_time")]
    pub snooze_date: Option<DateTime<Utc>>,
    /// Department assigned.
    #[serde(alias = "SnoozeDepartmentID")]
    pub snooze_department_id: Option<SnoozeDepartment>,
    /// Note entered when snoozing.
    #[serde(alias = "Note")]
    pub note: String,
    /// User who added this log line.
    #[serde(alias = "UserID")]
    pub user_id: Option<i64>,
    /// Appointment of this snooze.
    #[serde(alias = "AppointmentID")]
    pub appointment_id: Option<i64>,
    /// Location of this snooze.
    #[serde(alias = "DealerLocationID")]
    pub dealer_location_id: Option<i64>,
    /// Car of this snooze.
    #[serde(alias = "CarID")]
    pub car_id: Option<i64>,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
