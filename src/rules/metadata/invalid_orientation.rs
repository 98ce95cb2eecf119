use crate::diagnostic::Finding;
use crate::rules::metadata::{Table, ORIENTATIONS};
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidOrientation;

static META: RuleMeta = RuleMeta {
    id: "metadata/invalid-orientation",
    summary: "an orientation is not `-1`, `0` or `1`",
    explanation: "\
The orientation says whether a higher value is better (`1`), worse (`-1`) or neither (`0`); it
colours changes in Datadog. Only these three exact strings are accepted.

Bad:   acme.errors,count,,error,,Errors,negative,acme,errors,
Good:  acme.errors,count,,error,,Errors,-1,acme,errors,",
    ..RuleMeta::DEFAULT
};

impl Rule for InvalidOrientation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        for (_, cell) in t.cells("orientation") {
            let v = cell.value.as_str();
            if v.is_empty() || ORIENTATIONS.contains(&v) {
                continue;
            }
            let help = match v.trim() {
                "+1" => "write `1`".to_string(),
                t if ORIENTATIONS.contains(&t) => format!("remove the spaces: `{t}`"),
                _ => "use `1` (higher is better), `-1` (lower is better) or `0`".to_string(),
            };
            out.push(
                Finding::at(
                    t.source,
                    cell.span,
                    format!("`{v}` is not a valid orientation"),
                )
                .help(help),
            );
        }
    }
}
