use crate::diagnostic::Finding;
use crate::rules::manifest::{check_entries, metadata_metrics, metric_check_manifest};
use crate::rules::metadata::closest;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MetricCheckNotInMetadata;

/// Metrics ddev accepts without a metadata row.
const EXEMPT: &[&str] = &["openstack.controller", "riakcs.bucket_list_pool.workers"];

static META: RuleMeta = RuleMeta {
    id: "manifest/metric-check-not-in-metadata",
    summary: "a `metrics.check` metric is not described in metadata.csv",
    explanation: "\
`assets.integration.metrics.check` names the metric (or metrics) whose presence tells Datadog
the integration is installed and reporting. Each must be a metric_name of the integration's
metadata.csv: a typo or a renamed metric leaves the tile never marked as installed. Metrics of
a marketplace listing's `pricing` are accepted too.

Bad:   \"check\": \"acme.request.count\"    (metadata.csv describes `acme.requests.count`)
Good:  \"check\": \"acme.requests.count\"",
    ..RuleMeta::DEFAULT
};

impl Rule for MetricCheckNotInMetadata {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = metric_check_manifest(ctx) else {
            return;
        };
        let Some(check) = root.pointer("/assets/integration/metrics/check") else {
            return;
        };
        let Some(metrics) = metadata_metrics(ctx) else {
            return;
        };
        let pricing: Vec<&str> = root
            .get("pricing")
            .and_then(|p| p.as_array())
            .unwrap_or(&[])
            .iter()
            .filter_map(|item| item.get("metric").and_then(|m| m.as_str()))
            .collect();
        let metadata_path = ctx
            .integration
            .metadata
            .as_ref()
            .map(|m| m.source.path.clone())
            .unwrap_or_default();
        for node in check_entries(check) {
            let Some(name) = node.as_str() else { continue };
            if name.is_empty()
                || metrics.contains(&name)
                || pricing.contains(&name)
                || EXEMPT.contains(&name)
            {
                continue;
            }
            let help = match closest(name, &metrics) {
                Some(c) => format!(
                    "did you mean `{c}`? the metric must be a metric_name of {metadata_path}"
                ),
                None => format!(
                    "name a metric that {metadata_path} describes, or add a row for `{name}`"
                ),
            };
            out.push(
                Finding::at(
                    source,
                    node.span,
                    format!("metric `{name}` of `metrics.check` is not in metadata.csv"),
                )
                .help(help),
            );
        }
    }
}
