use crate::diagnostic::Finding;
use crate::rules::service_checks::{list_items, values};
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidGroups;

static META: RuleMeta = RuleMeta {
    id: "service-checks/invalid-groups",
    summary: "a service check's `groups` is not a list of strings",
    explanation: "\
`groups` lists the tags a service check's status is grouped by in monitors (e.g. `host`,
`endpoint`). It is an array of strings, possibly empty.

Bad:   \"groups\": \"host\"
Good:  \"groups\": [\"host\"]",
    ..RuleMeta::DEFAULT
};

impl Rule for InvalidGroups {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, nodes)) = values(ctx, "groups") else {
            return;
        };
        for node in nodes {
            let Some(items) = list_items(
                source,
                node,
                "groups",
                "write the groups as an array of tag names, e.g. `[\"host\"]`, or `[]`",
                out,
            ) else {
                continue;
            };
            for item in items {
                if item.as_str().is_none() {
                    out.push(
                        Finding::at(
                            source,
                            item.span,
                            format!("a group must be a string, found {}", item.type_name()),
                        )
                        .help("write each group as a tag name string, e.g. `\"host\"`"),
                    );
                }
            }
        }
    }
}
