use crate::diagnostic::{Finding, Location};
use crate::rules::{Context, Rule, RuleMeta};

pub struct ChangelogMismatch;

static META: RuleMeta = RuleMeta {
    id: "version/changelog-mismatch",
    summary: "`__version__` differs from the newest CHANGELOG.md release",
    explanation: "\
The version in `__about__.py` is the version the package is built and published with; the first
release of CHANGELOG.md (the newest, as the file is newest-first) is what the tile's Release
Notes show. They must be the same version, compared as SemVer (as `ddev validate version` does
in integrations-core). Both places are shown.

Bad:   __version__ = '1.2.0'   and CHANGELOG.md starts with  ## 1.1.0 / 2024-03-02
Good:  __version__ = '1.2.0'   and CHANGELOG.md starts with  ## 1.2.0 / 2024-05-10",
    ..RuleMeta::DEFAULT
};

impl Rule for ChangelogMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let m = ctx.integration;
        let (Some(about), Some(changelog)) = (&m.about, &m.changelog) else {
            return;
        };
        let Some(v) = &about.doc.version else { return };
        let Ok(ours) = semver::Version::parse(&v.value) else {
            return;
        };
        let Some(first) = changelog.doc.releases.first() else {
            return;
        };
        let Some(theirs) = &first.version else { return };
        if ours == *theirs {
            return;
        }
        let newer = if ours > *theirs {
            "the CHANGELOG has no entry for it"
        } else {
            "the CHANGELOG is ahead of the package"
        };
        out.push(
            Finding::at(
                &about.source,
                v.span,
                format!(
                    "`__version__` is `{}` but the newest CHANGELOG.md release is `{}`",
                    v.value, first.version_text
                ),
            )
            .label(newer)
            .related(
                Location::in_file(&changelog.source, first.version_span),
                format!("the newest release in CHANGELOG.md is `{}`", first.version_text),
            )
            .help(if ours > *theirs {
                format!("add a `## {ours} / YYYY-MM-DD` release at the top of CHANGELOG.md, or set `__version__` to `{theirs}`")
            } else {
                format!("set `__version__` to `{theirs}`, or correct the CHANGELOG.md heading")
            }),
        );
    }
}
