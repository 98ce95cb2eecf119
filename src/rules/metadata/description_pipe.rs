use crate::diagnostic::Finding;
use crate::rules::metadata::Table;
use crate::rules::{Context, Rule, RuleMeta};

pub struct DescriptionPipe;

static META: RuleMeta = RuleMeta {
    id: "metadata/description-pipe",
    summary: "a description contains `|`",
    explanation: "\
Metric descriptions are rendered into Markdown tables in the documentation, where a `|` ends the
cell and breaks the table. Reword the description.

Bad:   acme.state,gauge,,,,State of the node: up | down,0,acme,state,
Good:  acme.state,gauge,,,,State of the node: up or down,0,acme,state,",
    ..RuleMeta::DEFAULT
};

impl Rule for DescriptionPipe {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        for (_, cell) in t.cells("description") {
            let Some(at) = cell.value.find('|') else {
                continue;
            };
            out.push(
                Finding::at(
                    t.source,
                    cell.sub_span(at..at + 1),
                    "the description contains `|`",
                )
                .label("`|` here")
                .help("replace `|` with words (`or`) or another character such as `/`"),
            );
        }
    }
}
