//! The pre-commit hook, for real: pre-commit (from PyPI) installs ddlint from
//! `.pre-commit-hooks.yaml` with `language: rust` (a `cargo install` of this repository), a
//! temporary git repository made of corpus integrations uses it, a commit that breaks a
//! metadata.csv is refused with ddlint's message, and a clean commit passes.
//!
//! This is the one slow test (it compiles ddlint inside pre-commit's cache); it lives alone in
//! this file so that it runs in parallel with the others.

mod common;

use common::git_command as git;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(cmd: &mut Command) -> Output {
    let shown = format!("{cmd:?}");
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run {shown}: {e}"))
}

fn ok(cmd: &mut Command) -> String {
    let shown = format!("{cmd:?}");
    let out = run(cmd);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{shown} failed:\n{text}");
    text
}

/// pre-commit from PyPI, in a virtual environment kept in cargo's target directory.
fn pre_commit() -> PathBuf {
    let venv = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-venv");
    let bin = venv.join("bin").join("pre-commit");
    if bin.is_file() {
        return bin;
    }
    let made = run(Command::new("python3").args(["-m", "venv"]).arg(&venv));
    assert!(
        made.status.success(),
        "cannot create a Python virtual environment for pre-commit (python3 -m venv): {}",
        String::from_utf8_lossy(&made.stderr)
    );
    let installed = run(Command::new(venv.join("bin").join("python")).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "pre-commit",
    ]));
    assert!(
        installed.status.success() && bin.is_file(),
        "cannot install pre-commit from PyPI (pip install pre-commit); this test needs it:\n{}",
        String::from_utf8_lossy(&installed.stderr)
    );
    bin
}

/// With pre-commit's own Python (which has PyYAML): `.pre-commit-hooks.yaml` is a valid hook
/// manifest, and action.yml and the release workflow are well-formed YAML of the right shape.
fn check_yaml_files(pre_commit: &Path) {
    ok(Command::new(pre_commit)
        .current_dir(manifest_dir())
        .args(["validate-manifest", ".pre-commit-hooks.yaml"]));
    let python = pre_commit.with_file_name("python");
    let script = r#"
import sys, yaml
hooks = yaml.safe_load(open(".pre-commit-hooks.yaml"))
h = hooks[0]
assert [x["id"] for x in hooks] == ["ddlint", "ddlint-system"], hooks
assert hooks[1]["files"] == h["files"], "the two hooks watch the same files"
assert h["id"] == "ddlint" and h["language"] == "rust" and h["require_serial"] is True, h
assert h["entry"].split()[0] == "ddlint" and h.get("pass_filenames", True), h
action = yaml.safe_load(open("action.yml"))
assert action["runs"]["using"] == "composite", action["runs"]
for step in action["runs"]["steps"]:
    assert ("run" in step) != ("uses" in step), step
    assert "run" not in step or step.get("shell") == "bash", step
release = yaml.safe_load(open(".github/workflows/release.yml"))
assert release[True]["push"]["tags"], release[True]
assert set(release["jobs"]) >= {"build", "release"}, release["jobs"]
print("yaml ok")
"#;
    let out = ok(Command::new(python)
        .current_dir(manifest_dir())
        .args(["-c", script]));
    assert!(out.contains("yaml ok"), "{out}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir").flatten() {
        let target = to.join(e.file_name());
        let ft = e.file_type().expect("file type");
        if ft.is_dir() {
            copy_dir(&e.path(), &target);
        } else if ft.is_file() {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// This working tree's hook, as a git repository pre-commit can clone: the files of this
/// checkout (tracked or new, not ignored) that a build needs, and `.pre-commit-hooks.yaml`,
/// committed. Test data (fixtures/, tests/) stays out, as Cargo.toml's `exclude` says.
fn hook_repository(dir: &Path) -> String {
    let src = manifest_dir();
    let listed = run(Command::new("git").current_dir(&src).args([
        "ls-files",
        "-z",
        "--cached",
        "--others",
        "--exclude-standard",
    ]));
    assert!(
        listed.status.success(),
        "this test runs in a git checkout of ddlint: {}",
        String::from_utf8_lossy(&listed.stderr)
    );
    let skip = ["fixtures/", "tests/", "benches/", "fuzz/", "target/"];
    let mut copied = 0;
    for rel in String::from_utf8_lossy(&listed.stdout).split('\0') {
        if rel.is_empty() || skip.iter().any(|s| rel.starts_with(s)) {
            continue;
        }
        let from = src.join(rel);
        if !from.is_file() {
            continue; // deleted in the working tree
        }
        let to = dir.join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&from, &to).expect("copy");
        copied += 1;
    }
    assert!(dir.join(".pre-commit-hooks.yaml").is_file() && copied > 10);
    ok(git(dir).arg("init").arg("-q"));
    ok(git(dir).args(["add", "-A"]));
    ok(git(dir).args(["commit", "-q", "-m", "hook"]));
    ok(git(dir).args(["rev-parse", "HEAD"])).trim().to_string()
}

fn corpus() -> PathBuf {
    let base = manifest_dir();
    [
        base.join("../shared/corpus/integrations-extras"),
        base.join("../../shared/corpus/integrations-extras"),
    ]
    .into_iter()
    .find(|p| p.is_dir())
    .expect("the corpus is expected at ../shared/corpus/integrations-extras")
}

/// Two corpus integrations with a metadata.csv in which ddlint finds no error.
fn clean_corpus_integrations(corpus: &Path) -> Vec<String> {
    let out = run(Command::new(env!("CARGO_BIN_EXE_ddlint"))
        .args(["validate", "--format", "json"])
        .arg(corpus));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let with_errors: std::collections::BTreeSet<String> = v["diagnostics"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|d| d["severity"] == "error")
                .filter_map(|d| d["integration"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let mut names: Vec<String> = std::fs::read_dir(corpus)
        .expect("read corpus")
        .flatten()
        .filter(|e| {
            e.path().join("metadata.csv").is_file() && e.path().join("manifest.json").is_file()
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !with_errors.contains(n))
        .collect();
    names.sort();
    names.truncate(2);
    assert_eq!(names.len(), 2, "two clean corpus integrations");
    names
}

#[test]
fn pre_commit_hook_refuses_a_broken_metadata_csv_and_passes_a_clean_commit() {
    let pre_commit = pre_commit();
    check_yaml_files(&pre_commit);
    let tmp = tempfile::tempdir().expect("temp dir");
    let hook = tmp.path().join("hook");
    let work = tmp.path().join("work");
    std::fs::create_dir_all(&hook).expect("mkdir");
    std::fs::create_dir_all(&work).expect("mkdir");
    let rev = hook_repository(&hook);

    let corpus = corpus();
    let names = clean_corpus_integrations(&corpus);
    for n in &names {
        copy_dir(&corpus.join(n), &work.join(n));
    }
    if corpus.join(".ddev/config.toml").is_file() {
        std::fs::create_dir_all(work.join(".ddev")).expect("mkdir");
        std::fs::copy(
            corpus.join(".ddev/config.toml"),
            work.join(".ddev/config.toml"),
        )
        .expect("copy");
    }
    std::fs::write(
        work.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: ddlint\n",
            hook.display()
        ),
    )
    .expect("write config");
    ok(git(&work).arg("init").arg("-q"));

    // pre-commit's cache and ddlint's build: the build directory is kept between runs so a
    // second run is incremental; the release profile is made cheap (this tests the install
    // path, not the optimiser).
    let home = tmp.path().join("pre-commit-home");
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-hook-target");
    let with_env = |c: &mut Command| {
        c.env("PRE_COMMIT_HOME", &home)
            .env("CARGO_TARGET_DIR", &target)
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
            .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
            .env("CARGO_PROFILE_RELEASE_INCREMENTAL", "true")
            .env_remove("NO_COLOR")
            .env_remove("PRE_COMMIT_COLOR");
    };
    let mut install = Command::new(&pre_commit);
    install.current_dir(&work).arg("install");
    with_env(&mut install);
    ok(install.env("GIT_CONFIG_GLOBAL", "/dev/null"));

    let commit = |message: &str| -> (bool, String) {
        let mut c = git(&work);
        c.args(["commit", "-q", "-m", message]);
        with_env(&mut c);
        let out = run(&mut c);
        (
            out.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    };

    // A clean commit passes (and builds the hook).
    ok(git(&work).args(["add", "-A"]));
    let (passed, out) = commit("add two integrations");
    assert!(passed, "a clean commit passes the hook:\n{out}");
    assert!(out.contains("ddlint"), "the hook ran:\n{out}");

    // A broken metadata.csv is refused, with ddlint's message.
    let csv = work.join(&names[0]).join("metadata.csv");
    let mut bytes = std::fs::read(&csv).expect("read csv");
    let good = bytes.clone();
    bytes.extend_from_slice(b"broken\xff\xfe,row\n");
    std::fs::write(&csv, &bytes).expect("write csv");
    ok(git(&work).args(["add", "-A"]));
    let (passed, out) = commit("break metadata.csv");
    assert!(
        !passed,
        "the commit with a broken metadata.csv is refused:\n{out}"
    );
    assert!(
        out.contains("Failed"),
        "pre-commit reports the hook failed:\n{out}"
    );
    assert!(
        out.contains(&format!("{}/metadata.csv", names[0])),
        "ddlint names the file:\n{out}"
    );
    assert!(
        out.contains("file/invalid-utf8"),
        "ddlint's rule id:\n{out}"
    );
    assert!(out.contains("Found "), "ddlint's summary:\n{out}");

    // The refused commit did not land; repaired, the tree is clean again.
    let log = ok(git(&work).args(["log", "--oneline"]));
    assert_eq!(log.lines().count(), 1, "{log}");
    std::fs::write(&csv, &good).expect("write csv");
    ok(git(&work).args(["add", "-A"]));
    let status = ok(git(&work).args(["status", "--porcelain"]));
    assert!(status.trim().is_empty(), "{status}");

    // Another clean change passes: a new line at the end of the integration's README.md.
    let readme = work.join(&names[1]).join("README.md");
    let mut text = std::fs::read_to_string(&readme).expect("read README");
    text.push_str("\nSee the documentation for more.\n");
    std::fs::write(&readme, text).expect("write README");
    ok(git(&work).args(["add", "-A"]));
    let (passed, out) = commit("document");
    assert!(passed, "a clean change passes:\n{out}");
    assert!(out.contains("Passed"), "the hook ran and passed:\n{out}");
    let log = ok(git(&work).args(["log", "--oneline"]));
    assert_eq!(log.lines().count(), 2, "{log}");
}
