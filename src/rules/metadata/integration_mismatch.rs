use crate::diagnostic::{Edit, Finding, Fix};
use crate::rules::metadata::{expected_integration, Table};
use crate::rules::{Context, Rule, RuleMeta};

pub struct IntegrationMismatch;

static META: RuleMeta = RuleMeta {
    id: "metadata/integration-mismatch",
    fixable: true,
    summary: "the `integration` column differs from the integration's normalized name",
    explanation: "\
The `integration` column ties each metric to its integration. Its expected value is the
`.ddev/config.toml` override `[overrides.validate.metadata.integration]` if set, else the
normalized display name: the `overrides.display-name` or the manifest's `source_type_name` (else
the directory name), with every character outside `[0-9A-Za-z-]` turned into `_`, runs of `_`
collapsed, `_` stripped at both ends, and lower-cased. The safe fix writes the expected value
into the cell.

Bad:   source_type_name `Acme Cache`, integration column `acme-cache`
Good:  source_type_name `Acme Cache`, integration column `acme_cache`",
    ..RuleMeta::DEFAULT
};

impl Rule for IntegrationMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        let expected = expected_integration(ctx);
        if ctx.repo.ddev.metrics_exclude.contains(&expected) {
            return;
        }
        for (_, cell) in t.cells("integration") {
            if cell.value.is_empty() || cell.value == expected {
                continue;
            }
            let plain = !expected.contains([',', '"', '\r', '\n']);
            let replacement = if plain {
                expected.clone()
            } else {
                format!("\"{}\"", expected.replace('"', "\"\""))
            };
            out.push(
                Finding::at(
                    t.source,
                    cell.span,
                    format!(
                        "integration `{}` does not match the expected `{expected}`",
                        cell.value
                    ),
                )
                .label(format!("expected `{expected}`"))
                .help(format!(
                    "set the integration column to `{expected}` (the normalized display name `{}`)",
                    ctx.display_name()
                ))
                .fix(Fix {
                    description: format!("set the integration column to `{expected}`"),
                    edits: vec![Edit {
                        span: cell.span,
                        replacement,
                    }],
                }),
            );
        }
    }
}
