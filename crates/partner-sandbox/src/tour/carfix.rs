//! CarFix's worked flow (docs/carfix.md): log in, look up state, area, nature of call,
//! service and breakdown cause, create a case, follow the truck as the workshop moves it,
//! quote a cancellation, resolve and rate the case.

use std::io::Write;

use carfix_client::{
    AffiliateClient, CaseInfo, Coordinate, CreateCaseRequest, LookupItem, ServiceInfo,
    TruckPositionUpdate, TyrePosition, TyrePunctures, WorkshopClient,
};

use super::{failed, unexpected};
use crate::carfix::{
    DEMO_AFFILIATE_KEY, DEMO_AFFILIATE_USERNAME, DEMO_WORKSHOP_KEY, DEMO_WORKSHOP_USERNAME,
};
use crate::{Sandbox, SandboxError, Vendor};

const V: Vendor = Vendor::CarFix;

fn pick<'a>(
    items: &'a [LookupItem],
    label: &str,
    step: &'static str,
) -> Result<&'a LookupItem, SandboxError> {
    LookupItem::find_in(items, label).ok_or_else(|| unexpected(V, step, format!("no `{label}`")))
}

pub(super) async fn run(sandbox: &Sandbox, out: &mut impl Write) -> Result<(), SandboxError> {
    let carfix = AffiliateClient::builder()
        .base_url(sandbox.base_url(V))
        .credentials(DEMO_AFFILIATE_USERNAME, DEMO_AFFILIATE_KEY)
        .build()
        .map_err(failed(V, "build the affiliate client"))?;
    carfix.login().await.map_err(failed(V, "log in"))?;
    writeln!(
        out,
        "- affiliate {DEMO_AFFILIATE_USERNAME} logged in (token valid about 60 hours)"
    )?;

    let states = carfix
        .lookups()
        .states()
        .await
        .map_err(failed(V, "get states"))?;
    let state = pick(&states, "Negeri Sembilan", "get states")?;
    let areas = carfix
        .lookups()
        .areas(&state.id)
        .await
        .map_err(failed(V, "get areas"))?;
    let area = pick(&areas, "Seremban", "get areas")?;
    let natures = carfix
        .lookups()
        .nature_of_calls()
        .await
        .map_err(failed(V, "get natures of call"))?;
    let breakdown = pick(&natures, "Breakdown", "get natures of call")?;
    let services = carfix
        .lookups()
        .services_needed(&breakdown.id)
        .await
        .map_err(failed(V, "get services"))?;
    let causes = carfix
        .lookups()
        .breakdown_causes()
        .await
        .map_err(failed(V, "get breakdown causes"))?;
    let (Some(service), Some(cause)) = (services.first(), causes.first()) else {
        return Err(unexpected(V, "get services", "no service or cause"));
    };
    writeln!(
        out,
        "- lookups: {} / {}, {} -> {}, cause {}",
        state.label, area.label, breakdown.label, service.label, cause.label
    )?;

    let here = Coordinate::new(2.725889, 101.9378239).map_err(failed(V, "make a coordinate"))?;
    let mut info = ServiceInfo::new(cause.id.clone());
    info.tyre_puncture = TyrePunctures::of([TyrePosition::FrontLeft]);
    let case = CreateCaseRequest::new(
        CaseInfo::new("ABC1234", &breakdown.id, &service.id, "60123456789")
            .vehicle("PERODUA", "PERODUA MYVI 1.3EZ1", "Manual")
            .caller_name("Lana"),
        info,
        "70300 SEREMBAN, NEGERI SEMBILAN, MALAYSIA",
        here,
        &state.label,
        &area.label,
    )
    .tow_to("70300 SEREMBAN", here, &state.label, &area.label);
    let case_id = carfix
        .cases()
        .create(&case)
        .await
        .map_err(failed(V, "create a case"))?;
    let details = carfix
        .cases()
        .get(&case_id)
        .await
        .map_err(failed(V, "get the case"))?;
    let truck_no = details
        .truck_no
        .clone()
        .ok_or_else(|| unexpected(V, "get the case", "no truck assigned"))?;
    writeln!(
        out,
        "- case {case_id} created for ABC1234: {:?}, truck {truck_no} assigned",
        details.case_status
    )?;

    let workshop = WorkshopClient::builder()
        .base_url(sandbox.base_url(V))
        .credentials(DEMO_WORKSHOP_USERNAME, DEMO_WORKSHOP_KEY)
        .build()
        .map_err(failed(V, "build the workshop client"))?;
    let trucks = workshop
        .trucks()
        .list()
        .await
        .map_err(failed(V, "list trucks"))?;
    let imei = trucks
        .iter()
        .find(|t| t.truck_no == truck_no)
        .and_then(|t| t.imei.clone())
        .ok_or_else(|| unexpected(V, "list trucks", "the truck is not in the fleet"))?;
    let moved = Coordinate::new(2.7261, 101.9370).map_err(failed(V, "make a position"))?;
    let update = TruckPositionUpdate::new(imei, &truck_no, moved);
    workshop
        .trucks()
        .update_position(&update)
        .await
        .map_err(failed(V, "move the truck"))?;
    let seen = carfix
        .trucks()
        .coordination(&truck_no)
        .case_id(&case_id)
        .send()
        .await
        .map_err(failed(V, "follow the truck"))?;
    let position = seen.first().and_then(|t| t.latitude.zip(t.longitude));
    writeln!(
        out,
        "- workshop {DEMO_WORKSHOP_USERNAME} moves {truck_no}; the affiliate sees it at {position:?}"
    )?;

    let quote = carfix
        .cases()
        .quote_cancellation(&case_id)
        .await
        .map_err(failed(V, "quote a cancellation"))?;
    writeln!(
        out,
        "- cancelling now would cost {:?} (check only, nothing cancelled)",
        quote.cancellation_charges
    )?;

    carfix
        .cases()
        .mark_resolved(&case_id)
        .await
        .map_err(failed(V, "resolve the case"))?;
    carfix
        .cases()
        .rate(&case_id, 5, "Fast and friendly")
        .await
        .map_err(failed(V, "rate the case"))?;
    let listed = carfix
        .cases()
        .status(&case_id)
        .await
        .map_err(failed(V, "get the status"))?;
    // 3.20 lists statuses without saying which is current; 3.4 says it.
    let current = carfix
        .cases()
        .get(&case_id)
        .await
        .map_err(failed(V, "get the case"))?
        .case_status;
    writeln!(
        out,
        "- case resolved and rated 5; now {current:?} (3.20 lists {:?})",
        listed.case_status
    )?;
    Ok(())
}
