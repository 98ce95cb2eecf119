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
    // Every listing is a directory holding only manifest.json: the files it references are
    // absent by construction. That is one `layout/manifest-only` error per listing, and the
    // per-file existence rules stay silent instead of burying the rest (about 950 findings).
    let manifest_only = of(r, "layout/manifest-only");
    assert_eq!(manifest_only.len(), 75);
    for rule in [
        "manifest/missing-asset",
        "manifest/media-missing-file",
        "changelog/missing",
        "readme/missing",
    ] {
        assert!(
            of(r, rule).is_empty(),
            "{rule} should defer to layout/manifest-only"
        );
    }
    assert!(of(r, "manifest/marketplace-eula").is_empty());

    // Every other error, each checked by hand against the listing and the corpus README.
    let mut other: Vec<String> = r
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.rule != "layout/manifest-only")
        .map(|d| format!("{} {}", d.rule, d.integration.as_deref().unwrap_or("-")))
        .collect();
    other.sort();
    let mut expected: Vec<String> = [
        // The README's oddities: four English descriptions over 70 characters…
        "manifest/tile-description-length crest_data_systems_cyberark_identity",
        "manifest/tile-description-length crest_data_systems_proofpoint_email_security",
        "manifest/tile-description-length crest_data_systems_sentinel_one",
        "manifest/tile-description-length sentry_software_hardware_sentry",
        // …six directories not shaped <partner>_<integration>…
        "naming/partner-integration moogsoft",
        "naming/partner-integration nerdvision",
        "naming/partner-integration perfectscale_perfectscale__kubernetes_optimization_and_governance_platform",
        "naming/partner-integration reporter",
        "naming/partner-integration statsig-statsig",
        "naming/partner-integration syntheticemail",
        // …and the listing without an Offering:: tag.
        "manifest/marketplace-offering rapdev_snmp_trap_logs",
        // The README's "other things a linter may flag": reporter's empty metrics prefix.
        "manifest/metric-prefix-format reporter",
        // Translation artefacts the README warns about (translated pages changed machine
        // values): they would be real errors in a real manifest, so they are reported.
        "manifest/media-type bottomline_mainframe",
        "manifest/media-type steadybit_steadybit",
        "manifest/classifier-tag-format sedai_sedai",
        "manifest/classifier-tag-format sedai_sedai",
        "manifest/schema sedai_sedai",
        // Fields absent from the page (not present-field errors): rapdev_validator's
        // assets.integration has no auto_install and no source_type_id.
        "manifest/schema rapdev_validator",
        "manifest/schema rapdev_validator",
        // The corpus has no .github/CODEOWNERS at all: one repository-wide finding.
        "codeowners/missing-entry -",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    expected.sort();
    assert_eq!(other, expected);
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
