use crate::diagnostic::Finding;
use crate::rules::metadata::{report_repeats, Repeat};
use crate::rules::{Context, Rule, RuleMeta};

pub struct DuplicateMetric;

static META: RuleMeta = RuleMeta {
    id: "metadata/duplicate-metric",
    summary: "a metric_name appears on more than one metadata.csv row",
    explanation: "\
Each metric is described once in metadata.csv. A second row for the same metric_name is either
a copy-paste leftover or a conflicting description (another unit, type or orientation), and
which one Datadog keeps is an accident. Both rows are shown.

Bad:   acme.requests,count,,request,,Requests,0,acme,requests,
       acme.requests,gauge,,request,,Requests in flight,0,acme,requests,
Good:  acme.requests,count,,request,,Requests,0,acme,requests,
       acme.requests.in_flight,gauge,,request,,Requests in flight,0,acme,in flight,",
    ..RuleMeta::DEFAULT
};

impl Rule for DuplicateMetric {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        report_repeats(
            ctx,
            "metric_name",
            &Repeat {
                message: |v, line| format!("metric `{v}` is already described on line {line}"),
                label: Some("duplicate metric"),
                help: "keep one row per metric: remove this row or merge it with the first",
                first: "first described here",
            },
            out,
        );
    }
}
