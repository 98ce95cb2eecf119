use crate::diagnostic::Finding;
use crate::rules::metadata::{Table, CURATED_TYPES};
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidCuratedMetric;

static META: RuleMeta = RuleMeta {
    id: "metadata/invalid-curated-metric",
    summary: "a curated_metric item is not `cpu`/`memory`, or is repeated",
    explanation: "\
curated_metric marks the metrics Datadog shows as an integration's CPU or memory usage. It is
empty, or a `|`-separated list of `cpu` and `memory`, each at most once.

Bad:   acme.proc.cpu,gauge,,percent,,CPU usage,-1,acme,cpu,CPU|cpu
Good:  acme.proc.cpu,gauge,,percent,,CPU usage,-1,acme,cpu,cpu",
    ..RuleMeta::DEFAULT
};

impl Rule for InvalidCuratedMetric {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        for (_, cell) in t.cells("curated_metric") {
            if cell.value.is_empty() {
                continue;
            }
            let mut seen: Vec<&str> = Vec::new();
            let mut at = 0;
            for item in cell.value.split('|') {
                let span = cell.sub_span(at..at + item.len());
                at += item.len() + 1;
                if !CURATED_TYPES.contains(&item) {
                    out.push(
                        Finding::at(
                            t.source,
                            span,
                            format!("`{item}` is not a valid curated_metric type"),
                        )
                        .help("use `cpu` or `memory` (several separated by `|`)"),
                    );
                } else if seen.contains(&item) {
                    out.push(
                        Finding::at(
                            t.source,
                            span,
                            format!("curated_metric type `{item}` is repeated"),
                        )
                        .help(format!("list `{item}` once")),
                    );
                }
                seen.push(item);
            }
        }
    }
}
