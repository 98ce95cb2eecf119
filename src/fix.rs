//! `--fix`: apply the safe fixes that diagnostics carry, file by file, atomically.
//!
//! A fix's edits are byte ranges of the file its diagnostic points at (the text ddlint read).
//! For each file: the fixes are taken in order and a fix whose edits overlap an accepted one is
//! left for the next run; the file on disk must still be the text that was read (otherwise it
//! changed under us and is left alone); the new text goes to a temporary file in the same
//! directory, which is then renamed over the original, so a reader never sees half a file.
//! Files without a fix are never opened for writing.

use crate::diagnostic::{Diagnostic, Edit};
use crate::source::SharedSource;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One fix that was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub path: String,
    pub rule: &'static str,
    pub description: String,
}

/// What `--fix` did.
#[derive(Debug, Default)]
pub struct FixOutcome {
    pub applied: Vec<Applied>,
    /// Repository-relative paths of the files rewritten.
    pub files: Vec<String>,
    /// Files that could not be written, with the reason.
    pub failed: Vec<(String, String)>,
}

/// Apply `edits` (non-overlapping, any order) to `text`.
pub fn apply_edits(text: &str, edits: &[Edit]) -> Option<String> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in sorted {
        if e.span.start < at
            || e.span.end > text.len()
            || !text.is_char_boundary(e.span.start)
            || !text.is_char_boundary(e.span.end)
        {
            return None;
        }
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

fn overlaps(a: &Edit, b: &Edit) -> bool {
    // Two insertions at the same point conflict too (their order would be arbitrary).
    a.span.start < b.span.end && b.span.start < a.span.end
        || (a.span.start == b.span.start && (a.span.is_empty() || b.span.is_empty()))
}

/// The new text of each file that has fixes, and the fixes it includes.
pub fn plan(diagnostics: &[Diagnostic]) -> Vec<(SharedSource, String, Vec<Applied>)> {
    let mut by_file: BTreeMap<String, (SharedSource, Vec<&Diagnostic>)> = BTreeMap::new();
    for d in diagnostics {
        let (Some(fix), Some(src)) = (&d.fix, &d.location.source) else {
            continue;
        };
        if fix.edits.is_empty() {
            continue;
        }
        by_file
            .entry(src.path.clone())
            .or_insert_with(|| (src.clone(), Vec::new()))
            .1
            .push(d);
    }
    let mut out = Vec::new();
    for (path, (src, list)) in by_file {
        let mut accepted: Vec<Edit> = Vec::new();
        let mut applied = Vec::new();
        for d in list {
            let Some(fix) = &d.fix else { continue };
            let conflict = fix
                .edits
                .iter()
                .any(|e| accepted.iter().any(|a| overlaps(a, e)))
                || fix
                    .edits
                    .iter()
                    .enumerate()
                    .any(|(i, e)| fix.edits[i + 1..].iter().any(|f| overlaps(e, f)));
            if conflict {
                continue;
            }
            // Each fix must apply on its own, too (spans inside the text, on char boundaries).
            if apply_edits(&src.text, &fix.edits).is_none() {
                continue;
            }
            accepted.extend(fix.edits.iter().cloned());
            applied.push(Applied {
                path: path.clone(),
                rule: d.rule,
                description: fix.description.clone(),
            });
        }
        if applied.is_empty() {
            continue;
        }
        if let Some(text) = apply_edits(&src.text, &accepted) {
            if text != src.text {
                out.push((src, text, applied));
            }
        }
    }
    out
}

/// Write `text` to `path` atomically: a temporary file beside it, then a rename.
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp: Option<PathBuf> = None;
    let mut file = None;
    for i in 0..100u32 {
        let candidate = dir.join(format!(".{name}.ddlint-fix.{}.{i}", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(f) => {
                tmp = Some(candidate);
                file = Some(f);
                break;
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    let (Some(tmp), Some(mut file)) = (tmp, file) else {
        return Err(std::io::Error::other("cannot create a temporary file"));
    };
    let result = (|| {
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        drop(file);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Apply the fixes of `diagnostics` to the files under `root`.
pub fn apply(root: &Path, diagnostics: &[Diagnostic]) -> FixOutcome {
    let mut outcome = FixOutcome::default();
    for (src, text, applied) in plan(diagnostics) {
        let path = root.join(&src.path);
        // The file must still hold what was read; a file edited meanwhile is left alone.
        match std::fs::read(&path) {
            Ok(bytes) if bytes == src.text.as_bytes() => {}
            Ok(_) => {
                outcome.failed.push((
                    src.path.clone(),
                    "the file changed while ddlint was running".into(),
                ));
                continue;
            }
            Err(e) => {
                outcome.failed.push((src.path.clone(), e.to_string()));
                continue;
            }
        }
        match write_atomic(&path, &text) {
            Ok(()) => {
                outcome.files.push(src.path.clone());
                outcome.applied.extend(applied);
            }
            Err(e) => outcome.failed.push((src.path.clone(), e.to_string())),
        }
    }
    outcome
}

/// A human summary of what was fixed, one line per fix, then a count.
pub fn describe(outcome: &FixOutcome) -> String {
    let mut s = String::new();
    for a in &outcome.applied {
        s.push_str(&format!(
            "fixed {}: {} [{}]\n",
            a.path, a.description, a.rule
        ));
    }
    for (path, why) in &outcome.failed {
        s.push_str(&format!("not fixed {path}: {why}\n"));
    }
    let n = outcome.applied.len();
    let f = outcome.files.len();
    s.push_str(&format!(
        "Fixed {n} problem{} in {f} file{}.\n",
        if n == 1 { "" } else { "s" },
        if f == 1 { "" } else { "s" }
    ));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Location, Severity};
    use crate::source::{SourceFile, Span};
    use std::sync::Arc;

    fn diag(src: &SharedSource, edits: Vec<(usize, usize, &str)>) -> Diagnostic {
        Diagnostic {
            rule: "service-checks/invalid-json",
            severity: Severity::Error,
            integration: Some("acme".into()),
            location: Location::in_file(src, Span::new(0, 1)),
            message: "m".into(),
            help: None,
            label: None,
            related: Vec::new(),
            fix: Some(Fix {
                description: "replace `{}` with `[]`".into(),
                edits: edits
                    .into_iter()
                    .map(|(s, e, r)| Edit {
                        span: Span::new(s, e),
                        replacement: r.into(),
                    })
                    .collect(),
            }),
        }
    }

    #[test]
    fn edits_apply_in_order_and_reject_overlap() {
        let e = |s, t, r: &str| Edit {
            span: Span::new(s, t),
            replacement: r.into(),
        };
        assert_eq!(
            apply_edits("abcdef", &[e(4, 5, "X"), e(0, 1, "Y")]).as_deref(),
            Some("YbcdXf")
        );
        assert_eq!(apply_edits("abc", &[e(0, 2, ""), e(1, 3, "")]), None);
        assert_eq!(apply_edits("abc", &[e(2, 9, "")]), None);
        assert_eq!(apply_edits("é", &[e(1, 2, "")]), None);
    }

    #[test]
    fn apply_rewrites_only_files_with_fixes_and_is_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("acme")).unwrap();
        std::fs::write(dir.path().join("acme/service_checks.json"), "{}\n").unwrap();
        std::fs::write(dir.path().join("acme/other.json"), "{}\n").unwrap();
        let before_other = std::fs::metadata(dir.path().join("acme/other.json"))
            .unwrap()
            .modified()
            .unwrap();
        let src = Arc::new(SourceFile::new("acme/service_checks.json", "{}\n".into()));
        // Two fixes; the second overlaps the first and is left for another run.
        let diags = vec![
            diag(&src, vec![(0, 2, "[]")]),
            diag(&src, vec![(1, 2, "]")]),
        ];
        let out = apply(dir.path(), &diags);
        assert_eq!(out.applied.len(), 1);
        assert_eq!(out.files, vec!["acme/service_checks.json".to_string()]);
        assert!(out.failed.is_empty());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("acme/service_checks.json")).unwrap(),
            "[]\n"
        );
        assert_eq!(
            std::fs::metadata(dir.path().join("acme/other.json"))
                .unwrap()
                .modified()
                .unwrap(),
            before_other
        );
        // No temporary file is left behind.
        let names: Vec<String> = std::fs::read_dir(dir.path().join("acme"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        // The same diagnostics against the fixed file: the text no longer matches, nothing is
        // written.
        let again = apply(dir.path(), &diags);
        assert!(again.applied.is_empty());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("acme/service_checks.json")).unwrap(),
            "[]\n"
        );
        // Diagnostics of the fixed text carry no fix: nothing to do.
        let fixed = Arc::new(SourceFile::new("acme/service_checks.json", "[]\n".into()));
        let mut clean = diag(&fixed, vec![]);
        clean.fix = None;
        assert!(plan(&[clean]).is_empty());
        assert!(describe(&out).contains("Fixed 1 problem in 1 file."));
    }

    #[test]
    fn a_fix_that_changes_nothing_writes_nothing() {
        let src = Arc::new(SourceFile::new("a.json", "[]".into()));
        assert!(plan(&[diag(&src, vec![(0, 2, "[]")])]).is_empty());
    }
}
