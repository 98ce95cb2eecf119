use crate::diagnostic::Finding;
use crate::rules::metadata::Table;
use crate::rules::{Context, Rule, RuleMeta};

pub struct RequiredEmpty;

static META: RuleMeta = RuleMeta {
    id: "metadata/required-empty",
    summary: "an empty metric_name, metric_type, orientation or integration cell",
    explanation: "\
metric_name, metric_type, orientation and integration must have a value on every row of
metadata.csv. Each empty cell is reported on its own row (ddev only counts them per column).

Bad:   acme.requests,,,request,,Requests,0,acme,requests,
Good:  acme.requests,count,,request,,Requests,0,acme,requests,",
    ..RuleMeta::DEFAULT
};

impl Rule for RequiredEmpty {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        for column in ["metric_name", "metric_type", "orientation", "integration"] {
            for (_, cell) in t.cells(column) {
                if !cell.value.is_empty() {
                    continue;
                }
                let help = match column {
                    "metric_type" => "set the metric_type: `count`, `gauge` or `rate`",
                    "orientation" => "set the orientation: `1`, `-1` or `0`",
                    "integration" => {
                        "set the integration column to the integration's normalized name"
                    }
                    _ => "give the row its metric name, or remove the row",
                };
                out.push(
                    Finding::at(t.source, cell.span, format!("{column} is empty"))
                        .label(format!("empty {column}"))
                        .help(help),
                );
            }
        }
    }
}
