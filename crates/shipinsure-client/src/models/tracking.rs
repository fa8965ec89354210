//! API #2 - insert tracking detail: the events of one tracking number (warehouse, in
//! delivery, failed, ...) and the delivery status they lead to.
//!
//! The copied document lost the table's nesting. Read here: `tracking_time` through
//! `vehicle_number` describe one event of the `tracking_detail` array; `signature` and
//! `image_url`, listed after them, are top-level fields like `tracking_number`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

partner_core::open_enum! {
    /// Where a delivery order stands ("created, in_process, in_delivery, success, fail,
    /// in_return, returned"). Values the document does not list are kept in `Unknown` and
    /// sent back unchanged.
    pub enum DeliveryStatus {
        /// `created`: the order exists.
        Created = "created",
        /// `in_process`: being prepared (picked up, in the warehouse).
        InProcess = "in_process",
        /// `in_delivery`: on its way to the recipient.
        InDelivery = "in_delivery",
        /// `success`: delivered.
        Success = "success",
        /// `fail`: delivery failed.
        Fail = "fail",
        /// `in_return`: on its way back to the sender.
        InReturn = "in_return",
        /// `returned`: back with the sender.
        Returned = "returned",
    }
}

/// One tracking event (an item of `tracking_detail`).
///
/// Build one with [`TrackingEvent::new`] and the `with_*` setters:
///
/// ```
/// use chrono::Utc;
/// use shipinsure_client::TrackingEvent;
/// let event = TrackingEvent::new(Utc::now())
///     .with_tracking_status("Out for delivery")
///     .with_handler_name("Tran B");
/// assert_eq!(event.handler_name.as_deref(), Some("Tran B"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TrackingEvent {
    /// `tracking_time` (required): when it happened, sent as `2022-04-06T06:05:00.528Z`.
    #[serde(with = "crate::wire::timestamp")]
    pub tracking_time: DateTime<Utc>,
    /// `tracking_status`: the carrier's own status text for this event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_status: Option<String>,
    /// `contact_phone_number`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_phone_number: Option<String>,
    /// `contact_email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    /// `handler_name`: who handled the parcel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler_name: Option<String>,
    /// `end_address`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_address: Option<String>,
    /// `start_address`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_address: Option<String>,
    /// `tracking_desctiption` on the wire (the document's spelling, sent as documented;
    /// `tracking_description` is accepted when reading).
    #[serde(
        rename = "tracking_desctiption",
        alias = "tracking_description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// `order_id`: the partner's own order reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// `vehicle_type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicle_type: Option<String>,
    /// `vehicle_number`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicle_number: Option<String>,
}

impl TrackingEvent {
    /// An event at `tracking_time` with no optional details.
    pub fn new(tracking_time: DateTime<Utc>) -> Self {
        TrackingEvent {
            tracking_time,
            tracking_status: None,
            contact_phone_number: None,
            contact_email: None,
            handler_name: None,
            end_address: None,
            start_address: None,
            description: None,
            order_id: None,
            vehicle_type: None,
            vehicle_number: None,
        }
    }
}

optional_text_setters!(TrackingEvent {
    /// Sets `tracking_status`.
    with_tracking_status => tracking_status,
    /// Sets `contact_phone_number`.
    with_contact_phone_number => contact_phone_number,
    /// Sets `contact_email`.
    with_contact_email => contact_email,
    /// Sets `handler_name`.
    with_handler_name => handler_name,
    /// Sets `end_address`.
    with_end_address => end_address,
    /// Sets `start_address`.
    with_start_address => start_address,
    /// Sets `tracking_desctiption` (the document's spelling on the wire).
    with_description => description,
    /// Sets `order_id`.
    with_order_id => order_id,
    /// Sets `vehicle_type`.
    with_vehicle_type => vehicle_type,
    /// Sets `vehicle_number`.
    with_vehicle_number => vehicle_number,
});

/// The body of API #2, without the `signature` (the client adds it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TrackingDetailRequest {
    /// `tracking_number` (required): the order the events belong to; part of the signature.
    pub tracking_number: String,
    /// `delivery_status` (required): the status the order is in after these events.
    pub delivery_status: DeliveryStatus,
    /// `tracking_detail` (required, at least one event).
    #[serde(rename = "tracking_detail")]
    pub events: Vec<TrackingEvent>,
    /// `image_url`: a photo (such as proof of delivery).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
}

impl TrackingDetailRequest {
    /// A request with every required field.
    pub fn new(
        tracking_number: impl Into<String>,
        delivery_status: DeliveryStatus,
        events: Vec<TrackingEvent>,
    ) -> Self {
        TrackingDetailRequest {
            tracking_number: tracking_number.into(),
            delivery_status,
            events,
            image_url: None,
        }
    }
}

optional_text_setters!(TrackingDetailRequest {
    /// Adds `image_url`.
    with_image_url => image_url,
});

/// The answer to API #2 when its `status` says success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TrackingDetailResponse {
    /// `status` as the vendor sent it (a success spelling; failures are errors).
    #[serde(deserialize_with = "crate::wire::status_text")]
    pub status: String,
    /// `message`.
    #[serde(default)]
    pub message: Option<String>,
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use serde_json::json;

    use super::*;

    #[test]
    fn event_uses_documented_names_including_the_typo() {
        let event = TrackingEvent::new(Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap())
            .with_description("left the hub")
            .with_vehicle_number("51C-123");
        let req = TrackingDetailRequest::new("T1", DeliveryStatus::InDelivery, vec![event])
            .with_image_url("https://img");
        let got = serde_json::to_value(&req).unwrap();
        assert_eq!(
            got,
            json!({
                "tracking_number": "T1", "delivery_status": "in_delivery", "image_url": "https://img",
                "tracking_detail": [{"tracking_time": "2026-11-23T08:00:00.000Z",
                                     "tracking_desctiption": "left the hub", "vehicle_number": "51C-123"}]
            })
        );
        assert_eq!(
            serde_json::from_value::<TrackingDetailRequest>(got).unwrap(),
            req
        );
    }

    #[test]
    fn every_event_setter_fills_its_own_wire_field() {
        let event = TrackingEvent::new(Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap())
            .with_tracking_status("TS")
            .with_contact_phone_number("CP")
            .with_contact_email("CE")
            .with_handler_name("HN")
            .with_end_address("EA")
            .with_start_address("SA")
            .with_description("TD")
            .with_order_id("OI")
            .with_vehicle_type("VT")
            .with_vehicle_number("VN");
        assert_eq!(
            serde_json::to_value(&event).unwrap(),
            json!({
                "tracking_time": "2026-11-23T08:00:00.000Z", "tracking_status": "TS",
                "contact_phone_number": "CP", "contact_email": "CE", "handler_name": "HN",
                "end_address": "EA", "start_address": "SA", "tracking_desctiption": "TD",
                "order_id": "OI", "vehicle_type": "VT", "vehicle_number": "VN"
            })
        );
    }

    #[test]
    fn corrected_spelling_is_read_too() {
        let e: TrackingEvent = serde_json::from_value(
            json!({"tracking_time": "2026-11-23T08:00:00Z", "tracking_description": "x"}),
        )
        .unwrap();
        assert_eq!(e.description.as_deref(), Some("x"));
    }

    #[test]
    fn every_documented_value_round_trips() {
        let wire = [
            "created",
            "in_process",
            "in_delivery",
            "success",
            "fail",
            "in_return",
            "returned",
        ];
        assert_eq!(DeliveryStatus::ALL.len(), wire.len());
        for (status, text) in DeliveryStatus::ALL.iter().zip(wire) {
            let json = serde_json::to_string(status).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            let back: DeliveryStatus = serde_json::from_str(&json).unwrap();
            assert_eq!(&back, status);
            assert!(!back.is_unknown(), "{text} is documented");
            assert_eq!(status.to_string(), text);
        }
    }

    #[test]
    fn unknown_values_are_kept() {
        let s: DeliveryStatus = serde_json::from_str("\"lost_in_transit\"").unwrap();
        assert_eq!(s, DeliveryStatus::Unknown("lost_in_transit".into()));
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"lost_in_transit\"");
        // Other casing reads as the documented value and is written in the document's spelling.
        let s: DeliveryStatus = serde_json::from_str("\"In_Delivery\"").unwrap();
        assert_eq!(s, DeliveryStatus::InDelivery);
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"in_delivery\"");
    }
}
