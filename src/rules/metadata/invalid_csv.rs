use crate::diagnostic::Finding;
use crate::rules::metadata::Table;
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidCsv;

static META: RuleMeta = RuleMeta {
    id: "metadata/invalid-csv",
    summary: "metadata.csv cannot be read as CSV (an unterminated quote…)",
    explanation: "\
metadata.csv is read as RFC 4180 CSV: fields separated by commas, a field holding a comma, a
quote or a line break is wrapped in double quotes, and a quote inside it is doubled. A quoted
field that is never closed swallows the rest of the file, so every later row is lost. The
diagnostic points at the opening quote; the rows before it are still checked.

Bad:   acme.requests,count,,request,,\"Number of requests,0,acme,requests,
Good:  acme.requests,count,,request,,\"Number of requests, all kinds\",0,acme,requests,",
    ..RuleMeta::DEFAULT
};

impl Rule for InvalidCsv {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::file(ctx) else { return };
        let Some(e) = &t.doc.error else { return };
        out.push(
            Finding::at(t.source, e.span, format!("invalid CSV: {}", e.message))
                .label("quote opened here")
                .help("close the quoted field with `\"`, and double any quote inside it (`\"\"`)"),
        );
    }
}
