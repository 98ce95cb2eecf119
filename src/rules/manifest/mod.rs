//! manifest.json rules (one rule per file).

use super::Rule;

mod duplicate_key;
mod invalid_json;
mod metric_check_missing;
mod metric_check_not_in_metadata;
mod tile_title_length;

pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &invalid_json::InvalidJson,
        &duplicate_key::DuplicateKey,
        &tile_title_length::TileTitleLength,
        &metric_check_missing::MetricCheckMissing,
        &metric_check_not_in_metadata::MetricCheckNotInMetadata,
    ]
}
