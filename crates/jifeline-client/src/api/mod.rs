//! Resource handlers, one per API resource (`client.tickets().create(..)`).

mod cart;
mod channels;
mod connectors;
mod customer;
mod employees;
mod list;
mod products;
mod service_center;
mod sessions;
mod tickets;
mod translate;
mod user;
mod vehicles;

pub use cart::Cart;
pub use channels::Channels;
pub use connectors::Connectors;
pub use customer::Customer;
pub use employees::Employees;
pub use list::ListQuery;
pub use products::{FavoriteFilter, ProductList, ProductScope, Products};
pub use service_center::ServiceCenters;
pub use sessions::Sessions;
pub use tickets::Tickets;
pub use translate::Translations;
pub use user::Users;
pub use vehicles::Vehicles;

use crate::client::JifelineClient;

macro_rules! handlers {
    ($($(#[$m:meta])* $fn:ident -> $ty:ident;)+) => {
        impl JifelineClient {
            $($(#[$m])* pub fn $fn(&self) -> $ty<'_> { $ty { client: self } })+
        }
    };
}

handlers! {
    /// Connectors of the logged-in user.
    connectors -> Connectors;
    /// Product groups, bundles, products, favorites and prerequisites.
    products -> Products;
    /// Tickets, notes, CSAT, historical and prepared tickets.
    tickets -> Tickets;
    /// Vehicle catalogue, VIN search and serviced vehicles.
    vehicles -> Vehicles;
    /// Cart totals.
    cart -> Cart;
    /// The logged-in user.
    user -> Users;
    /// Employees.
    employees -> Employees;
    /// Customer details and branding.
    customer -> Customer;
    /// Service center information and state.
    service_center -> ServiceCenters;
    /// Translation.
    translations -> Translations;
    /// Messenger channels.
    channels -> Channels;
    /// Logins and forgot-password (sent without credentials).
    sessions -> Sessions;
}
