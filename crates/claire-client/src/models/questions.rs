//! The Questions resource (`GET /v1/questions`): Claire's default questions plus the dealer's
//! own, with their elements, element templates and the user roles that create them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

partner_core::open_enum! {
    /// What kind of answer a question element takes (`QuestionElementTemplate`).
    pub enum QuestionElementTemplate {
        /// Dropdown.
        Dropdown = "dropdown",
        /// Multiple selection dropdown.
        DropdownMulti = "dropdown_multi",
        /// Solution element.
        SolutionElement = "solution_element",
        /// Text field.
        Textfield = "textfield",
        /// Number field.
        Number = "number",
        /// Text area.
        Textarea = "textarea",
        /// Spinner.
        Spinner = "spinner",
        /// Date picker.
        Datepicker = "datepicker",
        /// Tyre element.
        Tyre = "tyre",
        /// Panic element.
        Panic = "panic",
        /// Test drive mileage element.
        TestdriveMileage = "testdrive_mileage",
    }
}

partner_core::open_int_enum! {
    /// A Claire user role (`RoleID`).
    pub enum Role {
        /// 10: top level user role (all permissions).
        TopLevel = 10,
        /// 20: Claire admin.
        ClaireAdmin = 20,
        /// 25: support admin (Claire admin without deleting rights).
        SupportAdmin = 25,
        /// 30: manages the dealers attached to it.
        DealersManager = 30,
        /// 40: manages a single dealer.
        DealerAdmin = 40,
        /// 50: uses the dashboard and does intake ("aanname") checks.
        Receptionist = 50,
        /// 60: does car checks.
        Mechanic = 60,
        /// 70: may use multiple locations of one dealer.
        MultiLocation = 70,
        /// 80: does quality controls.
        QualityControl = 80,
        /// 90: leads, recall and warranty tasks on allowed locations of one or more dealers.
        Warranty = 90,
        /// 100: tablet on the receptionists' counter.
        CounterTablet = 100,
        /// 110: a manufacturer updating data of appointments it was granted access to.
        Manufacturer = 110,
    }
}

zero_default!(Role);

/// A question (`Question`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Question {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire question id.
    pub id: i64,
    /// Title of the question (`Title`).
    #[serde(rename = "question")]
    pub title: String,
    /// `None` for a default question; otherwise the role of the user who created it (then only the dealer's locations see it). The example's `0` reads as `Some(Role::Unknown(0))`.
    pub role_id: Option<Role>,
    /// Elements of the question.
    #[serde(default, with = "crate::wire::nullable_vec")]
    pub question_elements: Vec<QuestionElement>,
}

/// An element of a question (`QuestionElement`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct QuestionElement {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire question element id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// Name.
    #[serde(alias = "Name")]
    pub name: String,
    /// What kind of answer the element takes.
    #[serde(alias = "Template")]
    pub template: Option<QuestionElementTemplate>,
    /// Default configuration: prefilled values or labels, depending on the template.
    #[serde(alias = "DefaultConfiguration")]
    pub default_configuration: String,
    /// `None` for a default element; otherwise the role of its creator.
    #[serde(alias = "RoleID")]
    pub role_id: Option<Role>,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
