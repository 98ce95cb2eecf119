use crate::diagnostic::{Finding, Severity};
use crate::rules::{Context, Rule, RuleMeta, MARKETPLACE};

pub struct AppIdMismatch;

static META: RuleMeta = RuleMeta {
    id: "naming/app-id-mismatch",
    severity: Severity::Warning,
    kinds: MARKETPLACE,
    summary: "marketplace `app_id` is not the directory name with `_` replaced by `-`",
    explanation: "\
`ddev create` derives a Marketplace listing's `app_id` from its `<partner>_<integration>`
directory by turning `_` into `-`, so the two identify the same listing at a glance. It is a
warning because `app_id` is immutable once published and 15 of 75 published listings differ
(renamed directories, `-license` suffixes): do not change a published `app_id` to satisfy it.

Bad:   acme_cloud/manifest.json: \"app_id\": \"acme-cloud-monitoring\"
Good:  acme_cloud/manifest.json: \"app_id\": \"acme-cloud\"",
    ..RuleMeta::DEFAULT
};

impl Rule for AppIdMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let Some(node) = root.get("app_id") else {
            return;
        };
        let Some(app_id) = node.as_str() else { return };
        let expected = ctx.name().replace('_', "-");
        if app_id == expected {
            return;
        }
        out.push(
            Finding::at(
                source,
                node.span,
                format!("`app_id` `{app_id}` differs from the directory name `{}`", ctx.name()),
            )
            .label(format!("expected `{expected}`"))
            .help(format!("for a new listing use `{expected}`; never change the `app_id` of a published listing")),
        );
    }
}
