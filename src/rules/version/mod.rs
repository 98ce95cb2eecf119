//! Rules of this family (one rule per file): `__about__.py` and the package version.

use super::Rule;
use crate::model::IntegrationModel;
use crate::source::{SourceFile, Span};

mod changelog_mismatch;
mod invalid;
mod missing_about;
mod pyproject_version_path;

/// The Python package directory name ddev expects: the directory with `-` → `_`.
pub fn expected_package(name: &str) -> String {
    name.replace('-', "_")
}

/// The package whose `__about__.py` the model read (or would read).
pub fn package_of(model: &IntegrationModel) -> String {
    let expected = expected_package(&model.name);
    if model.packages.contains(&expected) {
        return expected;
    }
    model.packages.first().cloned().unwrap_or(expected)
}

pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &missing_about::MissingAbout,
        &invalid::Invalid,
        &changelog_mismatch::ChangelogMismatch,
        &pyproject_version_path::PyprojectVersionPath,
    ]
}

/// A SemVer spelling of a near-miss version (`v1.2` → `1.2.0`).
pub fn suggest_version(value: &str) -> Option<String> {
    invalid::suggest(value)
}

/// Span of `key`'s value `value` under `[table]` in a pyproject.toml source (the table header or
/// the file start when it cannot be found).
pub fn pyproject_span(source: &SourceFile, table: &str, key: &str, value: &str) -> Span {
    in_content(
        source,
        toml_value_span(source.content(), table, key, value)
            .or_else(|| toml_header_span(source.content(), table)),
    )
}

/// A span relative to a source's content (after a BOM) as a span of the file, or the content's
/// start when there is none.
pub fn in_content(source: &SourceFile, span: Option<Span>) -> Span {
    let base = source.content_start;
    span.map(|s| Span::new(s.start + base, s.end + base))
        .unwrap_or(Span::empty(base))
}

/// The table a TOML line (trimmed, starting with `[`) opens.
fn table_header(t: &str) -> &str {
    t.trim_end_matches(|c: char| c == ']' || c.is_whitespace())
        .trim_start_matches('[')
        .trim()
}

/// A line's content without surrounding whitespace, as a span at `offset`.
fn trimmed_line(line: &str, offset: usize) -> Span {
    let lead = line.len() - line.trim_start().len();
    Span::new(offset + lead, offset + lead + line.trim().len())
}

/// Span of `[header]` in a TOML text, and of the first `key = ` value after it.
pub fn toml_value_span(text: &str, header: &str, key: &str, value: &str) -> Option<Span> {
    let mut in_table = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('[') {
            in_table = table_header(t) == header;
        } else if in_table {
            let k = t.split('=').next().unwrap_or("").trim().trim_matches('"');
            if k == key {
                if let Some(pos) = line.find(value) {
                    if !value.is_empty() {
                        return Some(Span::new(offset + pos, offset + pos + value.len()));
                    }
                }
                return Some(trimmed_line(line, offset));
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
        if t.starts_with('[') && table_header(t) == header {
            return Some(trimmed_line(line, offset));
        }
        offset += line.len();
    }
    None
}
