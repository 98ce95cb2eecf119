use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::Span;

pub struct NoRelease;

static META: RuleMeta = RuleMeta {
    id: "changelog/no-release",
    summary: "a Python check's CHANGELOG.md has no release at all",
    explanation: "\
A Python check is released with the version in `__about__.py`; its CHANGELOG.md must record at
least that release (`ddev validate version`: a version of 1.0.0 or more needs a release
section). Tile-only integrations may have a CHANGELOG.md with only its title.

Bad:   # CHANGELOG - Acme            (and nothing else, with __version__ = '1.0.0')
Good:  # CHANGELOG - Acme
       ## 1.0.0 / 2024-01-15
       ***Added***:
       * Initial Release",
    ..RuleMeta::DEFAULT
};

impl Rule for NoRelease {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let m = ctx.integration;
        if !m.is_python_package() {
            return;
        }
        let Some(c) = &m.changelog else { return };
        if !c.doc.releases.is_empty() {
            return;
        }
        let version = m
            .about
            .as_ref()
            .and_then(|a| a.doc.version.as_ref())
            .map(|v| v.value.clone())
            .unwrap_or_else(|| "1.0.0".into());
        let span = c
            .doc
            .first_line
            .unwrap_or(Span::empty(c.source.content_start));
        out.push(
            Finding::at(&c.source, span, "CHANGELOG.md of a Python check has no release")
                .help(format!(
                    "add a `## {version} / YYYY-MM-DD` release with a `***Added***:` section listing what it ships"
                )),
        );
    }
}
