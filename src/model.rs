//! An integration read from disk once: every file it needs, parsed once, with spans. Rules
//! read this model and never the disk.

use crate::diagnostic::{Location, Severity};
use crate::parse::{about, changelog, csv, json, markdown};
use crate::source::{SharedSource, SourceFile, Span};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Text files larger than this are not parsed (`file/too-large`).
pub const MAX_TEXT_FILE: u64 = 16 * 1024 * 1024;
/// How many leading bytes of media and EULA files are kept, to check their format.
pub const HEAD_BYTES: usize = 16;

/// A file's text and what its parser made of it.
#[derive(Debug)]
pub struct Parsed<T> {
    pub source: SharedSource,
    pub doc: T,
}

pub type JsonFile = Parsed<Result<json::JsonDoc, json::ParseError>>;

impl JsonFile {
    pub fn root(&self) -> Option<&json::Node> {
        self.doc.as_ref().ok().map(|d| &d.root)
    }
}

/// A JSON file read once and parsed into the span-preserving AST only when a rule asks for it.
/// Dashboards are most of the bytes of a repository (7 MB in integrations-extras) and most
/// of them are valid: a rule can check them with a fast typed pass over `source` and build the
/// AST, for exact positions, only when that pass finds something to report.
#[derive(Debug)]
pub struct LazyJson {
    pub source: SharedSource,
    doc: std::sync::OnceLock<Result<json::JsonDoc, json::ParseError>>,
}

impl LazyJson {
    pub fn new(source: SharedSource) -> Self {
        LazyJson {
            source,
            doc: std::sync::OnceLock::new(),
        }
    }
    /// The AST, parsed on first use (once).
    pub fn doc(&self) -> &Result<json::JsonDoc, json::ParseError> {
        self.doc
            .get_or_init(|| json::parse(&self.source.text, self.source.content_start))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    File {
        size: u64,
    },
    Dir,
    /// A symbolic link that leads outside the repository root.
    Escaping,
    /// A symbolic link that is broken or loops.
    BrokenLink,
    /// A socket, FIFO, device…
    Other,
}

/// Every path inside one integration directory, relative to it with `/` separators.
#[derive(Debug, Default)]
pub struct FileTree {
    entries: HashMap<String, Entry>,
}

impl FileTree {
    pub fn get(&self, rel: &str) -> Option<Entry> {
        self.entries.get(rel).copied()
    }
    pub fn is_file(&self, rel: &str) -> bool {
        matches!(self.get(rel), Some(Entry::File { .. }))
    }
    pub fn is_dir(&self, rel: &str) -> bool {
        matches!(self.get(rel), Some(Entry::Dir))
    }
    pub fn exists(&self, rel: &str) -> bool {
        self.entries.contains_key(rel)
    }
    pub fn size(&self, rel: &str) -> Option<u64> {
        match self.get(rel) {
            Some(Entry::File { size }) => Some(size),
            _ => None,
        }
    }
    /// Paths under a directory (recursive), sorted.
    pub fn under<'a>(&'a self, dir: &'a str) -> Vec<&'a str> {
        let prefix = format!("{}/", dir.trim_end_matches('/'));
        let mut v: Vec<&str> = self
            .entries
            .keys()
            .filter(|k| k.starts_with(&prefix))
            .map(String::as_str)
            .collect();
        v.sort_unstable();
        v
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A file that could not be read or decoded (reported by the `file/*` rules).
#[derive(Debug, Clone)]
pub struct FileProblem {
    pub rule: &'static str,
    pub severity: Severity,
    pub location: Location,
    pub message: String,
    pub help: String,
}

/// Normalise a path written in a manifest (relative to the integration directory): drops `./`,
/// resolves `..` that stays inside, and refuses absolute paths and escapes.
pub fn normalize_rel(path: &str) -> Option<String> {
    if path.is_empty()
        || path.starts_with('/')
        || path.starts_with('\\')
        || path.contains(':') && path.contains("://")
    {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(parts.join("/"))
}

#[derive(Debug)]
pub struct IntegrationModel {
    /// Directory name (also its path relative to the repository root).
    pub name: String,
    pub dir: PathBuf,
    pub tree: FileTree,
    pub problems: Vec<FileProblem>,
    pub manifest: Option<JsonFile>,
    pub metadata: Option<Parsed<csv::CsvDoc>>,
    pub service_checks: Option<JsonFile>,
    pub changelog: Option<Parsed<changelog::Changelog>>,
    pub readme: Option<Parsed<markdown::Markdown>>,
    pub pyproject: Option<Parsed<Result<toml::Table, String>>>,
    /// `datadog_checks/<pkg>` directories found (sorted).
    pub packages: Vec<String>,
    /// `datadog_checks/<pkg>/__about__.py` of the first package, parsed.
    pub about: Option<Parsed<about::About>>,
    /// `datadog_checks/<pkg>/data/conf.yaml.example`, for the logs heuristic.
    pub conf_example: Option<SharedSource>,
    /// Asset JSON files the manifest references (dashboards, monitors, saved views), by path.
    pub assets: BTreeMap<String, LazyJson>,
    /// Leading bytes of the media images and EULA the manifest references, by path.
    pub heads: BTreeMap<String, Vec<u8>>,
    /// With `--changed-since REF`: the manifest as it was at REF (None for a new integration or
    /// without the option). Filled by the runner from git, read by `manifest/immutable-changed`.
    pub base_manifest: Option<JsonFile>,
}

impl IntegrationModel {
    /// Path relative to the repository root of a path relative to the integration.
    pub fn repo_path(&self, rel: &str) -> String {
        format!("{}/{}", self.name, rel)
    }

    pub fn manifest_root(&self) -> Option<&json::Node> {
        self.manifest.as_ref().and_then(|m| m.root())
    }

    /// A string at a JSON pointer in the manifest.
    pub fn manifest_str(&self, pointer: &str) -> Option<&str> {
        self.manifest_root()?.pointer(pointer)?.as_str()
    }

    pub fn is_python_package(&self) -> bool {
        self.tree.is_file("pyproject.toml") || !self.packages.is_empty()
    }

    /// Count of files read as text (for the summary).
    pub fn files_read(&self) -> usize {
        [
            self.manifest.is_some(),
            self.metadata.is_some(),
            self.service_checks.is_some(),
            self.changelog.is_some(),
            self.readme.is_some(),
            self.pyproject.is_some(),
            self.about.is_some(),
            self.conf_example.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count()
            + self.assets.len()
    }
}

/// Reads the files of one integration, reporting unreadable ones as problems.
pub struct Loader<'a> {
    pub root: &'a Path,
    pub name: &'a str,
    pub dir: &'a Path,
    pub tree: FileTree,
    pub problems: Vec<FileProblem>,
}

impl<'a> Loader<'a> {
    pub fn new(root: &'a Path, name: &'a str, dir: &'a Path) -> Self {
        let tree = walk_tree(root, dir);
        Loader {
            root,
            name,
            dir,
            tree,
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, rule: &'static str, path: String, message: String, help: &str) {
        self.problems.push(FileProblem {
            rule,
            severity: Severity::Error,
            location: Location::path_only(path),
            message,
            help: help.to_string(),
        });
    }

    /// Read a file of the integration as text, once. `None` when absent or unreadable (the
    /// latter is recorded as a problem).
    pub fn read_text(&mut self, rel: &str) -> Option<SharedSource> {
        let repo_path = format!("{}/{}", self.name, rel);
        match self.tree.get(rel)? {
            Entry::Dir => {
                self.problem(
                    "file/unreadable",
                    repo_path,
                    format!("`{rel}` is a directory, expected a file"),
                    "replace the directory with a regular file",
                );
                return None;
            }
            Entry::Escaping => {
                self.problem(
                    "file/unreadable",
                    repo_path,
                    format!("`{rel}` is a symbolic link that leads outside the repository; it is not read"),
                    "replace the link with the file itself",
                );
                return None;
            }
            Entry::BrokenLink => {
                self.problem(
                    "file/unreadable",
                    repo_path,
                    format!("`{rel}` is a broken or looping symbolic link"),
                    "replace the link with the file itself",
                );
                return None;
            }
            Entry::Other => {
                self.problem(
                    "file/unreadable",
                    repo_path,
                    format!("`{rel}` is not a regular file"),
                    "replace it with a regular file",
                );
                return None;
            }
            Entry::File { size } if size > MAX_TEXT_FILE => {
                self.problem(
                    "file/too-large",
                    repo_path,
                    format!("`{rel}` is {size} bytes, over the 16 MiB limit for text files; it is not parsed"),
                    "files of this kind are small; check that the right file was committed",
                );
                return None;
            }
            Entry::File { .. } => {}
        }
        let bytes = match std::fs::read(self.dir.join(rel)) {
            Ok(b) => b,
            Err(e) => {
                self.problem(
                    "file/unreadable",
                    repo_path,
                    format!("`{rel}` cannot be read: {e}"),
                    "check the file's permissions",
                );
                return None;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
                let source = Arc::new(SourceFile::new(repo_path, lossy));
                let bad = e.as_bytes().get(at).copied().unwrap_or(0);
                self.problems.push(FileProblem {
                    rule: "file/invalid-utf8",
                    severity: Severity::Error,
                    // The lossy text holds one U+FFFD (3 bytes) where the bad bytes start.
                    location: Location::in_file(&source, Span::new(at, source.clamp(at + 3))),
                    message: format!("`{rel}` is not valid UTF-8: byte 0x{bad:02x} at offset {at}"),
                    help: "save the file as UTF-8".into(),
                });
                return None;
            }
        };
        let source = Arc::new(SourceFile::new(repo_path, text));
        if source.has_bom() {
            self.problems.push(FileProblem {
                rule: "file/bom",
                severity: Severity::Warning,
                location: Location::in_file(&source, Span::new(0, 3)),
                message: format!("`{rel}` starts with a UTF-8 byte-order mark"),
                help: "save the file as UTF-8 without a BOM".into(),
            });
        }
        Some(source)
    }

    pub fn read_json(&mut self, rel: &str) -> Option<JsonFile> {
        let source = self.read_text(rel)?;
        let doc = json::parse(&source.text, source.content_start);
        Some(Parsed { source, doc })
    }

    /// The first bytes of a binary file (media, EULA).
    pub fn read_head(&mut self, rel: &str) -> Option<Vec<u8>> {
        use std::io::Read;
        if !self.tree.is_file(rel) {
            return None;
        }
        let mut buf = vec![0u8; HEAD_BYTES];
        let mut f = std::fs::File::open(self.dir.join(rel)).ok()?;
        let mut n = 0;
        while n < HEAD_BYTES {
            match f.read(&mut buf[n..]) {
                Ok(0) => break,
                Ok(k) => n += k,
                Err(_) => return None,
            }
        }
        buf.truncate(n);
        Some(buf)
    }
}

/// List every path under an integration without following links; a link is resolved only to
/// tell whether it stays inside the repository.
fn walk_tree(root: &Path, dir: &Path) -> FileTree {
    let mut entries = HashMap::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .max_depth(32)
        .min_depth(1);
    for entry in walker.into_iter().flatten() {
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        let ft = entry.file_type();
        let kind = if ft.is_symlink() {
            match std::fs::canonicalize(entry.path()) {
                Ok(target) if target.starts_with(root) => match std::fs::metadata(&target) {
                    Ok(m) if m.is_file() => Entry::File { size: m.len() },
                    Ok(m) if m.is_dir() => Entry::Dir,
                    Ok(_) => Entry::Other,
                    Err(_) => Entry::BrokenLink,
                },
                Ok(_) => Entry::Escaping,
                Err(_) => Entry::BrokenLink,
            }
        } else if ft.is_dir() {
            Entry::Dir
        } else if ft.is_file() {
            Entry::File {
                size: entry.metadata().map(|m| m.len()).unwrap_or(0),
            }
        } else {
            Entry::Other
        };
        entries.insert(rel, kind);
    }
    FileTree { entries }
}

/// Read and parse everything rules may need from one integration.
pub fn load(root: &Path, name: &str, dir: &Path) -> IntegrationModel {
    let mut l = Loader::new(root, name, dir);
    let manifest = l.read_json("manifest.json");
    let root_node = manifest.as_ref().and_then(|m| m.root());
    let manifest_path =
        |ptr: &str| -> Option<String> { root_node?.pointer(ptr)?.as_str().and_then(normalize_rel) };

    let metadata_rel = manifest_path("/assets/integration/metrics/metadata_path")
        .unwrap_or_else(|| "metadata.csv".into());
    let metadata = l.read_text(&metadata_rel).map(|source| {
        let doc = csv::parse(&source);
        Parsed { source, doc }
    });
    let sc_rel = manifest_path("/assets/integration/service_checks/metadata_path")
        .unwrap_or_else(|| "assets/service_checks.json".into());
    let service_checks = l.read_json(&sc_rel);
    let changelog = l.read_text("CHANGELOG.md").map(|source| {
        let doc = changelog::parse(&source);
        Parsed { source, doc }
    });
    let readme = l.read_text("README.md").map(|source| {
        let doc = markdown::parse(&source);
        Parsed { source, doc }
    });
    let pyproject = l.read_text("pyproject.toml").map(|source| {
        let doc = source
            .content()
            .parse::<toml::Table>()
            .map_err(|e| e.message().to_string());
        Parsed { source, doc }
    });
    let mut packages: Vec<String> = l
        .tree
        .under("datadog_checks")
        .into_iter()
        .filter_map(|p| p.strip_prefix("datadog_checks/"))
        .filter(|p| !p.contains('/') && !p.starts_with('.') && !p.starts_with("__"))
        .filter(|p| l.tree.is_dir(&format!("datadog_checks/{p}")))
        .map(str::to_string)
        .collect();
    packages.sort();
    // Prefer the package named after the directory, as ddev does.
    let expected_pkg = name.replace('-', "_");
    let pkg = packages
        .iter()
        .find(|p| **p == expected_pkg)
        .or_else(|| packages.first())
        .cloned();
    let about = pkg.as_ref().and_then(|p| {
        let source = l.read_text(&format!("datadog_checks/{p}/__about__.py"))?;
        let doc = about::parse(&source);
        Some(Parsed { source, doc })
    });
    let conf_example = pkg
        .as_ref()
        .and_then(|p| l.read_text(&format!("datadog_checks/{p}/data/conf.yaml.example")));

    let mut assets = BTreeMap::new();
    let mut heads = BTreeMap::new();
    if let Some(root_node) = root_node {
        for group in ["dashboards", "monitors", "saved_views"] {
            if let Some(members) = root_node
                .pointer(&format!("/assets/{group}"))
                .and_then(|n| n.as_object())
            {
                for m in members {
                    if let Some(rel) = m.value.as_str().and_then(normalize_rel) {
                        if let std::collections::btree_map::Entry::Vacant(slot) = assets.entry(rel)
                        {
                            if let Some(source) = l.read_text(slot.key()) {
                                slot.insert(LazyJson::new(source));
                            }
                        }
                    }
                }
            }
        }
        let mut binaries: Vec<String> = Vec::new();
        if let Some(media) = root_node.pointer("/tile/media").and_then(|n| n.as_array()) {
            for item in media {
                if let Some(rel) = item
                    .get("image_url")
                    .and_then(|n| n.as_str())
                    .and_then(normalize_rel)
                {
                    binaries.push(rel);
                }
            }
        }
        if let Some(rel) = root_node
            .pointer("/legal_terms/eula")
            .and_then(|n| n.as_str())
            .and_then(normalize_rel)
        {
            binaries.push(rel);
        }
        for rel in binaries {
            if let Some(h) = l.read_head(&rel) {
                heads.insert(rel, h);
            }
        }
    }

    IntegrationModel {
        name: name.to_string(),
        dir: dir.to_path_buf(),
        tree: l.tree,
        problems: l.problems,
        manifest,
        metadata,
        service_checks,
        changelog,
        readme,
        pyproject,
        packages,
        about,
        conf_example,
        assets,
        heads,
        base_manifest: None,
    }
}
