use crate::diagnostic::{Finding, Severity};
use crate::rules::{Context, Rule, RuleMeta, EXTRAS_MARKETPLACE};

pub struct MissingDate;

static META: RuleMeta = RuleMeta {
    id: "changelog/missing-date",
    severity: Severity::Warning,
    kinds: EXTRAS_MARKETPLACE,
    summary: "a CHANGELOG.md release heading has no date",
    explanation: "\
Each release heading carries its release date, `## X.Y.Z / YYYY-MM-DD`, so readers of the
Release Notes know when a change shipped. 117 real headings lack it, so this is a warning.

Bad:   ## 1.2.0
Good:  ## 1.2.0 / 2024-05-10",
    ..RuleMeta::DEFAULT
};

impl Rule for MissingDate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(c) = &ctx.integration.changelog else {
            return;
        };
        for r in &c.doc.releases {
            if r.date.is_none() && r.well_formed {
                out.push(
                    Finding::at(
                        &c.source,
                        r.heading,
                        format!("release `{}` has no date", r.version_text),
                    )
                    .help(format!(
                        "write the heading as `## {} / YYYY-MM-DD` with the release date",
                        r.version_text
                    )),
                );
            }
        }
    }
}
