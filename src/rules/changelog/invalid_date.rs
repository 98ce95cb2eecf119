use crate::diagnostic::Finding;
use crate::parse::changelog::today;
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidDate;

static META: RuleMeta = RuleMeta {
    id: "changelog/invalid-date",
    summary: "a CHANGELOG.md release date is not a real `YYYY-MM-DD` date, or lies in the future",
    explanation: "\
The release date after the version must be a real calendar date written `YYYY-MM-DD`, and a
release cannot have happened after today (the system clock's date, UTC). Other spellings
(`2024/05/10`, `May 10, 2024`), impossible dates (`2023-02-29`) and future dates are reported.

Bad:   ## 1.2.0 / 2023-02-29      ## 1.2.0 / 10-05-2024
Good:  ## 1.2.0 / 2024-05-10",
    ..RuleMeta::DEFAULT
};

impl Rule for InvalidDate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(c) = &ctx.integration.changelog else {
            return;
        };
        let today = today();
        for r in &c.doc.releases {
            let Some(d) = &r.date else { continue };
            match d.date {
                None => out.push(
                    Finding::at(
                        &c.source,
                        d.span,
                        format!(
                            "`{}` is not a real calendar date in YYYY-MM-DD form",
                            d.text
                        ),
                    )
                    .help(format!(
                        "write the date of release {} as YYYY-MM-DD",
                        r.version_text
                    )),
                ),
                Some(date) if date > today => out.push(
                    Finding::at(
                        &c.source,
                        d.span,
                        format!("release date `{}` is in the future", d.text),
                    )
                    .label(format!("today is {today}"))
                    .help(format!(
                        "write the date the release actually shipped (today is {today})"
                    )),
                ),
                Some(_) => {}
            }
        }
    }
}
