use crate::diagnostic::Finding;
use crate::rules::service_checks::{report_repeats, Repeat};
use crate::rules::{Context, Rule, RuleMeta};

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
        report_repeats(
            ctx,
            "check",
            &Repeat {
                message: |v| format!("service check `{v}` is described twice"),
                help: "remove the second description, or rename the check",
                first: "first described here",
            },
            out,
        );
    }
}
