//! Finding the repository root, its kind, its `.ddev/config.toml` overrides and its integrations.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RepoKind {
    Extras,
    Marketplace,
    Core,
}

impl RepoKind {
    pub const ALL: &'static [RepoKind] = &[RepoKind::Extras, RepoKind::Marketplace, RepoKind::Core];

    pub fn as_str(self) -> &'static str {
        match self {
            RepoKind::Extras => "extras",
            RepoKind::Marketplace => "marketplace",
            RepoKind::Core => "core",
        }
    }

    pub fn parse(s: &str) -> Option<RepoKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "extras" | "integrations-extras" => Some(RepoKind::Extras),
            "marketplace" => Some(RepoKind::Marketplace),
            "core" | "integrations-core" => Some(RepoKind::Core),
            _ => None,
        }
    }
}

impl fmt::Display for RepoKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `.ddev/config.toml` keys ddev honours (ddev-reference §1.4).
#[derive(Debug, Default, Clone)]
pub struct DdevConfig {
    pub repo: Option<String>,
    pub display_name: BTreeMap<String, String>,
    pub metrics_prefix: BTreeMap<String, String>,
    pub is_integration: BTreeMap<String, bool>,
    pub metrics_exclude: BTreeSet<String>,
    pub metrics_unsorted: BTreeSet<String>,
    pub metadata_integration: BTreeMap<String, String>,
}

impl DdevConfig {
    /// Parse the text of `.ddev/config.toml`. Keys of the wrong type are ignored, as ddev does.
    pub fn parse(text: &str) -> Result<DdevConfig, String> {
        let table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| e.message().to_string())?;
        let mut cfg = DdevConfig {
            repo: table
                .get("repo")
                .and_then(|v| v.as_str())
                .map(str::to_string),
            ..DdevConfig::default()
        };
        let overrides = table.get("overrides").and_then(|v| v.as_table());
        let sub = |name: &str| {
            overrides
                .and_then(|o| o.get(name))
                .and_then(|v| v.as_table())
        };
        let strings = |t: Option<&toml::Table>| -> BTreeMap<String, String> {
            t.map(|t| {
                t.iter()
                    .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_string())))
                    .collect()
            })
            .unwrap_or_default()
        };
        cfg.display_name = strings(sub("display-name"));
        cfg.metrics_prefix = strings(sub("metrics-prefix"));
        if let Some(t) = sub("is-integration") {
            cfg.is_integration = t
                .iter()
                .filter_map(|(k, v)| v.as_bool().map(|b| (k.clone(), b)))
                .collect();
        }
        let validate = sub("validate");
        let list = |t: Option<&toml::Value>| -> BTreeSet<String> {
            t.and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        if let Some(metrics) = validate
            .and_then(|v| v.get("metrics"))
            .and_then(|v| v.as_table())
        {
            cfg.metrics_exclude = list(metrics.get("exclude"));
            cfg.metrics_unsorted = list(metrics.get("unsorted"));
        }
        cfg.metadata_integration = strings(
            validate
                .and_then(|v| v.get("metadata"))
                .and_then(|v| v.get("integration"))
                .and_then(|v| v.as_table()),
        );
        Ok(cfg)
    }
}

/// One top-level directory that ddlint validates.
#[derive(Debug, Clone)]
pub struct IntegrationDir {
    pub name: String,
    pub path: PathBuf,
    pub has_manifest: bool,
}

#[derive(Debug)]
pub struct Repo {
    /// Canonical absolute path of the root.
    pub root: PathBuf,
    /// The root as the user should see it in output.
    pub display_root: String,
    pub kind: RepoKind,
    /// How the kind was chosen (for the human summary).
    pub kind_source: &'static str,
    pub ddev: DdevConfig,
    /// The problem with `.ddev/config.toml`, if it could not be read.
    pub ddev_error: Option<String>,
    /// Every integration of the repository, sorted by name.
    pub integrations: Vec<IntegrationDir>,
    /// Top-level directories that look like unfinished integrations (no manifest).
    pub half_made: Vec<String>,
    /// None: the whole repository is validated (repository-wide rules run too).
    pub selection: Option<BTreeSet<String>>,
    /// The git reference of `--changed-since`, when given.
    pub changed_since: Option<String>,
}

impl Repo {
    pub fn selected(&self) -> impl Iterator<Item = &IntegrationDir> {
        self.integrations
            .iter()
            .filter(move |i| self.selection.as_ref().is_none_or(|s| s.contains(&i.name)))
    }
    pub fn whole_repository(&self) -> bool {
        self.selection.is_none()
    }
}

#[derive(Debug)]
pub struct DiscoveryError(pub String);

impl fmt::Display for DiscoveryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// A directory that holds an integration of its own.
pub fn looks_like_integration(dir: &Path) -> bool {
    dir.join("manifest.json").is_file()
        || dir.join("pyproject.toml").is_file()
        || dir.join("datadog_checks").is_dir()
}

fn has_repo_marker(dir: &Path) -> bool {
    dir.join(".ddev").join("config.toml").is_file() || dir.join(".git").exists()
}

/// Is `dir` the root of an integrations repository (rather than one integration inside it)?
fn looks_like_root(dir: &Path) -> bool {
    if has_repo_marker(dir) {
        return true;
    }
    if looks_like_integration(dir) {
        return false;
    }
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.flatten().any(|e| {
            e.file_type().map(|t| t.is_dir()).unwrap_or(false) && looks_like_integration(&e.path())
        }),
        Err(_) => false,
    }
}

/// For a path inside a repository, the root and the top-level directory it falls in (None for
/// the root itself or a file directly in it).
fn locate(path: &Path) -> Result<(PathBuf, Option<String>), DiscoveryError> {
    let canonical = path
        .canonicalize()
        .map_err(|e| DiscoveryError(format!("cannot read `{}`: {e}", path.display())))?;
    if canonical.is_dir() && looks_like_root(&canonical) {
        return Ok((canonical, None));
    }
    // Walk up: the root is the nearest ancestor whose child on our path is an integration, or
    // failing that, the nearest ancestor with a repository marker.
    let mut child = canonical.clone();
    let mut marker_root = None;
    let mut ancestor = canonical.parent();
    while let Some(dir) = ancestor {
        if child.is_dir() && looks_like_integration(&child) {
            return Ok((
                dir.to_path_buf(),
                child.file_name().map(|n| n.to_string_lossy().into_owned()),
            ));
        }
        if marker_root.is_none() && has_repo_marker(dir) {
            marker_root = Some((dir.to_path_buf(), child.clone()));
        }
        child = dir.to_path_buf();
        ancestor = dir.parent();
    }
    if let Some((root, child)) = marker_root {
        let top = if child.is_dir() {
            child.file_name().map(|n| n.to_string_lossy().into_owned())
        } else {
            None
        };
        return Ok((root, top));
    }
    if canonical.is_dir() {
        return Ok((canonical, None));
    }
    Err(DiscoveryError(format!(
        "`{}` is not inside an integrations repository",
        path.display()
    )))
}

pub struct DiscoverOptions<'a> {
    pub paths: &'a [PathBuf],
    pub kind: Option<RepoKind>,
}

pub fn discover(opts: &DiscoverOptions) -> Result<Repo, DiscoveryError> {
    let cwd = std::env::current_dir()
        .map_err(|e| DiscoveryError(format!("cannot read the current directory: {e}")))?;
    let given: Vec<PathBuf> = if opts.paths.is_empty() {
        vec![cwd.clone()]
    } else {
        opts.paths.to_vec()
    };
    let mut root: Option<PathBuf> = None;
    let mut selection: Option<BTreeSet<String>> = Some(BTreeSet::new());
    let mut whole = false;
    for p in &given {
        let (r, top) = locate(p)?;
        if let Some(existing) = &root {
            if existing != &r {
                return Err(DiscoveryError(format!(
                    "`{}` and `{}` belong to different repositories; validate them separately",
                    given[0].display(),
                    p.display()
                )));
            }
        } else {
            root = Some(r.clone());
        }
        match top {
            None => {
                // The root itself (or a file directly in it, such as .github/CODEOWNERS).
                if p.is_dir() && p.canonicalize().ok().as_deref() == Some(r.as_path())
                    || opts.paths.is_empty()
                {
                    whole = true;
                }
            }
            Some(name) => {
                if let Some(s) = selection.as_mut() {
                    s.insert(name);
                }
            }
        }
    }
    let root = root.ok_or_else(|| DiscoveryError("no path to validate".into()))?;
    let root_given_as = display_root(&root, &cwd);
    if whole {
        selection = None;
    }

    let ddev_path = root.join(".ddev").join("config.toml");
    let (ddev, ddev_error) = match std::fs::read(&ddev_path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (DdevConfig::default(), None),
        Err(e) => (
            DdevConfig::default(),
            Some(format!("cannot read .ddev/config.toml: {e}")),
        ),
        Ok(bytes) => match String::from_utf8(bytes) {
            Err(_) => (
                DdevConfig::default(),
                Some(".ddev/config.toml is not UTF-8".to_string()),
            ),
            Ok(text) => match DdevConfig::parse(&text) {
                Ok(c) => (c, None),
                Err(e) => (
                    DdevConfig::default(),
                    Some(format!(".ddev/config.toml is not valid TOML: {e}")),
                ),
            },
        },
    };

    let (kind, kind_source) = if let Some(k) = opts.kind {
        (k, "--repo-kind")
    } else if let Some(k) = ddev.repo.as_deref().and_then(RepoKind::parse) {
        (k, ".ddev/config.toml")
    } else if let Some(k) = root
        .file_name()
        .and_then(|n| RepoKind::parse(&n.to_string_lossy()))
    {
        (k, "directory name")
    } else {
        (RepoKind::Extras, "default")
    };

    let mut integrations = Vec::new();
    let mut half_made = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&root)
        .map_err(|e| DiscoveryError(format!("cannot read `{}`: {e}", root.display())))?
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let Ok(ft) = entry.file_type() else { continue };
        // A symlinked top-level directory is not followed: it may point anywhere.
        if !ft.is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_hidden(&name) {
            continue;
        }
        let path = entry.path();
        let has_manifest = path.join("manifest.json").exists();
        let is_integration = if has_manifest {
            true
        } else if ddev.is_integration.get(&name) == Some(&false) {
            false
        } else {
            looks_like_integration(&path)
        };
        if is_integration {
            integrations.push(IntegrationDir {
                name,
                path,
                has_manifest,
            });
        } else if ddev.is_integration.get(&name) != Some(&false)
            && (path.join("metadata.csv").exists()
                || path.join("CHANGELOG.md").exists()
                || path.join("assets").is_dir())
        {
            half_made.push(name);
        }
    }
    // A directory with no integration and no `.ddev/config.toml` is not a repository ddlint
    // knows: say so (exit 2) rather than report that all checks passed.
    if integrations.is_empty()
        && half_made.is_empty()
        && !root.join(".ddev").join("config.toml").is_file()
    {
        return Err(DiscoveryError(format!(
            "`{}` is not an integrations repository: no integration directory and no .ddev/config.toml found",
            root.display()
        )));
    }
    Ok(Repo {
        root,
        display_root: root_given_as,
        kind,
        kind_source,
        ddev,
        ddev_error,
        integrations,
        half_made,
        selection,
        changed_since: None,
    })
}

/// The root as output shows it: relative to the current directory when inside it.
fn display_root(root: &Path, cwd: &Path) -> String {
    let cwd = cwd.canonicalize().unwrap_or_else(|_| cwd.to_path_buf());
    if let Ok(rel) = root.strip_prefix(&cwd) {
        let s = rel.to_string_lossy().replace('\\', "/");
        return if s.is_empty() { ".".into() } else { s };
    }
    root.to_string_lossy().replace('\\', "/")
}
