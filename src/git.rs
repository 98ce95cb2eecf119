//! `--changed-since REF`: which integrations changed since a git reference, and what their
//! manifest looked like there. Runs the `git` command (never a library), read-only.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn git(root: &Path, args: &[&str]) -> Result<std::process::Output, String> {
    Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["-c", "core.quotepath=off"])
        .args(args)
        .output()
        .map_err(|e| {
            format!("--changed-since needs the `git` command, which could not be run: {e}")
        })
}

fn stderr_line(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_string()
}

/// Check that `root` is inside a git work tree and `reference` names a commit; returns the
/// root's path relative to the git top level (`""` or `sub/dir/`).
pub fn check(root: &Path, reference: &str) -> Result<String, String> {
    let out = git(
        root,
        &["rev-parse", "--is-inside-work-tree", "--show-prefix"],
    )?;
    if !out.status.success() {
        return Err(format!(
            "--changed-since needs a git repository, and `{}` is not inside one ({})",
            root.display(),
            stderr_line(&out)
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    if lines.next().map(str::trim) != Some("true") {
        return Err(format!(
            "--changed-since needs a git work tree, and `{}` is not inside one",
            root.display()
        ));
    }
    let prefix = lines.next().unwrap_or("").trim().to_string();
    if reference.is_empty() || reference.starts_with('-') {
        return Err(format!(
            "--changed-since: `{reference}` is not a git reference"
        ));
    }
    let spec = format!("{reference}^{{commit}}");
    let out = git(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ],
    )?;
    if !out.status.success() {
        return Err(format!(
            "--changed-since: unknown git reference `{reference}` (not a branch, tag or commit of this repository)"
        ));
    }
    Ok(prefix)
}

fn names(out: &std::process::Output) -> impl Iterator<Item = String> + '_ {
    out.stdout
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
}

/// The top-level directories of the repository root (not of the git top level) that hold a file
/// changed between `reference` and the working tree: committed since, staged, unstaged, deleted
/// or untracked (ignored files excepted).
pub fn changed_dirs(root: &Path, reference: &str) -> Result<BTreeSet<String>, String> {
    let prefix = check(root, reference)?;
    let mut paths: Vec<String> = Vec::new();
    // Paths from `git diff` are relative to the top level (`--no-relative` guards against a
    // `diff.relative` setting); `--no-renames` lists both sides of a rename.
    for args in [
        vec![
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            "--no-relative",
            reference,
            "--",
        ],
        vec![
            "diff",
            "--cached",
            "--name-only",
            "-z",
            "--no-renames",
            "--no-relative",
            reference,
            "--",
        ],
        vec![
            "ls-files",
            "--others",
            "--exclude-standard",
            "--full-name",
            "-z",
        ],
    ] {
        let out = git(root, &args)?;
        if !out.status.success() {
            return Err(format!(
                "--changed-since: `git {}` failed: {}",
                args[0],
                stderr_line(&out)
            ));
        }
        paths.extend(names(&out));
    }
    let mut dirs = BTreeSet::new();
    for p in paths {
        let Some(rel) = p.strip_prefix(prefix.as_str()) else {
            continue;
        };
        if let Some((top, _)) = rel.split_once('/') {
            dirs.insert(top.to_string());
        }
    }
    Ok(dirs)
}

/// A file's text at `reference`; `path` is relative to the repository root. None when the file
/// does not exist there (a new integration) or is not UTF-8.
pub fn show(root: &Path, reference: &str, path: &str) -> Option<String> {
    let spec = format!("{reference}:./{path}");
    let out = git(root, &["show", "--no-textconv", &spec]).ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8(out.stdout).ok()
}
