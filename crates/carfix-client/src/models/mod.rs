//! Request and response models, one module per resource, with their documented rules.

pub mod case;
pub mod case_details;
pub mod case_list;
pub mod case_updates;
pub mod claim;
pub(crate) mod common;
pub mod initial_case;
pub mod lookup;
pub mod photo;
pub mod truck;
