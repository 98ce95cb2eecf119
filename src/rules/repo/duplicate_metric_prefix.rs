use super::DuplicateValue;
use crate::diagnostic::Severity;
use crate::rules::{RuleMeta, Scope};

pub static RULE: DuplicateValue = DuplicateValue {
    meta: &RuleMeta {
        id: "repo/duplicate-metric-prefix",
        severity: Severity::Warning,
        scope: Scope::Repository,
        summary: "two integrations declare the same `metrics.prefix`",
        explanation: "\
Metrics are attributed to an integration by their prefix. When two integrations declare the same
`assets.integration.metrics.prefix`, their metrics mix on dashboards and in metadata.

Bad:   \"prefix\": \"cassandra.\" in two manifests
Good:  \"cassandra.\" and \"cassandra_nodetool.\"",
        ..RuleMeta::DEFAULT
    },
    pointer: "/assets/integration/metrics/prefix",
    what: "metric prefix",
    ignore_case: false,
};
