use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta, EXTRAS_MARKETPLACE};

pub struct EmptyRelease;

static META: RuleMeta = RuleMeta {
    id: "changelog/empty-release",
    kinds: EXTRAS_MARKETPLACE,
    summary: "a CHANGELOG.md release has no bullet items",
    explanation: "\
Every release lists what changed, as `* ` bullet items under a section marker. A release
heading with nothing under it (or only prose) tells users nothing and usually means the entry
was forgotten.

Bad:   ## 1.1.0 / 2024-03-02
       ## 1.0.0 / 2023-11-20
Good:  ## 1.1.0 / 2024-03-02
       ***Added***:
       * Add the `acme.memory.used` metric.",
    ..RuleMeta::DEFAULT
};

impl Rule for EmptyRelease {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(c) = &ctx.integration.changelog else {
            return;
        };
        for r in &c.doc.releases {
            if r.item_count() == 0 {
                out.push(
                    Finding::at(&c.source, r.heading, format!("release `{}` lists no changes", r.version_text))
                        .help("add a section marker such as `***Added***:` followed by `* ` items describing the changes"),
                );
            }
        }
    }
}
