//! Request and response models, one file per resource of the document, named as the
//! document names it (Connectors, Products, Tickets, Vehicles, Cart, User, Employees,
//! Sessions, Customer, Service center, Translate, Channels), plus the values several
//! resources share (`common.rs`: the list envelope, money, discounts, totals, grouped product
//! ids). Everything is re-exported here and at the crate root.
//!
//! Every response model tolerates unknown fields and reads a list sent as `null` or left out
//! as empty. Vendor value sets keep values they do not know (`Unknown(..)`).

mod cart;
mod channels;
mod common;
mod connectors;
mod customer;
mod employees;
mod products;
mod service_center;
mod sessions;
mod tickets;
mod translate;
mod user;
mod vehicles;

pub use cart::*;
pub use channels::*;
pub use common::*;
pub use connectors::*;
pub use customer::*;
pub use employees::*;
pub use products::*;
pub use service_center::*;
pub use sessions::*;
pub use tickets::*;
pub use translate::*;
pub use user::*;
pub use vehicles::*;
