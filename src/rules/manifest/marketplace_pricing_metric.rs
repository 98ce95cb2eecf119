use super::marketplace_util::pricing_items;
use crate::diagnostic::{Finding, Severity};
use crate::rules::{Context, Rule, RuleMeta, MARKETPLACE};

pub struct MarketplacePricingMetric;

const PREFIX: &str = "datadog.marketplace.";

static META: RuleMeta = RuleMeta {
    id: "manifest/marketplace-pricing-metric",
    severity: Severity::Warning,
    kinds: MARKETPLACE,
    summary: "a `tag_count` pricing metric does not start with `datadog.marketplace.`",
    explanation: "\
A `tag_count` pricing item bills the distinct values of `tag` on its `metric`. Billing metrics are
emitted by the integration under the reserved `datadog.marketplace.` namespace (case-sensitive),
so that they are not billed as custom metrics and cannot collide with the customer's own metrics.

Bad:   \"metric\": \"Datadog.marketplace.acme.host\"
Good:  \"metric\": \"datadog.marketplace.acme.host\"",
    ..RuleMeta::DEFAULT
};

impl Rule for MarketplacePricingMetric {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        for (i, item) in pricing_items(root).iter().enumerate() {
            if item.get("billing_type").and_then(|n| n.as_str()) != Some("tag_count") {
                continue;
            }
            // A missing or non-string metric is reported by manifest/marketplace-pricing.
            let Some(node) = item.get("metric") else {
                continue;
            };
            let Some(metric) = node.as_str() else {
                continue;
            };
            if metric.starts_with(PREFIX) && metric.len() > PREFIX.len() {
                continue;
            }
            let help = if metric.to_ascii_lowercase().starts_with(PREFIX) {
                format!(
                    "the prefix is case-sensitive: use `{PREFIX}{}`",
                    metric.get(PREFIX.len()..).unwrap_or("")
                )
            } else if metric.is_empty() {
                format!("name the billing metric, e.g. `{PREFIX}<partner>.<product>`")
            } else {
                format!(
                    "emit the billing metric under `{PREFIX}`, e.g. `{PREFIX}<partner>.<product>`"
                )
            };
            let message = if metric.is_empty() {
                format!("`pricing[{i}].metric` is empty")
            } else {
                format!("`pricing[{i}].metric` `{metric}` does not start with `{PREFIX}`")
            };
            out.push(Finding::at(source, node.span, message).help(help));
        }
    }
}
