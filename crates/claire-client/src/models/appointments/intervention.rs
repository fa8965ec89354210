//! Interventions of an appointment (the work to be done), their elements and attachments.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::models::Snooze;

partner_core::open_int_enum! {
    /// Status of an intervention element (`InterventionElementStatus`).
    pub enum InterventionElementStatus {
        /// 1: the element is active.
        Active = 1,
        /// 2: the element is on hold.
        OnHold = 2,
        /// 3: the element is deleted.
        Deleted = 3,
    }
}

partner_core::open_int_enum! {
    /// Kind of an intervention element (`InterventionElementType`).
    pub enum InterventionElementType {
        /// 1: a task.
        Task = 1,
        /// 2: labour.
        Labor = 2,
        /// 3: a part.
        Part = 3,
        /// 4: text.
        Text = 4,
        /// 5: a discount.
        Discount = 5,
        /// 6: a small part.
        SmallPart = 6,
        /// 7: a fee added to the intervention.
        Fee = 7,
        /// 8: information about a rented vehicle.
        Rental = 8,
        /// 9: a menu.
        Menu = 9,
    }
}

zero_default!(InterventionElementStatus, InterventionElementType);

/// An intervention (`Intervention`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Intervention {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire intervention id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// Intervention id in the DMS.
    #[serde(alias = "DMSNr", alias = "dms_number")]
    pub dms_nr: String,
    /// Title.
    #[serde(alias = "Title")]
    pub title: String,
    /// Description.
    #[serde(alias = "Description")]
    pub description: String,
    /// Share of the cost the customer pays.
    #[serde(alias = "Price", with = "crate::wire::money")]
    pub price: Decimal,
    /// Mechanic's notes.
    #[serde(alias = "MechanicNotes")]
    pub mechanic_notes: String,
    /// Pinned in Claire.
    #[serde(alias = "Pinned")]
    pub pinned: bool,
    /// Snoozed in Claire.
    #[serde(alias = "Snoozed")]
    pub snoozed: bool,
    /// The customer declined the intervention.
    #[serde(alias = "IsDeclinedByCustomer")]
    pub is_declined_by_customer: bool,
    /// The customer explicitly saw and signed for it (whether agreed or declined).
    #[serde(alias = "IsSignedByCustomer")]
    pub is_signed_by_customer: bool,
    /// Intervention status (the document gives no value set).
    #[serde(alias = "Status")]
    pub status: i64,
    /// Solution value.
    #[serde(alias = "SolutionValue")]
    pub solution_value: String,
    /// Solution unit.
    #[serde(alias = "SolutionUnit")]
    pub solution_unit: String,
    /// Solution type.
    #[serde(alias = "SolutionType")]
    pub solution_type: String,
    /// Fixed by a mechanic.
    #[serde(alias = "MechanicFixed")]
    pub mechanic_fixed: bool,
    /// The customer agreed to the intervention.
    #[serde(alias = "CustomerOK")]
    pub customer_ok: bool,
    /// Created manually in Claire.
    #[serde(alias = "IsLocal")]
    pub is_local: bool,
    /// Visible to the customer.
    #[serde(alias = "VisibleToCustomer")]
    pub visible_to_customer: bool,
    /// Snooze log.
    #[serde(default, alias = "SnoozeHistory", with = "crate::wire::nullable_vec")]
    pub snooze_history: Vec<Snooze>,
    /// Elements (tasks, labour, parts, ...).
    #[serde(default, alias = "Elements", with = "crate::wire::nullable_vec")]
    pub elements: Vec<InterventionElement>,
    /// Attachments.
    #[serde(default, alias = "Attachments", with = "crate::wire::nullable_vec")]
    pub attachments: Vec<InterventionAttachment>,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An element of an intervention (`InterventionElement`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct InterventionElement {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire intervention element id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// DMS identifier.
    #[serde(alias = "DMSNr", alias = "dms_number")]
    pub dms_nr: String,
    /// Description.
    #[serde(alias = "Description")]
    pub description: String,
    /// Price.
    #[serde(alias = "Price", with = "crate::wire::money")]
    pub price: Decimal,
    /// Quantity.
    #[serde(alias = "Quantity")]
    pub quantity: f64,
    /// Private note, not shown to customers.
    #[serde(alias = "PrivateNote")]
    pub private_note: String,
    /// Created in Claire.
    #[serde(alias = "IsLocal")]
    pub is_local: bool,
    /// Kind of element.
    #[serde(alias = "ElementType", alias = "type")]
    pub element_type: Option<InterventionElementType>,
    /// Status.
    #[serde(alias = "Status")]
    pub status: Option<InterventionElementStatus>,
    /// DMS identifier of the parent element.
    #[serde(alias = "ParentDMSNr")]
    pub parent_dms_nr: String,
    /// Intervention this element belongs to.
    #[serde(alias = "InterventionID")]
    pub intervention_id: Option<i64>,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An attachment of an intervention (`InterventionAttachment`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct InterventionAttachment {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Attachment id.
    #[serde(alias = "ID")]
    pub id: i64,
    /// URL of the attachment.
    #[serde(alias = "URL")]
    pub url: String,
    /// Type of the attachment.
    #[serde(rename = "type", alias = "Type")]
    pub attachment_type: String,
    /// Name of the attachment.
    #[serde(alias = "Name")]
    pub name: String,
    /// Intervention id.
    #[serde(alias = "InterventionID")]
    pub intervention_id: Option<i64>,
    /// User who added the attachment.
    #[serde(alias = "UserID")]
    pub user_id: Option<i64>,
    /// Fields this crate does not model (the document gives no JSON example for this
    /// model, so its wire names are partly assumed); nothing the server sends is lost.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
