use crate::diagnostic::Finding;
use crate::rules::metadata::{closest, is_valid_unit, Table, VALID_UNIT_NAMES};
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidUnit;

static META: RuleMeta = RuleMeta {
    id: "metadata/invalid-unit",
    summary: "a unit_name or per_unit_name is not a known Datadog unit",
    explanation: "\
unit_name and per_unit_name must be one of the 354 units of Datadog's unit catalogue, spelled
exactly (lower-case, singular, e.g. `byte`, `millisecond`, `request`, `percent`, `fraction`),
or empty. An unknown unit is dropped by Datadog, so graphs show raw numbers. The help suggests
the closest valid unit.

Bad:   acme.bytes_sent,count,,bytes,second,Bytes sent,0,acme,sent,
Good:  acme.bytes_sent,count,,byte,second,Bytes sent,0,acme,sent,",
    ..RuleMeta::DEFAULT
};

impl Rule for InvalidUnit {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        for column in ["unit_name", "per_unit_name"] {
            for (_, cell) in t.cells(column) {
                let v = cell.value.as_str();
                if v.is_empty() || is_valid_unit(v) {
                    continue;
                }
                let help = match closest(v, VALID_UNIT_NAMES) {
                    Some(c) => format!("did you mean `{c}`? units are lower-case and singular"),
                    None => "use a unit of Datadog's catalogue (`ddlint rule metadata/invalid-unit`), or leave it empty".to_string(),
                };
                let mut f = Finding::at(
                    t.source,
                    cell.span,
                    format!("`{v}` is not a valid {column}"),
                )
                .help(help);
                if let Some(c) = closest(v, VALID_UNIT_NAMES) {
                    f = f.label(format!("did you mean `{c}`?"));
                }
                out.push(f);
            }
        }
    }
}
