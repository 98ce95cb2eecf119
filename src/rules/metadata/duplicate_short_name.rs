use crate::diagnostic::Severity;
use crate::diagnostic::{Finding, Location};
use crate::rules::metadata::Table;
use crate::rules::{Context, Rule, RuleMeta};
use std::collections::HashMap;

pub struct DuplicateShortName;

static META: RuleMeta = RuleMeta {
    id: "metadata/duplicate-short-name",
    severity: Severity::Warning,
    default_enabled: false,
    summary: "a short_name appears on more than one metadata.csv row (off by default)",
    explanation: "\
The short_name is the label Datadog shows for a metric in compact views; two metrics with the
same short_name cannot be told apart there. This mirrors ddev's `--check-duplicates` warning and
is off by default (many integrations reuse short names for per-state metrics); select it with
`--select metadata/duplicate-short-name`.

Bad:   acme.requests.ok,count,,request,,OK requests,0,acme,requests,
       acme.requests.failed,count,,request,,Failed requests,0,acme,requests,
Good:  acme.requests.ok,count,,request,,OK requests,0,acme,ok requests,
       acme.requests.failed,count,,request,,Failed requests,0,acme,failed requests,",
    ..RuleMeta::DEFAULT
};

impl Rule for DuplicateShortName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        let mut seen = HashMap::new();
        for (_, cell) in t.cells("short_name") {
            if cell.value.is_empty() {
                continue;
            }
            match seen.get(cell.value.as_str()) {
                None => {
                    seen.insert(cell.value.as_str(), cell.span);
                }
                Some(first) => {
                    let line = t.source.position(first.start).line;
                    out.push(
                        Finding::at(
                            t.source,
                            cell.span,
                            format!("short_name `{}` is already used on line {line}", cell.value),
                        )
                        .help("give each metric a short_name that tells it apart")
                        .related(Location::in_file(t.source, *first), "first used here"),
                    );
                }
            }
        }
    }
}
