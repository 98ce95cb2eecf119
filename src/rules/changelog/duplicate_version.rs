use crate::diagnostic::{Finding, Location};
use crate::rules::{Context, Rule, RuleMeta};
use std::collections::HashMap;

pub struct DuplicateVersion;

static META: RuleMeta = RuleMeta {
    id: "changelog/duplicate-version",
    summary: "the same version is released twice in CHANGELOG.md",
    explanation: "\
A version is released once; a second heading with the same version (compared as SemVer) is a
copy-paste mistake or a forgotten version bump, and makes the Release Notes ambiguous. Both
headings are shown.

Bad:   ## 1.1.0 / 2024-05-10  …  ## 1.1.0 / 2024-03-02
Good:  ## 1.2.0 / 2024-05-10  …  ## 1.1.0 / 2024-03-02",
    ..RuleMeta::DEFAULT
};

impl Rule for DuplicateVersion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(c) = &ctx.integration.changelog else {
            return;
        };
        let mut seen: HashMap<&semver::Version, &crate::parse::changelog::Release> = HashMap::new();
        for r in &c.doc.releases {
            let Some(v) = &r.version else { continue };
            match seen.get(v) {
                Some(first) => out.push(
                    Finding::at(
                        &c.source,
                        r.version_span,
                        format!("version `{v}` is released twice"),
                    )
                    .related(
                        Location::in_file(&c.source, first.version_span),
                        "first released here",
                    )
                    .help("merge the two entries, or give the newer release its own version"),
                ),
                None => {
                    seen.insert(v, r);
                }
            }
        }
    }
}
