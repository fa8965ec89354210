//! The Appointments resource: the appointment as Claire returns it (this file), its status
//! history, final-check media, customers and interventions, the list filter and the import
//! request (one file each).
//!
//! Wire names are those of the document's JSON example for `GET /v1/appointments/{id}`; the
//! model table's Go names differ for several fields (`DueIn` is `scheduled_in`, `RegNumber`
//! is `license_plate_number`, `CustomcomReceptionistKey` is `customcom_key`), and the field
//! docs name the Go field where they differ.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::models::{AppointmentId, Car, CarId, LocationId, User};

mod customer;
mod filter;
mod import;
mod intervention;
mod media;
mod status;

pub use customer::{
    CUSTOMER_COMMUNICATION_BASE, CommunicationChannel, Customer, CustomerKind,
    customer_communication_url,
};
pub use filter::{AppointmentFilter, AppointmentList};
pub use import::{
    ImportAppointment, ImportCar, ImportCustomer, ImportIntervention, ImportQueued, ImportRequest,
    MAX_IMPORT_BATCH,
};
pub use intervention::{
    Intervention, InterventionAttachment, InterventionElement, InterventionElementStatus,
    InterventionElementType,
};
pub use media::{FinalCheckImage, FinalCheckVideo};
pub use status::{AppointmentStatusHistory, StatusIdentifier, StatusOverride};

/// An appointment (the `Appointment` model).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Appointment {
    /// When Claire created the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub created_on: Option<DateTime<Utc>>,
    /// When Claire last updated the record (`None` for Go's zero time).
    #[serde(with = "crate::wire::zero_time")]
    pub updated_on: Option<DateTime<Utc>>,
    /// Claire's appointment id (`ID`).
    pub id: AppointmentId,
    /// Appointment id in the DMS (`DMSNr`).
    #[serde(rename = "dms_number")]
    pub dms_nr: String,
    /// Work order number (`WONr`).
    #[serde(rename = "workorder_number")]
    pub wo_nr: String,
    /// Reference number in Claire (`RefNr`).
    #[serde(rename = "reference_number")]
    pub ref_nr: String,
    /// Version of the Claire importer that imported the appointment from the DMS.
    pub importer_version: String,
    /// Appointment status in the DMS.
    pub dms_status: String,
    /// The car check has started.
    pub car_check_started: bool,
    /// The customer is waiting for the car.
    pub customer_waiting: bool,
    /// The appointment was created manually in Claire.
    pub is_local: bool,
    /// A receptionist set the money marker.
    pub is_money: bool,
    /// A receptionist set the star marker.
    pub is_star: bool,
    /// Colour of the star icon.
    pub is_star_color: String,
    /// A receptionist set the shop marker.
    pub is_shop: bool,
    /// Colour of the shopping cart icon.
    pub is_shop_color: String,
    /// The appointment's car belongs to a lease company.
    pub is_lease_company: bool,
    /// An extra check was performed.
    pub has_extra_check: bool,
    /// The final check has remarks.
    pub final_check_has_remarks: bool,
    /// This car came in within the last 28 days.
    pub is_recurring: bool,
    /// Pinned warranty items.
    pub warranty_pin_count: i64,
    /// Pinned warranty items missing a signature.
    pub warranty_pin_signature_missing_count: i64,
    /// Pinned warranty items missing a claim number.
    pub warranty_pin_claim_nr_missing_count: i64,
    /// Pinned warranty items missing a support number.
    pub warranty_pin_support_nr_missing_count: i64,
    /// Pinned recall items.
    pub recall_pin_count: i64,
    /// Pinned recall items missing a claim number.
    pub recall_pin_claim_nr_missing_count: i64,
    /// Pinned recall items missing a support number.
    pub recall_pin_support_nr_missing_count: i64,
    /// Pinned remark items.
    pub remark_pin_count: i64,
    /// Planned next appointment date.
    #[serde(with = "crate::wire::nullable_time")]
    pub next_date: Option<DateTime<Utc>>,
    /// Predicted next appointment date.
    #[serde(with = "crate::wire::nullable_time")]
    pub predicted_next_date: Option<DateTime<Utc>>,
    /// Appointment date in Claire.
    #[serde(with = "crate::wire::zero_time")]
    pub time_car_app: Option<DateTime<Utc>>,
    /// The appointment is pinned.
    pub is_pinned: bool,
    /// Pinned manually, which prevents automatic overwriting.
    pub is_pinned_manually: bool,
    /// Manual status override, which prevents automatic overwriting.
    pub status_override: StatusOverride,
    /// When the car is scheduled to be in the shop (`DueIn`).
    #[serde(rename = "scheduled_in", with = "crate::wire::nullable_time")]
    pub due_in: Option<DateTime<Utc>>,
    /// When the car is scheduled to be returned to the customer (`CarReturnTime`).
    #[serde(rename = "scheduled_out", with = "crate::wire::nullable_time")]
    pub car_return_time: Option<DateTime<Utc>>,
    /// When the customer dropped the key in the key locker.
    #[serde(with = "crate::wire::nullable_time")]
    pub key_dropped_at: Option<DateTime<Utc>>,
    /// Key locker the key was dropped in.
    pub key_dropped_in: Option<String>,
    /// When the mechanic picked the key up from the key locker.
    #[serde(with = "crate::wire::nullable_time")]
    pub key_picked_up_at: Option<DateTime<Utc>>,
    /// User id of the mechanic who picked the key up.
    pub key_picked_up_by_id: Option<i64>,
    /// When the mechanic dropped the key back in the key locker.
    #[serde(with = "crate::wire::nullable_time")]
    pub key_dropped_back_at: Option<DateTime<Utc>>,
    /// User id of the mechanic who dropped the key back.
    pub key_dropped_back_by_id: Option<i64>,
    /// Key locker the key was dropped back in.
    pub key_dropped_back_in: Option<String>,
    /// When the customer picked the key back up.
    #[serde(with = "crate::wire::nullable_time")]
    pub key_picked_up_back_at: Option<DateTime<Utc>>,
    /// User id of the receptionist who handed the key back, if one intervened.
    pub key_picked_up_back_by_id: Option<i64>,
    /// Claire customer id of the driver (`CustomerDriverID`).
    #[serde(rename = "driver_id")]
    pub customer_driver_id: Option<i64>,
    /// Claire customer id of the owner (`CustomerOwnerID`).
    #[serde(rename = "owner_id")]
    pub customer_owner_id: Option<i64>,
    /// Claire customer id of the contractor (`CustomerContractID`).
    #[serde(rename = "contract_id")]
    pub customer_contract_id: Option<i64>,
    /// Location the appointment belongs to (`DealerLocationID`).
    pub location_id: LocationId,
    /// Car of the appointment.
    pub car_id: CarId,
    /// Vehicle identification number.
    pub vin: String,
    /// Car model.
    pub car_model: String,
    /// Car make.
    pub car_make: String,
    /// License plate number (`RegNumber`).
    #[serde(rename = "license_plate_number")]
    pub reg_number: String,
    /// Current odometer reading.
    pub current_km: i64,
    /// Odometer reading from the DMS.
    pub dms_km: i64,
    /// Odometer reading planned for the next appointment.
    pub next_km: i64,
    /// Dutch technical inspection (APK) date from the DMS.
    #[serde(with = "crate::wire::nullable_time")]
    pub car_apk_date: Option<DateTime<Utc>>,
    /// German technical inspection (HU) date from the DMS.
    #[serde(with = "crate::wire::nullable_time")]
    pub car_hu_date: Option<DateTime<Utc>>,
    /// Driver's initials.
    pub driver_initials: String,
    /// Driver's title (Dhr., Mvr., ...).
    pub driver_title: String,
    /// Driver's first name.
    pub driver_firstname: String,
    /// Driver's last name.
    pub driver_surname: String,
    /// Contractor's initials.
    pub contractor_initials: String,
    /// Contractor's title.
    pub contractor_title: String,
    /// Contractor's first name.
    pub contractor_firstname: String,
    /// Contractor's last name.
    pub contractor_surname: String,
    /// Owner's initials.
    pub owner_initials: String,
    /// Owner's title.
    pub owner_title: String,
    /// Owner's first name.
    pub owner_firstname: String,
    /// Owner's last name.
    pub owner_surname: String,
    /// Contractor's company name.
    pub company: String,
    /// Current status (`AppointmentStatusIdentifier`).
    #[serde(rename = "appointment_status_identifier")]
    pub status: StatusIdentifier,
    /// When the appointment was last updated (`LastTimestamp`).
    #[serde(rename = "last_update", with = "crate::wire::nullable_time")]
    pub last_timestamp: Option<DateTime<Utc>>,
    /// Name of the last user who worked on the appointment.
    pub last_user: String,
    /// Profile picture URL of that user.
    pub last_user_profile_picture: String,
    /// When that user last worked on the appointment.
    #[serde(with = "crate::wire::nullable_time")]
    pub last_user_at: Option<DateTime<Utc>>,
    /// Approved items still waiting to be fixed (`NumApprovedItemsNotFixed`).
    pub approved_not_fixed_count: i64,
    /// The driver.
    pub customer_driver: Option<Customer>,
    /// The owner.
    pub customer_owner: Option<Customer>,
    /// The contractor.
    pub customer_contract: Option<Customer>,
    /// User who initiated the check.
    pub check_initiator: Option<User>,
    /// The car.
    pub car: Option<Car>,
    /// Car profile picture URL.
    pub car_profile_picture: Option<String>,
    /// Images added during the final check.
    #[serde(default, with = "crate::wire::nullable_vec")]
    pub final_check_images: Vec<FinalCheckImage>,
    /// Videos added during the final check.
    #[serde(default, with = "crate::wire::nullable_vec")]
    pub final_check_videos: Vec<FinalCheckVideo>,
    /// Status history.
    #[serde(default, with = "crate::wire::nullable_vec")]
    pub status_history: Vec<AppointmentStatusHistory>,
    /// Initial interventions.
    #[serde(default, with = "crate::wire::nullable_vec")]
    pub interventions: Vec<Intervention>,
    /// Key of the customer communication sent for this appointment (`CustomcomReceptionistKey`); see [`Appointment::customer_communication_url`].
    pub customcom_key: Option<String>,
    /// Current status name (`AppointmentStatusName`).
    #[serde(rename = "appointment_status_name")]
    pub status_name: String,
    /// Names of the checklists performed (`ChecklistNames`).
    #[serde(default, rename = "checklists", with = "crate::wire::nullable_vec")]
    pub checklist_names: Vec<String>,
    /// Dealer name.
    pub dealer_name: String,
    /// Dealer commercial name.
    pub dealer_commercial_name: String,
    /// Location name.
    pub location_name: String,
    /// Location phone number.
    pub location_phone: String,
    /// Driver id in the DMS (`DriverDMSNr`).
    #[serde(rename = "driver_dms_number")]
    pub driver_dms_nr: Option<String>,
    /// Owner id in the DMS (`OwnerDMSNr`).
    #[serde(rename = "owner_dms_number")]
    pub owner_dms_nr: Option<String>,
    /// Contractor id in the DMS (`ContractDMSNr`).
    #[serde(rename = "contract_dms_number")]
    pub contract_dms_nr: Option<String>,
    /// Car id in the DMS (`CarDMSNr`).
    #[serde(rename = "car_dms_number")]
    pub car_dms_nr: Option<String>,
    /// DMS source of the location.
    pub dms_location_source: Option<String>,
}
