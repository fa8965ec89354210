//! Request and response models, one file (or folder) per resource of the document, named as
//! the document names it (Appointments, Checks, Locations, Tags, Questions, Car, Webhooks),
//! plus the values every resource uses (`common.rs`: ids, users) and the tyre models the Car and
//! QuestionResult models share. Each enumeration of the document's "Models and Enumeration"
//! section lives with the models that use it.
//!
//! Every response struct tolerates unknown fields and reads Go zero values
//! (`"0001-01-01T00:00:00Z"`, `null` slices) as absent. Claire adds enumeration values over
//! time (the webhook trigger list grew from 5 to 19), so every enum keeps a value it does not
//! know in `Unknown` instead of failing the whole response, and writes it back unchanged
//! (partner-core's `open_int_enum!` / `open_enum!`).

/// Go's zero value, 0, as the default of each integer enumeration (a documented variant
/// where 0 is documented, else `Unknown(0)`), so models derive `Default` like Go structs.
// partner-core gap: `open_int_enum!` has no way to declare a `Default`; this macro adds it.
macro_rules! zero_default {
    ($($name:ident),+ $(,)?) => {
        $(impl Default for $name {
            fn default() -> Self {
                $name::from_value(0)
            }
        })+
    };
}

mod appointments;
mod car;
mod checks;
mod common;
mod locations;
mod questions;
mod tags;
mod tyres;
mod webhooks;

pub use appointments::{
    Appointment, AppointmentFilter, AppointmentList, AppointmentStatusHistory,
    CUSTOMER_COMMUNICATION_BASE, CommunicationChannel, Customer, CustomerKind, FinalCheckImage,
    FinalCheckVideo, ImportAppointment, ImportCar, ImportCustomer, ImportIntervention,
    ImportQueued, ImportRequest, Intervention, InterventionAttachment, InterventionElement,
    InterventionElementStatus, InterventionElementType, MAX_IMPORT_BATCH, StatusIdentifier,
    StatusOverride, customer_communication_url,
};
pub use car::{Car, CarNote, MccStatus};
pub use checks::{
    Check, Checklist, QuestionResult, QuestionResultStatus, Snooze, SnoozeDepartment, SnoozeStatus,
    SnoozeType,
};
pub use common::{AppointmentId, CarId, DealerId, LocationId, PublicAccount, User, WebhookId};
pub use locations::DealerLocation;
pub use questions::{Question, QuestionElement, QuestionElementTemplate, Role};
pub use tags::Tag;
pub use tyres::{CarTyres, Season, TruckTyre, Tyre, TyreLocation, TyrePosition, TyreReplacement};
pub use webhooks::{
    CreatedWebhook, Webhook, WebhookError, WebhookErrorPage, WebhookHeader, WebhookTrigger,
    WebhookTriggerId,
};

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_values_are_kept_and_round_trip() {
        let s: StatusIdentifier = serde_json::from_value(json!(77)).unwrap();
        assert_eq!(s, StatusIdentifier::Unknown(77));
        assert_eq!(serde_json::to_value(s).unwrap(), json!(77));
        let t: QuestionElementTemplate = serde_json::from_value(json!("signature")).unwrap();
        assert_eq!(t, QuestionElementTemplate::Unknown("signature".into()));
        assert_eq!(serde_json::to_value(&t).unwrap(), json!("signature"));
    }

    #[test]
    fn documented_values_map_both_ways() {
        assert_eq!(
            StatusIdentifier::from_value(-1),
            StatusIdentifier::Cancelled
        );
        assert_eq!(Season::from_value(-1), Season::NoSeason);
        assert_eq!(
            WebhookTriggerId::from_value(19),
            WebhookTriggerId::PublicApiAppointmentImported
        );
        assert_eq!(SnoozeStatus::from_value(5).value(), 5);
        for v in WebhookTriggerId::ALL {
            assert_eq!(WebhookTriggerId::from_value(v.value()), *v);
        }
        assert_eq!(WebhookTriggerId::ALL.len(), 19);
        assert_eq!(TyrePosition::ALL.len(), 17);
        assert_eq!(StatusIdentifier::ALL.len(), 20);
        assert_eq!(CustomerKind::from_wire("owner"), CustomerKind::Owner);
        assert_eq!(
            serde_json::to_value(QuestionElementTemplate::DropdownMulti).unwrap(),
            json!("dropdown_multi")
        );
        // Go's zero value is a documented variant where 0 is documented.
        assert_eq!(StatusOverride::default(), StatusOverride::None);
        assert_eq!(StatusIdentifier::default(), StatusIdentifier::Unknown(0));
    }
}
