//! The GitHub Action's scripts run locally with the variables GitHub sets: the annotations on
//! stdout, the job summary in `$GITHUB_STEP_SUMMARY`, the exit status in `$GITHUB_OUTPUT`, and
//! the installer's choice of release archive.

mod common;

use common::git;
use std::path::{Path, PathBuf};
use std::process::Command;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A git repository with two clean integrations, committed; returns it and the commit.
fn repository() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, extra) in [("acme", None), ("beta", Some("--tile-only"))] {
        let mut cmd = Command::new("python3");
        cmd.arg(manifest_dir().join("scripts/make_example.py"))
            .arg(dir.path())
            .arg(name);
        if let Some(e) = extra {
            cmd.arg(e);
        }
        assert!(cmd.status().expect("python3 runs").success());
    }
    std::fs::create_dir_all(dir.path().join(".github")).expect("mkdir");
    std::fs::write(
        dir.path().join(".github/CODEOWNERS"),
        "/acme/  @acme-dev @DataDog/ecosystems-review\n/beta/  @beta-dev @DataDog/ecosystems-review\n",
    )
    .expect("write");
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "base"]);
    let base = git(dir.path(), &["rev-parse", "HEAD"]);
    (dir, base)
}

/// Break the tile title of an integration (a duplicate `title` key, too long).
fn break_integration(root: &Path, name: &str) {
    let path = root.join(name).join("manifest.json");
    let text = std::fs::read_to_string(&path).expect("read");
    let title = format!("\"title\": \"{}\"", name[..1].to_uppercase() + &name[1..]);
    assert!(text.contains(&title), "{title}");
    let text = text.replacen(&title, &format!("{title},\n    {title}"), 1);
    std::fs::write(path, text).expect("write");
}

struct ActionRun {
    stdout: String,
    summary: String,
    output: String,
    sarif: Option<String>,
}

fn run_action(root: &Path, base: &str, sarif: bool) -> ActionRun {
    let env_dir = tempfile::tempdir().expect("temp dir");
    let summary = env_dir.path().join("step_summary.md");
    let output = env_dir.path().join("output");
    let sarif_file = env_dir.path().join("ddlint.sarif");
    let bin_dir = PathBuf::from(env!("CARGO_BIN_EXE_ddlint"))
        .parent()
        .expect("bin dir")
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .arg(manifest_dir().join("action/run.sh"))
        .current_dir(env_dir.path())
        .env("PATH", path)
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_WORKSPACE", root)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("GITHUB_OUTPUT", &output)
        .env("RUNNER_TEMP", env_dir.path())
        .env("DDLINT_BASE", base)
        .env("DDLINT_PATH", root)
        .env("DDLINT_ARGS", "")
        .env(
            "DDLINT_SARIF",
            if sarif {
                sarif_file.to_string_lossy().into_owned()
            } else {
                String::new()
            },
        )
        .env_remove("NO_COLOR")
        .output()
        .expect("bash runs action/run.sh");
    assert!(
        out.status.success(),
        "run.sh exits 0 (the action fails in its last step): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    ActionRun {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        summary: std::fs::read_to_string(&summary).unwrap_or_default(),
        output: std::fs::read_to_string(&output).unwrap_or_default(),
        sarif: std::fs::read_to_string(&sarif_file).ok(),
    }
}

#[test]
fn action_annotates_the_changed_integration_and_writes_the_summary() {
    let (repo, base) = repository();
    break_integration(repo.path(), "acme");
    let run = run_action(repo.path(), &base, true);
    let annotations: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("::error ") || l.starts_with("::warning "))
        .collect();
    assert!(
        annotations.iter().any(|l| l.starts_with(
            "::error file=acme/manifest.json,line=14,col=5,endLine=14,endColumn=12,title=manifest/duplicate-key::"
        )),
        "{}",
        run.stdout
    );
    assert!(
        annotations.iter().all(|l| l.contains("file=acme/")),
        "only the changed integration is validated: {annotations:#?}"
    );
    assert!(run.output.contains("exit-code=1"), "{}", run.output);
    assert!(run.summary.contains("## ddlint"), "{}", run.summary);
    assert!(run.summary.contains("Failed"), "{}", run.summary);
    assert!(run.summary.contains("**1** error"), "{}", run.summary);
    assert!(
        run.summary
            .contains("| error | `manifest/duplicate-key` | `acme/manifest.json:14:5` |"),
        "{}",
        run.summary
    );
    let sarif: serde_json::Value =
        serde_json::from_str(run.sarif.as_deref().expect("a SARIF file")).expect("SARIF JSON");
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(
        sarif["runs"][0]["results"][0]["ruleId"],
        "manifest/duplicate-key"
    );
}

#[test]
fn action_passes_when_nothing_changed_is_broken() {
    let (repo, base) = repository();
    // A broken integration that the pull request does not touch is not validated...
    break_integration(repo.path(), "beta");
    git(
        repo.path(),
        &["commit", "-qam", "beta broken on the base branch"],
    );
    let base2 = git(repo.path(), &["rev-parse", "HEAD"]);
    // ...when the pull request only changes acme, harmlessly.
    let readme = repo.path().join("acme/README.md");
    let mut text = std::fs::read_to_string(&readme).expect("read");
    text.push_str("\nMore documentation.\n");
    std::fs::write(&readme, text).expect("write");
    let run = run_action(repo.path(), &base2, false);
    assert!(
        run.output.contains("exit-code=0"),
        "{}\n{}",
        run.output,
        run.stdout
    );
    assert!(!run.stdout.contains("::error"), "{}", run.stdout);
    assert!(run.summary.contains("Passed"), "{}", run.summary);
    // Without a base (a push), the whole repository is validated and beta fails.
    let run = run_action(repo.path(), "", false);
    assert!(run.output.contains("exit-code=1"), "{}", run.output);
    assert!(
        run.stdout.contains("::error file=beta/manifest.json,"),
        "{}",
        run.stdout
    );
    let _ = base;
}

#[test]
fn action_validates_everything_when_the_base_is_unknown() {
    let (repo, _) = repository();
    break_integration(repo.path(), "beta");
    let run = run_action(
        repo.path(),
        "0123456789abcdef0123456789abcdef01234567",
        false,
    );
    assert!(
        run.stdout
            .contains("::warning title=ddlint::cannot find the base commit"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("::error file=beta/manifest.json,"),
        "{}",
        run.stdout
    );
    assert!(run.output.contains("exit-code=1"), "{}", run.output);
}

fn install_plan(os: &str, arch: &str, version: &str) -> String {
    let out = Command::new("bash")
        .arg(manifest_dir().join("action/install.sh"))
        .env("DDLINT_INSTALL_DRY_RUN", "1")
        .env("RUNNER_OS", os)
        .env("RUNNER_ARCH", arch)
        .env("RUNNER_TEMP", "/tmp/runner")
        .env("GITHUB_ACTION_PATH", manifest_dir())
        .env("DDLINT_REPOSITORY", "acme/ddlint")
        .env("DDLINT_VERSION", version)
        .output()
        .expect("bash runs action/install.sh");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn installer_picks_the_release_archive_of_the_runner() {
    let v = env!("CARGO_PKG_VERSION");
    let plan = install_plan("Linux", "X64", "");
    assert!(plan.contains(&format!("version={v}\n")), "{plan}");
    assert!(
        plan.contains(&format!(
            "url=https://github.com/acme/ddlint/releases/download/v{v}/ddlint-{v}-x86_64-unknown-linux-musl.tar.gz"
        )),
        "{plan}"
    );
    assert!(install_plan("Linux", "ARM64", "1.2.3")
        .contains("url=https://github.com/acme/ddlint/releases/download/v1.2.3/ddlint-1.2.3-aarch64-unknown-linux-musl.tar.gz"));
    assert!(install_plan("macOS", "ARM64", "v1.2.3")
        .contains("ddlint-1.2.3-aarch64-apple-darwin.tar.gz"));
    assert!(
        install_plan("macOS", "X64", "1.2.3").contains("ddlint-1.2.3-x86_64-apple-darwin.tar.gz")
    );
    assert!(
        install_plan("Windows", "X64", "1.2.3").contains("ddlint-1.2.3-x86_64-pc-windows-msvc.zip")
    );
    // The archive names are the ones the release workflow builds.
    let release = std::fs::read_to_string(manifest_dir().join(".github/workflows/release.yml"))
        .expect("release workflow");
    for target in [
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(release.contains(target), "release.yml builds {target}");
    }
    assert!(
        release.contains("ddlint-${VERSION}-${TARGET}"),
        "archive naming"
    );
}

#[test]
fn action_yml_wires_the_scripts() {
    let action = std::fs::read_to_string(manifest_dir().join("action.yml")).expect("action.yml");
    assert!(action.contains("using: composite"));
    assert!(action.contains("action/install.sh") && action.contains("action/run.sh"));
    assert!(action.contains("github/codeql-action/upload-sarif"));
    let run = std::fs::read_to_string(manifest_dir().join("action/run.sh")).expect("run.sh");
    assert!(run.contains("--changed-since") && run.contains("--format github"));
}
