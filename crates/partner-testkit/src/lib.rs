//! Contract testing for the vendor crates: fixture files, replay against a local mock server,
//! and the checks `cargo xtask contract-test` reports on.
//!
//! Each vendor crate has one `tests/contract.rs` calling [`run_contract`] with its operation
//! table and a closure that performs the typed call for a fixture. The runner serves the
//! fixture's response on 127.0.0.1, records what the client really sent, compares it with the
//! fixture's request, checks coverage (every operation has a fixture, every fixture names an
//! operation), writes a JSON report and fails with a readable list.

mod compare;
mod docs;
mod fixture;
pub mod fuzz;
mod replay;
pub mod variants;

pub use compare::compare_request;
pub use docs::{check_operation_table, operations_markdown};
pub use fixture::{
    Fixture, FixtureRequest, FixtureResponse, MultipartField, Provenance, fixtures_dir,
    load_fixture, load_fixtures, workspace_root,
};
pub use replay::{BoxError, Received, Replay, run_contract, run_contract_with};
