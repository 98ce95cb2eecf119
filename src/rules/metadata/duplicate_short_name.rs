use crate::diagnostic::Finding;
use crate::diagnostic::Severity;
use crate::rules::metadata::{report_repeats, Repeat};
use crate::rules::{Context, Rule, RuleMeta};

pub struct DuplicateShortName;

static META: RuleMeta = RuleMeta {
    id: "metadata/duplicate-short-name",
    severity: Severity::Warning,
    default_enabled: false,
    summary: "a short_name appears on more than one metadata.csv row (off by default)",
    explanation: "\
The short_name is the label Datadog shows for a metric in compact views; two metrics with the
same short_name cannot be told apart there. This mirrors ddev's `--check-duplicates` warning and
is off by default (many integrations reuse short names for per-state metrics); select it with
`--select metadata/duplicate-short-name`.

Bad:   acme.requests.ok,count,,request,,OK requests,0,acme,requests,
       acme.requests.failed,count,,request,,Failed requests,0,acme,requests,
Good:  acme.requests.ok,count,,request,,OK requests,0,acme,ok requests,
       acme.requests.failed,count,,request,,Failed requests,0,acme,failed requests,",
    ..RuleMeta::DEFAULT
};

impl Rule for DuplicateShortName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        report_repeats(
            ctx,
            "short_name",
            &Repeat {
                message: |v, line| format!("short_name `{v}` is already used on line {line}"),
                label: None,
                help: "give each metric a short_name that tells it apart",
                first: "first used here",
            },
            out,
        );
    }
}
