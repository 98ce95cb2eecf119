use crate::diagnostic::Finding;
use crate::rules::metadata::Table;
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidInterval;

static META: RuleMeta = RuleMeta {
    id: "metadata/invalid-interval",
    summary: "an interval is not a non-negative integer",
    explanation: "\
The interval column gives, in seconds, the collection interval of a metric submitted as a rate
or count over a fixed period. It is empty or a whole number of seconds: no unit, sign or decimal
point.

Bad:   acme.requests,rate,15s,request,second,Requests per second,0,acme,requests,
Good:  acme.requests,rate,15,request,second,Requests per second,0,acme,requests,",
    ..RuleMeta::DEFAULT
};

impl Rule for InvalidInterval {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        for (_, cell) in t.cells("interval") {
            let v = cell.value.as_str();
            if v.is_empty() || v.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let digits: String = v.trim().chars().take_while(char::is_ascii_digit).collect();
            let help = if !digits.is_empty() {
                format!("write the number of seconds only: `{digits}`")
            } else {
                "write a whole number of seconds, or leave it empty".to_string()
            };
            out.push(
                Finding::at(
                    t.source,
                    cell.span,
                    format!("`{v}` is not a valid interval"),
                )
                .help(help),
            );
        }
    }
}
