//! Case calls: open (3.2, 3.3), read (3.4, 3.20, 3.21), update (3.5 to 3.7), cancel (3.19).

use chrono::{DateTime, NaiveDateTime, Utc};
use partner_core::{Error, Request};

use crate::client::Parts;
use crate::models::cases::{
    ArrivalTimeRequest, CancelCaseRequest, Cancellation, CaseCreated, CaseDetails, CaseIdRequest,
    CaseKeyRequest, CaseListFilter, CaseStatusReport, CaseSummary, CreateCaseRequest,
    InitialCaseRequest, RatingRequest,
};
use crate::models::common::{Acknowledgement, rejected};
use crate::operations::names;

/// Case calls; from [`crate::AffiliateClient::cases`].
#[derive(Debug, Clone, Copy)]
pub struct Cases<'a> {
    pub(crate) parts: &'a Parts,
}

fn created(op: &'static str, c: CaseCreated) -> Result<String, Error> {
    match (c.result, c.case_id) {
        (true, Some(id)) if !id.trim().is_empty() => Ok(id),
        (_, _) => Err(rejected(op, c.message, "no case created")),
    }
}

impl<'a> Cases<'a> {
    /// 3.2 Initial Call Centre Case: opens a case from the first call; returns the case id.
    ///
    /// ```no_run
    /// use carfix_client::{Coordinate, InitialCaseRequest};
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let at = Coordinate::new(2.725889, 101.9378239).expect("valid position");
    /// let req = InitialCaseRequest::new("ABC1234", "60123456789", "Wong Wai Yan", "70300 SEREMBAN", at);
    /// let case_id = carfix.cases().create_initial(&req).await?;
    /// # let _ = case_id; Ok(()) }
    /// ```
    pub async fn create_initial(&self, req: &InitialCaseRequest) -> Result<String, Error> {
        let c: CaseCreated = self
            .parts
            .call(names::INITIAL_CALL_CENTRE_CASE, req)
            .await?;
        created(names::INITIAL_CALL_CENTRE_CASE, c)
    }

    /// 3.3 Create Case: opens a full case; returns the case id. `"Result": false` is
    /// [`Error::Rejected`] with CarFix's message. Not retried automatically (it creates).
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient, req: carfix_client::CreateCaseRequest) -> Result<(), partner_core::Error> {
    /// let case_id = carfix.cases().create(&req).await?;
    /// println!("case {case_id}");
    /// # Ok(()) }
    /// ```
    pub async fn create(&self, req: &CreateCaseRequest) -> Result<String, Error> {
        let c: CaseCreated = self.parts.call(names::CREATE_CASE, req).await?;
        created(names::CREATE_CASE, c)
    }

    /// 3.4 Get Case Details.
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let case = carfix.cases().get("case-id").await?;
    /// println!("{:?} truck {:?}", case.case_status, case.truck_no);
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, case_id: &str) -> Result<CaseDetails, Error> {
        self.parts
            .call(
                names::GET_CASE_DETAILS,
                &CaseIdRequest {
                    case_id: case_id.to_owned(),
                },
            )
            .await
    }

    /// 3.5 Update Case Resolved.
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// carfix.cases().mark_resolved("case-id").await?;
    /// # Ok(()) }
    /// ```
    pub async fn mark_resolved(&self, case_id: &str) -> Result<(), Error> {
        let body = CaseIdRequest {
            case_id: case_id.to_owned(),
        };
        let ack: Acknowledgement = self.parts.call(names::UPDATE_CASE_RESOLVED, &body).await?;
        ack.check(names::UPDATE_CASE_RESOLVED)
    }

    /// 3.6 Update Caller Satisfaction Rating (0 to 5, remarks up to 200 characters).
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// carfix.cases().rate("case-id", 5, "Fast and friendly").await?;
    /// # Ok(()) }
    /// ```
    pub async fn rate(&self, case_id: &str, rating: u8, remarks: &str) -> Result<(), Error> {
        let body = RatingRequest::new(case_id, rating, remarks);
        let ack: Acknowledgement = self
            .parts
            .call(names::UPDATE_CALLER_SATISFACTION_RATING, &body)
            .await?;
        ack.check(names::UPDATE_CALLER_SATISFACTION_RATING)
    }

    /// 3.7 Update Arrival Time: when the provider reached the car.
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// carfix.cases().set_arrival_time("case-id", chrono::Utc::now()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn set_arrival_time(
        &self,
        case_id: &str,
        arrived: DateTime<Utc>,
    ) -> Result<(), Error> {
        let body = ArrivalTimeRequest {
            case_id: case_id.to_owned(),
            arrival_date_time: arrived,
        };
        let ack: Acknowledgement = self.parts.call(names::UPDATE_ARRIVAL_TIME, &body).await?;
        ack.check(names::UPDATE_ARRIVAL_TIME)
    }

    /// 3.19 with `IsCheckOnly: "true"`: what cancelling would cost, without cancelling.
    /// `result` false means the case cannot be cancelled (see `error_message`).
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let quote = carfix.cases().quote_cancellation("case-id").await?;
    /// println!("cancelling costs {:?}", quote.cancellation_charges);
    /// # Ok(()) }
    /// ```
    pub async fn quote_cancellation(&self, case_id: &str) -> Result<Cancellation, Error> {
        let body = CancelCaseRequest {
            key: case_id.to_owned(),
            is_check_only: true,
        };
        self.parts.check(&body)?;
        // Only a check: safe to resend even though the operation itself is not.
        let req = Request::new(names::CANCEL_CASE)
            .json(&body)?
            .retry_unsafe(true);
        self.parts.client.send_json(req).await
    }

    /// 3.19 with `IsCheckOnly: "false"`: cancels the case. `"Result": "No"` is
    /// [`Error::Rejected`] carrying CarFix's `ErrorMessage`.
    ///
    /// ```no_run
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let done = carfix.cases().cancel("case-id").await?;
    /// println!("status {:?}, charged {:?}", done.case_status, done.cancellation_charges);
    /// # Ok(()) }
    /// ```
    pub async fn cancel(&self, case_id: &str) -> Result<Cancellation, Error> {
        let body = CancelCaseRequest {
            key: case_id.to_owned(),
            is_check_only: false,
        };
        let c: Cancellation = self.parts.call(names::CANCEL_CASE, &body).await?;
        if c.result {
            Ok(c)
        } else {
            Err(rejected(names::CANCEL_CASE, c.error_message, "Result: No"))
        }
    }

    /// 3.20 Get Case Status. `"Result": "No"` is [`Error::Rejected`].
    ///
    /// The document's answer lists every status, so a list does not tell the current one:
    /// [`CaseStatusReport::current`] is `Some` only when CarFix sent exactly one. The way to
    /// read a case's current status is [`Cases::get`] (3.4's `CaseStatus`).
    ///
    /// ```no_run
    /// use carfix_client::ReportedStatus;
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let report = carfix.cases().status("case-id").await?;
    /// let current = match report.reported() {
    ///     ReportedStatus::Current(status) => Some(status.clone()),
    ///     // Several statuses (as documented): ask 3.4 which one the case is in.
    ///     _ => carfix.cases().get("case-id").await?.case_status,
    /// };
    /// println!("{current:?}");
    /// # Ok(()) }
    /// ```
    pub async fn status(&self, case_id: &str) -> Result<CaseStatusReport, Error> {
        let r: CaseStatusReport = self
            .parts
            .call(
                names::GET_CASE_STATUS,
                &CaseKeyRequest {
                    key: case_id.to_owned(),
                },
            )
            .await?;
        if r.result {
            Ok(r)
        } else {
            Err(rejected(
                names::GET_CASE_STATUS,
                r.error_message,
                "Result: No",
            ))
        }
    }

    /// 3.21 Get List of Cases; set filters on the returned builder, then `send()`.
    ///
    /// ```no_run
    /// use chrono::NaiveDate;
    /// # async fn run(carfix: carfix_client::AffiliateClient) -> Result<(), partner_core::Error> {
    /// let day = NaiveDate::from_ymd_opt(2023, 10, 2).expect("date");
    /// let cases = carfix.cases().list()
    ///     .vehicle_number("ABC1234")
    ///     .created_between(day.and_hms_opt(0, 0, 0).expect("time"), day.and_hms_opt(23, 59, 59).expect("time"))
    ///     .send().await?;
    /// # let _ = cases; Ok(()) }
    /// ```
    pub fn list(&self) -> CaseList<'a> {
        CaseList {
            parts: self.parts,
            filter: CaseListFilter::default(),
        }
    }
}

/// Builder for 3.21; from [`Cases::list`].
#[derive(Debug, Clone)]
#[must_use = "call .send() to run the query"]
pub struct CaseList<'a> {
    parts: &'a Parts,
    filter: CaseListFilter,
}

impl CaseList<'_> {
    /// Only cases of this vehicle (at most 30 characters).
    pub fn vehicle_number(mut self, vehicle: impl Into<String>) -> Self {
        self.filter.vehicle_number = Some(vehicle.into());
        self
    }

    /// Only cases created at or after `from` (local time).
    pub fn created_from(mut self, from: NaiveDateTime) -> Self {
        self.filter.created_from = Some(from);
        self
    }

    /// Only cases created at or before `to` (local time).
    pub fn created_to(mut self, to: NaiveDateTime) -> Self {
        self.filter.created_to = Some(to);
        self
    }

    /// Both bounds at once.
    pub fn created_between(self, from: NaiveDateTime, to: NaiveDateTime) -> Self {
        self.created_from(from).created_to(to)
    }

    /// Uses a prepared filter.
    pub fn filter(mut self, filter: CaseListFilter) -> Self {
        self.filter = filter;
        self
    }

    /// Runs the query.
    pub async fn send(self) -> Result<Vec<CaseSummary>, Error> {
        self.parts.call_list(names::GET_CASES, &self.filter).await
    }
}
