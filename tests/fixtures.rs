//! Runs every fixture under `fixtures/<family>/<rule>/<case>/`: each case is a tiny repository;
//! ddlint validates it with only that rule selected and the diagnostics must equal the case's
//! `expected.txt` (one line per diagnostic: severity, rule, path:line:col-line:col, message).
//! An optional `case.toml` sets `kind = "marketplace"` and/or extra `select = [..]` rules.
//! `big_files = ["acme/metadata.csv"]` (or `[{ path = "acme/images/a.png", size = 1000001 }]`)
//! copies the case to a temporary directory and creates those files there, filled with zeros,
//! of 16 MiB + 1 byte unless a size is given, so huge files need not be committed.
//! `DDLINT_BLESS=1 cargo test --test fixtures` rewrites the expectations (review the diff!).

use ddlint::config::Settings;
use ddlint::repo::RepoKind;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every case directory: fixtures/<family>/<rule>/<case>.
fn cases() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let root = fixtures_root();
    let Ok(families) = std::fs::read_dir(&root) else {
        return out;
    };
    for family in families.flatten() {
        let fname = family.file_name().to_string_lossy().into_owned();
        if !family.path().is_dir() || fname.starts_with("example") {
            continue;
        }
        for rule in std::fs::read_dir(family.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if !rule.path().is_dir() {
                continue;
            }
            let id = format!("{fname}/{}", rule.file_name().to_string_lossy());
            for case in std::fs::read_dir(rule.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                if case.path().is_dir() {
                    out.push((id.clone(), case.path()));
                }
            }
        }
    }
    out.sort();
    out
}

fn render_line(d: &ddlint::diagnostic::Diagnostic) -> String {
    let pos = match (d.location.start(), d.location.end()) {
        (Some(s), Some(e)) => format!(
            "{}:{}:{}-{}:{}",
            d.location.path, s.line, s.column, e.line, e.column
        ),
        _ => d.location.path.clone(),
    };
    format!("{} {} {} {}", d.severity.as_str(), d.rule, pos, d.message)
}

/// Copy a case directory (symbolic links copied as links) into `to`.
fn copy_case(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).min_depth(1) {
        let entry = entry.expect("walk the case");
        let rel = entry.path().strip_prefix(from).expect("inside the case");
        let dest = to.join(rel);
        let ft = entry.file_type();
        if ft.is_dir() {
            std::fs::create_dir_all(&dest).expect("create dir");
        } else if ft.is_symlink() {
            #[cfg(unix)]
            {
                let target = std::fs::read_link(entry.path()).expect("read link");
                std::os::unix::fs::symlink(target, &dest).expect("copy link");
            }
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy file");
        }
    }
}

/// The `big_files` of a case.toml: (path, size).
fn big_files(t: &toml::Table) -> Vec<(String, u64)> {
    const DEFAULT: u64 = 16 * 1024 * 1024 + 1;
    t.get("big_files")
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| match v {
                    toml::Value::String(p) => Some((p.clone(), DEFAULT)),
                    toml::Value::Table(t) => Some((
                        t.get("path")?.as_str()?.to_string(),
                        t.get("size")
                            .and_then(|s| s.as_integer())
                            .map_or(DEFAULT, |s| s as u64),
                    )),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

fn run_case(id: &str, dir: &Path) -> String {
    let mut kind = RepoKind::Extras;
    let mut select = vec![id.to_string()];
    let mut _temp = None;
    let mut dir = dir.to_path_buf();
    if let Ok(text) = std::fs::read_to_string(dir.join("case.toml")) {
        let t: toml::Table = text.parse().expect("case.toml must be valid TOML");
        if let Some(k) = t.get("kind").and_then(|v| v.as_str()) {
            kind = RepoKind::parse(k).expect("case.toml kind");
        }
        if let Some(extra) = t.get("select").and_then(|v| v.as_array()) {
            select.extend(extra.iter().filter_map(|v| v.as_str().map(str::to_string)));
        }
        let big = big_files(&t);
        if !big.is_empty() {
            let temp = tempfile::tempdir().expect("temporary directory");
            let copy = temp.path().join(dir.file_name().expect("case name"));
            std::fs::create_dir_all(&copy).expect("create the copy");
            copy_case(&dir, &copy);
            for (path, size) in big {
                let file = copy.join(&path);
                if let Some(parent) = file.parent() {
                    std::fs::create_dir_all(parent).expect("create dir");
                }
                let f = std::fs::File::create(&file).expect("create big file");
                f.set_len(size).expect("grow big file");
            }
            dir = copy;
            _temp = Some(temp);
        }
    }
    let opts = ddlint::Options {
        paths: vec![dir.clone()],
        kind: Some(kind),
        threads: Some(1),
        settings: Settings {
            select,
            ..Settings::default()
        },
        changed_since: None,
    };
    let report =
        ddlint::validate(&opts).unwrap_or_else(|e| panic!("{}: fatal: {e}", dir.display()));
    let mut s: String = report
        .diagnostics
        .iter()
        .map(|d| render_line(d) + "\n")
        .collect();
    if s.is_empty() {
        s = String::new();
    }
    s
}

#[test]
fn every_fixture_matches_its_expectation() {
    let bless = std::env::var_os("DDLINT_BLESS").is_some();
    let mut failures = Vec::new();
    for (id, dir) in cases() {
        let actual = run_case(&id, &dir);
        let expected_path = dir.join("expected.txt");
        if bless {
            std::fs::write(&expected_path, &actual).expect("write expected.txt");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| format!("<{} missing>\n", expected_path.display()));
        if actual.replace("\r\n", "\n") != expected.replace("\r\n", "\n") {
            failures.push(format!(
                "{}\n--- expected\n{}--- actual\n{}",
                dir.display(),
                expected,
                actual
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Rules whose triggering case needs git history, which a fixture directory cannot hold. Their
/// triggering cases are proven elsewhere (tests/changed_since.rs builds temporary git
/// repositories); they still need a clean fixture here.
const TRIGGERED_ELSEWHERE: &[&str] = &["manifest/immutable-changed"];

#[test]
fn every_rule_has_a_triggering_and_a_clean_fixture_and_an_explanation() {
    let mut triggering: BTreeMap<String, usize> = BTreeMap::new();
    let mut clean: BTreeMap<String, usize> = BTreeMap::new();
    for (id, dir) in cases() {
        let expected = std::fs::read_to_string(dir.join("expected.txt")).unwrap_or_default();
        let lines: Vec<&str> = expected.lines().filter(|l| !l.trim().is_empty()).collect();
        if lines
            .iter()
            .any(|l| l.split(' ').nth(1) == Some(id.as_str()))
        {
            *triggering.entry(id.clone()).or_default() += 1;
        }
        if !lines
            .iter()
            .any(|l| l.split(' ').nth(1) == Some(id.as_str()))
        {
            *clean.entry(id).or_default() += 1;
        }
    }
    let mut missing = Vec::new();
    for rule in ddlint::rules::registry() {
        let m = rule.meta();
        if !triggering.contains_key(m.id) && !TRIGGERED_ELSEWHERE.contains(&m.id) {
            missing.push(format!("{}: no fixture that triggers it", m.id));
        }
        if !clean.contains_key(m.id) {
            missing.push(format!("{}: no clean fixture", m.id));
        }
        if m.explanation.trim().len() < 80 || m.summary.is_empty() {
            missing.push(format!("{}: summary or explanation missing", m.id));
        }
        if !m.id.contains('/') || m.id.chars().any(|c| c.is_ascii_uppercase() || c == '_') {
            missing.push(format!("{}: ids are family/kebab-case", m.id));
        }
    }
    for (id, _) in cases() {
        if ddlint::rules::find(&id).is_none() {
            missing.push(format!("fixtures/{id}: no such rule"));
        }
    }
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
