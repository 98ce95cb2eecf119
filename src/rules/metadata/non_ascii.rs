use crate::diagnostic::Finding;
use crate::rules::metadata::Table;
use crate::rules::{Context, Rule, RuleMeta};

pub struct NonAscii;

static META: RuleMeta = RuleMeta {
    id: "metadata/non-ascii",
    summary: "a metadata.csv cell holds a non-ASCII character",
    explanation: "\
metadata.csv is published to Datadog's metric catalogue, which accepts ASCII only. Curly quotes,
non-breaking spaces and accented letters pasted from documents are the usual culprits. The unit
columns are exempt, as a few catalogue units (e.g. `złoty`) are not ASCII. The diagnostic
points at the first such character of each cell.

Bad:   acme.requests,count,,request,,Requests served “per host”,0,acme,requests,
Good:  acme.requests,count,,request,,Requests served \"\"per host\"\",0,acme,requests,",
    ..RuleMeta::DEFAULT
};

impl Rule for NonAscii {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        let Some(header) = &t.doc.header else { return };
        for row in t.rows() {
            for (cell, column) in row.cells.iter().zip(&header.cells) {
                if matches!(column.value.as_str(), "unit_name" | "per_unit_name") {
                    continue;
                }
                let Some((at, c)) = cell.value.char_indices().find(|(_, c)| !c.is_ascii()) else {
                    continue;
                };
                out.push(
                    Finding::at(
                        t.source,
                        cell.sub_span(at..at + c.len_utf8()),
                        format!(
                            "{} contains the non-ASCII character `{c}` (U+{:04X})",
                            column.value, c as u32
                        ),
                    )
                    .help(match c {
                        '\u{2018}' | '\u{2019}' => "use a plain apostrophe `'`".to_string(),
                        '\u{201C}' | '\u{201D}' => {
                            "use a plain double quote (doubled inside a quoted field)".to_string()
                        }
                        '\u{2013}' | '\u{2014}' => "use a plain hyphen `-`".to_string(),
                        '\u{a0}' => "use a plain space".to_string(),
                        'µ' | 'μ' => "write `u` or the word `micro`".to_string(),
                        _ => "use ASCII characters only".to_string(),
                    }),
                );
            }
        }
    }
}
