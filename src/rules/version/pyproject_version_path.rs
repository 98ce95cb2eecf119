use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::Span;

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

/// Span of `[header]` in a TOML text, and of the first `key = ` value after it.
pub fn toml_value_span(text: &str, header: &str, key: &str, value: &str) -> Option<Span> {
    let mut in_table = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('[') {
            in_table = t
                .trim_end_matches(|c: char| c == ']' || c.is_whitespace())
                .trim_start_matches('[')
                .trim()
                == header;
        } else if in_table {
            let k = t.split('=').next().unwrap_or("").trim().trim_matches('"');
            if k == key {
                if let Some(pos) = line.find(value) {
                    if !value.is_empty() {
                        return Some(Span::new(offset + pos, offset + pos + value.len()));
                    }
                }
                let lead = line.len() - line.trim_start().len();
                return Some(Span::new(offset + lead, offset + lead + t.len()));
            }
        }
        offset += line.len();
    }
    None
}

/// Span of a `[header]` line.
pub fn toml_header_span(text: &str, header: &str) -> Option<Span> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('[')
            && t.trim_end_matches(|c: char| c == ']' || c.is_whitespace())
                .trim_start_matches('[')
                .trim()
                == header
        {
            let lead = line.len() - line.trim_start().len();
            return Some(Span::new(offset + lead, offset + lead + t.len()));
        }
        offset += line.len();
    }
    None
}

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
                let span = toml_value_span(source.content(), "tool.hatch.version", "path", &shown)
                    .map(|s| {
                        Span::new(s.start + source.content_start, s.end + source.content_start)
                    })
                    .unwrap_or(Span::empty(source.content_start));
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
                let span = toml_header_span(source.content(), "tool.hatch.version")
                    .or_else(|| toml_header_span(source.content(), "project"))
                    .map(|s| {
                        Span::new(s.start + source.content_start, s.end + source.content_start)
                    })
                    .unwrap_or(Span::empty(source.content_start));
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
