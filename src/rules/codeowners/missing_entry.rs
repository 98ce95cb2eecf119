use crate::diagnostic::{Finding, Location};
use crate::rules::{RepoContext, Rule, RuleMeta, Scope, EXTRAS_MARKETPLACE};

pub struct MissingEntry;

static META: RuleMeta = RuleMeta {
    id: "codeowners/missing-entry",
    kinds: EXTRAS_MARKETPLACE,
    scope: Scope::Repository,
    summary:
        "an integration has no `/<dir>/` line in .github/CODEOWNERS, or its line has no `@` owner",
    explanation: "\
In integrations-extras and the Marketplace every integration is maintained by its partner:
`ddev validate codeowners` requires a `/<dir>/` line in `.github/CODEOWNERS` for every
directory with a manifest.json, and the first owner of every `/<key>/` line must be a GitHub
user or team (`@name`), so that pull requests reach someone. (A few old tiles keep an e-mail
owner and are accepted, as ddev accepts them.) When a key has several lines, the last one
counts.

Bad:   /acme/                                (no owner)
       /acme/     support@acme.example.com   (an e-mail first)
Good:  /acme/     @acme-corp/integrations  support@acme.example.com",
    ..RuleMeta::DEFAULT
};

/// Tiles that ddev allows to keep an e-mail as their first owner.
const EMAIL_OWNERS: &[&str] = &[
    "1e",
    "auth0",
    "bluematador",
    "bonsai",
    "buddy",
    "concourse_ci",
    "f5-distributed-cloud",
    "launchdarkly",
    "lacework",
    "gremlin",
    "perimeterx",
    "rigor",
    "rookout",
    "rundeck",
    "sqreen",
    "squadcast",
];

impl Rule for MissingEntry {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check_repo(&self, ctx: &RepoContext, out: &mut Vec<Finding>) {
        let with_manifest: Vec<&str> = ctx
            .integrations
            .iter()
            .filter(|i| i.has_manifest)
            .map(|i| i.name.as_str())
            .collect();
        let Some(co) = ctx.codeowners else {
            if !with_manifest.is_empty() {
                out.push(
                    Finding::new(
                        Location::path_only(".github/CODEOWNERS"),
                        "`.github/CODEOWNERS` does not exist, so no integration has an owner",
                    )
                    .help("create .github/CODEOWNERS with a `/<dir>/ @owner` line for every integration"),
                );
            }
            return;
        };
        let source = &co.source;
        let last = co.doc.ddev_entries();
        for name in &with_manifest {
            if !last.contains_key(name) {
                let mut f = Finding::new(
                    Location::path_only(".github/CODEOWNERS"),
                    format!("integration `{name}` has no `/{name}/` line in .github/CODEOWNERS"),
                )
                .help(format!("add a line `/{name}/ @<github-user-or-team>`"));
                f.integration = Some(name.to_string());
                out.push(f);
            }
        }
        let owner_of = |key: &str| {
            let top = key.split('/').next().unwrap_or(key);
            with_manifest
                .iter()
                .find(|n| **n == top)
                .map(|n| n.to_string())
        };
        for (key, e) in last {
            let mut f = match e.owners.first() {
                None => Finding::at(
                    source,
                    e.pattern_span,
                    format!("`{}` has no owner", e.pattern),
                )
                .help(format!(
                    "add the GitHub user or team that maintains it: `{} @<owner>`",
                    e.pattern
                )),
                Some(o) if !o.name.starts_with('@') && !EMAIL_OWNERS.contains(&key) => Finding::at(
                    source,
                    o.span,
                    format!(
                        "the first owner of `{}` is `{}`, not a GitHub `@user` or `@org/team`",
                        e.pattern, o.name
                    ),
                )
                .help("put a GitHub user or team first; e-mail addresses may follow it"),
                Some(_) => continue,
            };
            f.integration = owner_of(key);
            out.push(f);
        }
    }
}
