//! Corpus assertions of the marketplace rules: the 75 reconstructed listings of
//! ../shared/corpus/marketplace-listings (validated as a marketplace repository) must yield
//! exactly the oddities their README records, and the extras corpus no marketplace-only finding.
//!
//! The listings are manifests only: every file they reference (EULA PDFs, images, dashboards,
//! metadata.csv, README.md, CODEOWNERS...) is absent by construction. Those existence findings
//! are expected; `existence_findings_do_not_drown_the_rest` pins how they look.

#[allow(unused_imports)]
use super::*;
use ddlint::diagnostic::Severity;

fn names(v: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = v.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

/// Findings of one rule in the listings, as (integration, severity) pairs.
fn integrations_with(rule: &str, severity: Severity) -> Vec<String> {
    let mut v: Vec<String> = of(marketplace_listings(), rule)
        .iter()
        .filter(|d| d.severity == severity)
        .filter_map(|d| d.integration.clone())
        .collect();
    v.sort();
    v
}

#[test]
fn the_listings_are_validated_as_a_marketplace_repository() {
    let r = marketplace_listings();
    assert_eq!(r.kind, RepoKind::Marketplace);
    assert_eq!(r.integrations, 75);
}

#[test]
fn six_directories_are_not_partner_integration() {
    assert_eq!(
        integrations_with("naming/partner-integration", Severity::Error),
        names(&[
            "moogsoft",
            "nerdvision",
            "perfectscale_perfectscale__kubernetes_optimization_and_governance_platform",
            "reporter",
            "statsig-statsig",
            "syntheticemail",
        ])
    );
}

#[test]
fn one_listing_has_no_offering_tag() {
    assert_eq!(
        integrations_with("manifest/marketplace-offering", Severity::Error),
        names(&["rapdev_snmp_trap_logs"])
    );
    // The one professional service of the corpus has no contact_link (newer docs require one).
    assert_eq!(
        integrations_with("manifest/marketplace-offering", Severity::Warning),
        names(&["agentil_software_services_5_days"])
    );
}

#[test]
fn four_english_descriptions_are_over_70_characters() {
    // manifest/tile-description-length is written on another branch; check it once merged.
    if ddlint::rules::find("manifest/tile-description-length").is_none() {
        return;
    }
    assert_eq!(
        integrations_with("manifest/tile-description-length", Severity::Error),
        names(&[
            "crest_data_systems_cyberark_identity",
            "crest_data_systems_proofpoint_email_security",
            "crest_data_systems_sentinel_one",
            "sentry_software_hardware_sentry",
        ])
    );
}

#[test]
fn app_ids_that_differ_from_the_directory_are_warnings() {
    // The 15 of the README, all warnings.
    assert!(of(marketplace_listings(), "naming/app-id-mismatch")
        .iter()
        .all(|d| d.severity == Severity::Warning));
    assert_eq!(
        integrations_with("naming/app-id-mismatch", Severity::Warning),
        names(&[
            "automonx_automonx_prtg_datadog_alerts_integration",
            "bigpanda_saas",
            "crest_data_systems_newrelic_to_datadog_migration",
            "flagsmith_flagsmith",
            "insightfinder_insightfinder",
            "komodor_license",
            "mulesoft_anypoint",
            "oracle_timesten",
            "perfectscale_perfectscale__kubernetes_optimization_and_governance_platform",
            "prophetstor_federatorai",
            "reporter",
            "sedai_sedai",
            "sentry_software_hardware_sentry",
            "shoreline_license",
            "syntheticemail",
        ])
    );
}

#[test]
fn pricing_author_and_billing_types_of_the_listings_are_valid() {
    let r = marketplace_listings();
    // Every listing has pricing; the two private offers omit billing_type and unit_price.
    assert_eq!(of(r, "manifest/marketplace-pricing").len(), 0);
    // flat_fee, tag_count and one_time only.
    assert_eq!(of(r, "manifest/marketplace-billing-type").len(), 0);
    // vendor_id everywhere (`trek10` has a digit, which rules.md allows), sales and support
    // e-mails everywhere.
    assert_eq!(of(r, "manifest/marketplace-author").len(), 0);
    // The three odd pricing metrics of the README, as warnings.
    assert!(of(r, "manifest/marketplace-pricing-metric")
        .iter()
        .all(|d| d.severity == Severity::Warning));
    assert_eq!(
        integrations_with("manifest/marketplace-pricing-metric", Severity::Warning),
        names(&[
            "doctor_droid_doctor_droid",
            "sentry_software_hardware_sentry",
            "shoreline_license",
        ])
    );
}

#[test]
fn existence_findings_do_not_drown_the_rest() {
    let r = marketplace_listings();
    // The EULA PDFs are absent by construction: one "does not exist" error per listing that
    // declares one (73: the two private-offer migration listings have no legal_terms and
    // need none), always at the `legal_terms.eula` value, and nothing else from the EULA rule.
    let eula = of(r, "manifest/marketplace-eula");
    assert_eq!(eula.len(), 73);
    for d in &eula {
        assert!(
            d.message.starts_with("EULA file `") && d.message.ends_with("` does not exist"),
            "{}",
            d.message
        );
        assert!(d.location.start().is_some());
    }
    let with_eula: Vec<String> = eula.iter().filter_map(|d| d.integration.clone()).collect();
    for private in [
        "crest_data_systems_newrelic_to_datadog_migration",
        "crest_data_systems_splunk_to_datadog_migration",
    ] {
        assert!(!with_eula.iter().any(|n| n == private), "{private}");
    }
    // Apart from the existence findings, the marketplace rules report exactly the seven errors
    // the README records (six directory names, one missing Offering:: tag).
    let mine = [
        "manifest/marketplace-pricing",
        "manifest/marketplace-billing-type",
        "manifest/marketplace-pricing-metric",
        "manifest/marketplace-eula",
        "manifest/marketplace-author",
        "manifest/marketplace-offering",
        "naming/partner-integration",
        "naming/app-id-mismatch",
        "manifest/immutable-changed",
    ];
    let other_errors: Vec<String> = r
        .diagnostics
        .iter()
        .filter(|d| mine.contains(&d.rule) && d.severity == Severity::Error)
        .filter(|d| d.rule != "manifest/marketplace-eula")
        .map(|d| format!("{} {:?}", d.rule, d.integration))
        .collect();
    assert_eq!(other_errors.len(), 7, "{other_errors:#?}");
}

#[test]
fn no_marketplace_only_finding_in_extras() {
    let marketplace_only: Vec<&str> = ddlint::rules::registry()
        .into_iter()
        .map(|r| r.meta())
        .filter(|m| !m.applies_to(RepoKind::Extras))
        .map(|m| m.id)
        .collect();
    assert!(marketplace_only.contains(&"manifest/marketplace-pricing"));
    let found: Vec<String> = extras()
        .diagnostics
        .iter()
        .filter(|d| marketplace_only.contains(&d.rule))
        .map(|d| format!("{} {}", d.rule, d.location.path))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
    // Nor does --changed-since's rule fire without the option.
    assert!(of(extras(), "manifest/immutable-changed").is_empty());
}

/// schemas/manifest-v2-marketplace.schema.json accepts every listing of the corpus and the
/// example repository, and rejects the wrong types it is there to catch.
#[test]
fn the_marketplace_overlay_schema_accepts_the_listings() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("schemas/manifest-v2-marketplace.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the overlay is a valid schema");
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for dir in [
        corpus_dir("marketplace-listings"),
        root.join("fixtures/example-marketplace"),
    ] {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let m = entry.path().join("manifest.json");
            if m.is_file() {
                files.push(m);
            }
        }
    }
    assert_eq!(files.len(), 78);
    let mut failures = Vec::new();
    for f in &files {
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        for e in validator.iter_errors(&doc) {
            failures.push(format!("{}: {} at {}", f.display(), e, e.instance_path()));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");

    let bad = serde_json::json!({
        "pricing": [{"unit_price": -1, "includes_assets": "yes", "billing_type": 3}],
        "legal_terms": {"eula": ""},
        "author": {"contact_link": "calendly"}
    });
    assert_eq!(validator.iter_errors(&bad).count(), 5);
}
