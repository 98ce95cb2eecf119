use crate::diagnostic::Finding;
use crate::rules::metadata::{Table, REQUIRED_COLUMNS};
use crate::rules::{Context, Rule, RuleMeta};

pub struct MissingColumn;

static META: RuleMeta = RuleMeta {
    id: "metadata/missing-column",
    summary: "a required metadata.csv column is absent from the header",
    explanation: "\
The header of metadata.csv must name every required column: metric_name, metric_type,
interval, unit_name, per_unit_name, description, orientation, integration and short_name
(curated_metric and sample_tags are optional). The header is checked even when the file has no
rows, unlike ddev, which only notices through the rows.

Bad:   metric_name,metric_type,unit_name,per_unit_name,description,orientation,integration
Good:  metric_name,metric_type,interval,unit_name,per_unit_name,description,orientation,integration,short_name,curated_metric",
    ..RuleMeta::DEFAULT
};

impl Rule for MissingColumn {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        let Some(header) = &t.doc.header else { return };
        for col in REQUIRED_COLUMNS {
            if t.column(col).is_some() {
                continue;
            }
            out.push(
                Finding::at(
                    t.source,
                    header.span,
                    format!("the header has no `{col}` column"),
                )
                .label(format!("`{col}` missing"))
                .help(format!(
                    "add a `{col}` column to the header (canonical order: metric_name, metric_type, interval, unit_name, per_unit_name, description, orientation, integration, short_name, curated_metric)"
                )),
            );
        }
    }
}
