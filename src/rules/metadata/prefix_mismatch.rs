use crate::diagnostic::Finding;
use crate::rules::metadata::{metric_prefix, Table, ALLOWED_PREFIXES};
use crate::rules::{Context, Rule, RuleMeta};

pub struct PrefixMismatch;

static META: RuleMeta = RuleMeta {
    id: "metadata/prefix-mismatch",
    summary: "a metric_name does not start with the integration's metric prefix",
    explanation: "\
Every metric an integration describes must start with its metric prefix (the manifest's
`assets.integration.metrics.prefix`, or the `.ddev/config.toml` `metrics-prefix` override), or
with one of the prefixes shared by all integrations: system., jvm., http., datadog., sftp.,
process., runtime., otelcol_. Each offending row is reported (ddev only counts them).

Bad:   prefix `acme.`, metric_name `acmee.requests`
Good:  prefix `acme.`, metric_name `acme.requests`",
    ..RuleMeta::DEFAULT
};

impl Rule for PrefixMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        let Some(prefix) = metric_prefix(ctx) else {
            return;
        };
        for (_, cell) in t.cells("metric_name") {
            let name = cell.value.as_str();
            if name.is_empty()
                || name.starts_with(prefix.as_str())
                || ALLOWED_PREFIXES.iter().any(|p| name.starts_with(p))
            {
                continue;
            }
            out.push(
                Finding::at(
                    t.source,
                    cell.span,
                    format!("metric `{name}` does not start with the metric prefix `{prefix}`"),
                )
                .help(format!(
                    "rename the metric to start with `{prefix}` (or one of {}), or fix `metrics.prefix` in manifest.json",
                    ALLOWED_PREFIXES.join(", ")
                )),
            );
        }
    }
}
