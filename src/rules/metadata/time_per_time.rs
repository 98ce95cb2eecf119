use crate::diagnostic::{Finding, Location};
use crate::rules::metadata::{Table, TIME_UNITS};
use crate::rules::{Context, Rule, RuleMeta};

pub struct TimePerTime;

static META: RuleMeta = RuleMeta {
    id: "metadata/time-per-time",
    summary: "unit_name and per_unit_name are both time units: use `fraction`",
    explanation: "\
A time spent per unit of time (milliseconds of GC per second, seconds busy per minute) is a
ratio: Datadog displays it correctly only with the `fraction` (or `percent`) unit. Both
unit_name and per_unit_name being time units (nanosecond … week) is rejected.

Bad:   acme.gc.time,rate,,millisecond,second,Time spent in GC,-1,acme,gc time,
Good:  acme.gc.time,rate,,fraction,,Fraction of time spent in GC,-1,acme,gc time,",
    ..RuleMeta::DEFAULT
};

impl Rule for TimePerTime {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(t) = Table::of(ctx) else { return };
        for (row, per) in t.cells("per_unit_name") {
            let Some(unit) = t.cell(row, "unit_name") else {
                continue;
            };
            if !TIME_UNITS.contains(&unit.value.as_str())
                || !TIME_UNITS.contains(&per.value.as_str())
            {
                continue;
            }
            out.push(
                Finding::at(
                    t.source,
                    per.span,
                    format!(
                        "`{}` per `{}` is a time per time: both are time units",
                        unit.value, per.value
                    ),
                )
                .label("time per time")
                .help("use unit_name `fraction` (or `percent`) and an empty per_unit_name")
                .related(Location::in_file(t.source, unit.span), "unit_name"),
            );
        }
    }
}
