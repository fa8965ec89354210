//! One row of the bulk upload sheet: the 14 documented columns in order, `Engagement_Type`
//! Onsite/Offsite, and the row-level rules (including duplicate references in one batch).

use std::collections::HashMap;

use partner_core::ValidationErrors;
use partner_core::validation::{Rule, Validator};
use serde::{Deserialize, Serialize};

use crate::rules::{Fields, ValidationRules};

/// The most orders one upload may carry ("Maximum 1000 orders per upload").
pub const MAX_ROWS_PER_UPLOAD: usize = 1000;

/// The sheet's column names, exactly as documented and in order (row 1 of every upload).
pub const BULK_COLUMNS: [&str; 14] = [
    "repair_ref_no",
    "Name",
    "CustomerMobile",
    "CustomerEmail",
    "Engagement_Type",
    "AddressLine1",
    "City",
    "State",
    "Pincode",
    "AssetType",
    "Make",
    "Model",
    "IMEINo",
    "Issue",
];

/// One repair order of a bulk upload (section "Excel File Structure"). All columns are
/// required. Unlike a single order there is no client_name, centre_city, Size or
/// AddressLine2, and Engagement_Type is Onsite/Offsite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkRow {
    /// Unique reference (duplicates of existing orders are skipped by BigFix).
    pub repair_ref_no: String,
    /// Customer name.
    #[serde(rename = "Name")]
    pub name: String,
    /// 10-digit mobile number.
    #[serde(rename = "CustomerMobile")]
    pub customer_mobile: String,
    /// Customer e-mail.
    #[serde(rename = "CustomerEmail")]
    pub customer_email: String,
    /// Onsite or Offsite.
    #[serde(rename = "Engagement_Type")]
    pub engagement_type: BulkEngagementType,
    /// Address line.
    #[serde(rename = "AddressLine1")]
    pub address_line1: String,
    /// City: letters and hyphens only.
    #[serde(rename = "City")]
    pub city: String,
    /// State: letters and hyphens only.
    #[serde(rename = "State")]
    pub state: String,
    /// 6-digit postal code.
    #[serde(rename = "Pincode")]
    pub pincode: String,
    /// Device category.
    #[serde(rename = "AssetType")]
    pub asset_type: String,
    /// Brand.
    #[serde(rename = "Make")]
    pub make: String,
    /// Model.
    #[serde(rename = "Model")]
    pub model: String,
    /// Serial or IMEI number.
    #[serde(rename = "IMEINo")]
    pub imei_no: String,
    /// Problem description.
    #[serde(rename = "Issue")]
    pub issue: String,
}

impl BulkRow {
    /// The cells in [`BULK_COLUMNS`] order.
    pub fn cells(&self) -> [&str; 14] {
        [
            &self.repair_ref_no,
            &self.name,
            &self.customer_mobile,
            &self.customer_email,
            self.engagement_type.as_str(),
            &self.address_line1,
            &self.city,
            &self.state,
            &self.pincode,
            &self.asset_type,
            &self.make,
            &self.model,
            &self.imei_no,
            &self.issue,
        ]
    }

    /// A row from cells in [`BULK_COLUMNS`] order.
    pub fn from_cells(cells: [String; 14]) -> Self {
        let [
            repair_ref_no,
            name,
            customer_mobile,
            customer_email,
            engagement,
            address_line1,
            city,
            state,
            pincode,
            asset_type,
            make,
            model,
            imei_no,
            issue,
        ] = cells;
        BulkRow {
            repair_ref_no,
            name,
            customer_mobile,
            customer_email,
            engagement_type: BulkEngagementType::from_wire(&engagement),
            address_line1,
            city,
            state,
            pincode,
            asset_type,
            make,
            model,
            imei_no,
            issue,
        }
    }

    /// True when every cell is blank (such rows are skipped, as BigFix does).
    pub fn is_blank(&self) -> bool {
        self.cells().iter().all(|c| c.trim().is_empty())
    }

    /// Records every rule this row breaks into `v` (fields named by column).
    pub fn validate_into_with(&self, v: &mut Validator, rules: &ValidationRules) {
        let mut f = Fields { v, rules };
        f.text("repair_ref_no", &self.repair_ref_no);
        f.text("Name", &self.name);
        f.mobile("CustomerMobile", &self.customer_mobile);
        f.email("CustomerEmail", &self.customer_email);
        let unknown = match &self.engagement_type {
            BulkEngagementType::Unknown(text) => Some(text.as_str()),
            _ => None,
        };
        f.choice("Engagement_Type", unknown, BulkEngagementType::WIRE);
        f.text("AddressLine1", &self.address_line1);
        f.place("City", &self.city);
        f.place("State", &self.state);
        f.pincode("Pincode", &self.pincode);
        f.text("AssetType", &self.asset_type);
        f.text("Make", &self.make);
        f.text("Model", &self.model);
        f.text("IMEINo", &self.imei_no);
        f.text("Issue", &self.issue);
    }
}

/// Checks a batch: every row (fields `rows[i].Column`, `i` counting from 0), duplicate
/// references inside the batch, and at least one row. `max_rows` caps the batch (use
/// [`MAX_ROWS_PER_UPLOAD`] for one upload, `None` before splitting).
pub fn validate_rows(
    rows: &[BulkRow],
    rules: &ValidationRules,
    max_rows: Option<usize>,
) -> Result<(), ValidationErrors> {
    let mut v = Validator::new();
    v.check("rows", !rows.is_empty(), Rule::MinItems { min: 1 });
    if let Some(max) = max_rows {
        v.max_items("rows", rows.len(), max);
    }
    v.each("rows", rows, |v, row| row.validate_into_with(v, rules));
    check_duplicates(
        &mut v,
        rows.iter()
            .enumerate()
            .map(|(i, r)| (format!("rows[{i}]"), r)),
    );
    v.finish()
}

/// Reports each `repair_ref_no` seen before in `rows` (labelled), pointing at the first one.
pub(crate) fn check_duplicates<'a>(
    v: &mut Validator,
    rows: impl Iterator<Item = (String, &'a BulkRow)>,
) {
    let mut seen: HashMap<&str, String> = HashMap::new();
    for (label, row) in rows {
        let key = row.repair_ref_no.trim();
        if key.is_empty() {
            continue;
        }
        match seen.get(key) {
            Some(first) => {
                v.push(
                    &format!("{label}.repair_ref_no"),
                    Rule::Duplicate {
                        first: format!("{first}.repair_ref_no").into(),
                    },
                );
            }
            None => {
                seen.insert(key, label);
            }
        }
    }
}

partner_core::open_enum! {
    /// How a bulk order is served ("Onsite" or "Offsite"). Read case-insensitively and written
    /// in the documented spelling; anything else is kept as `Unknown` and refused by
    /// validation. [`crate::read_sheet`] still requires the exact spelling, since a user's
    /// workbook is uploaded unchanged.
    pub enum BulkEngagementType {
        /// "Onsite": a technician visits the customer.
        Onsite = "Onsite",
        /// "Offsite": the device goes to a service centre.
        Offsite = "Offsite",
    }
}
