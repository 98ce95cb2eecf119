use crate::diagnostic::{Finding, Severity};
use crate::parse::changelog::ProblemKind;
use crate::rules::{Context, Rule, RuleMeta, EXTRAS_MARKETPLACE};

pub struct UnknownSection;

static META: RuleMeta = RuleMeta {
    id: "changelog/unknown-section",
    severity: Severity::Warning,
    kinds: EXTRAS_MARKETPLACE,
    summary: "a CHANGELOG.md section marker is not one of the six change types in the usual style",
    explanation: "\
Under each release, changes are grouped by type with a marker line: `***Added***:`,
`***Fixed***:`, `***Changed***:`, `***Removed***:`, `***Security***:` or `***Deprecated***:`
(the colon is optional; `_**Added**_:` and `**_Added_**:` render the same and are accepted).
Other types, misspellings, plain bold or `###` headings render differently in the Release Notes
and are not understood by the release tooling.

Bad:   ***Adde***:      **Added**      ### Added      ***Changes***:
Good:  ***Added***:",
    ..RuleMeta::DEFAULT
};

impl Rule for UnknownSection {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        if let Some(c) = &ctx.integration.changelog {
            super::report_problems(c, ProblemKind::UnknownSection, out);
        }
    }
}
