//! Corpus assertions of the manifest family: on integrations-extras, ddlint reports exactly the
//! real manifest defects that manifest.md records, and each other finding was checked by hand.

#[allow(unused_imports)]
use super::*;

fn names(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

#[test]
fn no_schema_violation_in_the_real_manifests() {
    let found: Vec<String> = of(extras(), "manifest/schema")
        .iter()
        .map(|d| format!("{}: {}", d.location.path, d.message))
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn tile_descriptions_over_80_characters() {
    // manifest.md §2.2: 23 exceed 80 (max 113: kameleoon, authzed_cloud).
    assert_eq!(of(extras(), "manifest/tile-description-length").len(), 23);
    assert_eq!(
        integrations_of(extras(), "manifest/tile-description-length"),
        names(&[
            "aimon",
            "anecdote",
            "appomni",
            "authzed_cloud",
            "chainguard",
            "cloudaeye",
            "cloudsmith",
            "contrast_security_adr",
            "emqx",
            "external_secrets",
            "gigamon",
            "grafana",
            "gravitee",
            "kameleoon",
            "loadrunner_professional",
            "onepane",
            "perfectscale",
            "pulse",
            "redis_enterprise_prometheus",
            "resilience4j",
            "rum_nextjs",
            "watchtower_ziris",
            "zilliz_cloud_zilliz_cloud",
        ])
    );
}

#[test]
fn one_image_over_one_million_bytes() {
    let d = of(extras(), "manifest/media-file-size");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].integration.as_deref(), Some("instabug"));
    assert!(d[0].message.contains("images/luciq-bugs.png"));
    assert!(d[0].message.contains("1026108"));
}

#[test]
fn one_undeclared_metadata_file() {
    assert_eq!(
        integrations_of(extras(), "manifest/undeclared-metadata"),
        names(&["snmpwalk"])
    );
    assert_eq!(of(extras(), "manifest/undeclared-metadata").len(), 1);
}

#[test]
fn one_duplicate_key() {
    let d = of(extras(), "manifest/duplicate-key");
    assert_eq!(d.len(), 1);
    assert_eq!(
        d[0].integration.as_deref(),
        Some("redis_enterprise_prometheus")
    );
    assert!(d[0].message.contains("support_email"));
}

#[test]
fn four_missing_configuration_specs_and_no_other_missing_asset() {
    let d = of(extras(), "manifest/missing-asset");
    assert_eq!(d.len(), 4);
    assert!(d.iter().all(|d| d
        .message
        .contains("configuration spec `assets/configuration/spec.yaml`")));
    assert_eq!(
        integrations_of(extras(), "manifest/missing-asset"),
        names(&["ns1", "sleuth", "stormforge", "vercel"])
    );
}

#[test]
fn display_on_public_website_false() {
    // manifest.md §2.1: ddev warns for 18 manifests.
    let d = of(extras(), "manifest/display-on-public-website");
    assert_eq!(d.len(), 18);
    assert!(d
        .iter()
        .all(|d| d.severity == ddlint::diagnostic::Severity::Warning));
}

#[test]
fn media_file_names_with_spaces() {
    // manifest.md §2.2: 25 image_url contain spaces or U+202F (in 9 integrations).
    assert_eq!(of(extras(), "manifest/media-file-name").len(), 25);
    assert_eq!(
        integrations_of(extras(), "manifest/media-file-name"),
        names(&[
            "chainguard",
            "dagster",
            "downdetector",
            "fairwinds_insights_ui",
            "gatling_enterprise",
            "harness_harness_notifications",
            "inngest",
            "starburst_galaxy",
            "watchtower_ziris",
        ])
    );
}

#[test]
fn missing_required_tags() {
    // manifest.md §3: no `Supported OS::` in 5 manifests, no `Category::` in 12; `Offering::`
    // is in all 262.
    let d = of(extras(), "manifest/missing-required-tag");
    let os: Vec<&str> = d
        .iter()
        .filter(|d| d.message.contains("Supported OS::"))
        .filter_map(|d| d.integration.as_deref())
        .collect();
    let category: Vec<&str> = d
        .iter()
        .filter(|d| d.message.contains("`Category::`"))
        .filter_map(|d| d.integration.as_deref())
        .collect();
    assert_eq!(os, ["emnify", "keep", "planetscale", "rum_roku", "uptycs"]);
    assert_eq!(
        category,
        [
            "flume",
            "go_pprof_scraper",
            "grpc_check",
            "hcp_vault",
            "hikaricp",
            "php_opcache",
            "postman",
            "radarr",
            "rookout",
            "sonarr",
            "trino",
            "unifi_console",
        ]
    );
    assert_eq!(d.len(), 17);
}

#[test]
fn logs_category_heuristic() {
    // ddev's has_logs heuristic alone disagrees with 28 manifests (manifest.md §2.4). Counting
    // an assets/logs/ folder as logs too (rules.md) clears 10 of them (tag set, log pipelines
    // shipped, README silent) and adds 11 (log pipelines shipped, no tag): 29 warnings.
    let d = of(extras(), "manifest/logs-category");
    assert_eq!(d.len(), 29);
    let missing = d
        .iter()
        .filter(|d| d.message.contains("has no `Category::Log Collection`"))
        .count();
    assert_eq!(missing, 20);
    assert_eq!(
        integrations_of(extras(), "manifest/logs-category")
            .iter()
            .filter(|n| n.starts_with("rum_"))
            .count(),
        11
    );
}

#[test]
fn metric_prefixes_with_a_hyphen() {
    // `logz-io.` and `reboot-required.`: a `-` cannot appear in a metric name, so no metric can
    // use these prefixes (both integrations have a header-only metadata.csv today).
    assert_eq!(
        integrations_of(extras(), "manifest/metric-prefix-format"),
        names(&["logzio", "reboot_required"])
    );
}

#[test]
fn rules_that_find_nothing_in_the_real_tree() {
    for rule in [
        "manifest/invalid-json",
        "manifest/unsupported-version",
        "manifest/app-uuid-format",
        "manifest/app-id-format",
        "manifest/tile-title-length",
        "manifest/media-count",
        "manifest/media-type",
        "manifest/media-image-format",
        "manifest/media-missing-file",
        "manifest/media-caption-length",
        "manifest/classifier-tag-format",
        "manifest/classifier-tag-unknown",
        "manifest/classifier-tag-duplicate",
        "manifest/support-email",
        "manifest/dashboard-invalid",
    ] {
        let found: Vec<String> = of(extras(), rule)
            .iter()
            .map(|d| format!("{}: {}", d.location.path, d.message))
            .collect();
        assert!(found.is_empty(), "{rule}:\n{}", found.join("\n"));
    }
}
