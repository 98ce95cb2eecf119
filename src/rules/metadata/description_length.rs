use crate::diagnostic::Finding;
use crate::rules::metadata::Table;
use crate::rules::{Context, Rule, RuleMeta};

pub struct DescriptionLength;

const MAX: usize = 400;

static META: RuleMeta = RuleMeta {
    id: "metadata/description-length",
    summary: "a description is longer than 400 characters",
    explanation: "\
Datadog's metric catalogue keeps at most 400 characters of a metric description. Characters are
counted as Unicode characters, not bytes. Keep descriptions to a sentence or two and move the
details to the README.

Bad:   acme.requests,count,,request,,<a 600-character essay>,0,acme,requests,
Good:  acme.requests,count,,request,,Number of requests served,0,acme,requests,",
    ..RuleMeta::DEFAULT
};

impl Rule for DescriptionLength {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        for (_, cell) in t.cells("description") {
            let len = cell.value.chars().count();
            if len <= MAX {
                continue;
            }
            out.push(
                Finding::at(
                    t.source,
                    cell.span,
                    format!("the description is {len} characters long, over the limit of {MAX}"),
                )
                .label(format!("{len} characters"))
                .help(format!(
                    "shorten the description to at most {MAX} characters"
                )),
            );
        }
    }
}
