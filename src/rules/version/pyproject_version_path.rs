use super::{in_content, toml_header_span, toml_value_span};
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

pub struct PyprojectVersionPath;

static META: RuleMeta = RuleMeta {
    id: "version/pyproject-version-path",
    summary:
        "`tool.hatch.version.path` in pyproject.toml is not `datadog_checks/<pkg>/__about__.py`",
    explanation: "\
Datadog checks declare `dynamic = [\"version\"]` and let hatch read the version from the
package's `__about__.py`. `ddev validate package` requires `tool.hatch.version.path` to be
exactly `datadog_checks/<pkg>/__about__.py`, where `<pkg>` is the directory name with `-`
replaced by `_`; any other path builds the package with the wrong version or fails.

Bad:   [tool.hatch.version]
       path = \"datadog_checks/acme_old/__about__.py\"
Good:  [tool.hatch.version]
       path = \"datadog_checks/acme/__about__.py\"",
    ..RuleMeta::DEFAULT
};

impl Rule for PyprojectVersionPath {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let m = ctx.integration;
        let Some(py) = &m.pyproject else { return };
        let Ok(table) = &py.doc else { return };
        let expected = format!(
            "datadog_checks/{}/__about__.py",
            super::expected_package(&m.name)
        );
        let source = &py.source;
        let path = table
            .get("tool")
            .and_then(|t| t.get("hatch"))
            .and_then(|t| t.get("version"))
            .and_then(|t| t.get("path"));
        match path {
            Some(toml::Value::String(p)) if *p == expected => {}
            Some(v) => {
                let shown = v
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.to_string());
                let span = in_content(
                    source,
                    toml_value_span(source.content(), "tool.hatch.version", "path", &shown),
                );
                out.push(
                    Finding::at(
                        source,
                        span,
                        format!("`tool.hatch.version.path` is `{shown}`, not `{expected}`"),
                    )
                    .help(format!(
                        "set `path = \"{expected}\"` under `[tool.hatch.version]`"
                    )),
                );
            }
            None => {
                // Only packages whose version is dynamic need the hatch path.
                let dynamic = table
                    .get("project")
                    .and_then(|p| p.get("dynamic"))
                    .and_then(|d| d.as_array())
                    .is_some_and(|a| a.iter().any(|v| v.as_str() == Some("version")));
                if !dynamic {
                    return;
                }
                let span = in_content(
                    source,
                    toml_header_span(source.content(), "tool.hatch.version")
                        .or_else(|| toml_header_span(source.content(), "project")),
                );
                out.push(
                    Finding::at(
                        source,
                        span,
                        "the version is dynamic but `tool.hatch.version.path` is not set",
                    )
                    .help(format!(
                        "add `[tool.hatch.version]` with `path = \"{expected}\"`"
                    )),
                );
            }
        }
    }
}
