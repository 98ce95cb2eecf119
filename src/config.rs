//! Which rules run, at which severity, where: the command line and `ddlint.toml` combined.

use crate::diagnostic::Severity;
use crate::rules::{Rule, RuleMeta};
use std::collections::BTreeMap;

/// A rule selector: an exact id (`metadata/invalid-unit`), a family prefix ending in `/`
/// (`metadata/`), or `ALL`.
pub fn selector_matches(selector: &str, id: &str) -> bool {
    selector == "ALL" || selector == id || (selector.ends_with('/') && id.starts_with(selector))
}

/// Check that every selector names a rule or a family; returns the unknown ones.
pub fn unknown_selectors<'a>(selectors: &'a [String], rules: &[&'static dyn Rule]) -> Vec<&'a str> {
    selectors
        .iter()
        .filter(|s| !rules.iter().any(|r| selector_matches(s, r.meta().id)))
        .map(String::as_str)
        .collect()
}

/// An ignore that applies to part of the repository only.
#[derive(Debug, Clone)]
pub struct ScopedIgnore {
    /// Glob over repository-relative paths (`rum_*/**`), or None.
    pub glob: Option<globset::GlobMatcher>,
    pub glob_text: Option<String>,
    /// Integration directory name, or None.
    pub integration: Option<String>,
    pub rules: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// Extra rules to enable on top of the defaults (`extend-select`).
    pub extend_select: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    pub scoped_ignores: Vec<ScopedIgnore>,
}

impl Settings {
    /// Whether a rule runs at all.
    pub fn enabled(&self, meta: &RuleMeta) -> bool {
        let chosen = |list: &[String]| {
            list.iter().any(|s| {
                // A rule that is off by default is turned on only by its exact id.
                if meta.default_enabled {
                    selector_matches(s, meta.id)
                } else {
                    s == meta.id
                }
            })
        };
        let selected = if self.select.is_empty() {
            meta.default_enabled || chosen(&self.extend_select)
        } else {
            chosen(&self.select) || chosen(&self.extend_select)
        };
        selected && !self.ignore.iter().any(|s| selector_matches(s, meta.id))
    }

    /// The severity a diagnostic of this rule is reported at.
    pub fn severity_for(&self, id: &str, default: Severity) -> Severity {
        // The most specific selector wins: an exact id beats a family prefix.
        self.severity
            .iter()
            .filter(|(s, _)| selector_matches(s, id))
            .max_by_key(|(s, _)| s.len())
            .map(|(_, sev)| *sev)
            .unwrap_or(default)
    }

    /// Whether a diagnostic at this path / integration is ignored by a scoped ignore.
    pub fn ignored_at(&self, id: &str, path: &str, integration: Option<&str>) -> bool {
        self.scoped_ignores.iter().any(|s| {
            let place = match (&s.glob, &s.integration) {
                (Some(g), _) => g.is_match(path),
                (None, Some(i)) => integration == Some(i.as_str()),
                (None, None) => false,
            };
            place && s.rules.iter().any(|r| selector_matches(r, id))
        })
    }
}
