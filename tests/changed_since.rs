//! `--changed-since REF` against temporary git repositories: which integrations are validated
//! (committed, staged, unstaged, deleted and untracked changes; ignored files do not count; a
//! repository root below the git top level), the fatal errors (outside git, unknown REF), and
//! what `manifest/immutable-changed` reports against the manifest at REF.

mod common;

use assert_cmd::Command;
use common::git;
use ddlint::config::Settings;
use ddlint::repo::RepoKind;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A marketplace manifest whose `app_id` deliberately differs from the directory name, so that
/// `naming/app-id-mismatch` reports every integration that is validated.
fn manifest(name: &str, n: u32) -> Value {
    let title = name.replace('_', " ");
    json!({
        "manifest_version": "2.0.0",
        "app_uuid": format!("00000000-0000-4000-8000-{n:012}"),
        "app_id": format!("legacy-{}", name.replace('_', "-")),
        "owner": "acme",
        "display_on_public_website": true,
        "tile": {"description": "A listing.", "title": title, "classifier_tags": ["Offering::Integration"]},
        "assets": {
            "integration": {
                "auto_install": false,
                "source_type_id": 20000 + n,
                "source_type_name": title,
                "id": format!("{}-id", name),
                "events": {"creates_events": false},
            },
            "dashboards": {
                format!("{title} Overview"): "assets/dashboards/overview.json",
                format!("{title} Errors"): "assets/dashboards/errors.json",
            },
            "monitors": {"High error rate": "assets/monitors/errors.json"},
            "saved_views": {"Errors": "assets/saved_views/errors.json"},
        },
        "author": {"name": "Acme", "vendor_id": "acme", "support_email": "s@acme.example", "sales_email": "x@acme.example"},
    })
}

fn write_manifest(root: &Path, name: &str, m: &Value) {
    write(
        &root.join(name).join("manifest.json"),
        &(serde_json::to_string_pretty(m).unwrap() + "\n"),
    );
}

/// A git repository whose marketplace root is `root` (the top level itself, or a subdirectory),
/// with the given integrations committed and tagged `base`.
fn repo(names: &[&str], subdir: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let top = tmp.path().to_path_buf();
    git(&top, &["init", "-q"]);
    let root = match subdir {
        Some(s) => top.join(s),
        None => top.clone(),
    };
    write(&root.join(".ddev/config.toml"), "repo = \"marketplace\"\n");
    for (i, name) in names.iter().enumerate() {
        write_manifest(&root, name, &manifest(name, i as u32 + 1));
        write(&root.join(name).join("README.md"), "## Overview\n\nText.\n");
    }
    write(&top.join(".gitignore"), "*.log\n");
    git(&top, &["add", "-A"]);
    git(&top, &["commit", "-q", "-m", "base"]);
    git(&top, &["tag", "base"]);
    (tmp, root)
}

fn run(root: &Path, reference: &str, select: &[&str]) -> Result<ddlint::Report, ddlint::Fatal> {
    ddlint::validate(&ddlint::Options {
        paths: vec![root.to_path_buf()],
        kind: Some(RepoKind::Marketplace),
        threads: Some(1),
        settings: Settings {
            select: select.iter().map(|s| s.to_string()).collect(),
            ..Settings::default()
        },
        changed_since: Some(reference.to_string()),
    })
}

/// The integrations that were validated (each one reports `naming/app-id-mismatch` once).
fn validated(root: &Path, reference: &str) -> BTreeSet<String> {
    let report = run(root, reference, &["naming/app-id-mismatch"]).unwrap();
    let names: BTreeSet<String> = report
        .diagnostics
        .iter()
        .filter_map(|d| d.integration.clone())
        .collect();
    assert_eq!(report.integrations, names.len(), "{names:?}");
    names
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

fn immutable(root: &Path, reference: &str) -> Vec<String> {
    let report = run(root, reference, &["manifest/immutable-changed"]).unwrap();
    report
        .diagnostics
        .iter()
        .map(|d| {
            let pos = d
                .location
                .start()
                .map(|p| format!(":{}:{}", p.line, p.column))
                .unwrap_or_default();
            format!("{}{} {}", d.location.path, pos, d.message)
        })
        .collect()
}

#[test]
fn only_integrations_changed_since_ref_are_validated() {
    let names = [
        "acme_committed",
        "acme_staged",
        "acme_unstaged",
        "acme_untracked",
        "acme_deleted",
        "acme_ignored",
        "acme_untouched",
    ];
    let (_tmp, root) = repo(&names, None);
    // Committed after the reference.
    write(
        &root.join("acme_committed/README.md"),
        "## Overview\n\nNew.\n",
    );
    git(&root, &["commit", "-q", "-am", "change"]);
    // Staged only.
    write(
        &root.join("acme_staged/README.md"),
        "## Overview\n\nStaged.\n",
    );
    git(&root, &["add", "acme_staged/README.md"]);
    // Unstaged only.
    write(
        &root.join("acme_unstaged/README.md"),
        "## Overview\n\nEdited.\n",
    );
    // A new untracked file in an existing integration, and a whole new integration.
    write(&root.join("acme_untracked/images/new.png"), "png");
    write_manifest(&root, "acme_brand_new", &manifest("acme_brand_new", 99));
    // A deleted file.
    std::fs::remove_file(root.join("acme_deleted/README.md")).unwrap();
    // An ignored file does not count, nor does a file at the root.
    write(&root.join("acme_ignored/debug.log"), "noise");
    write(&root.join("NOTES.md"), "root file");

    assert_eq!(
        validated(&root, "base"),
        set(&[
            "acme_brand_new",
            "acme_committed",
            "acme_deleted",
            "acme_staged",
            "acme_unstaged",
            "acme_untracked",
        ])
    );
    // HEAD already contains the committed change: only the working-tree changes remain.
    assert_eq!(
        validated(&root, "HEAD"),
        set(&[
            "acme_brand_new",
            "acme_deleted",
            "acme_staged",
            "acme_unstaged",
            "acme_untracked",
        ])
    );
}

#[test]
fn nothing_changed_validates_nothing() {
    let (_tmp, root) = repo(&["acme_one", "acme_two"], None);
    assert_eq!(validated(&root, "base"), set(&[]));
    let report = run(&root, "base", &[]).unwrap();
    assert_eq!(report.integrations, 0);
}

#[test]
fn explicit_paths_are_intersected_with_the_changes() {
    let (_tmp, root) = repo(&["acme_one", "acme_two", "acme_three"], None);
    write(&root.join("acme_one/README.md"), "changed");
    write(&root.join("acme_two/README.md"), "changed");
    let report = ddlint::validate(&ddlint::Options {
        paths: vec![root.join("acme_two"), root.join("acme_three")],
        kind: Some(RepoKind::Marketplace),
        threads: Some(1),
        settings: Settings {
            select: vec!["naming/app-id-mismatch".into()],
            ..Settings::default()
        },
        changed_since: Some("base".into()),
    })
    .unwrap();
    let names: BTreeSet<String> = report
        .diagnostics
        .iter()
        .filter_map(|d| d.integration.clone())
        .collect();
    assert_eq!(names, set(&["acme_two"]));
}

#[test]
fn a_root_below_the_git_top_level_maps_paths() {
    let (tmp, root) = repo(&["acme_one", "acme_two"], Some("repos/marketplace"));
    let top = tmp.path();
    write(&root.join("acme_two/README.md"), "changed");
    // Same directory name outside the root, and a change elsewhere in the git repository.
    write(
        &top.join("acme_one/README.md"),
        "not part of the marketplace root",
    );
    write(&top.join("repos/other/acme_one/manifest.json"), "{}");
    assert_eq!(validated(&root, "base"), set(&["acme_two"]));

    // Renaming an integration directory validates it under its new name only.
    git(
        top,
        &[
            "mv",
            "repos/marketplace/acme_one",
            "repos/marketplace/acme_uno",
        ],
    );
    assert_eq!(validated(&root, "base"), set(&["acme_two", "acme_uno"]));
    // ...and a renamed integration is new at REF: nothing immutable to compare with.
    assert_eq!(immutable(&root, "base"), Vec::<String>::new());
}

#[test]
fn immutable_changes_are_reported_against_ref() {
    let (_tmp, root) = repo(&["acme_cloud", "acme_docs", "acme_same"], None);
    // acme_cloud: change every kind of immutable value.
    let mut m = manifest("acme_cloud", 1);
    m["app_id"] = json!("acme-cloud-v2");
    m["assets"]["integration"]["source_type_name"] = json!("Acme Cloud Platform");
    m["assets"]["integration"]
        .as_object_mut()
        .unwrap()
        .remove("source_type_id");
    m["assets"]["integration"]["id"] = json!("acme-cloud-platform");
    let dashboards = m["assets"]["dashboards"].as_object_mut().unwrap();
    dashboards.remove("acme cloud Errors");
    dashboards.insert(
        "acme cloud errors".into(),
        json!("assets/dashboards/errors.json"),
    );
    dashboards.insert(
        "acme cloud Latency".into(),
        json!("assets/dashboards/latency.json"),
    );
    m["assets"].as_object_mut().unwrap().remove("monitors");
    write_manifest(&root, "acme_cloud", &m);
    // acme_docs: only the README changes; acme_same: manifest rewritten with the same values
    // (and a new dashboard, which is allowed).
    write(
        &root.join("acme_docs/README.md"),
        "## Overview\n\nBetter.\n",
    );
    let mut same = manifest("acme_same", 3);
    same["tile"]["description"] = json!("A better description.");
    same["assets"]["dashboards"]["acme same Latency"] = json!("assets/dashboards/latency.json");
    write_manifest(&root, "acme_same", &same);
    // A new integration has nothing to compare with.
    let mut new = manifest("acme_new", 4);
    new["app_id"] = json!("whatever");
    write_manifest(&root, "acme_new", &new);

    let found = immutable(&root, "base");
    // Positions checked by hand: a changed value is pointed at, a removed one at its nearest
    // surviving parent key (`assets.integration` for source_type_id, `assets` for the monitors).
    let expected = vec![
        "acme_cloud/manifest.json:4:13 `app_id` changed from \"legacy-acme-cloud\" to \"acme-cloud-v2\" since base",
        "acme_cloud/manifest.json:14:3 monitor short name `High error rate` was removed or renamed since base",
        "acme_cloud/manifest.json:15:5 `assets.integration.source_type_id` was removed since base (it was 20001)",
        "acme_cloud/manifest.json:20:27 `assets.integration.source_type_name` changed from \"acme cloud\" to \"Acme Cloud Platform\" since base",
        "acme_cloud/manifest.json:21:13 `assets.integration.id` changed from \"acme_cloud-id\" to \"acme-cloud-platform\" since base",
        "acme_cloud/manifest.json:23:5 dashboard short name `acme cloud Errors` was removed or renamed since base",
    ];
    let text = std::fs::read_to_string(root.join("acme_cloud/manifest.json")).unwrap();
    assert_eq!(found, expected, "{found:#?}\n{text}");

    // The related location points at the value in the manifest at REF.
    let report = run(&root, "base", &["manifest/immutable-changed"]).unwrap();
    let d = &report.diagnostics[0];
    assert_eq!(d.related.len(), 1);
    assert_eq!(d.related[0].location.path, "base:acme_cloud/manifest.json");
    assert!(d.related[0].location.start().is_some());

    // Once the change is the reference, nothing is reported.
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-q", "-m", "rename"]);
    assert_eq!(immutable(&root, "HEAD"), Vec::<String>::new());
}

#[test]
fn an_upgrade_from_manifest_v1_is_not_compared() {
    let (_tmp, root) = repo(&["acme_cloud"], None);
    let mut old = manifest("acme_cloud", 1);
    old["manifest_version"] = json!("1.0.0");
    write_manifest(&root, "acme_cloud", &old);
    git(&root, &["commit", "-q", "-am", "v1"]);
    git(&root, &["tag", "v1"]);
    let mut m = manifest("acme_cloud", 1);
    m["app_id"] = json!("something-else");
    write_manifest(&root, "acme_cloud", &m);
    assert_eq!(immutable(&root, "v1"), Vec::<String>::new());
    assert_eq!(immutable(&root, "base").len(), 1);
}

#[test]
fn the_cli_reports_immutable_changes_and_exits_1() {
    let (_tmp, root) = repo(&["acme_cloud", "acme_other"], None);
    let mut m = manifest("acme_cloud", 1);
    m["app_uuid"] = json!("00000000-0000-4000-8000-000000000777");
    write_manifest(&root, "acme_cloud", &m);
    let out = Command::cargo_bin("ddlint")
        .unwrap()
        .args(["validate", "--format", "json", "--changed-since", "base"])
        .arg(&root)
        .args([
            "--select",
            "manifest/immutable-changed,naming/app-id-mismatch",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["repository"]["integrations"], json!(1));
    let rules: Vec<(&str, &str)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap(),
                d["integration"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rules,
        vec![
            ("manifest/immutable-changed", "acme_cloud"),
            ("naming/app-id-mismatch", "acme_cloud"),
        ]
    );
}

#[test]
fn outside_a_git_repository_is_a_fatal_error() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("marketplace");
    write(&root.join(".ddev/config.toml"), "repo = \"marketplace\"\n");
    write_manifest(&root, "acme_cloud", &manifest("acme_cloud", 1));
    let out = Command::cargo_bin("ddlint")
        .unwrap()
        .env("GIT_CEILING_DIRECTORIES", tmp.path())
        .args(["validate", "--changed-since", "main"])
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ddlint: error: --changed-since needs a git repository"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn an_unknown_reference_is_a_fatal_error() {
    let (_tmp, root) = repo(&["acme_cloud"], None);
    for reference in ["no-such-branch", "-rf", "base~5"] {
        let out = Command::cargo_bin("ddlint")
            .unwrap()
            .arg("validate")
            .arg(format!("--changed-since={reference}"))
            .arg(&root)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{reference}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("`{reference}`")), "{stderr}");
    }
    let err = run(&root, "no-such-branch", &[]).unwrap_err();
    assert!(
        err.0.contains("unknown git reference `no-such-branch`"),
        "{err}"
    );
}
