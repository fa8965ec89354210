//! `partner jifeline ...`: the Jifeline Customer API, one subcommand per resource handler.
//! Lists fetch one page, or pages lazily with `--all`/`--limit`.

use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use jifeline_client::api::{FavoriteFilter, ProductList, ProductScope};
use jifeline_client::models::{
    CartTotalsRequest, CreateTicket, Csat, CustomerDetailsEdit, EmployeeChange, EmployeeRef,
    NewEmployee, Page, Product, TranslateRequest,
};
use jifeline_client::{Credentials, JifelineClient, ListQuery};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::args::{self, Paging};
use crate::context::Ctx;
use crate::error::{CliError, IntoCli};

mod cmd;
pub use cmd::*;

fn client(ctx: &Ctx) -> Result<JifelineClient, CliError> {
    let p = &ctx.profile.jifeline;
    let mut b = JifelineClient::builder();
    if let Some(url) = &p.base_url {
        b = b.base_url(url);
    }
    for (op, path) in &p.paths {
        b = b.override_path(op, path);
    }
    if let Some(t) = ctx.profile.timeout() {
        b = b.timeout(t);
    }
    b = b.strictness(ctx.strictness);
    if let Some(otp) = &p.otp {
        b = b.credentials(Credentials::otp(otp.as_str()));
    } else if let Some(uuid) = &p.connector_uuid {
        let uuid: Uuid = uuid
            .trim()
            .parse()
            .map_err(|e| CliError::config(format!("jifeline.connector_uuid is not a UUID: {e}")))?;
        b = b.credentials(Credentials::connector_uuid(
            uuid,
            p.pincode.clone().unwrap_or_default().as_str(),
        ));
    }
    b.build()
        .cli("jifeline")
        .map_err(|e| e.configuring("jifeline"))
}

/// `me` or an employee UUID.
fn employee_ref(s: &str) -> Result<EmployeeRef, String> {
    if s.eq_ignore_ascii_case("me") {
        Ok(EmployeeRef::Me)
    } else {
        s.parse::<Uuid>()
            .map(EmployeeRef::Id)
            .map_err(|e| format!("expected `me` or a UUID: {e}"))
    }
}

/// The paged list calls (`ListQuery` and the product list).
trait Listing: Sized {
    type Item: Serialize + Send + 'static;
    fn offset(self, offset: u64) -> Self;
    fn limit(self, limit: u32) -> Self;
    async fn page(self) -> Result<Page<Self::Item>, jifeline_client::Error>;
    fn stream(self) -> BoxStream<'static, Result<Self::Item, jifeline_client::Error>>;
}

impl<T: DeserializeOwned + Serialize + Send + 'static> Listing for ListQuery<T> {
    type Item = T;
    fn offset(self, offset: u64) -> Self {
        ListQuery::offset(self, offset)
    }
    fn limit(self, limit: u32) -> Self {
        ListQuery::limit(self, limit)
    }
    async fn page(self) -> Result<Page<T>, jifeline_client::Error> {
        self.send().await
    }
    fn stream(self) -> BoxStream<'static, Result<T, jifeline_client::Error>> {
        ListQuery::stream(self)
    }
}

impl Listing for ProductList {
    type Item = Product;
    fn offset(self, offset: u64) -> Self {
        ProductList::offset(self, offset)
    }
    fn limit(self, limit: u32) -> Self {
        ProductList::limit(self, limit)
    }
    async fn page(self) -> Result<Page<Product>, jifeline_client::Error> {
        self.send().await
    }
    fn stream(self) -> BoxStream<'static, Result<Product, jifeline_client::Error>> {
        ProductList::stream(self)
    }
}

/// Prints a list: one page by default, lazily paged with `--all` or `--limit`.
async fn list<L: Listing>(ctx: &Ctx, op: &str, query: L, paging: &Paging) -> Result<(), CliError> {
    let mut query = query;
    if let Some(offset) = paging.offset {
        query = query.offset(offset);
    }
    let page_size = paging.page_size.or_else(|| {
        paging
            .limit
            .map(|n| u32::try_from(n.clamp(1, 200)).unwrap_or(200))
    });
    if let Some(size) = page_size {
        query = query.limit(size);
    }
    if paging.all || paging.limit.is_some() {
        let stream = query.stream();
        let stream = match paging.limit {
            Some(n) => stream.take(n).boxed(),
            None => stream,
        };
        ctx.out
            .emit_stream(stream, |e| CliError::from_core(op, &e))
            .await
    } else {
        let page = query.page().await.cli(op)?;
        ctx.out.emit(&page.result)
    }
}

/// Runs a Jifeline command.
pub async fn run(cmd: Cmd, ctx: &Ctx) -> Result<(), CliError> {
    let c = client(ctx)?;
    let out = &ctx.out;
    match cmd {
        Cmd::Sessions(s) => sessions(s, &c, ctx).await,
        Cmd::Connectors(x) => match x {
            Connectors::List(p) => list(ctx, "ListConnectors", c.connectors().list(), &p).await,
            Connectors::Get { connector_id } => {
                out.emit(&c.connectors().get(connector_id).await.cli("GetConnector")?)
            }
            Connectors::GetByUuid { connector_uuid } => out.emit(
                &c.connectors()
                    .get_by_uuid(connector_uuid)
                    .await
                    .cli("GetConnectorByUuid")?,
            ),
            Connectors::DismissAttention { connector_uuid } => {
                let op = "DismissConnectorAttention";
                c.connectors()
                    .dismiss_attention(connector_uuid)
                    .await
                    .cli(op)?;
                out.done(op)
            }
            Connectors::ActiveTicket { connector_id } => out.emit(
                &c.connectors()
                    .active_ticket(connector_id)
                    .await
                    .cli("GetConnectorActiveTicket")?,
            ),
        },
        Cmd::Products(x) => products(x, &c, ctx).await,
        Cmd::Tickets(x) => tickets(x, &c, ctx).await,
        Cmd::Vehicles(x) => vehicles(x, &c, ctx).await,
        Cmd::Cart(Cart::Totals(b)) => {
            let op = "CalculateCartTotals";
            let req: CartTotalsRequest = args::read_body(op, &b.body)?;
            out.emit(&c.cart().totals(&req).await.cli(op)?)
        }
        Cmd::User(User::Get) => out.emit(&c.user().get().await.cli("GetUser")?),
        Cmd::Employees(x) => match x {
            Employees::List(p) => list(ctx, "ListEmployees", c.employees().list(), &p).await,
            Employees::Create(b) => {
                let op = "CreateEmployee";
                let e: NewEmployee = args::read_body(op, &b.body)?;
                out.emit(&c.employees().create(&e).await.cli(op)?)
            }
            Employees::Get { employee } => {
                out.emit(&c.employees().get(employee).await.cli("GetEmployee")?)
            }
            Employees::Change { employee, body } => {
                let op = "ChangeEmployee";
                let change: EmployeeChange = args::read_body(op, &body.body)?;
                out.emit(&c.employees().change(employee, &change).await.cli(op)?)
            }
        },
        Cmd::Customer(x) => match x {
            Customer::Details => out.emit(&c.customer().details().await.cli("GetCustomerDetails")?),
            Customer::Edit(b) => {
                let op = "EditCustomerDetails";
                let edit: CustomerDetailsEdit = args::read_body(op, &b.body)?;
                out.emit(&c.customer().edit(&edit).await.cli(op)?)
            }
            Customer::Branding => out.emit(&c.customer().branding().await.cli("GetBranding")?),
        },
        Cmd::ServiceCenter(x) => match x {
            ServiceCenter::Info => {
                out.emit(&c.service_center().info().await.cli("GetServiceCenter")?)
            }
            ServiceCenter::State => out.emit(
                &c.service_center()
                    .state()
                    .await
                    .cli("GetServiceCenterState")?,
            ),
        },
        Cmd::Translate(b) => {
            let op = "Translate";
            let req: TranslateRequest = args::read_body(op, &b.body)?;
            out.emit(&c.translations().translate(&req).await.cli(op)?)
        }
        Cmd::Channels(x) => match x {
            Channels::ControlMessage { channel_id } => out.emit(
                &c.channels()
                    .send_control_message(&channel_id)
                    .await
                    .cli("SendChannelControlMessage")?,
            ),
            Channels::CreateAttachment {
                channel_id,
                file_name,
            } => out.emit(
                &c.channels()
                    .create_attachment(&channel_id, &file_name)
                    .await
                    .cli("CreateChannelAttachment")?,
            ),
            Channels::Attachment {
                channel_id,
                file_reference,
            } => out.emit(
                &c.channels()
                    .attachment(&channel_id, &file_reference)
                    .await
                    .cli("GetChannelAttachment")?,
            ),
        },
    }
}

/// What a login prints: never the tokens, only when the access token expires.
fn logged_in(op: &str, tokens: &jifeline_client::models::SessionTokens) -> serde_json::Value {
    let expires = tokens
        .access_expires_at()
        .map(|t| chrono::DateTime::<chrono::Utc>::from(t).to_rfc3339());
    serde_json::json!({ "operation": op, "ok": true, "access_expires_at": expires })
}

async fn sessions(cmd: Sessions, c: &JifelineClient, ctx: &Ctx) -> Result<(), CliError> {
    let p = &ctx.profile.jifeline;
    let out = &ctx.out;
    match cmd {
        Sessions::Login {
            connector_uuid,
            pincode,
        } => {
            let op = "LoginWithConnectorUuid";
            let uuid = match connector_uuid.or_else(|| p.connector_uuid.clone()) {
                Some(u) => u
                    .trim()
                    .parse::<Uuid>()
                    .map_err(|e| CliError::usage(op, format!("connector UUID: {e}")))?,
                None => {
                    return Err(CliError::config(
                        "no connector UUID: pass --connector-uuid or set jifeline.connector_uuid / JIFELINE_CONNECTOR_UUID",
                    ));
                }
            };
            let pin = pincode.or_else(|| p.pincode.clone()).unwrap_or_default();
            let tokens = c
                .sessions()
                .login_with_connector_uuid(uuid, &pin)
                .await
                .cli(op)?;
            out.emit(&logged_in(op, &tokens))
        }
        Sessions::LoginOtp { otp } => {
            let op = "LoginWithOtp";
            let otp = otp.or_else(|| p.otp.clone()).unwrap_or_default();
            let tokens = c.sessions().login_with_otp(&otp).await.cli(op)?;
            out.emit(&logged_in(op, &tokens))
        }
        Sessions::LoginConnectorId {
            connector_id,
            pincode,
        } => {
            let op = "LoginWithConnectorId";
            let pin = pincode.or_else(|| p.pincode.clone()).unwrap_or_default();
            #[allow(deprecated)]
            let tokens = c
                .sessions()
                .login_with_connector_id(connector_id, &pin)
                .await
                .cli(op)?;
            out.emit(&logged_in(op, &tokens))
        }
        Sessions::ForgotPassword { email } => out.emit(
            &c.sessions()
                .forgot_password(&email)
                .await
                .cli("ForgotPassword")?,
        ),
    }
}

async fn products(cmd: Products, c: &JifelineClient, ctx: &Ctx) -> Result<(), CliError> {
    let out = &ctx.out;
    match cmd {
        Products::Groups { vehicle, paging } => {
            let q = c.products().groups(vehicle.model, vehicle.variant);
            list(ctx, "ListProductGroups", q, &paging).await
        }
        Products::Bundles {
            vehicle,
            group,
            paging,
        } => {
            let q = c.products().bundles(vehicle.model, vehicle.variant, group);
            list(ctx, "ListProductBundles", q, &paging).await
        }
        Products::List {
            vehicle,
            group,
            bundle,
            favorite,
            paging,
        } => {
            let mut q = c.products().list(vehicle.model, vehicle.variant);
            if let Some(g) = group {
                q = q.scope(ProductScope::Group(g));
            }
            if let Some(b) = bundle {
                q = q.scope(ProductScope::Bundle(b));
            }
            match favorite {
                Some(Favorite::Only) => q = q.favorite(FavoriteFilter::Only),
                Some(Favorite::Excluded) => q = q.favorite(FavoriteFilter::Excluded),
                None => {}
            }
            list(ctx, "ListProducts", q, &paging).await
        }
        Products::AddFavorite(b) => {
            let op = "AddFavoriteProduct";
            let product: Product = args::read_body(op, &b.body)?;
            c.products().add_favorite(&product).await.cli(op)?;
            out.done(op)
        }
        Products::RemoveFavorite { product_id } => {
            let op = "RemoveFavoriteProduct";
            c.products().remove_favorite(product_id).await.cli(op)?;
            out.done(op)
        }
        Products::Prerequisites {
            vehicle,
            product,
            paging,
        } => {
            let q = c
                .products()
                .prerequisites(vehicle.model, vehicle.variant, &product);
            list(ctx, "ListProductPrerequisites", q, &paging).await
        }
    }
}

async fn tickets(cmd: Tickets, c: &JifelineClient, ctx: &Ctx) -> Result<(), CliError> {
    let out = &ctx.out;
    match cmd {
        Tickets::Create(b) => {
            let op = "CreateTicket";
            let t: CreateTicket = args::read_body(op, &b.body)?;
            out.emit(&c.tickets().create(&t).await.cli(op)?)
        }
        Tickets::Rate { ticket_id, body } => {
            let op = "SetTicketCsat";
            let csat: Csat = args::read_body(op, &body.body)?;
            c.tickets().rate(ticket_id, &csat).await.cli(op)?;
            out.done(op)
        }
        Tickets::Notes { ticket_id, paging } => {
            list(
                ctx,
                "ListTicketNotes",
                c.tickets().notes(ticket_id),
                &paging,
            )
            .await
        }
        Tickets::Historical {
            vin,
            connector_id,
            paging,
        } => {
            let q = c.tickets().historical(vin.as_deref(), connector_id);
            list(ctx, "ListHistoricalTickets", q, &paging).await
        }
        Tickets::HistoricalGet {
            historical_ticket_id,
        } => out.emit(
            &c.tickets()
                .historical_ticket(historical_ticket_id)
                .await
                .cli("GetHistoricalTicket")?,
        ),
        Tickets::Prepared { vin, paging } => {
            list(
                ctx,
                "ListPreparedTickets",
                c.tickets().prepared(&vin),
                &paging,
            )
            .await
        }
    }
}

async fn vehicles(cmd: Vehicles, c: &JifelineClient, ctx: &Ctx) -> Result<(), CliError> {
    let out = &ctx.out;
    let v = c.vehicles();
    match cmd {
        Vehicles::Serviced(p) => list(ctx, "ListServicedVehicles", v.serviced(), &p).await,
        Vehicles::Search { vin } => {
            out.emit(&v.search_by_vin(&vin).await.cli("SearchVehicleByVin")?)
        }
        Vehicles::Makes(p) => list(ctx, "ListVehicleMakes", v.makes(), &p).await,
        Vehicles::ModelGroups { make, paging } => {
            list(ctx, "ListVehicleModelGroups", v.model_groups(make), &paging).await
        }
        Vehicles::ModelGroup { model_group_id } => out.emit(
            &v.model_group(model_group_id)
                .await
                .cli("GetVehicleModelGroup")?,
        ),
        Vehicles::Models { group, paging } => {
            list(ctx, "ListVehicleModels", v.models(group), &paging).await
        }
        Vehicles::Model { model_id } => out.emit(&v.model(model_id).await.cli("GetVehicleModel")?),
        Vehicles::Variants { model, paging } => {
            list(ctx, "ListVehicleModelVariants", v.variants(model), &paging).await
        }
        Vehicles::Variant { model_variant_id } => out.emit(
            &v.variant(model_variant_id)
                .await
                .cli("GetVehicleModelVariant")?,
        ),
    }
}
