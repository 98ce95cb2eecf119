//! Rules of this family (one rule per file).

use super::Rule;

mod app_id_mismatch;
mod directory;
mod metric_prefix_mismatch;
mod package_mismatch;
mod partner_integration;

pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &partner_integration::PartnerIntegration,
        &app_id_mismatch::AppIdMismatch,
        &directory::Directory,
        &package_mismatch::PackageMismatch,
        &metric_prefix_mismatch::MetricPrefixMismatch,
    ]
}
