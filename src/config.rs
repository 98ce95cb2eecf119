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

/// The name of the configuration file looked up at the repository root.
pub const CONFIG_FILE_NAME: &str = "ddlint.toml";

/// `ddlint.toml` as written: every key is optional, unknown keys are rejected.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileConfig {
    #[serde(default)]
    select: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    extend_select: Vec<String>,
    /// Rule id or family prefix → `error`, `warning` or `off`.
    #[serde(default)]
    severity: BTreeMap<String, String>,
    /// Path glob (relative to the repository root) → rules ignored there.
    #[serde(default)]
    per_path_ignores: BTreeMap<String, Vec<String>>,
    /// Integration directory name → rules ignored in it.
    #[serde(default)]
    per_integration_ignores: BTreeMap<String, Vec<String>>,
}

/// Parse the text of a `ddlint.toml` into [`Settings`]. `name` is used in messages. Unknown
/// keys, unknown rule ids, bad severities and bad globs are errors that name the culprit.
pub fn parse_file(name: &str, text: &str, rules: &[&'static dyn Rule]) -> Result<Settings, String> {
    let file: FileConfig = toml::from_str(text).map_err(|e| {
        let msg = e.message().trim_end().to_string();
        let at = e
            .span()
            .map(|s| {
                let line = text[..s.start.min(text.len())].matches('\n').count() + 1;
                format!(":{line}")
            })
            .unwrap_or_default();
        format!("{name}{at}: {msg}")
    })?;
    let mut unknown: Vec<String> = Vec::new();
    let mut check = |key: &str, list: &[String]| {
        for s in unknown_selectors(list, rules) {
            unknown.push(format!("`{s}` (in {key})"));
        }
    };
    check("select", &file.select);
    check("ignore", &file.ignore);
    check("extend-select", &file.extend_select);
    let severity_keys: Vec<String> = file.severity.keys().cloned().collect();
    check("severity", &severity_keys);
    for (glob, list) in &file.per_path_ignores {
        check(&format!("per-path-ignores.\"{glob}\""), list);
    }
    for (integration, list) in &file.per_integration_ignores {
        check(&format!("per-integration-ignores.{integration}"), list);
    }
    if !unknown.is_empty() {
        return Err(format!(
            "{name}: unknown rule id or prefix: {}; `ddlint rules` lists them",
            unknown.join(", ")
        ));
    }
    let mut settings = Settings {
        select: file.select,
        ignore: file.ignore,
        extend_select: file.extend_select,
        ..Settings::default()
    };
    for (selector, level) in file.severity {
        match level.as_str() {
            "off" => settings.ignore.push(selector),
            other => match Severity::parse(other) {
                Some(sev) => {
                    settings.severity.insert(selector, sev);
                }
                None => {
                    return Err(format!(
                        "{name}: severity of `{selector}` is `{other}`; expected `error`, `warning` or `off`"
                    ))
                }
            },
        }
    }
    for (glob_text, list) in file.per_path_ignores {
        let glob = globset::GlobBuilder::new(&glob_text)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("{name}: per-path-ignores: bad glob `{glob_text}`: {e}"))?;
        settings.scoped_ignores.push(ScopedIgnore {
            glob: Some(glob.compile_matcher()),
            glob_text: Some(glob_text),
            integration: None,
            rules: list,
        });
    }
    for (integration, list) in file.per_integration_ignores {
        settings.scoped_ignores.push(ScopedIgnore {
            glob: None,
            glob_text: None,
            integration: Some(integration),
            rules: list,
        });
    }
    Ok(settings)
}

/// Read the configuration: `explicit` (from `--config`) must exist; otherwise `ddlint.toml` at
/// the repository root is used when present. Returns default settings when there is none.
pub fn load(
    root: &std::path::Path,
    explicit: Option<&std::path::Path>,
    rules: &[&'static dyn Rule],
) -> Result<Settings, String> {
    let (path, name) = match explicit {
        Some(p) => (p.to_path_buf(), p.display().to_string()),
        None => {
            let p = root.join(CONFIG_FILE_NAME);
            if !p.is_file() {
                return Ok(Settings::default());
            }
            (p, CONFIG_FILE_NAME.to_string())
        }
    };
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read `{name}`: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("`{name}` is not valid UTF-8"))?;
    parse_file(&name, &text, rules)
}

impl Settings {
    /// Combine a configuration file's settings with the command line's: `--select` replaces the
    /// file's `select`, `--ignore` and `--extend-select` add to the file's lists.
    pub fn overridden_by(mut self, cli: Settings) -> Settings {
        if !cli.select.is_empty() {
            self.select = cli.select;
        }
        self.ignore.extend(cli.ignore);
        self.extend_select.extend(cli.extend_select);
        self.severity.extend(cli.severity);
        self.scoped_ignores.extend(cli.scoped_ignores);
        self
    }
}
