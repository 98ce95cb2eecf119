//! Corpus assertions of this family.

use super::*;
use ddlint::diagnostic::Severity;

/// ddev: scalr and zabbix carry `integration` values that differ from their manifests'
/// `source_type_name` ("… (Community Version)").
#[test]
fn integration_mismatch_in_scalr_and_zabbix() {
    let r = extras();
    assert_eq!(
        integrations_of(r, "service-checks/integration-mismatch"),
        ["scalr", "zabbix"]
    );
    for d in of(r, "service-checks/integration-mismatch") {
        let start = d.location.start().expect("a position");
        assert_eq!((start.line, start.column), (4, 24), "{}", d.location.path);
        assert!(d
            .help
            .as_deref()
            .unwrap_or("")
            .contains("(Community Version)"));
    }
}

/// twingate and typingdna_activelock hold `{}` instead of `[]`: a warning with a safe fix.
#[test]
fn empty_objects_in_twingate_and_typingdna() {
    let r = extras();
    let found = of(r, "service-checks/invalid-json");
    assert_eq!(
        integrations_of(r, "service-checks/invalid-json"),
        ["twingate", "typingdna_activelock"]
    );
    for d in found {
        assert_eq!(d.severity, Severity::Warning);
        let fix = d.fix.as_ref().expect("a fix");
        assert_eq!(fix.edits.len(), 1);
        assert_eq!(fix.edits[0].replacement, "[]");
        let start = d.location.start().expect("a position");
        assert_eq!((start.line, start.column), (1, 1));
    }
}

/// Nothing else in the service-check family fires on the real tree.
#[test]
fn no_other_service_check_findings() {
    let r = extras();
    let other: Vec<String> = r
        .diagnostics
        .iter()
        .filter(|d| {
            d.rule.starts_with("service-checks/")
                && d.rule != "service-checks/integration-mismatch"
                && d.rule != "service-checks/invalid-json"
        })
        .map(|d| format!("{} {} {}", d.rule, d.location.path, d.message))
        .collect();
    assert!(other.is_empty(), "{}", other.join("\n"));
}
