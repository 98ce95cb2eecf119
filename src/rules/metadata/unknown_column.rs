use crate::diagnostic::Finding;
use crate::rules::metadata::{closest, Table, ALL_COLUMNS};
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::Span;

pub struct UnknownColumn;

static META: RuleMeta = RuleMeta {
    id: "metadata/unknown-column",
    summary: "a metadata.csv header column is not a known column",
    explanation: "\
The header of metadata.csv may only name the columns Datadog knows: metric_name, metric_type,
interval, unit_name, per_unit_name, description, orientation, integration, short_name,
curated_metric and sample_tags. Any other name (often a typo, or a stray space) is rejected by
ddev and its values are ignored.

Bad:   metric_name,metric_type,interval,unit,per_unit_name,...
Good:  metric_name,metric_type,interval,unit_name,per_unit_name,...",
    ..RuleMeta::DEFAULT
};

impl Rule for UnknownColumn {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        let Some(header) = &t.doc.header else { return };
        for cell in &header.cells {
            if ALL_COLUMNS.contains(&cell.value.as_str()) {
                continue;
            }
            if cell.value.trim().is_empty() {
                // Point at the comma that opens the nameless column.
                let span = if cell.span.is_empty() && cell.span.start > header.span.start {
                    Span::new(cell.span.start - 1, cell.span.end)
                } else {
                    cell.span
                };
                out.push(
                    Finding::at(t.source, span, "the header has a column without a name")
                        .label("empty column name")
                        .help("remove the extra comma from the header"),
                );
                continue;
            }
            let help = match closest(&cell.value, ALL_COLUMNS) {
                Some(c) => format!("did you mean `{c}`?"),
                None => format!("use only the known columns: {}", ALL_COLUMNS.join(", ")),
            };
            out.push(
                Finding::at(
                    t.source,
                    cell.span,
                    format!("unknown column `{}` in the header", cell.value),
                )
                .help(help),
            );
        }
    }
}
