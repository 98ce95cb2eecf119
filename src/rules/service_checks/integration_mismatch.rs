use crate::diagnostic::{Edit, Finding, Fix};
use crate::rules::service_checks::{expected_integration, values};
use crate::rules::{Context, Rule, RuleMeta};

pub struct IntegrationMismatch;

static META: RuleMeta = RuleMeta {
    id: "service-checks/integration-mismatch",
    fixable: true,
    summary: "a service check's `integration` differs from the manifest's `source_type_name`",
    explanation: "\
The `integration` of each service check must be the integration's display name as the manifest
declares it (`assets.integration.source_type_name`), exactly: Datadog groups service checks by
it. (A few core checks report under another integration's name, e.g. `disk` under `System`.)
The safe fix writes the expected value, as `ddev validate service-checks --sync` does.

Bad:   source_type_name `Acme (Community Version)`, \"integration\": \"Acme\"
Good:  source_type_name `Acme (Community Version)`, \"integration\": \"Acme (Community Version)\"",
    ..RuleMeta::DEFAULT
};

impl Rule for IntegrationMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(expected) = expected_integration(ctx) else {
            return;
        };
        let Some((source, nodes)) = values(ctx, "integration") else {
            return;
        };
        for node in nodes {
            let msg = match node.as_str() {
                Some(v) if v == expected => continue,
                Some(v) => format!("service check integration `{v}` does not match `{expected}`"),
                None => format!("`integration` must be a string, found {}", node.type_name()),
            };
            let mut f = Finding::at(source, node.span, msg)
                .label(format!("expected `{expected}`"))
                .help(format!(
                    "set `\"integration\": \"{expected}\"` (the manifest's `source_type_name`)"
                ));
            if let Ok(json) = serde_json::to_string(&expected) {
                f = f.fix(Fix {
                    description: format!("set `integration` to `{expected}`"),
                    edits: vec![Edit {
                        span: node.span,
                        replacement: json,
                    }],
                });
            }
            if let Some((msrc, root)) = ctx.manifest() {
                if let Some(n) = root.pointer("/assets/integration/source_type_name") {
                    f = f.related(
                        crate::diagnostic::Location::in_file(msrc, n.span),
                        "source_type_name in manifest.json",
                    );
                }
            }
            out.push(f);
        }
    }
}
