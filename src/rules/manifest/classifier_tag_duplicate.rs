use super::tags;
use crate::diagnostic::{Finding, Location};
use crate::rules::{Context, Rule, RuleMeta};
use std::collections::HashMap;

pub struct ClassifierTagDuplicate;

static META: RuleMeta = RuleMeta {
    id: "manifest/classifier-tag-duplicate",
    summary: "the same classifier tag appears twice",
    explanation: "\
A classifier tag listed twice adds nothing, and usually means a merge or copy-paste went wrong
(for instance one copy was meant to be another value). Both places are shown.

Bad:   [\"Category::Metrics\", \"Supported OS::Linux\", \"Category::Metrics\"]
Good:  [\"Category::Metrics\", \"Supported OS::Linux\"]",
    ..RuleMeta::DEFAULT
};

impl Rule for ClassifierTagDuplicate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let mut seen: HashMap<&str, crate::source::Span> = HashMap::new();
        for (node, tag) in tags::tags(root) {
            match seen.get(tag) {
                Some(first) => out.push(
                    Finding::at(
                        source,
                        node.span,
                        format!("classifier tag `{tag}` appears twice"),
                    )
                    .label("duplicate tag")
                    .help("remove the second occurrence")
                    .related(Location::in_file(source, *first), "first listed here"),
                ),
                None => {
                    seen.insert(tag, node.span);
                }
            }
        }
    }
}
