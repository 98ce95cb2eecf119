use super::DuplicateValue;
use crate::diagnostic::Severity;
use crate::rules::{RuleMeta, Scope};

pub static RULE: DuplicateValue = DuplicateValue {
    meta: &RuleMeta {
        id: "repo/duplicate-app-uuid",
        severity: Severity::Error,
        scope: Scope::Repository,
        summary: "two integrations share an `app_uuid`",
        explanation: "\
`app_uuid` is the immutable, globally unique id of an app. A copied manifest that keeps the
original uuid makes two integrations claim the same app. Generate a fresh UUID (v4) for the new
integration.

Bad:   two manifests with \"app_uuid\": \"8d4e1f60-7a8a-4c1b-9e57-1c1f2f4d9a10\"
Good:  each manifest with its own `uuidgen | tr A-Z a-z` value",
        ..RuleMeta::DEFAULT
    },
    pointer: "/app_uuid",
    what: "`app_uuid`",
    ignore_case: false,
};
