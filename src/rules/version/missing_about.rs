use crate::diagnostic::{Finding, Location};
use crate::rules::{Context, Rule, RuleMeta};

pub struct MissingAbout;

static META: RuleMeta = RuleMeta {
    id: "version/missing-about",
    summary: "a Python check has no `__about__.py` or no `__version__` in it",
    explanation: "\
A Python check (an integration with `pyproject.toml` or a `datadog_checks/<pkg>/` package) keeps
its version in `datadog_checks/<pkg>/__about__.py`: `pyproject.toml` reads it through
`tool.hatch.version.path`, and the release tooling bumps it there. Without the file, or without
a `__version__ = '<version>'` assignment in it, the package cannot be built or released.

Bad:   datadog_checks/acme/__about__.py is missing, or holds only a licence header
Good:  datadog_checks/acme/__about__.py contains  __version__ = '1.0.0'",
    ..RuleMeta::DEFAULT
};

impl Rule for MissingAbout {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let m = ctx.integration;
        if !m.is_python_package() {
            return;
        }
        let pkg = super::package_of(m);
        let rel = format!("datadog_checks/{pkg}/__about__.py");
        match &m.about {
            Some(about) if about.doc.version.is_none() => {
                let source = &about.source;
                let at = source.content_start;
                out.push(
                    Finding::at(
                        source,
                        crate::source::Span::empty(at),
                        format!("`{rel}` does not assign `__version__`"),
                    )
                    .help("add a line `__version__ = '1.0.0'` with the package's version"),
                );
            }
            Some(_) => {}
            None if m.tree.exists(&rel) => {} // unreadable: reported by file/*
            None => out.push(
                Finding::new(
                    Location::path_only(m.repo_path(&rel)),
                    format!("the Python check has no `{rel}`"),
                )
                .help(format!(
                    "create `{rel}` containing `__version__ = '1.0.0'` (the version of the newest CHANGELOG.md release)"
                )),
            ),
        }
    }
}
