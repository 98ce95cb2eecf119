//! fixtures/example-marketplace is a clean, realistic marketplace repository (an Agent check
//! billed by tag count, a SaaS tile with a flat fee, a professional service with empty assets):
//! ddlint must find nothing in it, and detect its kind from `.ddev/config.toml`.

use ddlint::repo::RepoKind;
use std::path::Path;

#[test]
fn the_example_marketplace_repository_is_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/example-marketplace");
    let report = ddlint::validate(&ddlint::Options {
        paths: vec![root],
        kind: None,
        threads: Some(1),
        settings: Default::default(),
        changed_since: None,
    })
    .expect("the example validates");
    assert_eq!(report.kind, RepoKind::Marketplace);
    assert_eq!(report.kind_source, ".ddev/config.toml");
    assert_eq!(report.integrations, 3);
    let found: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| format!("{} {} {}", d.rule, d.location.path, d.message))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn every_marketplace_only_rule_runs_on_it() {
    // The rules that apply only to marketplace repositories are active there (and so were
    // silent above), and each has fixtures (tests/fixtures.rs checks that they trigger).
    let ids: Vec<&str> = ddlint::rules::registry()
        .into_iter()
        .map(|r| r.meta())
        .filter(|m| m.kinds == [RepoKind::Marketplace])
        .map(|m| m.id)
        .collect();
    for id in [
        "manifest/marketplace-author",
        "manifest/marketplace-billing-type",
        "manifest/marketplace-eula",
        "manifest/marketplace-offering",
        "manifest/marketplace-pricing",
        "manifest/marketplace-pricing-metric",
        "naming/app-id-mismatch",
        "naming/partner-integration",
    ] {
        assert!(ids.contains(&id), "{id} is not marketplace-only");
    }
}
