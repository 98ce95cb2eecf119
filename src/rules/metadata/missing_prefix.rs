use crate::diagnostic::Finding;
use crate::rules::metadata::{metric_prefix, Table, PROVIDER_INTEGRATIONS};
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::Span;

pub struct MissingPrefix;

static META: RuleMeta = RuleMeta {
    id: "metadata/missing-prefix",
    summary: "an integration with metadata.csv has no metric prefix",
    explanation: "\
An integration that describes metrics must declare their common prefix in manifest.json
(`assets.integration.metrics.prefix`), or, for a check without a manifest, in `.ddev/config.toml`
(`[overrides.metrics-prefix]`). Without it, metric names cannot be checked against the
integration. The provider integrations (openmetrics, prometheus) are exempt.

Bad:   \"metrics\": {\"check\": \"acme.requests\", \"metadata_path\": \"metadata.csv\"}
Good:  \"metrics\": {\"prefix\": \"acme.\", \"check\": \"acme.requests\", \"metadata_path\": \"metadata.csv\"}",
    ..RuleMeta::DEFAULT
};

impl Rule for MissingPrefix {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::file(ctx) else { return };
        if PROVIDER_INTEGRATIONS.contains(&ctx.name()) || metric_prefix(ctx).is_some() {
            return;
        }
        let help = "add `\"prefix\": \"<name>.\"` to `assets.integration.metrics` in manifest.json (or `[overrides.metrics-prefix]` in .ddev/config.toml)";
        let finding = match ctx.manifest() {
            Some((source, root)) => {
                let span = root
                    .key_span("/assets/integration/metrics")
                    .or_else(|| root.key_span("/assets/integration"))
                    .or_else(|| root.key_span("/assets"))
                    .unwrap_or(Span::new(root.span.start, root.span.start + 1));
                Finding::at(source, span, "no metric prefix in manifest.json or in the overrides")
            }
            None => Finding::at(
                t.source,
                Span::empty(t.source.content_start),
                "no metric prefix: the integration has no manifest.json and no `metrics-prefix` override",
            ),
        };
        out.push(finding.help(help));
    }
}
