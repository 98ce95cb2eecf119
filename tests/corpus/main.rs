//! The real integrations-extras tree (../shared/corpus) is a test too: ddlint runs over it once
//! and each family's module asserts the findings known to be real (and the absence of the ones
//! ddev and manifest.md say are not).

mod changelog;
mod manifest;
mod marketplace;
mod metadata;
mod service_checks;
mod version;

use ddlint::diagnostic::Diagnostic;
use ddlint::repo::RepoKind;
use std::path::PathBuf;
use std::sync::OnceLock;

pub fn corpus_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join("corpus")
        .join(name);
    assert!(
        dir.is_dir(),
        "the corpus is expected at {} (../shared beside the repository)",
        dir.display()
    );
    dir
}

fn run(name: &str, kind: Option<RepoKind>) -> ddlint::Report {
    let opts = ddlint::Options {
        paths: vec![corpus_dir(name)],
        kind,
        threads: None,
        settings: Default::default(),
        changed_since: None,
    };
    match ddlint::validate(&opts) {
        Ok(r) => r,
        Err(e) => panic!("ddlint could not validate the {name} corpus: {e}"),
    }
}

/// One run over integrations-extras with the default rules, shared by every module.
pub fn extras() -> &'static ddlint::Report {
    static REPORT: OnceLock<ddlint::Report> = OnceLock::new();
    REPORT.get_or_init(|| run("integrations-extras", None))
}

/// One run over the marketplace listings, validated as a marketplace repository.
pub fn marketplace_listings() -> &'static ddlint::Report {
    static REPORT: OnceLock<ddlint::Report> = OnceLock::new();
    REPORT.get_or_init(|| run("marketplace-listings", Some(RepoKind::Marketplace)))
}

/// Diagnostics of one rule.
pub fn of<'a>(report: &'a ddlint::Report, rule: &str) -> Vec<&'a Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .collect()
}

/// The sorted, deduplicated integrations a rule reports.
pub fn integrations_of(report: &ddlint::Report, rule: &str) -> Vec<String> {
    let mut v: Vec<String> = of(report, rule)
        .iter()
        .filter_map(|d| d.integration.clone())
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn the_corpus_run_completes_and_fails() {
    let r = extras();
    assert!(
        r.integrations >= 260,
        "only {} integrations found",
        r.integrations
    );
    assert!(r.errors() > 0, "the real tree has real defects");
}
