use crate::diagnostic::Finding;
use crate::rules::metadata::{closest, Table, METRIC_TYPES};
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidMetricType;

static META: RuleMeta = RuleMeta {
    id: "metadata/invalid-metric-type",
    summary: "a metric_type is not `count`, `gauge` or `rate`",
    explanation: "\
The metric_type column gives the in-app type of the metric: `count`, `gauge` or `rate`
(lower-case). Other values, including `distribution`, `histogram` and `monotonic_count`, are
rejected: a histogram is submitted as several gauges and counts, each described on its own row.

Bad:   acme.latency,histogram,,millisecond,,Request latency,-1,acme,latency,
Good:  acme.latency.avg,gauge,,millisecond,,Average request latency,-1,acme,latency,",
    ..RuleMeta::DEFAULT
};

impl Rule for InvalidMetricType {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        for (_, cell) in t.cells("metric_type") {
            let v = cell.value.as_str();
            if v.is_empty() || METRIC_TYPES.contains(&v) {
                continue;
            }
            let help = match closest(v, METRIC_TYPES) {
                Some(c) => format!("use `{c}` (metric_type is one of `count`, `gauge`, `rate`)"),
                None if v == "monotonic_count" => {
                    "a monotonic count is submitted as `count`: use `count`".to_string()
                }
                None => "use one of `count`, `gauge`, `rate`".to_string(),
            };
            out.push(
                Finding::at(
                    t.source,
                    cell.span,
                    format!("`{v}` is not a valid metric_type"),
                )
                .help(help),
            );
        }
    }
}
