use crate::diagnostic::{Finding, Location};
use crate::rules::service_checks::checks;
use crate::rules::{Context, Rule, RuleMeta};
use std::collections::HashMap;

pub struct DuplicateName;

static META: RuleMeta = RuleMeta {
    id: "service-checks/duplicate-name",
    summary: "two service checks have the same `name`",
    explanation: "\
The `name` of a service check is its title in Datadog (monitors, the integration tile). Two
service checks of one integration with the same name cannot be told apart. Both are shown.

Bad:   [{\"check\": \"acme.can_connect\", \"name\": \"Can Connect\"}, {\"check\": \"acme.health\", \"name\": \"Can Connect\"}]
Good:  [{\"check\": \"acme.can_connect\", \"name\": \"Can Connect\"}, {\"check\": \"acme.health\", \"name\": \"Health\"}]",
    ..RuleMeta::DEFAULT
};

impl Rule for DuplicateName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, objs)) = checks(ctx) else {
            return;
        };
        let mut seen = HashMap::new();
        for obj in objs {
            let Some(node) = obj.get("name") else {
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
                        format!("service check name `{v}` is used twice"),
                    )
                    .help("give each service check its own name")
                    .related(Location::in_file(source, *first), "first used here"),
                );
            } else {
                seen.insert(v, node.span);
            }
        }
    }
}
