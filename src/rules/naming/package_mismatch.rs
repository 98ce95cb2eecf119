use crate::diagnostic::{Finding, Location};
use crate::rules::version::pyproject_span;
use crate::rules::{Context, Rule, RuleMeta};

pub struct PackageMismatch;

static META: RuleMeta = RuleMeta {
    id: "naming/package-mismatch",
    summary: "the Python package or the pyproject project name does not match the directory",
    explanation: "\
A check in directory `<dir>` is the Python package `datadog_checks/<dir>` (with `-` → `_`) and
the project `datadog-<dir>` (`ddev validate package` compares names after PEP 503
normalisation: case, `-`, `_` and `.` do not matter). The Agent installs and imports the check
by these names, so a package or project named otherwise is not found.

Bad:   acme_cache/datadog_checks/acme/           name = \"datadog-acme\"
Good:  acme_cache/datadog_checks/acme_cache/     name = \"datadog-acme-cache\"",
    ..RuleMeta::DEFAULT
};

/// PEP 503 normalisation: lowercase, runs of `-`, `_`, `.` → `-`.
pub fn pep503(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

impl Rule for PackageMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let m = ctx.integration;
        let expected = crate::rules::version::expected_package(&m.name);
        if !m.packages.is_empty() && !m.packages.contains(&expected) {
            for pkg in &m.packages {
                out.push(
                    Finding::new(
                        Location::path_only(m.repo_path(&format!("datadog_checks/{pkg}"))),
                        format!(
                            "the Python package `datadog_checks/{pkg}` does not match the directory `{}`",
                            m.name
                        ),
                    )
                    .help(format!("rename the package to `datadog_checks/{expected}`")),
                );
            }
        }
        let Some(py) = &m.pyproject else { return };
        let Ok(table) = &py.doc else { return };
        let Some(node) = table.get("project").and_then(|p| p.get("name")) else {
            return;
        };
        let Some(name) = node.as_str() else { return };
        let want = format!("datadog-{}", m.name.replace('_', "-"));
        if pep503(name) == pep503(&want) {
            return;
        }
        let span = pyproject_span(&py.source, "project", "name", name);
        out.push(
            Finding::at(
                &py.source,
                span,
                format!(
                    "project name `{name}` does not match the directory `{}`",
                    m.name
                ),
            )
            .help(format!("set `name = \"{want}\"` under `[project]`")),
        );
    }
}
