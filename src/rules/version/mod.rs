//! Rules of this family (one rule per file): `__about__.py` and the package version.

use super::Rule;
use crate::model::IntegrationModel;

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
pub fn pyproject_span(
    source: &crate::source::SourceFile,
    table: &str,
    key: &str,
    value: &str,
) -> crate::source::Span {
    use crate::source::Span;
    let base = source.content_start;
    pyproject_version_path::toml_value_span(source.content(), table, key, value)
        .or_else(|| pyproject_version_path::toml_header_span(source.content(), table))
        .map(|s| Span::new(s.start + base, s.end + base))
        .unwrap_or(Span::empty(base))
}
