//! Corpus assertions of the version, naming, README and CODEOWNERS families.

#[allow(unused_imports)]
use super::*;
use ddlint::diagnostic::Severity;

fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_three_real_version_mismatches_are_reported_with_both_sides() {
    let r = extras();
    assert_eq!(
        integrations_of(r, "version/changelog-mismatch"),
        names(&["gnatsd_streaming", "hbase_regionserver", "unifi_console"])
    );
    for d in of(r, "version/changelog-mismatch") {
        assert_eq!(d.severity, Severity::Error);
        assert!(
            d.location.path.ends_with("__about__.py"),
            "{}",
            d.location.path
        );
        assert!(d.location.start().is_some());
        assert_eq!(d.related.len(), 1);
        let other = &d.related[0].location;
        assert!(other.path.ends_with("/CHANGELOG.md"), "{}", other.path);
        assert!(other.start().is_some());
    }
    let unifi = of(r, "version/changelog-mismatch")
        .into_iter()
        .find(|d| d.integration.as_deref() == Some("unifi_console"))
        .map(|d| d.message.clone())
        .unwrap_or_default();
    assert!(
        unifi.contains("`1.3.0`") && unifi.contains("`2.0.0`"),
        "{unifi}"
    );
}

#[test]
fn every_real_about_file_is_well_formed() {
    let r = extras();
    for rule in [
        "version/missing-about",
        "version/invalid",
        "version/pyproject-version-path",
    ] {
        assert!(
            of(r, rule).is_empty(),
            "{rule}: {:?}",
            integrations_of(r, rule)
        );
    }
}

#[test]
fn naming_on_the_real_tree() {
    let r = extras();
    // 256 plain names and 6 hyphenated tiles: all valid in extras.
    assert!(of(r, "naming/directory").is_empty());
    assert!(of(r, "naming/package-mismatch").is_empty());
    // Prefixes that are abbreviations or another product's name (warnings only).
    assert_eq!(
        integrations_of(r, "naming/metric-prefix-mismatch"),
        names(&[
            "1e",
            "ambassador",
            "cockroachdb_dedicated",
            "mendix",
            "n2ws",
            "ping",
            "redis_cloud",
            "redis_enterprise",
            "redis_enterprise_prometheus",
            "yugabytedb_managed",
        ])
    );
    assert!(of(r, "naming/metric-prefix-mismatch")
        .iter()
        .all(|d| d.severity == Severity::Warning));
}

#[test]
fn readmes_and_codeowners_pass_where_ddev_finds_nothing() {
    // ddev 14.4.0: readmes all 262 valid, codeowners valid.
    let r = extras();
    for rule in [
        "readme/missing",
        "readme/required-section",
        "readme/non-ascii",
        "readme/image-missing",
        "readme/image-location",
        "readme/manifest-anchor",
        "codeowners/missing-entry",
        "codeowners/logs-owner",
    ] {
        assert!(
            of(r, rule).is_empty(),
            "{rule}: {:?}",
            integrations_of(r, rule)
        );
    }
}
