//! CarFix cases (3.2 to 3.8, 3.19 to 3.22): create (one open case per vehicle), details
//! with the assigned truck's live position, resolve, rate, arrival time, photos, cancel
//! (check-only quotes the charge), status history and the list by date and vehicle.
//!
//! Lifecycle: `Open` (a towing service gets a truck at once) → `WorkInProgress` (the truck
//! reports a position, or the arrival time is set) → `CaseResolved` (3.5); or `Cancelled`
//! (3.19) before it is resolved. Cancelling costs nothing while no truck is assigned,
//! 50.00 once one is, 100.00 once work is in progress.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use carfix_client::models::cases::{
    ArrivalTimeRequest, CancelCaseRequest, CaseIdRequest, CaseKeyRequest,
};
use carfix_client::{
    CaseListFilter, Coordinate, CreateCaseRequest, InitialCaseRequest, PhotoUpload, RatingRequest,
};
use chrono::NaiveDateTime;
use serde_json::{Value, json};

use super::lookups::{BREAKDOWN_CAUSES, area_in_state, service_of};
use super::{Answer, CarfixSandbox, State, bad_request, dotnet, local_now, not_found};
use crate::server::Call;

/// A case as the sandbox holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseRecord {
    /// `CaseID`.
    pub case_id: String,
    /// `ReferenceNo`.
    pub reference_no: String,
    /// `VehicleNo`.
    pub vehicle_no: String,
    /// Every status it went through, the current one last.
    pub statuses: Vec<String>,
    /// The service label (3.15), when given.
    pub service: Option<String>,
    /// The assigned truck.
    pub truck_no: Option<String>,
    /// Created, truck assigned, arrived, resolved (local time).
    pub created: NaiveDateTime,
    /// When a truck was assigned.
    pub truck_assigned: Option<NaiveDateTime>,
    /// 3.7's arrival time.
    pub arrived: Option<NaiveDateTime>,
    /// When 3.5 resolved it.
    pub resolved: Option<NaiveDateTime>,
    /// Where it happened, and its coordinate as sent.
    pub incident: (String, String),
    /// Where the vehicle is towed to.
    pub tow_destination: Option<(String, String)>,
    /// 3.6's score and remarks.
    pub rating: Option<(u8, String)>,
    /// 3.8's photos (JPEG bytes).
    pub photos: Vec<Vec<u8>>,
}

impl CaseRecord {
    /// The current status.
    pub fn status(&self) -> &str {
        self.statuses.last().map_or("Open", String::as_str)
    }

    fn is_open(&self) -> bool {
        matches!(self.status(), "Open" | "WorkInProgress")
    }

    /// Moves an open case to `status` (a closed one stays as it is).
    pub(super) fn advance_to(&mut self, status: &str) {
        if self.is_open() && self.status() != status {
            self.statuses.push(status.to_owned());
        }
    }

    fn cancellation_charge(&self) -> f64 {
        match (self.status(), &self.truck_no) {
            ("WorkInProgress", _) => 100.0,
            (_, Some(_)) => 50.0,
            _ => 0.0,
        }
    }
}

fn find<'a>(state: &'a mut State, case_id: &str) -> Result<&'a mut CaseRecord, super::Refusal> {
    state
        .cases
        .iter_mut()
        .find(|c| c.case_id == case_id)
        .ok_or_else(|| not_found("case"))
}

/// `{"Result": false, "Message": ...}` inside a 200, as CarFix refuses a case.
fn refused(message: &str) -> Value {
    json!({ "Result": false, "CaseID": null, "Message": message })
}

impl CarfixSandbox {
    /// Case operations; `None` for other operations.
    pub(super) fn case_api(&self, name: &str, call: &Call) -> Option<Answer> {
        let answer = match name {
            "InitialCallCentreCase" => call.validated::<InitialCaseRequest>().map(|r| {
                let coordinate = format!("{},{}", r.location_coordinate.latitude, r.location_coordinate.longitude);
                self.open_case(&r.case_info.vehicle_no, None, (r.incident_location, coordinate), None)
            }),
            "CreateCase" => call.validated::<CreateCaseRequest>().and_then(|r| self.create(&r)),
            "GetCaseDetails" => call.validated::<CaseIdRequest>().and_then(|r| {
                let mut state = self.state();
                let case = find(&mut state, &r.case_id)?.clone();
                let truck = case.truck_no.as_ref().and_then(|no| state.trucks.iter().find(|t| &t.truck_no == no));
                Ok(json!({
                    "VehicleNo": case.vehicle_no,
                    "CaseStatus": case.status(),
                    "CreatedDate": dotnet(case.created),
                    "TruckNo": case.truck_no,
                    "TruckLatitude": truck.map(|t| t.position.0),
                    "TruckLongitude": truck.map(|t| t.position.1),
                    "DriverName": truck.map(|t| t.driver.clone()),
                    "TruckAssignedDate": case.truck_assigned.map(dotnet),
                    "ArrivedTime": case.arrived.map(dotnet),
                    "CaseResolvedDate": case.resolved.map(dotnet),
                    "CaseClosedDate": null,
                    "ServiceConfirmedDate": case.truck_assigned.map(dotnet),
                    "IncidentLocation": case.incident.0,
                    "LocationCoordinate": case.incident.1,
                    "TowDestination": case.tow_destination.as_ref().map(|t| t.0.clone()),
                    "TowDestinationCoordinate": case.tow_destination.as_ref().map(|t| t.1.clone()),
                    "ServiceNeeded": case.service,
                    "InsuranceName": "CARFIX REFERRED",
                    "PolicyDue": "Active",
                    "CoverByUs": null,
                    "PayableByInsured": null,
                    "ImageUrl": "",
                    "InsImageURL": "",
                    "data": [],
                }))
            }),
            "UpdateCaseResolved" => call.validated::<CaseIdRequest>().and_then(|r| {
                let mut state = self.state();
                let case = find(&mut state, &r.case_id)?;
                if !case.is_open() {
                    return Ok(json!({ "Result": false, "Message": format!("Case is {}", case.status()) }));
                }
                case.advance_to("CaseResolved");
                case.resolved = Some(local_now());
                Ok(json!({ "Result": true }))
            }),
            "UpdateCallerSatisfactionRating" => call.validated::<RatingRequest>().and_then(|r| {
                let mut state = self.state();
                let case = find(&mut state, &r.case_id)?;
                if case.status() != "CaseResolved" {
                    return Ok(json!({ "Result": false, "Message": "Only a resolved case can be rated" }));
                }
                case.rating = Some((r.customer_satisfaction_id, r.customer_remarks));
                Ok(json!({ "Result": true }))
            }),
            "UpdateArrivalTime" => call.validated::<ArrivalTimeRequest>().and_then(|r| {
                let mut state = self.state();
                let case = find(&mut state, &r.case_id)?;
                // Checked: a far-future date sent by a client must not overflow the shift.
                let local = r.arrival_date_time.checked_add_signed(chrono::Duration::hours(8));
                let local = local.ok_or_else(|| bad_request("ArrivalDateTime is out of range"))?;
                case.arrived = Some(local.naive_utc());
                case.advance_to("WorkInProgress");
                Ok(json!({ "Result": true }))
            }),
            "UpdateIncidentPhotos" => call.validated::<PhotoUpload>().and_then(|r| {
                // Checked here too: "List of images (.jpg)".
                if !r.jpeg.starts_with(&[0xFF, 0xD8]) {
                    return Err(bad_request("images must be a JPEG"));
                }
                let mut state = self.state();
                find(&mut state, &r.case_id)?.photos.push(r.jpeg);
                Ok(json!({ "Result": true }))
            }),
            "GetIncidentPhotos" => {
                // No body asks for every case's photos; a body must be a valid filter.
                let wanted = if call.body.is_empty() {
                    None
                } else {
                    match call.json::<Value>() {
                        Ok(body) => body["CaseID"].as_str().map(str::to_owned),
                        Err(refusal) => return Some(Err(refusal)),
                    }
                };
                let state = self.state();
                let list: Vec<Value> = state
                    .cases
                    .iter()
                    .filter(|c| !c.photos.is_empty() && wanted.as_ref().is_none_or(|w| *w == c.case_id))
                    .map(|c| json!({
                        "CaseID": c.case_id,
                        "Images": c.photos.iter().enumerate().map(|(i, p)| json!({
                            "FileName": format!("{}-{}.jpg", c.case_id, i + 1),
                            "Base64String": STANDARD.encode(p),
                        })).collect::<Vec<_>>(),
                    }))
                    .collect();
                Ok(json!(list))
            }
            "CancelCase" => call.validated::<CancelCaseRequest>().and_then(|r| {
                let mut state = self.state();
                let case = find(&mut state, &r.key)?;
                let charge = case.cancellation_charge();
                if !case.is_open() {
                    let why = if case.status() == "Cancelled" { "Case already cancelled" } else { "Case already resolved" };
                    return Ok(json!({ "Result": "No", "CaseStatus": case.status(), "CancellationCharges": 0.0, "ErrorMessage": why }));
                }
                if !r.is_check_only {
                    case.advance_to("Cancelled");
                }
                Ok(json!({ "Result": "Yes", "CaseStatus": case.status(), "CancellationCharges": charge, "ErrorMessage": "" }))
            }),
            "GetCaseStatus" => call.validated::<CaseKeyRequest>().map(|r| {
                let mut state = self.state();
                match find(&mut state, &r.key) {
                    Ok(case) => json!({ "Result": "Yes", "CaseStatus": case.statuses }),
                    Err(_) => json!({ "Result": "No", "CaseStatus": [], "ErrorMessage": "Case not found" }),
                }
            }),
            "GetListOfCases" => call.validated::<CaseListFilter>().map(|f| {
                let state = self.state();
                let list: Vec<Value> = state
                    .cases
                    .iter()
                    .filter(|c| f.vehicle_number.as_ref().is_none_or(|v| v.eq_ignore_ascii_case(&c.vehicle_no)))
                    .filter(|c| f.created_from.is_none_or(|from| c.created >= from))
                    .filter(|c| f.created_to.is_none_or(|to| c.created <= to))
                    .map(|c| json!({ "CaseID": c.case_id, "CreatedDate": dotnet(c.created), "ReferenceNo": c.reference_no }))
                    .collect();
                json!(list)
            }),
            _ => return None,
        };
        Some(answer)
    }

    fn create(&self, r: &CreateCaseRequest) -> Answer {
        let info = &r.case_info;
        let service = service_of(&info.nature_of_call, &info.service_needed).ok_or_else(|| {
            bad_request(format!(
                "ServiceNeeded {} is not a service of NatureOfCall {}",
                info.service_needed, info.nature_of_call
            ))
        })?;
        let cause = &r.service_info.breakdown_cause;
        if !cause.is_empty() && !BREAKDOWN_CAUSES.iter().any(|(id, _)| id == cause) {
            return Err(bad_request(format!(
                "BreakDownCause {cause} is not a breakdown cause (3.17)"
            )));
        }
        if !area_in_state(&r.location_state, &r.location_area) {
            return Err(bad_request(format!(
                "LocationArea {} is not an area of LocationState {}",
                r.location_area, r.location_state
            )));
        }
        if let (Some(state), Some(area)) = (&r.tow_destination_state, &r.tow_destination_area)
            && !area_in_state(state, area)
        {
            return Err(bad_request(format!(
                "TowDestinationArea {area} is not an area of TowDestinationState {state}"
            )));
        }
        let coordinate = |c: &Coordinate| format!("{},{}", c.latitude, c.longitude);
        let tow = r.tow_destination.as_ref().map(|t| {
            (
                t.clone(),
                r.tow_destination_coordinate
                    .as_ref()
                    .map(coordinate)
                    .unwrap_or_default(),
            )
        });
        Ok(self.open_case(
            &info.vehicle_no,
            Some(service),
            (
                r.incident_location.clone(),
                coordinate(&r.location_coordinate),
            ),
            tow,
        ))
    }

    /// Opens a case unless the vehicle has one open; towing services get the first truck.
    fn open_case(
        &self,
        vehicle: &str,
        service: Option<&str>,
        incident: (String, String),
        tow: Option<(String, String)>,
    ) -> Value {
        let mut state = self.state();
        if state
            .cases
            .iter()
            .any(|c| c.vehicle_no.eq_ignore_ascii_case(vehicle) && c.is_open())
        {
            return refused("Vehicle has an open case");
        }
        state.next_case += 1;
        let now = local_now();
        let truck_no = service
            .filter(|s| s.starts_with("Towing"))
            .and_then(|_| state.trucks.first())
            .map(|t| t.truck_no.clone());
        let case = CaseRecord {
            case_id: format!("CF{:06}", state.next_case),
            reference_no: format!("REF-{}-{:05}", now.format("%Y%m%d"), state.next_case),
            vehicle_no: vehicle.to_owned(),
            statuses: vec!["Open".to_owned()],
            service: service.map(str::to_owned),
            truck_assigned: truck_no.as_ref().map(|_| now),
            truck_no,
            created: now,
            arrived: None,
            resolved: None,
            incident,
            tow_destination: tow,
            rating: None,
            photos: Vec::new(),
        };
        let id = case.case_id.clone();
        state.cases.push(case);
        json!({ "Result": true, "CaseID": id, "Message": "Case Created Successfully" })
    }
}
