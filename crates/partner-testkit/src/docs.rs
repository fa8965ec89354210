//! The operation table in each vendor's docs page, generated from its `OPERATIONS`.
//!
//! Like rust-analyzer's codegen checks: a test compares the page with what the table renders
//! and, with `PARTNER_BLESS=1`, rewrites it.

use partner_core::Operation;

const BEGIN: &str = "<!-- operations:begin (generated from OPERATIONS; do not edit) -->";
const END: &str = "<!-- operations:end -->";

/// The markdown table of a vendor's operations.
pub fn operations_markdown(operations: &[Operation]) -> String {
    let mut out = String::from(
        "| operation | method | path | path source | retried on failure | document section |\n|---|---|---|---|---|---|\n",
    );
    for op in operations {
        out.push_str(&format!(
            "| `{}` | {} | `{}` | {} | {} | {} |\n",
            op.name,
            op.method,
            op.path,
            if op.path_documented {
                "documented"
            } else {
                "assumed"
            },
            if op.is_idempotent() {
                "yes"
            } else {
                "only if never sent"
            },
            op.section,
        ));
    }
    out
}

/// Checks that `docs/VENDOR.md` holds the current table between the markers (rewrites it
/// when `PARTNER_BLESS=1`). Panics with instructions otherwise.
pub fn check_operation_table(vendor: &str, operations: &[Operation]) {
    let path = crate::workspace_root()
        .join("docs")
        .join(format!("{vendor}.md"));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let block = format!("{BEGIN}\n{}{END}", operations_markdown(operations));
    let current = match (text.find("<!-- operations:begin"), text.find(END)) {
        (Some(b), Some(e)) if b < e => Some((b, e + END.len())),
        _ => None,
    };
    let bless = std::env::var("PARTNER_BLESS").is_ok_and(|v| v == "1");
    match current {
        Some((b, e)) if text[b..e] == block => {}
        Some((b, e)) if bless => {
            let new = format!("{}{block}{}", &text[..b], &text[e..]);
            std::fs::write(&path, new).expect("write docs page");
        }
        None if bless => {
            let new = format!("{text}\n## Operations\n\n{block}\n");
            std::fs::write(&path, new).expect("write docs page");
        }
        _ => panic!(
            "{} is missing or has a stale operation table; run `PARTNER_BLESS=1 cargo test -p {vendor}-client docs_operation_table` and commit",
            path.display()
        ),
    }
}
