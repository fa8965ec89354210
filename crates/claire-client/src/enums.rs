//! The enumerations of the document's "Models and Enumeration" section.
//!
//! Claire adds values over time (the webhook trigger list grew from 5 to 19), so every enum
//! keeps a value it does not know in `Unknown` instead of failing the whole response, and
//! writes it back unchanged (partner-core's `open_int_enum!` / `open_enum!`).

partner_core::open_int_enum! {
    /// How a customer prefers to be contacted (`CommunicationChannelID`).
    pub enum CommunicationChannel {
        /// 1: e-mail. The copy lost this description; e-mail is the channel the numbering implies.
        Email = 1,
        /// 2: SMS.
        Sms = 2,
        /// 3: a third party sends the communication link (webhook).
        Webhook = 3,
    }
}

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

partner_core::open_int_enum! {
    /// Car status in MCC (`MCCStatus`).
    pub enum MccStatus {
        /// 0: brand not supported.
        BrandNotSupported = 0,
        /// 1: no card.
        NoCard = 1,
        /// 2: invalid card.
        InvalidCard = 2,
        /// 3: invalid card (bis).
        InvalidCardBis = 3,
        /// 4: expired card.
        ExpiredCard = 4,
    }
}

partner_core::open_enum! {
    /// What kind of answer a question element takes (`QuestionElementTemplate`).
    pub enum QuestionElementTemplate {
        /// Dropdown.
        Dropdown = "dropdown",
        /// Multiple selection dropdown.
        DropdownMulti = "dropdown_multi",
        /// Solution element.
        SolutionElement = "solution_element",
        /// Text field.
        Textfield = "textfield",
        /// Number field.
        Number = "number",
        /// Text area.
        Textarea = "textarea",
        /// Spinner.
        Spinner = "spinner",
        /// Date picker.
        Datepicker = "datepicker",
        /// Tyre element.
        Tyre = "tyre",
        /// Panic element.
        Panic = "panic",
        /// Test drive mileage element.
        TestdriveMileage = "testdrive_mileage",
    }
}

partner_core::open_int_enum! {
    /// Outcome of one checked item (`QuestionResultStatus`).
    pub enum QuestionResultStatus {
        /// 0: OK.
        Ok = 0,
        /// 1: OK with remarks.
        OkWithRemarks = 1,
        /// 2: advised.
        Advised = 2,
        /// 3: necessary.
        Necessary = 3,
        /// 4: not worked on.
        NotWorkedOn = 4,
    }
}

partner_core::open_int_enum! {
    /// A Claire user role (`RoleID`).
    pub enum Role {
        /// 10: top level user role (all permissions).
        TopLevel = 10,
        /// 20: Claire admin.
        ClaireAdmin = 20,
        /// 25: support admin (Claire admin without deleting rights).
        SupportAdmin = 25,
        /// 30: manages the dealers attached to it.
        DealersManager = 30,
        /// 40: manages a single dealer.
        DealerAdmin = 40,
        /// 50: uses the dashboard and does intake ("aanname") checks.
        Receptionist = 50,
        /// 60: does car checks.
        Mechanic = 60,
        /// 70: may use multiple locations of one dealer.
        MultiLocation = 70,
        /// 80: does quality controls.
        QualityControl = 80,
        /// 90: leads, recall and warranty tasks on allowed locations of one or more dealers.
        Warranty = 90,
        /// 100: tablet on the receptionists' counter.
        CounterTablet = 100,
        /// 110: a manufacturer updating data of appointments it was granted access to.
        Manufacturer = 110,
    }
}

partner_core::open_int_enum! {
    /// Tyre season (`Season`).
    pub enum Season {
        /// -1: no season.
        NoSeason = -1,
        /// 0: all season.
        AllSeason = 0,
        /// 1: winter.
        Winter = 1,
        /// 2: summer.
        Summer = 2,
        /// 3: truck.
        Truck = 3,
    }
}

partner_core::open_int_enum! {
    /// Department a snooze is assigned to (`SnoozeDepartmentID`).
    pub enum SnoozeDepartment {
        /// 1: sales.
        Sales = 1,
        /// 2: customer communication center.
        CustomerCommunicationCenter = 2,
        /// 3: body repair.
        BodyRepair = 3,
        /// 4: external.
        External = 4,
        /// 5: digital.
        Digital = 5,
        /// 6: parts.
        Parts = 6,
    }
}

partner_core::open_int_enum! {
    /// Status of a snooze (`SnoozeStatusID`).
    pub enum SnoozeStatus {
        /// 0: deleted.
        Deleted = 0,
        /// 1: new.
        New = 1,
        /// 2: in progress.
        InProgress = 2,
        /// 3: approved.
        Approved = 3,
        /// 4: declined.
        Declined = 4,
        /// 5: the document also calls this value "Declined"; kept apart so it round-trips.
        DeclinedAlt = 5,
        /// 6: done.
        Done = 6,
    }
}

partner_core::open_int_enum! {
    /// Why an item was snoozed (`SnoozeTypeID`).
    pub enum SnoozeType {
        /// 1: for the customer's next visit.
        NextVisit = 1,
        /// 2: to make an offer.
        MakeOffer = 2,
        /// 3: to make a new appointment.
        NewAppointment = 3,
        /// 4: to remind the customer.
        RemindCustomer = 4,
    }
}

partner_core::open_int_enum! {
    /// Appointment status (`StatusIdentifier`). Values 50 to 55 are shown by Claire's own
    /// front end and, per the document, not returned by the backend.
    pub enum StatusIdentifier {
        /// -1: the appointment has been cancelled.
        Cancelled = -1,
        /// 1: initial status of a new appointment.
        New = 1,
        /// 2: a car check is completed.
        CarCheck = 2,
        /// 3: pricing calculation is done.
        Pricing = 3,
        /// 4: the customer approved pricing.
        CustomerOk = 4,
        /// 5: the car is ready.
        CarReady = 5,
        /// 6: a car check is required (set by a receptionist).
        Diagnose = 6,
        /// 7: initial check done by a receptionist.
        AanameDone = 7,
        /// 8: receptionists are calculating prices.
        Calculating = 8,
        /// 9: the customer is being contacted to approve pricing.
        ContactCustomer = 9,
        /// 10: a car check has started.
        CarCheckStarted = 10,
        /// 11: a quality check is completed.
        QualityCheck = 11,
        /// 12: the customer answered through online communication.
        CustomerAnswered = 12,
        /// 13: delayed, waiting on a back order.
        BackOrder = 13,
        /// 50: the receptionist needs to handle the online check-in answer (front end only).
        HandleCheckIn = 50,
        /// 51: the online check-in is answered and handled (front end only).
        CheckInDone = 51,
        /// 52: the car is in the shop (front end only).
        CarInShop = 52,
        /// 53: repair overview sent for car-OK status (front end only).
        CarOkPlusRepairOverview = 53,
        /// 54: repair overview sent for quality-check status (front end only).
        QualityCheckPlusRepairOverview = 54,
        /// 55: the car is out of the shop (front end only).
        CarOutOfShop = 55,
    }
}

partner_core::open_int_enum! {
    /// A manual override of the appointment status (`StatusOverride`).
    pub enum StatusOverride {
        /// 0: none.
        None = 0,
        /// 1: cancelled.
        Canceled = 1,
        /// 2: restored.
        Restored = 2,
    }
}

partner_core::open_int_enum! {
    /// Where a set of tyres is (`TyreLocation`).
    pub enum TyreLocation {
        /// 1: on the car.
        OnCar = 1,
        /// 2: in storage.
        InStorage = 2,
        /// 3: removed from the car.
        RemovedFromCar = 3,
        /// 4: removed from storage.
        RemovedFromStorage = 4,
    }
}

partner_core::open_int_enum! {
    /// Position of a tyre (`TyrePosition`).
    pub enum TyrePosition {
        /// 0: no tyre.
        NoTyre = 0,
        /// 1: car front left.
        CarFrontLeft = 1,
        /// 2: car front right.
        CarFrontRight = 2,
        /// 3: car rear left.
        CarRearLeft = 3,
        /// 4: car rear right.
        CarRearRight = 4,
        /// 5: storage front left.
        StorageFrontLeft = 5,
        /// 6: storage front right.
        StorageFrontRight = 6,
        /// 7: storage rear left.
        StorageRearLeft = 7,
        /// 8: storage rear right.
        StorageRearRight = 8,
        /// 9: car spare.
        CarSpare = 9,
        /// 10: truck left.
        TruckLeft = 10,
        /// 11: truck right.
        TruckRight = 11,
        /// 12: truck exterior left.
        TruckExteriorLeft = 12,
        /// 13: truck exterior right.
        TruckExteriorRight = 13,
        /// 14: truck interior left.
        TruckInteriorLeft = 14,
        /// 15: truck interior right.
        TruckInteriorRight = 15,
        /// 16: truck spare.
        TruckSpare = 16,
    }
}

partner_core::open_int_enum! {
    /// What fires a webhook (`WebhookTriggerID`).
    pub enum WebhookTriggerId {
        /// 1: check created.
        CheckCreated = 1,
        /// 2: offer ready.
        OfferReady = 2,
        /// 3: customer OK.
        CustomerOk = 3,
        /// 4: car ready.
        CarReady = 4,
        /// 5: quality check.
        QualityCheck = 5,
        /// 6: online check-in is available.
        OnlineCheckInAvailable = 6,
        /// 7: online check-in is answered.
        OnlineCheckInAnswered = 7,
        /// 8: diagnose overview is available.
        DiagnoseOverviewAvailable = 8,
        /// 9: diagnose overview update is available.
        DiagnoseOverviewUpdateAvailable = 9,
        /// 10: diagnose overview is answered.
        DiagnoseOverviewAnswered = 10,
        /// 11: repair overview is available.
        RepairOverviewAvailable = 11,
        /// 12: repair overview update is available.
        RepairOverviewUpdateAvailable = 12,
        /// 13: car in shop.
        CarInShop = 13,
        /// 14: car out of shop.
        CarOutOfShop = 14,
        /// 15: online check-in was opened by the customer.
        OnlineCheckInOpened = 15,
        /// 16: diagnose overview was opened by the customer.
        DiagnoseOverviewOpened = 16,
        /// 17: repair overview was opened by the customer.
        RepairOverviewOpened = 17,
        /// 18: "is shop" marker updated.
        IsShopUpdated = 18,
        /// 19: `PublicAPIAppointmentImported`, the result of one appointment of an import batch
        /// (success or failure), sent after the import request has returned.
        PublicApiAppointmentImported = 19,
    }
}

partner_core::open_enum! {
    /// Which customer of an appointment a DMS number belongs to (`customer_kind`).
    pub enum CustomerKind {
        /// The driver.
        Driver = "driver",
        /// The owner.
        Owner = "owner",
        /// The contractor (lease or fleet company).
        Contractor = "contractor",
    }
}

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

zero_default!(
    CommunicationChannel,
    InterventionElementStatus,
    InterventionElementType,
    MccStatus,
    QuestionResultStatus,
    Role,
    Season,
    SnoozeDepartment,
    SnoozeStatus,
    SnoozeType,
    StatusIdentifier,
    StatusOverride,
    TyreLocation,
    TyrePosition,
    WebhookTriggerId
);

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
