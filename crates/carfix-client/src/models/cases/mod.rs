//! Cases (3.2 to 3.7, 3.19 to 3.21): opening one, its details, the case list, and the bodies
//! and answers of the calls that change a case.

mod create;
mod details;
mod initial;
mod list;
mod updates;

pub use create::{CaseCreated, CaseInfo, CreateCaseRequest, ServiceInfo};
pub use details::CaseDetails;
pub use initial::{InitialCaseInfo, InitialCaseRequest};
pub use list::{CaseListFilter, CaseSummary};
pub use updates::{
    ArrivalTimeRequest, CancelCaseRequest, Cancellation, CaseIdRequest, CaseKeyRequest,
    CaseStatusReport, MAX_RATING, RatingRequest, ReportedStatus,
};
