use crate::diagnostic::{Finding, Location};
use crate::rules::metadata::Table;
use crate::rules::{Context, Rule, RuleMeta};
use std::collections::HashMap;

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
        let Some(t) = Table::of(ctx) else { return };
        let mut seen = HashMap::new();
        for (_, cell) in t.cells("metric_name") {
            if cell.value.is_empty() {
                continue;
            }
            match seen.get(cell.value.as_str()) {
                None => {
                    seen.insert(cell.value.as_str(), cell.span);
                }
                Some(first) => {
                    let line = t.source.position(first.start).line;
                    out.push(
                        Finding::at(
                            t.source,
                            cell.span,
                            format!(
                                "metric `{}` is already described on line {line}",
                                cell.value
                            ),
                        )
                        .label("duplicate metric")
                        .help("keep one row per metric: remove this row or merge it with the first")
                        .related(Location::in_file(t.source, *first), "first described here"),
                    );
                }
            }
        }
    }
}
