use crate::diagnostic::{Finding, Location};
use crate::rules::{RepoContext, Rule, RuleMeta, Scope};

pub struct DdevConfigRule;

static META: RuleMeta = RuleMeta {
    id: "repo/ddev-config",
    scope: Scope::Repository,
    summary: "`.ddev/config.toml` cannot be read or is not valid TOML",
    explanation: "\
`.ddev/config.toml` carries the repository's overrides (display names, metric prefixes,
directories that are not integrations). When it cannot be parsed, ddev fails and ddlint validates
without the overrides, which may produce findings the overrides would have silenced.

Bad:   [overrides.display-name]
       storm = Storm          (a bare string)
Good:  storm = \"Storm\"",
    ..RuleMeta::DEFAULT
};

impl Rule for DdevConfigRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check_repo(&self, ctx: &RepoContext, out: &mut Vec<Finding>) {
        if let Some(err) = &ctx.repo.ddev_error {
            out.push(
                Finding::new(Location::path_only(".ddev/config.toml"), err.clone())
                    .help("fix the file; until then ddlint ignores its overrides"),
            );
        }
    }
}
