use crate::diagnostic::{Finding, Location};
use crate::rules::service_checks::checks;
use crate::rules::{Context, Rule, RuleMeta};
use std::collections::HashMap;

pub struct DuplicateCheck;

static META: RuleMeta = RuleMeta {
    id: "service-checks/duplicate-check",
    summary: "two service checks have the same `check` name",
    explanation: "\
Each service check of an integration is described once: two objects with the same `check`
value conflict, and which description Datadog shows is an accident. Both are shown.

Bad:   [{\"check\": \"acme.can_connect\", ...}, {\"check\": \"acme.can_connect\", ...}]
Good:  [{\"check\": \"acme.can_connect\", ...}, {\"check\": \"acme.cluster_health\", ...}]",
    ..RuleMeta::DEFAULT
};

impl Rule for DuplicateCheck {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, objs)) = checks(ctx) else {
            return;
        };
        let mut seen = HashMap::new();
        for obj in objs {
            let Some(node) = obj.get("check") else {
                continue;
            };
            let Some(v) = node.as_str().filter(|v| !v.is_empty()) else {
                continue;
            };
            if let Some(first) = seen.get(v) {
                out.push(
                    Finding::at(
                        source,
                        node.span,
                        format!("service check `{v}` is described twice"),
                    )
                    .help("remove the second description, or rename the check")
                    .related(Location::in_file(source, *first), "first described here"),
                );
            } else {
                seen.insert(v, node.span);
            }
        }
    }
}
