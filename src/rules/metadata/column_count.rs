use crate::diagnostic::Finding;
use crate::rules::metadata::Table;
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::Span;

pub struct ColumnCount;

static META: RuleMeta = RuleMeta {
    id: "metadata/column-count",
    summary: "a metadata.csv row has more or fewer fields than the header",
    explanation: "\
Every row of metadata.csv must have exactly as many fields as the header: a missing field
shifts the values into the wrong columns, and an extra one (usually an unquoted comma in a
description) does too. Quote a description that holds a comma. Such a row's other cells are not
checked, as they cannot be matched to their columns.

Bad:   acme.requests,count,,request,,Requests, all kinds,0,acme,requests,
Good:  acme.requests,count,,request,,\"Requests, all kinds\",0,acme,requests,",
    ..RuleMeta::DEFAULT
};

impl Rule for ColumnCount {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        let Some(header) = &t.doc.header else { return };
        let width = header.cells.len();
        for row in &t.doc.rows {
            let n = row.cells.len();
            if n == width {
                continue;
            }
            let (span, label) = if n > width {
                let start = row
                    .cells
                    .get(width)
                    .map_or(row.span.start, |c| c.span.start);
                (
                    Span::new(start.saturating_sub(1), row.span.end),
                    "extra fields",
                )
            } else {
                (row.span, "too few fields")
            };
            let fields = |k: usize| if k == 1 { "field" } else { "fields" };
            out.push(
                Finding::at(
                    t.source,
                    span,
                    format!("this row has {n} {}, the header has {width}", fields(n)),
                )
                .label(label)
                .help(if n > width {
                    "remove the extra fields, or quote the value that holds a comma"
                } else {
                    "add the missing fields (an empty value still needs its comma)"
                }),
            );
        }
    }
}
