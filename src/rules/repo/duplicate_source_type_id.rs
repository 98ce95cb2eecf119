use super::DuplicateValue;
use crate::diagnostic::Severity;
use crate::rules::{RuleMeta, Scope};

pub static RULE: DuplicateValue = DuplicateValue {
    meta: &RuleMeta {
        id: "repo/duplicate-source-type-id",
        severity: Severity::Error,
        scope: Scope::Repository,
        summary: "two integrations share `assets.integration.source_type_id`",
        explanation: "\
`assets.integration.source_type_id` is the numeric id Datadog files events and metrics under; it
is globally unique and assigned once. Two integrations with the same id would mix their data.

Bad:   two manifests with \"source_type_id\": 10210
Good:  each with the id it was assigned (ddev create uses `unix time - 1700000000`)",
        ..RuleMeta::DEFAULT
    },
    pointer: "/assets/integration/source_type_id",
    what: "`source_type_id`",
    ignore_case: false,
};
