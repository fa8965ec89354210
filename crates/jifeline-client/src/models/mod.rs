//! Request and response models, one module per API resource.

pub mod cart;
pub mod channels;
pub mod common;
pub mod connectors;
pub mod customer;
pub mod employees;
pub mod historical;
pub mod products;
pub mod service_center;
pub mod sessions;
pub mod ticket_create;
pub mod tickets;
pub mod translate;
pub mod user;
pub mod vehicles;

pub use cart::*;
pub use channels::*;
pub use common::*;
pub use connectors::*;
pub use customer::*;
pub use employees::*;
pub use historical::*;
pub use products::*;
pub use service_center::*;
pub use sessions::*;
pub use ticket_create::*;
pub use tickets::*;
pub use translate::*;
pub use user::*;
pub use vehicles::*;
