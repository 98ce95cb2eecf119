use super::marketplace_util::pricing_items;
use crate::diagnostic::Finding;
use crate::diagnostic::Severity;
use crate::rules::{Context, Rule, RuleMeta, MARKETPLACE};

pub struct MarketplaceBillingType;

/// The billing types seen in published listings (manifest.md §6). The full list is private, so
/// another value is a warning, not an error.
const KNOWN: &[&str] = &["flat_fee", "tag_count", "one_time"];

static META: RuleMeta = RuleMeta {
    id: "manifest/marketplace-billing-type",
    severity: Severity::Warning,
    kinds: MARKETPLACE,
    summary: "a pricing item's `billing_type` is not `flat_fee`, `tag_count` or `one_time`",
    explanation: "\
Published Marketplace listings use three billing types: `flat_fee` (a monthly subscription),
`tag_count` (billed per distinct tag value on a metric) and `one_time` (professional services).
The complete list lives in Datadog's private marketplace repository, so another value is reported
as a warning: it is most often a typo or a value copied from another product.

Bad:   \"billing_type\": \"flat-fee\"
Good:  \"billing_type\": \"flat_fee\"",
    ..RuleMeta::DEFAULT
};

impl Rule for MarketplaceBillingType {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        for (i, item) in pricing_items(root).iter().enumerate() {
            let Some(node) = item.get("billing_type") else {
                continue;
            };
            // A non-string billing type is reported by manifest/marketplace-pricing.
            let Some(value) = node.as_str() else { continue };
            if KNOWN.contains(&value) {
                continue;
            }
            let close = KNOWN.iter().find(|k| {
                k.replace('_', "") == value.to_ascii_lowercase().replace(['_', '-', ' '], "")
            });
            let help = match close {
                Some(k) => format!("did you mean `{k}`?"),
                None => "use `flat_fee`, `tag_count` or `one_time`".to_string(),
            };
            out.push(
                Finding::at(
                    source,
                    node.span,
                    format!("`pricing[{i}].billing_type` is `{value}`, not a known billing type"),
                )
                .help(help),
            );
        }
    }
}
