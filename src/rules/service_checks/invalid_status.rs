use crate::diagnostic::Finding;
use crate::rules::metadata::closest;
use crate::rules::service_checks::{list_items, values, STATUSES};
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidStatus;

static META: RuleMeta = RuleMeta {
    id: "service-checks/invalid-status",
    summary: "a service check's `statuses` is empty or has an unknown status",
    explanation: "\
`statuses` lists the statuses a service check can report: a non-empty array of `ok`, `warning`,
`critical` and `unknown` (lower-case).

Bad:   \"statuses\": [\"OK\", \"error\"]
Good:  \"statuses\": [\"ok\", \"critical\"]",
    ..RuleMeta::DEFAULT
};

impl Rule for InvalidStatus {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, nodes)) = values(ctx, "statuses") else {
            return;
        };
        for node in nodes {
            let Some(items) = list_items(
                source,
                node,
                "statuses",
                "list the statuses, e.g. `[\"ok\", \"critical\"]`",
                out,
            ) else {
                continue;
            };
            if items.is_empty() {
                out.push(
                    Finding::at(source, node.span, "`statuses` is empty")
                        .help("list the statuses the check reports, e.g. `[\"ok\", \"critical\"]`"),
                );
            }
            for item in items {
                match item.as_str() {
                    Some(s) if STATUSES.contains(&s) => {}
                    Some(s) => {
                        let help = match closest(s, STATUSES) {
                            Some(c) => format!("use `{c}`"),
                            None => "use `ok`, `warning`, `critical` or `unknown`".to_string(),
                        };
                        out.push(
                            Finding::at(
                                source,
                                item.span,
                                format!("`{s}` is not a service check status"),
                            )
                            .help(help),
                        );
                    }
                    None => out.push(
                        Finding::at(
                            source,
                            item.span,
                            format!("a status must be a string, found {}", item.type_name()),
                        )
                        .help("use `ok`, `warning`, `critical` or `unknown`"),
                    ),
                }
            }
        }
    }
}
