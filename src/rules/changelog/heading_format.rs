use crate::diagnostic::Finding;
use crate::parse::changelog::ProblemKind;
use crate::rules::{Context, Rule, RuleMeta, EXTRAS_MARKETPLACE};

pub struct HeadingFormat;

static META: RuleMeta = RuleMeta {
    id: "changelog/heading-format",
    kinds: EXTRAS_MARKETPLACE,
    summary: "a CHANGELOG.md release heading is malformed, or a `##` heading is not a release",
    explanation: "\
Release headings are `## X.Y.Z / YYYY-MM-DD` (`## [X.Y.Z] / YYYY-MM-DD` is accepted too): an H2,
the version, a space, a slash, a space and the date. The release tooling and `ddev validate
version` find releases with `## X.Y.Z`; a heading of another level (`#`, `###`, an underlined
heading), a `v` prefix or a slash without spaces is not seen as a release, and every other `##`
heading breaks the list of releases.

Bad:   ## 1.0.0/ 2023-01-01      ### 1.1.0 / 2024-01-01      ## v1.0
Good:  ## 1.0.0 / 2023-01-01",
    ..RuleMeta::DEFAULT
};

impl Rule for HeadingFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        if let Some(c) = &ctx.integration.changelog {
            super::report_problems(c, ProblemKind::HeadingFormat, out);
        }
    }
}
