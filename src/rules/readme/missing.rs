use crate::diagnostic::{Finding, Location, Severity};
use crate::repo::RepoKind;
use crate::rules::{Context, Rule, RuleMeta};

pub struct Missing;

static META: RuleMeta = RuleMeta {
    id: "readme/missing",
    summary: "the integration has no README.md (a warning in extras and marketplace)",
    explanation: "\
README.md is the integration's documentation: the tile's Overview and Setup tabs are cut from
it. integrations-core requires it (ddev crashes without it); in extras and the Marketplace ddev
skips integrations without one because READMEs are moving to the Publishing Platform, so there
it is a warning.

Bad:   acme/ with manifest.json and no README.md
Good:  acme/README.md with `## Overview` and `## Setup` sections",
    ..RuleMeta::DEFAULT
};

impl Rule for Missing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let m = ctx.integration;
        if m.tree.exists("README.md")
            || ctx.manifest_only()
            || m.manifest.is_none() && !m.is_python_package()
        {
            return;
        }
        let mut f = Finding::new(
            Location::path_only(m.repo_path("README.md")),
            "the integration has no README.md",
        )
        .help("add a README.md with `## Overview` and `## Setup` sections");
        if ctx.kind() != RepoKind::Core {
            f = f.severity(Severity::Warning);
        }
        out.push(f);
    }
}
