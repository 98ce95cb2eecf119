use crate::diagnostic::Finding;
use crate::rules::manifest::{check_entries, metadata_metrics, metric_check_manifest};
use crate::rules::{Context, Rule, RuleMeta};

pub struct MetricCheckMissing;

static META: RuleMeta = RuleMeta {
    id: "manifest/metric-check-missing",
    summary: "metadata.csv describes metrics but `metrics.check` is absent",
    explanation: "\
An integration that describes metrics in metadata.csv must name, in
`assets.integration.metrics.check`, the metric whose presence tells Datadog it is installed and
reporting; without it the tile is never marked as installed. Reported once per integration.

Bad:   \"metrics\": {\"prefix\": \"acme.\", \"metadata_path\": \"metadata.csv\"}
Good:  \"metrics\": {\"prefix\": \"acme.\", \"check\": \"acme.requests.count\", \"metadata_path\": \"metadata.csv\"}",
    ..RuleMeta::DEFAULT
};

impl Rule for MetricCheckMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = metric_check_manifest(ctx) else {
            return;
        };
        let Some(metrics_node) = root.pointer("/assets/integration/metrics") else {
            return;
        };
        if metrics_node.get("metadata_path").is_none() {
            return;
        }
        let check = metrics_node.get("check");
        if check.is_some_and(|c| {
            check_entries(c)
                .iter()
                .any(|n| n.as_str().is_some_and(|s| !s.is_empty()))
        }) {
            return;
        }
        let Some(metrics) = metadata_metrics(ctx) else {
            return;
        };
        let Some(first) = metrics.first() else { return };
        let span = match check {
            Some(c) => c.span,
            None => root
                .key_span("/assets/integration/metrics")
                .unwrap_or(metrics_node.span),
        };
        let what = if check.is_some() {
            "is empty"
        } else {
            "is absent"
        };
        out.push(
            Finding::at(
                source,
                span,
                format!(
                    "`metrics.check` {what} but metadata.csv describes {} metric{}",
                    metrics.len(),
                    if metrics.len() == 1 { "" } else { "s" }
                ),
            )
            .help(format!(
                "add `\"check\": \"{first}\"` (a metric always sent when the integration works) to `assets.integration.metrics`"
            )),
        );
    }
}
