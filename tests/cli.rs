//! The command line as users and scripts meet it: exit codes, every output format, the
//! configuration file, `--fix`, `--statistics`, completions (output.md is the contract).

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn ddlint() -> Command {
    let mut c = Command::cargo_bin("ddlint").expect("the ddlint binary is built");
    c.env_remove("NO_COLOR")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("CLICOLOR_FORCE");
    c
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A clean repository: two integrations written by scripts/make_example.py, a
/// `.ddev/config.toml` and a CODEOWNERS that owns both.
fn clean_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, extra) in [("acme", None), ("beta", Some("--tile-only"))] {
        let mut cmd = std::process::Command::new("python3");
        cmd.arg(manifest_dir().join("scripts/make_example.py"))
            .arg(dir.path())
            .arg(name);
        if let Some(e) = extra {
            cmd.arg(e);
        }
        let status = cmd.status().expect("python3 runs scripts/make_example.py");
        assert!(status.success(), "make_example.py failed");
    }
    write(dir.path(), ".ddev/config.toml", "[overrides]\n");
    write(
        dir.path(),
        ".github/CODEOWNERS",
        "/acme/  @acme-dev @DataDog/ecosystems-review\n/beta/  @beta-dev @DataDog/ecosystems-review\n",
    );
    dir
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}

/// A repository with errors in manifest.json: a duplicate key (with a related location) and a
/// tile title that is too long.
fn broken_repo() -> tempfile::TempDir {
    let dir = clean_repo();
    let path = dir.path().join("acme/manifest.json");
    let text = std::fs::read_to_string(&path).expect("manifest");
    let long = "A title that is much too long for the tile of an integration: yes";
    let text = text.replacen(
        "\"title\": \"Acme\"",
        &format!("\"title\": \"Acme\",\n    \"title\": \"{long}\""),
        1,
    );
    assert!(text.contains(long), "make_example.py's tile title changed");
    std::fs::write(&path, text).expect("write manifest");
    dir
}

fn stdout_of(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("ddlint runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

fn json_of(cmd: &mut Command) -> (i32, Value) {
    let (code, out, err) = stdout_of(cmd);
    let v = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("stdout is one JSON document ({e}):\n{out}\nstderr:\n{err}"));
    (code, v)
}

/// `ddlint validate --format <format> <path>`: the exit code and the parsed output.
fn validate(path: &Path, format: &str) -> (i32, Value) {
    json_of(ddlint().args(["validate", "--format", format]).arg(path))
}

fn corpus() -> Option<PathBuf> {
    let base = manifest_dir();
    [
        base.join("../shared/corpus/integrations-extras"),
        base.join("../../shared/corpus/integrations-extras"),
    ]
    .into_iter()
    .find(|p| p.is_dir())
}

// ---------------------------------------------------------------------------------------------
// Exit status

#[test]
fn exit_0_when_clean() {
    let repo = clean_repo();
    let (code, out, err) = stdout_of(ddlint().arg("validate").arg(repo.path()));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("All checks passed"), "{out}");
}

#[test]
fn exit_1_on_errors() {
    let repo = broken_repo();
    let (code, out, _) = stdout_of(ddlint().arg("validate").arg(repo.path()));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("manifest/duplicate-key"), "{out}");
}

#[test]
fn exit_0_when_only_warnings() {
    let repo = broken_repo();
    write(
        repo.path(),
        "ddlint.toml",
        "[severity]\n\"manifest/\" = \"warning\"\n",
    );
    let (code, v) = validate(repo.path(), "json");
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["summary"]["errors"], 0);
    assert!(v["summary"]["warnings"].as_u64().unwrap_or(0) >= 2, "{v:#}");
    assert!(v["diagnostics"]
        .as_array()
        .is_some_and(|a| a.iter().all(|d| d["severity"] == "warning")));
}

#[test]
fn exit_2_on_bad_arguments() {
    let repo = clean_repo();
    for args in [
        vec!["validate", "--format", "xml"],
        vec!["validate", "--threads", "0"],
        vec!["validate", "--no-such-option"],
        vec!["no-such-command"],
    ] {
        let (code, out, err) = stdout_of(ddlint().args(&args).arg(repo.path()));
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(!err.is_empty(), "{args:?}: an explanation on stderr");
    }
}

#[test]
fn exit_2_on_unknown_rule_ids_naming_them() {
    let repo = clean_repo();
    for (flag, value) in [
        ("--select", "metadata/no-such-rule"),
        ("--ignore", "nosuchfamily/"),
    ] {
        let (code, _, err) = stdout_of(ddlint().args(["validate", flag, value]).arg(repo.path()));
        assert_eq!(code, 2, "{flag} {value}");
        assert!(err.contains(value), "the message names `{value}`: {err}");
    }
    let (code, _, err) = stdout_of(ddlint().args(["rule", "metadata/no-such-rule"]));
    assert_eq!(code, 2);
    assert!(err.contains("metadata/no-such-rule"), "{err}");
}

#[test]
fn exit_2_on_a_path_that_is_not_a_repository() {
    let empty = tempfile::tempdir().expect("temp dir");
    let (code, out, err) = stdout_of(ddlint().arg("validate").arg(empty.path()));
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("not an integrations repository"), "{err}");
    let missing = empty.path().join("does-not-exist");
    let (code, _, err) = stdout_of(ddlint().arg("validate").arg(&missing));
    assert_eq!(code, 2);
    assert!(err.contains("does-not-exist"), "{err}");
}

#[test]
fn a_broken_file_is_a_diagnostic_not_exit_2() {
    let repo = clean_repo();
    write(repo.path(), "acme/manifest.json", "{\"manifest_version\": ");
    let (code, v) = validate(repo.path(), "json");
    assert_eq!(code, 1);
    assert!(v["diagnostics"]
        .as_array()
        .is_some_and(|a| a.iter().any(|d| d["rule"] == "manifest/invalid-json")));
}

#[test]
fn rules_and_version_and_help_exit_0() {
    for args in [
        vec!["rules"],
        vec!["rule", "manifest/duplicate-key"],
        vec!["--version"],
        vec!["--help"],
        vec!["validate", "--help"],
    ] {
        let (code, out, _) = stdout_of(ddlint().args(&args));
        assert_eq!(code, 0, "{args:?}");
        assert!(!out.is_empty(), "{args:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// --format json

#[test]
fn json_follows_the_contract() {
    let repo = broken_repo();
    let (code, v) = validate(repo.path(), "json");
    assert_eq!(code, 1);
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "ddlint");
    assert_eq!(v["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["repository"]["kind"], "extras");
    assert_eq!(v["repository"]["integrations"], 2);
    assert!(v["repository"]["root"].is_string());
    for key in ["errors", "warnings", "files", "elapsed_ms"] {
        assert!(v["summary"][key].is_u64(), "summary.{key}: {v:#}");
    }
    let diags = v["diagnostics"].as_array().expect("diagnostics array");
    assert_eq!(
        v["summary"]["errors"].as_u64(),
        Some(diags.iter().filter(|d| d["severity"] == "error").count() as u64)
    );
    let dup = diags
        .iter()
        .find(|d| d["rule"] == "manifest/duplicate-key")
        .expect("the duplicate key is reported");
    assert_eq!(dup["severity"], "error");
    assert_eq!(dup["integration"], "acme");
    assert_eq!(dup["path"], "acme/manifest.json");
    assert_eq!(dup["fixable"], false);
    assert!(dup["message"].as_str().is_some_and(|m| m.contains("title")));
    assert!(dup["help"].is_string());
    // The second `title` key, on the line after the first.
    let manifest = std::fs::read_to_string(repo.path().join("acme/manifest.json")).expect("read");
    let line = manifest
        .lines()
        .position(|l| l.contains("much too long"))
        .expect("line")
        + 1;
    assert_eq!(dup["line"], line);
    assert_eq!(dup["column"], 5);
    assert_eq!(dup["end_line"], line);
    assert_eq!(dup["end_column"], 12);
    assert_eq!(dup["related"][0]["path"], "acme/manifest.json");
    assert_eq!(dup["related"][0]["line"], line - 1);
    for d in diags {
        for key in ["rule", "severity", "path", "message", "fixable"] {
            assert!(!d[key].is_null(), "{key} in {d}");
        }
        assert!(d["severity"] == "error" || d["severity"] == "warning");
    }
    // Sorted by path, line, column, rule.
    let keys: Vec<(String, u64, u64, String)> = diags
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["rule"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

fn without_elapsed(mut v: Value) -> Value {
    v["summary"]["elapsed_ms"] = Value::from(0);
    v
}

#[test]
fn json_is_identical_whatever_the_thread_count() {
    let repo = broken_repo();
    let target = corpus().unwrap_or_else(|| repo.path().to_path_buf());
    let run = |threads: &str| {
        let (code, out, _) = stdout_of(
            ddlint()
                .args(["validate", "--format", "json", "--threads", threads])
                .arg(&target),
        );
        (code, out)
    };
    let (code1, one) = run("1");
    let (code2, two) = run("2");
    assert_eq!(code1, code2);
    let strip = |s: &str| {
        let v: Value = serde_json::from_str(s).expect("JSON");
        serde_json::to_string_pretty(&without_elapsed(v)).expect("JSON")
    };
    assert_eq!(strip(&one), strip(&two));
    // Byte for byte apart from the elapsed_ms line.
    let drop_elapsed = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| !l.trim_start().starts_with("\"elapsed_ms\""))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(drop_elapsed(&one), drop_elapsed(&two));
}

// ---------------------------------------------------------------------------------------------
// --format sarif

fn sarif_schema() -> Value {
    let text = std::fs::read_to_string(manifest_dir().join("tests/sarif-schema-2.1.0.json"))
        .expect("tests/sarif-schema-2.1.0.json");
    // One pattern of the official schema (`run.language`) has a stray `]`, a literal in
    // ECMAScript regular expressions but an error for Rust's: escape it, same meaning.
    let bad = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(
        text.contains(bad),
        "the schema copy changed; review this patch"
    );
    let text = text.replace(bad, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
    serde_json::from_str(&text).expect("the schema is JSON")
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let repo = broken_repo();
    write(repo.path(), "beta/assets/service_checks.json", "[}");
    let (code, v) = validate(repo.path(), "sarif");
    assert_eq!(code, 1);
    let schema = sarif_schema();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&v)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF schema errors: {errors:#?}");
    // The schema does check something: a log without `runs` is rejected.
    assert!(!validator.is_valid(&serde_json::json!({"version": "2.1.0"})));

    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "ddlint");
    let rules = driver["rules"].as_array().expect("rules");
    // Every rule, as `ddlint rules` lists them.
    let (_, listed, _) = stdout_of(ddlint().arg("rules"));
    assert_eq!(rules.len(), listed.lines().count());
    for r in rules {
        for key in ["id", "name"] {
            assert!(r[key].as_str().is_some_and(|s| !s.is_empty()), "{key}: {r}");
        }
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(
                r[key]["text"].as_str().is_some_and(|s| !s.is_empty()),
                "{key}: {r}"
            );
        }
        let level = r["defaultConfiguration"]["level"].as_str().unwrap_or("");
        assert!(level == "error" || level == "warning", "{r}");
    }
    let results = run["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for res in results {
        let id = res["ruleId"].as_str().expect("ruleId");
        let index = res["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], id);
        assert!(res["level"] == "error" || res["level"] == "warning");
        assert!(res["message"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
        let loc = &res["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(!uri.starts_with('/') && !uri.contains('\\'), "{uri}");
        assert!(loc["region"]["startLine"].as_u64().is_some_and(|l| l >= 1));
    }
    let dup = results
        .iter()
        .find(|r| r["ruleId"] == "manifest/duplicate-key")
        .expect("duplicate key result");
    let region = &dup["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], 5);
    assert_eq!(region["endColumn"], 12);
    assert_eq!(
        dup["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "acme/manifest.json"
    );
}

#[test]
fn sarif_of_a_clean_repository_is_valid_and_empty() {
    let repo = clean_repo();
    let (code, v) = validate(repo.path(), "sarif");
    assert_eq!(code, 0);
    let schema = sarif_schema();
    let validator = jsonschema::validator_for(&schema).expect("schema");
    assert!(validator.is_valid(&v));
    assert_eq!(v["runs"][0]["results"].as_array().map(Vec::len), Some(0));
}

// ---------------------------------------------------------------------------------------------
// --format github

#[test]
fn github_annotations_are_workflow_commands() {
    let repo = broken_repo();
    let (code, out, _) = stdout_of(
        ddlint()
            .args(["validate", "--format", "github"])
            .arg(repo.path()),
    );
    assert_eq!(code, 1);
    let manifest = std::fs::read_to_string(repo.path().join("acme/manifest.json")).expect("read");
    let line = manifest
        .lines()
        .position(|l| l.contains("much too long"))
        .expect("line")
        + 1;
    let dup = out
        .lines()
        .find(|l| l.contains("title=manifest/duplicate-key"))
        .unwrap_or_else(|| panic!("no annotation for the duplicate key:\n{out}"));
    let prefix = format!(
        "::error file=acme/manifest.json,line={line},col=5,endLine={line},endColumn=12,title=manifest/duplicate-key::"
    );
    assert!(dup.starts_with(&prefix), "{dup}");
    // The help and the related location follow on escaped new lines.
    assert!(dup.contains("%0Ahelp: "), "{dup}");
    assert!(
        dup.contains(&format!("%0Aacme/manifest.json:{}:5: ", line - 1)),
        "{dup}"
    );
    for l in out.lines().filter(|l| l.starts_with("::")) {
        assert!(
            l.starts_with("::error ") || l.starts_with("::warning "),
            "{l}"
        );
        let (props, message) = l
            .split_once("::")
            .map(|(_, r)| r)
            .and_then(|r| r.split_once("::"))
            .expect("two `::`");
        assert!(!message.contains('\n') && !message.contains('\r'));
        assert!(props.contains("file=") && props.contains("title="), "{l}");
    }
    // A last plain line for the log.
    assert!(
        out.trim_end()
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("Found ")),
        "{out}"
    );
}

#[test]
fn github_escapes_percent_newline_comma_and_colon() {
    let repo = clean_repo();
    // A directory name with `,` and `%` makes the file property need escaping.
    let odd = repo.path().join("we,ird%dir");
    std::fs::create_dir(&odd).expect("mkdir");
    std::fs::write(odd.join("manifest.json"), "{\"a\": 1, \"a\": 2}").expect("write");
    let (code, out, _) = stdout_of(
        ddlint()
            .args([
                "validate",
                "--format",
                "github",
                "--select",
                "manifest/duplicate-key",
            ])
            .arg(repo.path()),
    );
    assert_eq!(code, 1, "{out}");
    let l = out
        .lines()
        .find(|l| l.contains("duplicate-key"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(l.contains("file=we%2Cird%25dir/manifest.json,"), "{l}");
    assert!(l.contains("title=manifest/duplicate-key::"), "{l}");
}

#[test]
fn github_format_writes_the_step_summary() {
    let repo = broken_repo();
    let summary = repo.path().join("summary.md");
    std::fs::write(&summary, "previous step\n").expect("write");
    let (code, _, _) = stdout_of(
        ddlint()
            .args(["validate", "--format", "github"])
            .arg(repo.path())
            .env("GITHUB_STEP_SUMMARY", &summary),
    );
    assert_eq!(code, 1);
    let md = std::fs::read_to_string(&summary).expect("summary");
    assert!(md.starts_with("previous step\n## ddlint"), "appended: {md}");
    assert!(
        md.contains("| Severity | Rule | Location | Message |"),
        "{md}"
    );
    assert!(
        md.contains("| error | `manifest/duplicate-key` | `acme/manifest.json:"),
        "{md}"
    );
    assert!(md.contains("error"), "{md}");
}

// ---------------------------------------------------------------------------------------------
// Human output

#[test]
fn human_output_is_grouped_summarised_and_plain_when_piped() {
    let repo = broken_repo();
    let beta = repo.path().join("beta/manifest.json");
    let text = std::fs::read_to_string(&beta).expect("read");
    let text = text.replacen(
        "\"title\": \"Beta\"",
        "\"title\": \"Beta\", \"title\": \"Beta\"",
        1,
    );
    std::fs::write(&beta, text).expect("write");
    let (code, out, _) = stdout_of(ddlint().arg("validate").arg(repo.path()));
    assert_eq!(code, 1);
    // Not a terminal: no colour escapes at all.
    assert!(!out.contains('\x1b'), "{out}");
    let acme = out.find("── acme (").expect("an acme group header");
    let beta = out.find("── beta (").expect("a beta group header");
    assert!(acme < beta, "{out}");
    // Each header counts its integration's findings by severity.
    let header = out[acme..].lines().next().unwrap_or("");
    assert!(header.ends_with(" errors) ──"), "{header}");
    let header = out[beta..].lines().next().unwrap_or("");
    assert_eq!(header, "── beta (1 error) ──");
    assert!(out.contains("manifest/duplicate-key"));
    let last = out.trim_end().lines().last().unwrap_or("");
    assert!(
        last.starts_with("Found ") && last.contains(" error"),
        "{last}"
    );
    assert!(last.contains("warning"), "{last}");
}

/// Run ddlint with stdout on a pseudo-terminal (util-linux `script`), return what it printed.
fn on_a_terminal(repo: &Path, no_color: Option<&str>) -> String {
    let bin = assert_cmd::cargo::cargo_bin("ddlint");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec"])
        .arg(format!("'{}' validate '{}'", bin.display(), repo.display()))
        .arg("/dev/null")
        .env_remove("NO_COLOR");
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    let out = cmd.output().expect("`script` (util-linux) runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn colour_on_a_terminal_unless_no_color() {
    let repo = broken_repo();
    let coloured = on_a_terminal(repo.path(), None);
    assert!(coloured.contains("manifest/duplicate-key"), "{coloured}");
    assert!(
        coloured.contains("\x1b["),
        "colour on a terminal: {coloured}"
    );
    let plain = on_a_terminal(repo.path(), Some("1"));
    assert!(plain.contains("manifest/duplicate-key"), "{plain}");
    assert!(
        !plain.contains("\x1b["),
        "NO_COLOR=1 disables colour: {plain}"
    );
    // An empty NO_COLOR does not count (no-color.org).
    assert!(on_a_terminal(repo.path(), Some("")).contains("\x1b["));
}

#[test]
fn quiet_prints_only_the_summary() {
    let repo = broken_repo();
    let (code, out, _) = stdout_of(ddlint().args(["validate", "--quiet"]).arg(repo.path()));
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("Found "));
}

#[test]
fn statistics_counts_per_rule() {
    let repo = broken_repo();
    let (code, out, _) = stdout_of(ddlint().args(["validate", "--statistics"]).arg(repo.path()));
    assert_eq!(code, 1);
    let header = out.lines().next().unwrap_or("");
    assert!(header.contains("count") && header.contains("rule"), "{out}");
    let row = out
        .lines()
        .find(|l| l.contains("manifest/duplicate-key"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(row.trim_start().starts_with("1 "), "{row}");
    assert!(!out.contains("╭"), "no snippets with --statistics: {out}");
    assert!(out
        .trim_end()
        .lines()
        .last()
        .is_some_and(|l| l.starts_with("Found ")));
    let (_, v) = json_of(
        ddlint()
            .args(["validate", "--statistics", "--format", "json"])
            .arg(repo.path()),
    );
    let stats = v["statistics"].as_array().expect("statistics");
    assert!(stats
        .iter()
        .any(|s| s["rule"] == "manifest/duplicate-key" && s["count"] == 1));
}

// ---------------------------------------------------------------------------------------------
// ddlint.toml

fn rules_of(v: &Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| d["rule"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn config_select_and_ignore() {
    let repo = broken_repo();
    write(
        repo.path(),
        "ddlint.toml",
        "ignore = [\"manifest/duplicate-key\"]\n",
    );
    let (_, v) = validate(repo.path(), "json");
    let rules = rules_of(&v);
    assert!(
        !rules.iter().any(|r| r == "manifest/duplicate-key"),
        "{rules:?}"
    );
    assert!(
        rules.iter().any(|r| r == "manifest/tile-title-length"),
        "{rules:?}"
    );

    write(
        repo.path(),
        "ddlint.toml",
        "select = [\"manifest/duplicate-key\"]\n",
    );
    let (_, v) = validate(repo.path(), "json");
    assert_eq!(rules_of(&v), vec!["manifest/duplicate-key".to_string()]);

    // The command line's --select replaces the file's.
    let (_, v) = json_of(
        ddlint()
            .args([
                "validate",
                "--format",
                "json",
                "--select",
                "manifest/tile-title-length",
            ])
            .arg(repo.path()),
    );
    assert_eq!(rules_of(&v), vec!["manifest/tile-title-length".to_string()]);
}

#[test]
fn config_per_path_and_per_integration_ignores() {
    let repo = broken_repo();
    write(
        repo.path(),
        "ddlint.toml",
        "[per-path-ignores]\n\"acme/*.json\" = [\"manifest/duplicate-key\"]\n",
    );
    let (_, v) = validate(repo.path(), "json");
    let rules = rules_of(&v);
    assert!(
        !rules.iter().any(|r| r == "manifest/duplicate-key"),
        "{rules:?}"
    );
    assert!(rules.iter().any(|r| r == "manifest/tile-title-length"));

    write(
        repo.path(),
        "ddlint.toml",
        "[per-path-ignores]\n\"beta/**\" = [\"manifest/\"]\n",
    );
    let (code, _) = validate(repo.path(), "json");
    assert_eq!(
        code, 1,
        "a glob for another integration ignores nothing here"
    );

    write(
        repo.path(),
        "ddlint.toml",
        "[per-integration-ignores]\nacme = [\"manifest/\"]\n",
    );
    let (code, v) = validate(repo.path(), "json");
    assert!(
        !rules_of(&v).iter().any(|r| r.starts_with("manifest/")),
        "{v:#}"
    );
    assert_eq!(code, 0, "{v:#}");
}

#[test]
fn config_severity_and_off() {
    let repo = broken_repo();
    write(
        repo.path(),
        "ddlint.toml",
        "[severity]\n\"manifest/\" = \"warning\"\n\"manifest/duplicate-key\" = \"off\"\n",
    );
    let (code, v) = validate(repo.path(), "json");
    assert_eq!(code, 0);
    let diags = v["diagnostics"].as_array().expect("diagnostics");
    assert!(diags.iter().all(|d| d["rule"] != "manifest/duplicate-key"));
    let tile = diags
        .iter()
        .find(|d| d["rule"] == "manifest/tile-title-length")
        .expect("tile title");
    assert_eq!(tile["severity"], "warning");
}

#[test]
fn config_errors_exit_2_and_name_the_culprit() {
    let repo = clean_repo();
    for (text, culprit) in [
        ("selekt = [\"manifest/\"]\n", "selekt"),
        ("select = [\"manifest/nope\"]\n", "manifest/nope"),
        ("[severity]\n\"nope/\" = \"error\"\n", "nope/"),
        ("[severity]\n\"manifest/\" = \"fatal\"\n", "fatal"),
        ("[per-path-ignores]\n\"a/**\" = [\"x/y\"]\n", "x/y"),
        (
            "[per-integration-ignores]\nacme = [\"bogus-rule\"]\n",
            "bogus-rule",
        ),
        ("select = \n", "ddlint.toml"),
    ] {
        write(repo.path(), "ddlint.toml", text);
        let (code, out, err) = stdout_of(ddlint().arg("validate").arg(repo.path()));
        assert_eq!(code, 2, "{text}: {out}{err}");
        assert!(
            err.contains(culprit),
            "{text}: the message names `{culprit}`: {err}"
        );
        assert!(out.is_empty(), "{out}");
    }
}

#[test]
fn explicit_config_file() {
    let repo = broken_repo();
    let cfg = repo.path().join("elsewhere.toml");
    std::fs::write(&cfg, "ignore = [\"manifest/\"]\n").expect("write");
    let (code, _, _) = stdout_of(
        ddlint()
            .arg("validate")
            .arg(repo.path())
            .arg("--config")
            .arg(&cfg),
    );
    assert_eq!(code, 0);
    let (code, _, err) = stdout_of(
        ddlint()
            .arg("validate")
            .arg(repo.path())
            .arg("--config")
            .arg(repo.path().join("missing.toml")),
    );
    assert_eq!(code, 2);
    assert!(err.contains("missing.toml"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// --fix (end to end; the rule-side fixes come from the service-checks family)

fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("read_dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push((p.clone(), std::fs::read(&p).expect("read")));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn fix_rewrites_only_what_it_fixes_and_twice_changes_nothing() {
    let repo = clean_repo();
    write(repo.path(), "acme/assets/service_checks.json", "{}\n");
    let before = snapshot(repo.path());
    let (code, out, err) = stdout_of(
        ddlint()
            .args([
                "validate",
                "--fix",
                "--select",
                "service-checks/invalid-json",
            ])
            .arg(repo.path()),
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("fixed acme/assets/service_checks.json"),
        "stderr reports the fix: {err}"
    );
    assert!(err.contains("Fixed 1 problem in 1 file."), "{err}");
    assert!(out.contains("All checks passed"), "what is left: {out}");
    let after = snapshot(repo.path());
    assert_eq!(
        before.len(),
        after.len(),
        "no file added or removed (no temp file left)"
    );
    for ((p, a), (q, b)) in before.iter().zip(&after) {
        assert_eq!(p, q);
        if p.ends_with("acme/assets/service_checks.json") {
            assert_eq!(String::from_utf8_lossy(b).trim(), "[]");
        } else {
            assert_eq!(a, b, "{} must not change", p.display());
        }
    }
    // A second run finds nothing to fix and changes nothing.
    let (code, _, err) = stdout_of(
        ddlint()
            .args([
                "validate",
                "--fix",
                "--select",
                "service-checks/invalid-json",
            ])
            .arg(repo.path()),
    );
    assert_eq!(code, 0);
    assert!(!err.contains("fixed "), "{err}");
    assert_eq!(snapshot(repo.path()), after);
}

#[test]
fn fix_with_nothing_to_fix_touches_nothing() {
    let repo = broken_repo();
    let before = snapshot(repo.path());
    let (code, _, err) = stdout_of(ddlint().args(["validate", "--fix"]).arg(repo.path()));
    assert_eq!(code, 1);
    assert!(!err.contains("fixed "), "{err}");
    assert_eq!(snapshot(repo.path()), before);
}

// ---------------------------------------------------------------------------------------------
// Completions

#[test]
fn completions_for_bash_zsh_fish() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, _) = stdout_of(ddlint().args(["completions", shell]));
        assert_eq!(code, 0, "{shell}");
        assert!(
            out.contains("validate") && out.contains("format"),
            "{shell}: {out}"
        );
    }
    let (code, _, _) = stdout_of(ddlint().args(["completions", "tcsh"]));
    assert_eq!(code, 2);
}

#[test]
fn the_readme_configuration_example_is_valid() {
    let readme = std::fs::read_to_string(manifest_dir().join("README.md")).expect("README.md");
    let start = readme
        .find("```toml\n")
        .expect("a ```toml block in README.md")
        + "```toml\n".len();
    let end = start + readme[start..].find("```").expect("the block ends");
    let repo = clean_repo();
    write(repo.path(), "ddlint.toml", &readme[start..end]);
    let (code, out, err) = stdout_of(ddlint().arg("validate").arg(repo.path()));
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn sarif_of_the_real_corpus_is_valid() {
    // Real data: findings without a span, related locations in other files, every family.
    let Some(corpus) = corpus() else {
        panic!("the corpus is expected at ../shared/corpus/integrations-extras");
    };
    let (_, v) = validate(&corpus, "sarif");
    let schema = sarif_schema();
    let validator = jsonschema::validator_for(&schema).expect("schema");
    let errors: Vec<String> = validator
        .iter_errors(&v)
        .take(10)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF schema errors: {errors:#?}");
    let (_, j) = validate(&corpus, "json");
    assert_eq!(
        v["runs"][0]["results"].as_array().map(Vec::len),
        j["diagnostics"].as_array().map(Vec::len),
        "one SARIF result per diagnostic"
    );
}

#[test]
fn files_map_to_their_integrations() {
    // What pre-commit passes: changed files; each selects the integration it belongs to.
    let repo = broken_repo();
    let (code, out, err) = stdout_of(
        ddlint()
            .arg("validate")
            .arg(repo.path().join("beta/manifest.json"))
            .arg(repo.path().join("beta/README.md")),
    );
    assert_eq!(code, 0, "acme is broken, beta is not: {out}{err}");
    assert!(out.contains("1 integration "), "{out}");
    let (code, out, _) = stdout_of(
        ddlint()
            .arg("validate")
            .arg(repo.path().join("acme/README.md")),
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("manifest/duplicate-key"), "{out}");
}
