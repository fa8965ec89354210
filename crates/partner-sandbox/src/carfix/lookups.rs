//! CarFix reference data (3.9 to 3.17): states and their areas, natures of call and the
//! services each needs, puncture types, breakdown causes, car makes, and the workshops of
//! each area. A small fixed set covering the document's examples.

/// `(id, label)` pairs.
type Pairs = &'static [(&'static str, &'static str)];

/// An item with the items under it: `(id, label, children)`.
type Tree = (&'static str, &'static str, Pairs);

/// `(id, label, areas as (id, label))`.
pub(super) const STATES: &[Tree] = &[
    (
        "ST-JHR",
        "Johor",
        &[
            ("AR-JHR-1", "BATU PAHAT"),
            ("AR-JHR-2", "BUKIT INDAH"),
            ("AR-JHR-3", "DESARU"),
        ],
    ),
    ("ST-KDH", "Kedah", &[("AR-KDH-1", "ALOR SETAR")]),
    ("ST-KUL", "Kuala Lumpur", &[("AR-KUL-1", "KUALA LUMPUR")]),
    (
        "ST-NSN",
        "Negeri Sembilan",
        &[
            ("AR-NSN-1", "SEREMBAN"),
            ("AR-NSN-2", "NILAI"),
            ("AR-NSN-3", "PORT DICKSON"),
        ],
    ),
    (
        "ST-SGR",
        "Selangor",
        &[("AR-SGR-1", "SHAH ALAM"), ("AR-SGR-2", "PETALING JAYA")],
    ),
];

/// `(id, label, services as (id, label))`.
pub(super) const NATURES: &[Tree] = &[
    (
        "NC-ACC",
        "Accident",
        &[
            ("SN-ACC-1", "Towing - Tow Truck A"),
            ("SN-ACC-2", "Accident Recovery"),
        ],
    ),
    (
        "NC-BRK",
        "Breakdown",
        &[
            ("SN-BRK-1", "Towing - Tow Truck A"),
            ("SN-BRK-2", "Towing - Vehicle Carrier A"),
            ("SN-BRK-3", "Jump Start"),
            ("SN-BRK-4", "Tyre Change"),
        ],
    ),
    ("NC-EXW", "Extended Warranty", &[]),
    ("NC-ENQ", "General Enquiry", &[]),
    ("NC-OTH", "Others", &[]),
];

/// 3.16: bit values, summed in `TyrePuncture`.
pub(super) const PUNCTURES: &[(i64, &str)] = &[
    (1, "Front Left"),
    (2, "Front Right"),
    (4, "Rear Left"),
    (8, "Rear Right"),
];

/// 3.17.
pub(super) const BREAKDOWN_CAUSES: &[(&str, &str)] = &[
    ("BC-01", "Electrical Fault"),
    ("BC-02", "Engine Problem"),
    ("BC-03", "Flat Battery"),
    ("BC-04", "Flat Tyre"),
    ("BC-05", "Flood"),
    ("BC-06", "Overheat"),
    ("BC-07", "Transmission Problem"),
    ("BC-08", "Unable To Start"),
    ("BC-09", "Unknown"),
];

/// 3.11.
pub(super) const CAR_MAKES: &[&str] = &[
    "ALFA ROMEO",
    "AUDI",
    "BMW",
    "HONDA",
    "MAZDA",
    "PERODUA",
    "PROTON",
    "TOYOTA",
];

/// The workshop (3.9) and RSA workshop (3.10) of an area.
pub(super) fn workshops(area_id: &str, rsa: bool) -> Vec<(String, String)> {
    let Some((_, label)) = STATES
        .iter()
        .flat_map(|s| s.2.iter())
        .find(|(id, _)| *id == area_id)
    else {
        return Vec::new();
    };
    let (prefix, name) = if rsa {
        ("RSA", "TRANSPORT ENTERPRISE")
    } else {
        ("WS", "CARFIX SDN BHD")
    };
    vec![(format!("{prefix}-{area_id}"), format!("{label} {name}"))]
}

/// The area of `state_label` labelled `area_label` (labels are matched ignoring case).
pub(super) fn area_in_state(state_label: &str, area_label: &str) -> bool {
    STATES
        .iter()
        .find(|s| s.1.eq_ignore_ascii_case(state_label))
        .is_some_and(|s| s.2.iter().any(|(_, a)| a.eq_ignore_ascii_case(area_label)))
}

/// The label of service `service_id` when it belongs to nature `nature_id`.
pub(super) fn service_of(nature_id: &str, service_id: &str) -> Option<&'static str> {
    NATURES
        .iter()
        .find(|n| n.0 == nature_id)?
        .2
        .iter()
        .find(|(id, _)| *id == service_id)
        .map(|(_, label)| *label)
}
