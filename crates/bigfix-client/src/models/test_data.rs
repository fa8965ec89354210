//! Sample orders and rows shared by the unit tests.

use super::*;

pub(crate) fn sample_order() -> RepairOrder {
    RepairOrder {
        repair_ref_no: "REP10001".into(),
        client_name: "Acme Warranty".into(),
        name: "Amit Patel".into(),
        customer_mobile: "9876543210".into(),
        customer_email: "amit@example.com".into(),
        engagement_type: EngagementType::Home,
        address_line1: "Flat 301, Tower A".into(),
        address_line2: None,
        city: "Bangalore".into(),
        state: "Karnataka".into(),
        pincode: "560001".into(),
        asset_type: "Laptop".into(),
        make: "Dell".into(),
        model: "XPS 15".into(),
        imei_no: "SN123456789".into(),
        centre_city: "Bangalore".into(),
        issue: "Battery not charging".into(),
        size: "15 inch".into(),
    }
}

pub(crate) fn row(i: usize) -> BulkRow {
    BulkRow {
        repair_ref_no: format!("REP{:05}", 10000 + i),
        name: "Amit Patel".into(),
        customer_mobile: "9876543210".into(),
        customer_email: "amit@example.com".into(),
        engagement_type: if i.is_multiple_of(2) {
            BulkEngagementType::Onsite
        } else {
            BulkEngagementType::Offsite
        },
        address_line1: "Flat 301, Tower A".into(),
        city: "Bangalore".into(),
        state: "Karnataka".into(),
        pincode: "560001".into(),
        asset_type: "Laptop".into(),
        make: "Dell".into(),
        model: "XPS 15".into(),
        imei_no: format!("SN{:09}", i),
        issue: "Battery not charging".into(),
    }
}

pub(crate) fn rows(n: usize) -> Vec<BulkRow> {
    (0..n).map(row).collect()
}
