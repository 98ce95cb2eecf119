//! The hostile tree suite (issue 7): broken, strange and malicious files inside a repository.
//! For each case ddlint must give a clear diagnostic on that file, go on with the rest of the
//! run (the sentinel warning in the other integration is still reported), never panic, never
//! hang (every run has a deadline), and leave the tree byte-for-byte as it was.
//!
//! Each case copies `tests/hostile/base` (two clean integrations, `acme` and `beta`, written by
//! `scripts/make_example.py`) into a temporary directory and breaks something in `acme`.

#![cfg(unix)]

use ddlint::diagnostic::{Diagnostic, Severity};
use ddlint::Report;
use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// A run that takes longer than this is a hang.
const DEADLINE: Duration = Duration::from_secs(60);

fn base() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/base")
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A fresh copy of the base repository; `beta/README.md` gets a byte-order mark, so every run
/// that goes on past the broken integration reports the `file/bom` sentinel in `beta`.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&base(), dir.path());
    let readme = dir.path().join("beta/README.md");
    let mut text = b"\xEF\xBB\xBF".to_vec();
    text.extend(std::fs::read(&readme).unwrap());
    std::fs::write(readme, text).unwrap();
    dir
}

/// Everything observable about a tree: each path's kind, bytes or link target, and mode.
#[derive(Debug, PartialEq)]
enum Snap {
    File(Vec<u8>, u32),
    Dir(u32),
    Link(OsString),
    Other,
}

fn snapshot(root: &Path) -> BTreeMap<OsString, Snap> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let rel = path.strip_prefix(root).unwrap().as_os_str().to_owned();
            let mode = meta.permissions().mode();
            let snap = if meta.file_type().is_symlink() {
                Snap::Link(std::fs::read_link(&path).unwrap().into_os_string())
            } else if meta.is_dir() {
                stack.push(path.clone());
                Snap::Dir(mode)
            } else if meta.is_file() {
                Snap::File(std::fs::read(&path).unwrap(), mode)
            } else {
                Snap::Other
            };
            out.insert(rel, snap);
        }
    }
    out
}

/// Validate the whole repository through the library, on another thread, with a deadline.
fn validate_within(root: &Path, deadline: Duration) -> Report {
    let opts = ddlint::Options {
        paths: vec![root.to_path_buf()],
        threads: Some(2),
        ..Default::default()
    };
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        let _ = tx.send(ddlint::validate(&opts));
    });
    match rx.recv_timeout(deadline) {
        Ok(report) => report.expect("a broken file must never stop the run (exit 2)"),
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("ddlint did not finish within {deadline:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            // The worker died: re-raise its panic so the test shows it.
            match worker.join() {
                Err(p) => std::panic::resume_unwind(p),
                Ok(()) => unreachable!(),
            }
        }
    }
}

/// Run ddlint on the tree and check the invariants every case shares; returns the report.
fn run(root: &Path) -> Report {
    let before = snapshot(root);
    let report = validate_within(root, DEADLINE);
    assert_eq!(
        snapshot(root),
        before,
        "ddlint changed the tree it validated"
    );
    assert_eq!(report.integrations, 2, "both integrations are validated");
    assert!(
        has(&report, "file/bom", "beta/README.md", ""),
        "the run went on to the other integration:\n{}",
        dump(&report)
    );
    for d in &report.diagnostics {
        // Spans the renderers will use must lie inside the file, on character boundaries.
        if let (Some(source), Some(span)) = (&d.location.source, d.location.span) {
            assert!(
                span.start <= span.end && span.end <= source.text.len(),
                "{d:?}"
            );
            assert!(source.text.is_char_boundary(span.start), "{d:?}");
            assert!(source.text.is_char_boundary(span.end), "{d:?}");
        }
    }
    // Both renderers accept whatever the run produced.
    let _ = ddlint::report::json::render(&report, false);
    let _ = ddlint::report::human::render(
        &report,
        ddlint::report::human::HumanOptions {
            color: false,
            width: 100,
            quiet: false,
            statistics: false,
        },
    );
    report
}

fn has(report: &Report, rule: &str, path: &str, message_part: &str) -> bool {
    report
        .diagnostics
        .iter()
        .any(|d| matches(d, rule, path, message_part))
}

fn matches(d: &Diagnostic, rule: &str, path: &str, message_part: &str) -> bool {
    d.rule == rule && d.location.path == path && d.message.contains(message_part)
}

fn dump(report: &Report) -> String {
    report
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} {} {}: {}\n",
                d.severity.as_str(),
                d.rule,
                d.location.path,
                d.message
            )
        })
        .collect()
}

fn expect(report: &Report, rule: &str, path: &str, message_part: &str) {
    assert!(
        has(report, rule, path, message_part),
        "expected {rule} on {path} ({message_part:?}), got:\n{}",
        dump(report)
    );
}

#[test]
fn binary_garbage_in_a_json_file() {
    let t = tree();
    // A PNG header and some noise: not UTF-8.
    let garbage: Vec<u8> = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"
        .iter()
        .copied()
        .chain((0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8))
        .collect();
    std::fs::write(t.path().join("acme/manifest.json"), &garbage).unwrap();
    std::fs::write(t.path().join("acme/assets/service_checks.json"), &garbage).unwrap();
    let r = run(t.path());
    expect(
        &r,
        "file/invalid-utf8",
        "acme/manifest.json",
        "byte 0x89 at offset 0",
    );
    expect(
        &r,
        "file/invalid-utf8",
        "acme/assets/service_checks.json",
        "not valid UTF-8",
    );
}

#[test]
fn invalid_utf8_in_the_middle_of_a_text_file() {
    let t = tree();
    let path = t.path().join("acme/metadata.csv");
    let mut bytes = std::fs::read(&path).unwrap();
    // Latin-1 `é` (0xE9) after the header line.
    let at = bytes.iter().position(|&b| b == b'\n').unwrap() + 5;
    bytes.insert(at, 0xE9);
    std::fs::write(&path, bytes).unwrap();
    let r = run(t.path());
    expect(
        &r,
        "file/invalid-utf8",
        "acme/metadata.csv",
        &format!("byte 0xe9 at offset {at}"),
    );
    let d = r
        .diagnostics
        .iter()
        .find(|d| matches(d, "file/invalid-utf8", "acme/metadata.csv", ""))
        .unwrap();
    assert_eq!(
        d.location.start().map(|p| p.line),
        Some(2),
        "points at the line"
    );
}

#[test]
fn a_byte_order_mark_is_reported_and_skipped() {
    let t = tree();
    let path = t.path().join("acme/manifest.json");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&path).unwrap());
    std::fs::write(&path, bytes).unwrap();
    let r = run(t.path());
    expect(&r, "file/bom", "acme/manifest.json", "byte-order mark");
    assert!(
        !has(&r, "manifest/invalid-json", "acme/manifest.json", ""),
        "the manifest after the BOM is parsed:\n{}",
        dump(&r)
    );
    let d = r
        .diagnostics
        .iter()
        .find(|d| matches(d, "file/bom", "acme/manifest.json", ""))
        .unwrap();
    assert_eq!(d.severity, Severity::Warning);
}

/// Where a duplicate key is reported, as (line, column) pairs.
fn duplicate_positions(r: &Report) -> Vec<(usize, usize, usize, usize)> {
    r.diagnostics
        .iter()
        .filter(|d| d.rule == "manifest/duplicate-key")
        .map(|d| {
            let s = d.location.start().unwrap();
            let e = d.location.end().unwrap();
            (s.line, s.column, e.line, e.column)
        })
        .collect()
}

#[test]
fn crlf_files_report_the_same_positions_as_lf_files() {
    let lf = tree();
    let crlf = tree();
    for t in [&lf, &crlf] {
        let path = t.path().join("acme/manifest.json");
        let text = std::fs::read_to_string(&path).unwrap();
        // A duplicate key on the third line, so line and column both matter.
        let mut lines: Vec<&str> = text.lines().collect();
        let dup = "  \"manifest_version\": \"2.0.0\",";
        lines.insert(2, dup);
        let joined = lines.join("\n") + "\n";
        std::fs::write(&path, joined).unwrap();
    }
    // Every text file of acme in CRLF.
    for rel in [
        "manifest.json",
        "metadata.csv",
        "CHANGELOG.md",
        "README.md",
        "assets/service_checks.json",
        "datadog_checks/acme/__about__.py",
        "pyproject.toml",
    ] {
        let path = crlf.path().join("acme").join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace('\n', "\r\n")).unwrap();
    }
    let a = run(lf.path());
    let b = run(crlf.path());
    let pa = duplicate_positions(&a);
    assert_eq!(pa.len(), 1, "{}", dump(&a));
    assert_eq!(pa[0].0, 3);
    assert_eq!(duplicate_positions(&b), pa, "CRLF shifts no column");
    assert!(!has(&b, "manifest/invalid-json", "acme/manifest.json", ""));
}

#[test]
fn empty_files() {
    let t = tree();
    for rel in [
        "manifest.json",
        "metadata.csv",
        "CHANGELOG.md",
        "README.md",
        "assets/service_checks.json",
        "assets/dashboards/acme_overview.json",
        "datadog_checks/acme/__about__.py",
        "pyproject.toml",
        "images/acme_overview.png",
    ] {
        std::fs::write(t.path().join("acme").join(rel), b"").unwrap();
    }
    let r = run(t.path());
    expect(&r, "manifest/invalid-json", "acme/manifest.json", "empty");
}

#[test]
fn a_file_over_16_mib_is_not_read() {
    let t = tree();
    for rel in ["README.md", "metadata.csv"] {
        let f = std::fs::File::create(t.path().join("acme").join(rel)).unwrap();
        // Sparse: 17 MiB of zeros that cost no disk.
        f.set_len(17 * 1024 * 1024).unwrap();
    }
    let r = run(t.path());
    expect(&r, "file/too-large", "acme/README.md", "16 MiB");
    expect(&r, "file/too-large", "acme/metadata.csv", "16 MiB");
}

#[test]
fn json_nested_200000_deep() {
    let t = tree();
    let deep = "[".repeat(200_000) + &"]".repeat(200_000);
    std::fs::write(t.path().join("acme/manifest.json"), &deep).unwrap();
    let deep_object = "{\"a\":".repeat(200_000) + "1" + &"}".repeat(200_000);
    std::fs::write(t.path().join("beta/manifest.json"), &deep_object).unwrap();
    let r = run(t.path());
    expect(
        &r,
        "manifest/invalid-json",
        "acme/manifest.json",
        "nested deeper",
    );
    expect(
        &r,
        "manifest/invalid-json",
        "beta/manifest.json",
        "nested deeper",
    );
}

#[test]
fn deeply_nested_asset_files() {
    let t = tree();
    let deep = "[".repeat(200_000);
    for rel in [
        "assets/service_checks.json",
        "assets/dashboards/acme_overview.json",
    ] {
        std::fs::write(t.path().join("acme").join(rel), &deep).unwrap();
    }
    // Whatever rules look at these files, none may crash or overflow the stack.
    run(t.path());
}

#[test]
fn a_directory_where_a_file_should_be() {
    let t = tree();
    for rel in ["metadata.csv", "CHANGELOG.md", "assets/service_checks.json"] {
        let p = t.path().join("acme").join(rel);
        std::fs::remove_file(&p).unwrap();
        std::fs::create_dir_all(p.join("inner")).unwrap();
    }
    let r = run(t.path());
    expect(&r, "file/unreadable", "acme/metadata.csv", "is a directory");
    expect(&r, "file/unreadable", "acme/CHANGELOG.md", "is a directory");
    expect(
        &r,
        "file/unreadable",
        "acme/assets/service_checks.json",
        "is a directory",
    );
}

#[test]
fn a_directory_where_the_manifest_should_be() {
    let t = tree();
    let p = t.path().join("acme/manifest.json");
    std::fs::remove_file(&p).unwrap();
    std::fs::create_dir(&p).unwrap();
    let r = run(t.path());
    expect(
        &r,
        "file/unreadable",
        "acme/manifest.json",
        "is a directory",
    );
}

#[test]
fn symlink_loops() {
    use std::os::unix::fs::symlink;
    let t = tree();
    let acme = t.path().join("acme");
    // A file linked to itself, two links to each other, a directory linked to its parent.
    std::fs::remove_file(acme.join("CHANGELOG.md")).unwrap();
    symlink("CHANGELOG.md", acme.join("CHANGELOG.md")).unwrap();
    std::fs::remove_file(acme.join("README.md")).unwrap();
    symlink("README.other", acme.join("README.md")).unwrap();
    symlink("README.md", acme.join("README.other")).unwrap();
    symlink("..", acme.join("assets/up")).unwrap();
    symlink(".", acme.join("self")).unwrap();
    let r = run(t.path());
    expect(&r, "file/unreadable", "acme/CHANGELOG.md", "looping");
    expect(&r, "file/unreadable", "acme/README.md", "looping");
}

#[test]
fn links_out_of_the_repository_are_not_followed() {
    use std::os::unix::fs::symlink;
    let t = tree();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.json");
    std::fs::write(&secret, "{\"secret\": \"do not read\"}").unwrap();
    let acme = t.path().join("acme");
    std::fs::remove_file(acme.join("manifest.json")).unwrap();
    symlink(&secret, acme.join("manifest.json")).unwrap();
    std::fs::remove_file(acme.join("metadata.csv")).unwrap();
    symlink(
        "../../../../../../../../etc/passwd",
        acme.join("metadata.csv"),
    )
    .unwrap();
    symlink(outside.path(), acme.join("assets/elsewhere")).unwrap();
    // A top-level directory that is a link out of the repository is not an integration.
    symlink(outside.path(), t.path().join("linked")).unwrap();
    let r = run(t.path());
    expect(
        &r,
        "file/unreadable",
        "acme/manifest.json",
        "outside the repository",
    );
    expect(
        &r,
        "file/unreadable",
        "acme/metadata.csv",
        "outside the repository",
    );
    let everything = dump(&r);
    assert!(!everything.contains("do not read"), "{everything}");
    assert!(!everything.contains("root:"), "{everything}");
}

#[test]
fn non_utf8_file_names() {
    let t = tree();
    let acme = t.path().join("acme");
    let bad = OsStr::from_bytes(b"caf\xE9 \xFF.png");
    std::fs::write(acme.join("images").join(bad), b"\x89PNG").unwrap();
    std::fs::create_dir(acme.join(OsStr::from_bytes(b"d\xFFir"))).unwrap();
    std::fs::write(
        acme.join(OsStr::from_bytes(b"d\xFFir")).join("x.json"),
        b"{}",
    )
    .unwrap();
    // An integration whose own directory name is not UTF-8.
    let odd = t.path().join(OsStr::from_bytes(b"g\xFEmma"));
    copy_tree(&t.path().join("acme"), &odd);
    let before = snapshot(t.path());
    let report = validate_within(t.path(), DEADLINE);
    assert_eq!(snapshot(t.path()), before);
    assert_eq!(report.integrations, 3, "{}", dump(&report));
    assert!(has(&report, "file/bom", "beta/README.md", ""));
    // The command line prints such names (lossily) in both formats.
    for format in ["human", "json"] {
        let out = assert_cmd::Command::cargo_bin("ddlint")
            .unwrap()
            .args(["validate", "--format", format])
            .arg(t.path())
            .timeout(DEADLINE)
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(2), "{out:?}");
        assert!(out.status.code().is_some(), "killed by a signal: {out:?}");
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "{out:?}"
        );
    }
}

#[test]
fn a_fifo_where_a_file_should_be_does_not_block() {
    let t = tree();
    let p = t.path().join("acme/CHANGELOG.md");
    std::fs::remove_file(&p).unwrap();
    let status = std::process::Command::new("mkfifo").arg(&p).status();
    if !status.map(|s| s.success()).unwrap_or(false) {
        eprintln!("mkfifo is not available: skipped");
        return;
    }
    let r = run(t.path());
    expect(
        &r,
        "file/unreadable",
        "acme/CHANGELOG.md",
        "not a regular file",
    );
}

/// A file that vanishes mid-run. The loader lists an integration's files first and reads them
/// afterwards, so a file deleted in between is listed but cannot be opened. This test deletes and
/// restores `acme/metadata.csv` and `acme/manifest.json` as fast as it can while ddlint validates
/// the repository over and over: whichever moment the deletion hits (before the listing, between
/// the listing and the read, or after), every run must finish without a panic, report the file
/// as missing, unreadable (`cannot be read`) or fine, and still reach the other integration.
/// It proves the absence of a crash or a hang on that race, not that each window was hit; the
/// output says how many runs saw the file vanish after it was listed.
#[test]
fn a_file_that_vanishes_mid_run() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let t = tree();
    let root = t.path().to_path_buf();
    let stop = Arc::new(AtomicBool::new(false));
    let flipper = {
        let stop = stop.clone();
        let root = root.clone();
        std::thread::spawn(move || {
            let files: Vec<(PathBuf, Vec<u8>)> = ["acme/metadata.csv", "acme/manifest.json"]
                .iter()
                .map(|rel| {
                    let p = root.join(rel);
                    let bytes = std::fs::read(&p).unwrap();
                    (p, bytes)
                })
                .collect();
            let mut flips = 0u64;
            while !stop.load(Ordering::Relaxed) {
                for (p, _) in &files {
                    let _ = std::fs::remove_file(p);
                }
                std::thread::yield_now();
                for (p, bytes) in &files {
                    // Write to a temporary name and rename, so a reader sees all or nothing.
                    let tmp = p.with_extension("tmp-vanish");
                    std::fs::write(&tmp, bytes).unwrap();
                    std::fs::rename(&tmp, p).unwrap();
                }
                flips += 1;
            }
            flips
        })
    };
    let mut vanished_after_listing = 0;
    for _ in 0..60 {
        let report = validate_within(&root, DEADLINE);
        assert!(report.integrations >= 1);
        assert!(
            has(&report, "file/bom", "beta/README.md", ""),
            "{}",
            dump(&report)
        );
        if has(
            &report,
            "file/unreadable",
            "acme/metadata.csv",
            "cannot be read",
        ) || has(
            &report,
            "file/unreadable",
            "acme/manifest.json",
            "cannot be read",
        ) {
            vanished_after_listing += 1;
        }
    }
    stop.store(true, Ordering::Relaxed);
    let flips = flipper.join().unwrap();
    eprintln!(
        "{flips} deletions; {vanished_after_listing} of 60 runs saw a file vanish between listing and reading"
    );
}

#[test]
fn the_binary_never_panics_on_a_hostile_tree() {
    use std::os::unix::fs::symlink;
    // Every hostile thing at once, through the command line.
    let t = tree();
    let acme = t.path().join("acme");
    std::fs::write(acme.join("manifest.json"), "[".repeat(200_000)).unwrap();
    std::fs::write(acme.join("metadata.csv"), b"\xFF\xFE\0garbage").unwrap();
    std::fs::write(
        acme.join("CHANGELOG.md"),
        b"\xEF\xBB\xBF# CHANGELOG\r\n\r\n## 1.0.0 / 2024-01-01\r\n",
    )
    .unwrap();
    std::fs::remove_file(acme.join("README.md")).unwrap();
    symlink("README.md", acme.join("README.md")).unwrap();
    std::fs::File::create(acme.join("assets/service_checks.json"))
        .unwrap()
        .set_len(17 * 1024 * 1024)
        .unwrap();
    let before = snapshot(t.path());
    for format in ["human", "json"] {
        let out = assert_cmd::Command::cargo_bin("ddlint")
            .unwrap()
            .args(["validate", "--format", format])
            .arg(t.path())
            .timeout(DEADLINE)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(1),
            "errors found, no fatal: {stdout}\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        for needle in [
            "manifest/invalid-json",
            "file/invalid-utf8",
            "file/bom",
            "file/unreadable",
            "file/too-large",
        ] {
            assert!(stdout.contains(needle), "{needle} missing from:\n{stdout}");
        }
    }
    assert_eq!(snapshot(t.path()), before);
}
