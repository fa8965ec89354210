//! Unit tests of tracking parsing: status codes of each workflow, numbered visits, the
//! empty answer.

use serde_json::json;

use super::*;
use crate::models::tracking_status::{StatusCode, TrackingStatus, Workflow};

fn event(date: &str, status: &str) -> serde_json::Value {
    json!({"date": date, "status": status})
}

fn body(events: &[(&str, &str)]) -> Vec<u8> {
    let details: Vec<_> = events.iter().map(|(d, s)| event(d, s)).collect();
    let last = details.last().cloned().unwrap_or(serde_json::Value::Null);
    serde_json::to_vec(&json!({
        "Success": "True",
        "Status_code": "200",
        "DATA": {"current_status": last, "tracking_details": details}
    }))
    .unwrap()
}

#[test]
fn service_centre_flow() {
    let t = Tracking::from_json(
        "R1",
        &body(&[
            ("20-11-2026 10:00:00", "created"),
            ("20-11-2026 11:00:00", "assigned"),
            ("21-11-2026 09:30:00", "pickup done"),
            ("22-11-2026 12:00:00", "reached service centre"),
            ("22-11-2026 15:00:00", "part demanded"),
            ("23-11-2026 10:00:00", "devicecollectedfromasp"),
            ("23-11-2026 18:00:00", "Servicer visit"),
        ]),
    )
    .unwrap();
    assert_eq!(t.workflow(), Some(Workflow::ServiceCentre));
    assert_eq!(t.history.len(), 7);
    assert_eq!(t.history[5].status.code, StatusCode::DeviceCollectedFromAsp);
    assert_eq!(
        t.current_status().unwrap().status.code,
        StatusCode::ServicerVisit
    );
    assert_eq!(
        t.current_status().unwrap().date.to_string(),
        "23-11-2026 18:00:00"
    );
    assert!(t.has_started() && !t.is_delivered());
    assert_eq!((t.success, t.status_code), (Some(true), Some(200)));
}

#[test]
fn technician_flow() {
    let t = Tracking::from_json(
        "R2",
        &body(&[
            ("20-11-2026 10:00:00", "part received"),
            ("21-11-2026 10:00:00", "technician visit"),
            ("22-11-2026 10:00:00", "delivered"),
        ]),
    )
    .unwrap();
    assert_eq!(t.workflow(), Some(Workflow::Technician));
    assert!(t.is_delivered());
    assert_eq!(
        StatusCode::PartReceived.workflows(),
        &[Workflow::ServiceCentre, Workflow::Technician]
    );
}

#[test]
fn no_part_call_flow_and_spelling_variants() {
    let t = Tracking::from_json(
        "R3",
        &body(&[
            ("20-11-2026 10:00:00", "diagnosis complete"),
            ("21-11-2026 10:00:00", "device collected from ASP"),
        ]),
    )
    .unwrap();
    assert_eq!(t.workflow(), Some(Workflow::NoPartCall));
    assert_eq!(t.history[1].status.code, StatusCode::DeviceCollectedFromAsp);
    assert_eq!(
        StatusCode::parse("Handed Over To ASP"),
        StatusCode::HandedOverToAsp
    );
    assert_eq!(
        StatusCode::parse("reached service center"),
        StatusCode::ReachedServiceCentre
    );
}

#[test]
fn numbered_visits_are_split_into_code_and_number() {
    let s = TrackingStatus::parse("reached customer location - 2");
    assert_eq!(
        (s.code.clone(), s.visit),
        (StatusCode::ReachedCustomerLocation, Some(2))
    );
    assert_eq!(s.to_string(), "reached customer location - 2");
    let s = TrackingStatus::parse("customer not in location-11");
    assert_eq!(
        (s.code, s.visit),
        (StatusCode::CustomerNotInLocation, Some(11))
    );
    let s = TrackingStatus::parse("reached customer location");
    assert_eq!(s.visit, None);
    // Digits without the " - " separator are part of an unknown code, not a visit.
    let s = TrackingStatus::parse("stage 3");
    assert_eq!(
        (s.code, s.visit),
        (StatusCode::Unknown("stage 3".into()), None)
    );
    let s = TrackingStatus::parse("- 4");
    assert_eq!(s.visit, None);

    let t = Tracking::from_json(
        "R4",
        &body(&[
            ("20-11-2026 10:00:00", "reached customer location - 1"),
            ("20-11-2026 10:05:00", "customer not in location - 1"),
            ("21-11-2026 10:00:00", "reached customer location - 2"),
        ]),
    )
    .unwrap();
    assert_eq!(t.count(&StatusCode::ReachedCustomerLocation), 2);
    assert_eq!(t.current.as_ref().unwrap().status.visit, Some(2));
    assert_eq!(t.workflow(), None, "visits alone do not tell the workflow");
}

#[test]
fn unknown_codes_are_kept_and_serialised_back() {
    let t =
        Tracking::from_json("R5", &body(&[("20-11-2026 10:00:00", "quality check - 3")])).unwrap();
    let status = &t.history[0].status;
    assert_eq!(status.code, StatusCode::Unknown("quality check".into()));
    assert_eq!(status.visit, Some(3));
    assert!(status.code.workflows().is_empty());
    assert_eq!(
        serde_json::to_value(&t.history[0]).unwrap(),
        event("20-11-2026 10:00:00", "quality check - 3")
    );
}

#[test]
fn no_tracking_yet_is_an_empty_result_in_every_plausible_shape() {
    for body in [
        json!({"Success": "False", "Status_code": "200", "Message": "No tracking information available"}),
        json!({"Success": "True", "Status_code": "200", "Message": "No tracking information available", "DATA": {}}),
        json!({"Success": "True", "Status_code": "200", "DATA": null}),
        json!({"Success": "True", "Status_code": "200", "DATA": []}),
        json!({"Success": "True", "Status_code": "200", "DATA": {"current_status": null, "tracking_details": []}}),
    ] {
        let t = Tracking::from_json("R6", &serde_json::to_vec(&body).unwrap()).unwrap();
        assert!(!t.has_started(), "{body}");
        assert_eq!(t.status_code, Some(200));
        assert_eq!(t.success, Some(body["Success"] == "True"));
        assert!(t.current_status().is_none() && t.history.is_empty());
        assert_eq!(t.reference_id, "R6");
    }
}

#[test]
fn a_bad_date_is_a_decode_error_naming_the_field() {
    let bad = serde_json::to_vec(
        &json!({"DATA": {"tracking_details": [{"date": "2026-11-20", "status": "created"}]}}),
    )
    .unwrap();
    match Tracking::from_json("R7", &bad) {
        Err(partner_core::Error::Decode { path, .. }) => {
            assert_eq!(path, "DATA.tracking_details[0].date");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[test]
fn null_or_absent_lists_and_odd_data_hold_no_events() {
    for body in [
        json!({"Success": "True", "DATA": {"current_status": null, "tracking_details": null}}),
        json!({"Success": "True", "DATA": {"tracking_details": null}}),
        json!({"Success": "True", "DATA": {"current_status": {"date": "20-11-2026 10:00:00", "status": "created"}}}),
        json!({"Success": "True", "DATA": "none"}),
        json!({"Success": "True", "DATA": [1, 2]}),
        json!({"DATA": {"unknown": {"nested": [null]}}}),
    ] {
        let t = Tracking::from_json("R8", &serde_json::to_vec(&body).unwrap()).unwrap();
        assert!(t.history.is_empty(), "{body}");
    }
    let stored: Tracking = serde_json::from_value(
        json!({"reference_id": "R9", "current": null, "history": null, "message": null}),
    )
    .unwrap();
    assert!(stored.history.is_empty());
}
