//! 3.3 Create Case: the full case, and the answer to both 3.2 and 3.3 (the call centre's
//! quick case is in [`super::initial`]). Its rules are in [`crate::validate`].

use serde::{Deserialize, Serialize};

use crate::wire::{Coordinate, TyrePunctures};

/// The vehicle and caller block of 3.3 Create Case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CaseInfo {
    /// Vehicle registration number, at most 30 characters.
    #[serde(rename = "VehicleNo")]
    pub vehicle_no: String,
    /// Nature of call id from [`crate::Lookups::nature_of_calls`].
    #[serde(rename = "NatureOfCall")]
    pub nature_of_call: String,
    /// Service id from [`crate::Lookups::services_needed`].
    #[serde(rename = "ServiceNeeded")]
    pub service_needed: String,
    /// Car make (a label from [`crate::Lookups::car_makes`]), at most 50 characters.
    #[serde(rename = "Make")]
    pub make: String,
    /// Car model, at most 200 characters.
    #[serde(rename = "Model")]
    pub model: String,
    /// Transmission type (`"Manual"`), at most 100 characters. Wire name `Type`.
    #[serde(rename = "Type")]
    pub transmission: String,
    /// Caller's name, at most 100 characters.
    #[serde(rename = "CallerName")]
    pub caller_name: String,
    /// Caller's phone number with country code (`60123456789`), at most 50 characters.
    #[serde(rename = "CallerContactNo")]
    pub caller_contact_no: String,
    /// Insured's email, at most 100 characters.
    #[serde(rename = "InsuredEmail")]
    pub insured_email: String,
}

impl CaseInfo {
    /// The vehicle and what it needs: registration number, nature of call id (3.14),
    /// service id (3.15) and the caller's number (`60123456789`). Make, model, transmission,
    /// caller name and insured email start blank; set them with the methods below.
    ///
    /// ```
    /// use carfix_client::CaseInfo;
    /// let info = CaseInfo::new("ABC1234", "nature-id", "service-id", "60123456789")
    ///     .vehicle("PERODUA", "PERODUA MYVI 1.3EZ1", "Manual")
    ///     .caller_name("Lana")
    ///     .insured_email("lana@gmail.com");
    /// assert_eq!(info.transmission, "Manual");
    /// ```
    pub fn new(
        vehicle_no: impl Into<String>,
        nature_of_call: impl Into<String>,
        service_needed: impl Into<String>,
        caller_contact_no: impl Into<String>,
    ) -> Self {
        CaseInfo {
            vehicle_no: vehicle_no.into(),
            nature_of_call: nature_of_call.into(),
            service_needed: service_needed.into(),
            make: String::new(),
            model: String::new(),
            transmission: String::new(),
            caller_name: String::new(),
            caller_contact_no: caller_contact_no.into(),
            insured_email: String::new(),
        }
    }

    /// Make (a 3.11 label, at most 50), model (at most 200) and transmission type (`Type`,
    /// at most 100).
    #[must_use]
    pub fn vehicle(
        mut self,
        make: impl Into<String>,
        model: impl Into<String>,
        transmission: impl Into<String>,
    ) -> Self {
        self.make = make.into();
        self.model = model.into();
        self.transmission = transmission.into();
        self
    }

    /// The caller's name (at most 100).
    #[must_use]
    pub fn caller_name(mut self, name: impl Into<String>) -> Self {
        self.caller_name = name.into();
        self
    }

    /// The insured's email (at most 100).
    #[must_use]
    pub fn insured_email(mut self, email: impl Into<String>) -> Self {
        self.insured_email = email.into();
        self
    }
}

/// What is wrong with the vehicle (3.3 `ServiceInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[non_exhaustive]
pub struct ServiceInfo {
    /// Breakdown cause id from [`crate::Lookups::breakdown_causes`].
    #[serde(rename = "BreakDownCause")]
    pub breakdown_cause: String,
    /// The car is lowered (matters for the tow truck).
    #[serde(rename = "IsLowered")]
    pub is_lowered: bool,
    /// The steering is locked.
    #[serde(rename = "SteeringCantTurn")]
    pub steering_cant_turn: bool,
    /// The gear lever is stuck.
    #[serde(rename = "GearCantMove")]
    pub gear_cant_move: bool,
    /// The hand brake is stuck on. Wire name `HandBreakCantRelease` (sic).
    #[serde(rename = "HandBreakCantRelease")]
    pub hand_brake_cant_release: bool,
    /// The car is in a basement or on a roof top.
    #[serde(rename = "BasementORRoofTop")]
    pub basement_or_roof_top: bool,
    /// The car blocks traffic.
    #[serde(rename = "IsCarBlocking")]
    pub is_car_blocking: bool,
    /// The spare tyre is usable.
    #[serde(rename = "IsSpareTyreGoodCondition")]
    pub is_spare_tyre_good_condition: bool,
    /// Special tools and a locking wheel nut key are at hand.
    #[serde(rename = "IsSpecialToolsAndNutAvailable")]
    pub is_special_tools_and_nut_available: bool,
    /// Punctured tyres (sent as the sum of 3.16's ids).
    #[serde(rename = "TyrePuncture")]
    pub tyre_puncture: TyrePunctures,
}

impl ServiceInfo {
    /// Service info with a breakdown cause id and every flag false.
    pub fn new(breakdown_cause: impl Into<String>) -> Self {
        ServiceInfo {
            breakdown_cause: breakdown_cause.into(),
            ..Self::default()
        }
    }
}

/// 3.3 Create Case.
///
/// States and areas take the *label* 3.12/3.13 return (the document says so); nature of
/// call, service needed and breakdown cause take the *id*.
///
/// ```
/// use carfix_client::{CaseInfo, Coordinate, CreateCaseRequest, ServiceInfo, TyrePosition, TyrePunctures};
/// let here = Coordinate::new(2.725889, 101.9378239).unwrap();
/// let mut service = ServiceInfo::new("cause-id");
/// service.tyre_puncture = TyrePunctures::of([TyrePosition::FrontLeft]);
/// let req = CreateCaseRequest::new(
///     CaseInfo::new("ABC1234", "noc-id", "service-id", "60123456789")
///         .vehicle("PERODUA", "PERODUA MYVI 1.3EZ1", "Manual")
///         .caller_name("Lana")
///         .insured_email("lana@gmail.com"),
///     service,
///     "70300 SEREMBAN, NEGERI SEMBILAN, MALAYSIA", here, "NEGERI SEMBILAN", "SEREMBAN",
/// )
/// .panel_workshop("WORKSHOP A")
/// .tow_to("70300 SEREMBAN", here, "NEGERI SEMBILAN", "SEREMBAN");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateCaseRequest {
    /// Vehicle and caller.
    #[serde(rename = "CaseInfo")]
    pub case_info: CaseInfo,
    /// What is wrong.
    #[serde(rename = "ServiceInfo")]
    pub service_info: ServiceInfo,
    /// Incident address, at most 300 characters.
    #[serde(rename = "IncidentLocation")]
    pub incident_location: String,
    /// Incident position.
    #[serde(rename = "LocationCoordinate")]
    pub location_coordinate: Coordinate,
    /// State label from [`crate::Lookups::states`].
    #[serde(rename = "LocationState")]
    pub location_state: String,
    /// Area label from [`crate::Lookups::areas`].
    #[serde(rename = "LocationArea")]
    pub location_area: String,
    /// Panel workshop name, at most 300 characters. This and the other optional values
    /// below are sent as `""` when `None`: the document's example sends every key.
    #[serde(
        rename = "PanelWorkshopName",
        default,
        with = "crate::wire::blank_if_none"
    )]
    pub panel_workshop_name: Option<String>,
    /// Other workshop name, at most 300 characters; must be blank when a panel workshop is given.
    #[serde(rename = "WorkshopName", default, with = "crate::wire::blank_if_none")]
    pub workshop_name: Option<String>,
    /// Tow destination address, at most 300 characters.
    #[serde(
        rename = "TowDestination",
        default,
        with = "crate::wire::blank_if_none"
    )]
    pub tow_destination: Option<String>,
    /// Tow destination position.
    #[serde(
        rename = "TowDestinationCoordinate",
        default,
        with = "crate::wire::coordinate::blank_if_none"
    )]
    pub tow_destination_coordinate: Option<Coordinate>,
    /// Tow destination state label.
    #[serde(
        rename = "TowDestinationState",
        default,
        with = "crate::wire::blank_if_none"
    )]
    pub tow_destination_state: Option<String>,
    /// Tow destination area label.
    #[serde(
        rename = "TowDestinationArea",
        default,
        with = "crate::wire::blank_if_none"
    )]
    pub tow_destination_area: Option<String>,
}

impl CreateCaseRequest {
    /// A case with its required parts; add a workshop and a tow destination with the
    /// builder methods.
    pub fn new(
        case_info: CaseInfo,
        service_info: ServiceInfo,
        incident_location: impl Into<String>,
        location_coordinate: Coordinate,
        location_state: impl Into<String>,
        location_area: impl Into<String>,
    ) -> Self {
        CreateCaseRequest {
            case_info,
            service_info,
            incident_location: incident_location.into(),
            location_coordinate,
            location_state: location_state.into(),
            location_area: location_area.into(),
            panel_workshop_name: None,
            workshop_name: None,
            tow_destination: None,
            tow_destination_coordinate: None,
            tow_destination_state: None,
            tow_destination_area: None,
        }
    }

    /// Sends the case to a panel workshop (and `WorkshopName` blank, as 3.3 requires).
    #[must_use]
    pub fn panel_workshop(mut self, name: impl Into<String>) -> Self {
        self.panel_workshop_name = Some(name.into());
        self.workshop_name = Some(String::new());
        self
    }

    /// Sends the case to a workshop outside the panel (and `PanelWorkshopName` blank).
    #[must_use]
    pub fn other_workshop(mut self, name: impl Into<String>) -> Self {
        self.panel_workshop_name = Some(String::new());
        self.workshop_name = Some(name.into());
        self
    }

    /// Where to tow the car: address, position, state label and area label.
    #[must_use]
    pub fn tow_to(
        mut self,
        destination: impl Into<String>,
        coordinate: Coordinate,
        state: impl Into<String>,
        area: impl Into<String>,
    ) -> Self {
        self.tow_destination = Some(destination.into());
        self.tow_destination_coordinate = Some(coordinate);
        self.tow_destination_state = Some(state.into());
        self.tow_destination_area = Some(area.into());
        self
    }
}

/// The answer to 3.2 and 3.3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CaseCreated {
    /// The new case's id, used by every later case call.
    #[serde(rename = "CaseID", default)]
    pub case_id: Option<String>,
    /// CarFix's message ("Case Created Successfully").
    #[serde(rename = "Message", default)]
    pub message: Option<String>,
    /// True when the case was created.
    #[serde(rename = "Result", default)]
    pub result: bool,
}
