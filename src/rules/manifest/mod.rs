//! manifest.json rules (one rule per file), and the helpers they share.

use super::{Context, Rule};
use crate::parse::json::Node;
use crate::source::{SharedSource, Span};

mod app_id_format;
mod app_uuid_format;
mod classifier_tag_duplicate;
mod classifier_tag_format;
mod classifier_tag_unknown;
mod dashboard_invalid;
mod display_on_public_website;
mod duplicate_key;
mod immutable_changed;

/// The id of the one rule that reads `IntegrationModel::base_manifest` (the manifest at
/// `--changed-since REF`), so the runner fetches it only when that rule runs.
pub const IMMUTABLE_CHANGED: &str = "manifest/immutable-changed";
mod invalid_json;
mod logs_category;
mod marketplace_author;
mod marketplace_billing_type;
mod marketplace_eula;
mod marketplace_offering;
mod marketplace_pricing;
mod marketplace_pricing_metric;
mod marketplace_util;
mod media_caption_length;
mod media_count;
mod media_file_name;
mod media_file_size;
mod media_image_format;
mod media_missing_file;
mod media_type;
mod metric_check_missing;
mod metric_check_not_in_metadata;
mod metric_prefix_format;
mod missing_asset;
mod missing_required_tag;
mod schema;
mod support_email;
mod tags;
mod tile_description_length;
mod tile_title_length;
mod undeclared_metadata;
mod unsupported_version;

pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &invalid_json::InvalidJson,
        &duplicate_key::DuplicateKey,
        &tile_title_length::TileTitleLength,
        &marketplace_pricing::MarketplacePricing,
        &marketplace_billing_type::MarketplaceBillingType,
        &marketplace_pricing_metric::MarketplacePricingMetric,
        &marketplace_eula::MarketplaceEula,
        &marketplace_author::MarketplaceAuthor,
        &marketplace_offering::MarketplaceOffering,
        &immutable_changed::ImmutableChanged,
        &schema::Schema,
        &unsupported_version::UnsupportedVersion,
        &app_uuid_format::AppUuidFormat,
        &app_id_format::AppIdFormat,
        &tile_description_length::TileDescriptionLength,
        &media_file_name::MediaFileName,
        &display_on_public_website::DisplayOnPublicWebsite,
        &media_count::MediaCount,
        &media_type::MediaType,
        &media_image_format::MediaImageFormat,
        &media_missing_file::MediaMissingFile,
        &media_file_size::MediaFileSize,
        &media_caption_length::MediaCaptionLength,
        &missing_asset::MissingAsset,
        &undeclared_metadata::UndeclaredMetadata,
        &metric_prefix_format::MetricPrefixFormat,
        &classifier_tag_format::ClassifierTagFormat,
        &classifier_tag_unknown::ClassifierTagUnknown,
        &classifier_tag_duplicate::ClassifierTagDuplicate,
        &missing_required_tag::MissingRequiredTag,
        &logs_category::LogsCategory,
        &support_email::SupportEmail,
        &dashboard_invalid::DashboardInvalid,
        &metric_check_missing::MetricCheckMissing,
        &metric_check_not_in_metadata::MetricCheckNotInMetadata,
    ]
}

/// The string values of `key` in the objects of `tile.media`: the item's index, the value's
/// node and the string.
pub(crate) fn media_strings<'a>(root: &'a Node, key: &str) -> Vec<(usize, &'a Node, &'a str)> {
    let Some(items) = root.pointer("/tile/media").and_then(Node::as_array) else {
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            item.as_object()?;
            let node = item.get(key)?;
            Some((i, node, node.as_str()?))
        })
        .collect()
}

/// Where to point for something missing at `pointer`: the key of the nearest existing object
/// on the way (or the value when it has no key, i.e. the root), as a span.
pub(crate) fn nearest_span(root: &Node, pointer: &str) -> Span {
    let mut p = pointer.to_string();
    loop {
        if p.is_empty() {
            return first_char(root.span);
        }
        if let Some(n) = root.pointer(&p) {
            return root.key_span(&p).unwrap_or(n.span);
        }
        match p.rsplit_once('/') {
            Some((parent, _)) => p = parent.to_string(),
            None => p.clear(),
        }
    }
}

/// The first character of a span (for a whole object or file).
pub(crate) fn first_char(span: Span) -> Span {
    Span::new(span.start, span.start + 1)
}

/// Integrations whose `metrics.check` ddev does not validate.
const METRIC_CHECK_SKIPPED: &[&str] = &["agent_metrics", "moogsoft", "snmp"];

/// The manifest, with its source, of an integration whose `metrics.check` ddev validates.
pub(crate) fn metric_check_manifest<'a>(ctx: &'a Context) -> Option<(&'a SharedSource, &'a Node)> {
    if METRIC_CHECK_SKIPPED.contains(&ctx.name()) {
        return None;
    }
    ctx.manifest()
}

/// The metric names of metadata.csv (every row, whatever its shape).
pub(crate) fn metadata_metrics<'a>(ctx: &Context<'a>) -> Option<Vec<&'a str>> {
    let m = ctx.integration.metadata.as_ref()?;
    let col = m.doc.column("metric_name")?;
    Some(
        m.doc
            .rows
            .iter()
            .filter_map(|r| r.get(col))
            .map(|c| c.value.as_str())
            .filter(|v| !v.is_empty())
            .collect(),
    )
}

/// The `metrics.check` entries: one string or an array of strings.
pub(crate) fn check_entries(node: &Node) -> Vec<&Node> {
    match node.as_array() {
        Some(items) => items.iter().filter(|n| n.as_str().is_some()).collect(),
        None if node.as_str().is_some() => vec![node],
        None => Vec::new(),
    }
}
