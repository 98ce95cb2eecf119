use super::DuplicateValue;
use crate::diagnostic::Severity;
use crate::rules::{RuleMeta, Scope};

pub static RULE: DuplicateValue = DuplicateValue {
    meta: &RuleMeta {
        id: "repo/duplicate-app-id",
        severity: Severity::Error,
        scope: Scope::Repository,
        summary: "two integrations share an `app_id`",
        explanation: "\
`app_id` identifies a listing on the Datadog integrations page and in the API; it must be unique
and never changes after release. Two manifests with the same value collide when published.
Both places are shown.

Bad:   foo/manifest.json and bar/manifest.json both have \"app_id\": \"foo\"
Good:  \"app_id\": \"foo\" and \"app_id\": \"bar\"",
        ..RuleMeta::DEFAULT
    },
    pointer: "/app_id",
    what: "`app_id`",
    ignore_case: false,
};
