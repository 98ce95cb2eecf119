use crate::diagnostic::Finding;
use crate::parse::json::Node;
use crate::rules::metadata::closest;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MetricCheckNotInMetadata;

/// Integrations ddev skips, and metrics it accepts without a metadata row.
const SKIPPED: &[&str] = &["agent_metrics", "moogsoft", "snmp"];
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

/// The metric names of metadata.csv (every row, whatever its shape).
pub fn metadata_metrics<'a>(ctx: &Context<'a>) -> Option<Vec<&'a str>> {
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
pub fn check_entries(node: &Node) -> Vec<&Node> {
    match node.as_array() {
        Some(items) => items.iter().filter(|n| n.as_str().is_some()).collect(),
        None if node.as_str().is_some() => vec![node],
        None => Vec::new(),
    }
}

impl Rule for MetricCheckNotInMetadata {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        if SKIPPED.contains(&ctx.name()) {
            return;
        }
        let Some((source, root)) = ctx.manifest() else {
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
