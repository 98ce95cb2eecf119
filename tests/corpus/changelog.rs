//! Corpus assertions of the CHANGELOG.md family (manifest.md §7–§8).

#[allow(unused_imports)]
use super::*;
use ddlint::diagnostic::Severity;

fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_six_python_checks_without_a_release_are_reported() {
    let r = extras();
    assert_eq!(
        integrations_of(r, "changelog/no-release"),
        names(&[
            "aws_pricing",
            "flume",
            "neutrona",
            "octoprint",
            "sendmail",
            "snmpwalk"
        ])
    );
}

#[test]
fn changelog_findings_per_rule() {
    let r = extras();
    let count = |rule: &str| of(r, rule).len();
    // Every real CHANGELOG.md exists, and every heading's version and date are valid and unique.
    assert_eq!(count("changelog/missing"), 0);
    assert_eq!(count("changelog/invalid-version"), 0);
    assert_eq!(count("changelog/invalid-date"), 0);
    assert_eq!(count("changelog/duplicate-version"), 0);
    // 117 `## X.Y.Z` + 6 `## X.Y.Z ` headings have no date.
    assert_eq!(count("changelog/missing-date"), 123);
    // 7 H3 (cloudsmith), 4 H1, 2 `X.Y.Z/ date` (purefa), 1 setext (uptycs).
    assert_eq!(count("changelog/heading-format"), 14);
    assert_eq!(
        integrations_of(r, "changelog/heading-format"),
        names(&[
            "cloudsmith",
            "launchdarkly",
            "nextcloud",
            "purefa",
            "unitq",
            "uptycs",
            "zabbix"
        ])
    );
    // apptrail, wayfinder, scamalytics, sqreen, adaptive_shield, unitq.
    assert_eq!(count("changelog/title"), 6);
    // 12 `***Added:***`, 10 plain bold, 5 `###` markers; `_**X**_:` and `**_X_**:` pass.
    assert_eq!(count("changelog/unknown-section"), 27);
    assert_eq!(
        integrations_of(r, "changelog/empty-release"),
        names(&[
            "cloudsmith",
            "fluentbit",
            "grpc_check",
            "pagerduty_ui",
            "watchtower_ziris"
        ])
    );
    assert_eq!(
        integrations_of(r, "changelog/order"),
        names(&[
            "agora_analytics",
            "akeyless_gateway",
            "cloudzero",
            "f5-distributed-cloud",
            "hbase_regionserver",
            "pagerduty_ui",
            "perfectscale",
            "puma",
            "stormforge",
        ])
    );
    for rule in [
        "changelog/missing-date",
        "changelog/title",
        "changelog/unknown-section",
    ] {
        assert!(
            of(r, rule).iter().all(|d| d.severity == Severity::Warning),
            "{rule}"
        );
    }
}
