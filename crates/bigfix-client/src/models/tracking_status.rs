//! Tracking status codes of the three documented workflows, numbered visits
//! ("reached customer location - 2") and the workflow an order follows.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The three documented tracking workflows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Workflow {
    /// Service Center Flow: the device goes to a service centre for part replacement.
    ServiceCentre,
    /// Technician Flow: a technician brings the parts.
    Technician,
    /// No Part Call Flow: no part replacement needed.
    NoPartCall,
}

/// A documented status code (the union of the three workflows), or an unknown one kept as
/// sent. Matching ignores case and spaces, so `devicecollectedfromasp` (Service Center and
/// Technician flows) and `device collected from ASP` (No Part Call flow) are one code. That
/// matching (and the "centre"/"center" alias) is why this is not partner-core's `open_enum!`,
/// which only tries the exact and the case-insensitive spelling.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StatusCode {
    /// "created": order created in system.
    Created,
    /// "assigned": assigned to technician.
    Assigned,
    /// "accepted": technician accepted the order.
    Accepted,
    /// "reached customer location" (visits are numbered).
    ReachedCustomerLocation,
    /// "customer not in location".
    CustomerNotInLocation,
    /// "pickup done": device picked up from customer.
    PickupDone,
    /// "estimation raised".
    EstimationRaised,
    /// "verified date": estimation verified.
    VerifiedDate,
    /// "reached service centre" (Service Center flow).
    ReachedServiceCentre,
    /// "part demanded" (Service Center and Technician flows).
    PartDemanded,
    /// "awaiting approval".
    AwaitingApproval,
    /// "approved".
    Approved,
    /// "handed over to ASP" (authorised service provider).
    HandedOverToAsp,
    /// "part allocated" (Service Center and Technician flows).
    PartAllocated,
    /// "part received" (Service Center and Technician flows).
    PartReceived,
    /// "technician visit" (Technician flow).
    TechnicianVisit,
    /// "Servicer visit" (Service Center flow).
    ServicerVisit,
    /// "performing service": device under repair.
    PerformingService,
    /// "diagnosis complete" (No Part Call flow).
    DiagnosisComplete,
    /// "devicecollectedfromasp" / "device collected from ASP".
    DeviceCollectedFromAsp,
    /// "repair completed".
    RepairCompleted,
    /// "delivered": device delivered to customer.
    Delivered,
    /// A code the document does not list, as sent (without a visit number).
    Unknown(String),
}

use StatusCode as S;
use Workflow as W;

const ALL: &[W] = &[W::ServiceCentre, W::Technician, W::NoPartCall];
const WITH_PARTS: &[W] = &[W::ServiceCentre, W::Technician];

impl StatusCode {
    /// Parses a code (case and spaces ignored; unknown codes kept).
    pub fn parse(code: &str) -> Self {
        let key: String = code
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        match key.as_str() {
            "created" => S::Created,
            "assigned" => S::Assigned,
            "accepted" => S::Accepted,
            "reachedcustomerlocation" => S::ReachedCustomerLocation,
            "customernotinlocation" => S::CustomerNotInLocation,
            "pickupdone" => S::PickupDone,
            "estimationraised" => S::EstimationRaised,
            "verifieddate" => S::VerifiedDate,
            "reachedservicecentre" | "reachedservicecenter" => S::ReachedServiceCentre,
            "partdemanded" => S::PartDemanded,
            "awaitingapproval" => S::AwaitingApproval,
            "approved" => S::Approved,
            "handedovertoasp" => S::HandedOverToAsp,
            "partallocated" => S::PartAllocated,
            "partreceived" => S::PartReceived,
            "technicianvisit" => S::TechnicianVisit,
            "servicervisit" => S::ServicerVisit,
            "performingservice" => S::PerformingService,
            "diagnosiscomplete" => S::DiagnosisComplete,
            "devicecollectedfromasp" => S::DeviceCollectedFromAsp,
            "repaircompleted" => S::RepairCompleted,
            "delivered" => S::Delivered,
            _ => S::Unknown(code.trim().to_owned()),
        }
    }

    /// The code as the document spells it.
    pub fn as_str(&self) -> &str {
        match self {
            S::Created => "created",
            S::Assigned => "assigned",
            S::Accepted => "accepted",
            S::ReachedCustomerLocation => "reached customer location",
            S::CustomerNotInLocation => "customer not in location",
            S::PickupDone => "pickup done",
            S::EstimationRaised => "estimation raised",
            S::VerifiedDate => "verified date",
            S::ReachedServiceCentre => "reached service centre",
            S::PartDemanded => "part demanded",
            S::AwaitingApproval => "awaiting approval",
            S::Approved => "approved",
            S::HandedOverToAsp => "handed over to ASP",
            S::PartAllocated => "part allocated",
            S::PartReceived => "part received",
            S::TechnicianVisit => "technician visit",
            S::ServicerVisit => "Servicer visit",
            S::PerformingService => "performing service",
            S::DiagnosisComplete => "diagnosis complete",
            S::DeviceCollectedFromAsp => "device collected from ASP",
            S::RepairCompleted => "repair completed",
            S::Delivered => "delivered",
            S::Unknown(s) => s,
        }
    }

    /// The workflows whose table lists this code (empty for unknown codes).
    pub fn workflows(&self) -> &'static [Workflow] {
        match self {
            S::ReachedServiceCentre | S::ServicerVisit => &[W::ServiceCentre],
            S::TechnicianVisit => &[W::Technician],
            S::DiagnosisComplete => &[W::NoPartCall],
            S::PartDemanded | S::PartAllocated | S::PartReceived => WITH_PARTS,
            S::Unknown(_) => &[],
            _ => ALL,
        }
    }

    /// True for "delivered", the last step of every workflow.
    pub fn is_final(&self) -> bool {
        matches!(self, S::Delivered)
    }
}

impl fmt::Display for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A status as sent (`"reached customer location - 2"`), split into its code and visit
/// number. Serialises back to the exact text received.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct TrackingStatus {
    /// The status code.
    pub code: StatusCode,
    /// The visit number of numbered statuses ("... - 2" is visit 2).
    pub visit: Option<u32>,
    /// The text as received.
    pub raw: String,
}

impl TrackingStatus {
    /// Parses a status text.
    pub fn parse(raw: &str) -> Self {
        let text = raw.trim();
        let (base, visit) = split_visit(text);
        TrackingStatus {
            code: StatusCode::parse(base),
            visit,
            raw: raw.to_owned(),
        }
    }
}

/// `"reached customer location - 2"` -> (`"reached customer location"`, Some(2)).
fn split_visit(text: &str) -> (&str, Option<u32>) {
    let digits_start = text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits_start == text.len() {
        return (text, None);
    }
    let before = text[..digits_start].trim_end();
    let Some(base) = before.strip_suffix('-') else {
        return (text, None);
    };
    let base = base.trim_end();
    match text[digits_start..].parse() {
        Ok(n) if !base.is_empty() => (base, Some(n)),
        _ => (text, None),
    }
}

impl fmt::Display for TrackingStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl Serialize for TrackingStatus {
    fn serialize<S2: Serializer>(&self, s: S2) -> Result<S2::Ok, S2::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for TrackingStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(TrackingStatus::parse(&String::deserialize(d)?))
    }
}
