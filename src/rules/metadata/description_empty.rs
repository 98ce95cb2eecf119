use crate::diagnostic::{Finding, Severity};
use crate::rules::metadata::Table;
use crate::rules::{Context, Rule, RuleMeta};

pub struct DescriptionEmpty;

static META: RuleMeta = RuleMeta {
    id: "metadata/description-empty",
    severity: Severity::Warning,
    summary: "a metric has an empty description",
    explanation: "\
The description is what Datadog shows for a metric in the metrics summary and in the
integration's documentation. A metric without one is hard to use. A warning, as in ddev.

Bad:   acme.requests,count,,request,,,0,acme,requests,
Good:  acme.requests,count,,request,,Number of requests served,0,acme,requests,",
    ..RuleMeta::DEFAULT
};

impl Rule for DescriptionEmpty {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        for (row, cell) in t.cells("description") {
            if !cell.value.is_empty() {
                continue;
            }
            let name = t
                .cell(row, "metric_name")
                .map(|c| c.value.as_str())
                .filter(|n| !n.is_empty())
                .unwrap_or("?");
            out.push(
                Finding::at(
                    t.source,
                    cell.span,
                    format!("metric `{name}` has an empty description"),
                )
                .help("describe what the metric measures"),
            );
        }
    }
}
