//! manifest.json rules (one rule per file).

use super::Rule;

mod duplicate_key;
mod immutable_changed;
mod invalid_json;
mod marketplace_author;
mod marketplace_billing_type;
mod marketplace_eula;
mod marketplace_offering;
mod marketplace_pricing;
mod marketplace_pricing_metric;
mod marketplace_util;
mod tile_title_length;

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
    ]
}
