use crate::diagnostic::Finding;
use crate::rules::metadata::{normalize_metric_name, Table};
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidMetricName;

static META: RuleMeta = RuleMeta {
    id: "metadata/invalid-metric-name",
    summary: "a metric_name differs from its normalized form",
    explanation: "\
Datadog's backend normalizes metric names: only ASCII letters, digits, `_` and `.` are kept
(other runs become `_`), the name must start with a letter, an `_` next to a `.` is dropped and
leading or trailing `_` are stripped. A metric_name that normalization would change describes a
metric that can never exist under that name. The help gives the normalized name.

Bad:   acme.request-count,count,,request,,Requests,0,acme,requests,
Good:  acme.request_count,count,,request,,Requests,0,acme,requests,",
    ..RuleMeta::DEFAULT
};

impl Rule for InvalidMetricName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        for (_, cell) in t.cells("metric_name") {
            if cell.value.is_empty() {
                continue;
            }
            let normalized = normalize_metric_name(&cell.value);
            if normalized == cell.value {
                continue;
            }
            out.push(
                Finding::at(
                    t.source,
                    cell.span,
                    format!("metric name `{}` is not normalized", cell.value),
                )
                .label(format!("normalized: `{normalized}`"))
                .help(format!(
                    "Datadog stores this metric as `{normalized}`: use that name"
                )),
            );
        }
    }
}
