use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

pub struct UnsupportedVersion;

static META: RuleMeta = RuleMeta {
    id: "manifest/unsupported-version",
    summary: "`manifest_version` is not `2.0.0`",
    explanation: "\
Datadog publishes only manifest_version 2.0.0 manifests; ddev rejects 1.0.0 and aborts on any other
value. The v1 layout (`display_name`, `assets.metrics_metadata`, `terms`) is not understood by the
publishing pipeline, and the other manifest rules assume the v2 layout.

Bad:   \"manifest_version\": \"1.0.0\"
Good:  \"manifest_version\": \"2.0.0\"",
    ..RuleMeta::DEFAULT
};

impl Rule for UnsupportedVersion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let Some(node) = root.get("manifest_version") else {
            return;
        };
        // A value that is not a string is a type error (`manifest/schema`).
        let Some(v) = node.as_str() else { return };
        if v != "2.0.0" {
            out.push(
                Finding::at(
                    source,
                    node.span,
                    format!("`manifest_version` is `{v}`, only `2.0.0` is supported"),
                )
                .label("unsupported version")
                .help("migrate the manifest to the 2.0.0 layout and set `\"manifest_version\": \"2.0.0\"`"),
            );
        }
    }
}
