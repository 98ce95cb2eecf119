use super::nearest_span;
use crate::diagnostic::{Finding, Location};
use crate::rules::{Context, Rule, RuleMeta};

pub struct UndeclaredMetadata;

static META: RuleMeta = RuleMeta {
    id: "manifest/undeclared-metadata",
    summary: "metadata.csv exists but `metrics.metadata_path` is not set",
    explanation: "\
Datadog reads an integration's metric descriptions (units, types, descriptions shown in the
metrics summary) from the file `assets.integration.metrics.metadata_path` names. A metadata.csv
that the manifest does not declare is never published, so its metrics show up undocumented
(ddev's metadata-path check reports it).

Bad:   metadata.csv committed, and no \"metrics\" object under assets.integration
Good:  \"metrics\": {\"prefix\": \"acme.\", \"check\": \"acme.requests.count\", \"metadata_path\": \"metadata.csv\"}",
    ..RuleMeta::DEFAULT
};

impl Rule for UndeclaredMetadata {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        if !ctx.integration.tree.is_file("metadata.csv") {
            return;
        }
        let pointer = "/assets/integration/metrics/metadata_path";
        if root.pointer(pointer).is_some() {
            return;
        }
        let prefix = ctx
            .metric_prefix()
            .unwrap_or_else(|| format!("{}.", ctx.name()));
        out.push(
            Finding::at(
                source,
                nearest_span(root, pointer),
                "metadata.csv exists but `assets.integration.metrics.metadata_path` is not set",
            )
            .label("no metrics.metadata_path")
            .help(format!(
                "declare it: \"metrics\": {{\"prefix\": \"{prefix}\", \"check\": \"…\", \"metadata_path\": \"metadata.csv\"}} under assets.integration"
            ))
            .related(
                Location::path_only(ctx.integration.repo_path("metadata.csv")),
                "the undeclared file",
            ),
        );
    }
}
