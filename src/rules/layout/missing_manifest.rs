use crate::diagnostic::{Finding, Location, Severity};
use crate::rules::{RepoContext, Rule, RuleMeta, Scope};

pub struct MissingManifest;

static META: RuleMeta = RuleMeta {
    id: "layout/missing-manifest",
    severity: Severity::Warning,
    scope: Scope::Repository,
    summary: "a top-level directory looks like an integration but has no manifest.json",
    explanation: "\
A top-level directory with a metadata.csv, a CHANGELOG.md or an assets/ folder but neither a
manifest.json nor a Python package looks like an integration that was half created, or whose
manifest was deleted by mistake. Neither ddev nor ddlint validates it, so its defects go unseen.

Add the manifest, or, if the directory is deliberately not an integration, say so in
`.ddev/config.toml`:

    [overrides.is-integration]
    my_notes = false",
    ..RuleMeta::DEFAULT
};

impl Rule for MissingManifest {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check_repo(&self, ctx: &RepoContext, out: &mut Vec<Finding>) {
        for name in &ctx.repo.half_made {
            out.push(
                Finding::new(
                    Location::path_only(name.clone()),
                    format!("`{name}` has integration files but no manifest.json"),
                )
                .help(format!(
                    "add `{name}/manifest.json`, or set `overrides.is-integration.{name} = false` in .ddev/config.toml"
                )),
            );
        }
    }
}
