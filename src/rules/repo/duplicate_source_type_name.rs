use super::DuplicateValue;
use crate::diagnostic::Severity;
use crate::rules::{RuleMeta, Scope};

pub static RULE: DuplicateValue = DuplicateValue {
    meta: &RuleMeta {
        id: "repo/duplicate-source-type-name",
        severity: Severity::Error,
        scope: Scope::Repository,
        summary: "two integrations share `assets.integration.source_type_name`",
        explanation: "\
`assets.integration.source_type_name` is the display name service checks and metadata are
matched against; it is unique (also ignoring case) and immutable.

Bad:   \"source_type_name\": \"Flagsmith\" in two manifests
Good:  \"Flagsmith\" and \"Flagsmith RUM\"",
        ..RuleMeta::DEFAULT
    },
    pointer: "/assets/integration/source_type_name",
    what: "`source_type_name`",
    ignore_case: true,
};
