//! Rules of this family (one rule per file).

use super::Rule;

mod directory;
mod metric_prefix_mismatch;
mod package_mismatch;

pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &directory::Directory,
        &package_mismatch::PackageMismatch,
        &metric_prefix_mismatch::MetricPrefixMismatch,
    ]
}
