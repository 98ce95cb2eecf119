use crate::diagnostic::Finding;
use crate::rules::service_checks::{report_repeats, Repeat};
use crate::rules::{Context, Rule, RuleMeta};

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
        report_repeats(
            ctx,
            "name",
            &Repeat {
                message: |v| format!("service check name `{v}` is used twice"),
                help: "give each service check its own name",
                first: "first used here",
            },
            out,
        );
    }
}
