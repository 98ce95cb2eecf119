use crate::diagnostic::{Finding, Location};
use crate::rules::{Context, Rule, RuleMeta};

pub struct Order;

static META: RuleMeta = RuleMeta {
    id: "changelog/order",
    summary: "CHANGELOG.md releases are not newest first",
    explanation: "\
Releases are listed newest first: each version is lower (as SemVer) than the one above it, and
its date is not later. The first release is taken as the current version (by `ddev validate
version` and by `version/changelog-mismatch`), so an oldest-first file compares the wrong one.
Each out-of-order release is shown with the release above it.

Bad:   ## 1.0.0 / 2023-11-20  then  ## 1.1.0 / 2024-03-02
Good:  ## 1.1.0 / 2024-03-02  then  ## 1.0.0 / 2023-11-20",
    ..RuleMeta::DEFAULT
};

impl Rule for Order {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(c) = &ctx.integration.changelog else {
            return;
        };
        for pair in c.doc.releases.windows(2) {
            let (prev, cur) = (&pair[0], &pair[1]);
            let (Some(pv), Some(cv)) = (&prev.version, &cur.version) else {
                continue;
            };
            if cv > pv {
                out.push(
                    Finding::at(
                        &c.source,
                        cur.version_span,
                        format!("release `{cv}` is listed below the older release `{pv}`"),
                    )
                    .related(
                        Location::in_file(&c.source, prev.version_span),
                        format!("`{pv}` is listed above it"),
                    )
                    .help("list releases newest first, the highest version at the top"),
                );
                continue;
            }
            if cv == pv {
                continue; // changelog/duplicate-version
            }
            let (Some(pd), Some(cd)) = (
                prev.date.as_ref().and_then(|d| d.date.map(|x| (x, d))),
                cur.date.as_ref().and_then(|d| d.date.map(|x| (x, d))),
            ) else {
                continue;
            };
            if cd.0 > pd.0 {
                out.push(
                    Finding::at(
                        &c.source,
                        cd.1.span,
                        format!("release `{cv}` is dated {} , after the newer release `{pv}` ({})", cd.0, pd.0)
                            .replace(" ,", ","),
                    )
                    .related(Location::in_file(&c.source, pd.1.span), format!("`{pv}` is dated {}", pd.0))
                    .help("check both dates: a lower version cannot be released after a higher one listed above it"),
                );
            }
        }
    }
}
