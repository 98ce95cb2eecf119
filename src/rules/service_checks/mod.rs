//! service_checks.json rules (one rule per file), after ddev-reference §2.3, and the helpers
//! they share.

use super::{Context, Rule};
use crate::model::JsonFile;
use crate::parse::json::{Member, Node};
use crate::source::{SharedSource, Span};

mod agent_version;
mod attributes;
mod check_name;
mod check_prefix;
mod duplicate_check;
mod duplicate_name;
mod empty_field;
mod integration_mismatch;
mod invalid_groups;
mod invalid_json;
mod invalid_status;

pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &agent_version::AgentVersion,
        &attributes::Attributes,
        &check_name::CheckName,
        &check_prefix::CheckPrefix,
        &duplicate_check::DuplicateCheck,
        &duplicate_name::DuplicateName,
        &empty_field::EmptyField,
        &integration_mismatch::IntegrationMismatch,
        &invalid_groups::InvalidGroups,
        &invalid_json::InvalidJson,
        &invalid_status::InvalidStatus,
    ]
}

/// The seven keys of a service check, in the order of the template.
pub const KEYS: &[&str] = &[
    "agent_version",
    "integration",
    "check",
    "statuses",
    "groups",
    "name",
    "description",
];

pub const STATUSES: &[&str] = &["ok", "warning", "critical", "unknown"];

/// Integrations whose service checks belong to another display name (ddev's CHECK_TO_NAME).
pub const CHECK_TO_NAME: &[(&str, &str)] = &[
    ("cassandra_nodetool", "Cassandra"),
    ("disk", "System"),
    ("dns_check", "System"),
    ("http_check", "System"),
    ("kubelet", "Kubernetes"),
    ("kubernetes_state", "Kubernetes"),
    ("mesos_slave", "Mesos"),
    ("ntp", "System"),
    ("openstack_controller", "OpenStack"),
    ("process", "System"),
    ("riakcs", "RiakCS"),
    ("system_core", "System"),
    ("tcp_check", "System"),
];

/// service_checks.json when it parsed, with its source.
pub fn file<'a>(ctx: &'a Context) -> Option<&'a JsonFile> {
    ctx.integration.service_checks.as_ref()
}

/// The service-check objects of a well-formed file (an array; non-object items are skipped and
/// reported by `service-checks/invalid-json`).
pub fn checks<'a>(ctx: &'a Context) -> Option<(&'a SharedSource, Vec<&'a Node>)> {
    let f = file(ctx)?;
    let items = f.root()?.as_array()?;
    Some((
        &f.source,
        items.iter().filter(|n| n.as_object().is_some()).collect(),
    ))
}

/// A member of a service-check object.
pub fn member<'a>(obj: &'a Node, key: &str) -> Option<&'a Member> {
    obj.member(key)
}

/// The opening brace of an object: where a finding about the whole object points.
pub fn brace(obj: &Node) -> Span {
    Span::new(obj.span.start, obj.span.start + 1)
}

/// The `integration` value service checks must carry (ddev §2.3: CHECK_TO_NAME, else the
/// manifest's `source_type_name`; not the `display-name` override).
pub fn expected_integration(ctx: &Context) -> Option<String> {
    if let Some((_, n)) = CHECK_TO_NAME.iter().find(|(d, _)| *d == ctx.name()) {
        return Some((*n).to_string());
    }
    ctx.integration
        .manifest_str("/assets/integration/source_type_name")
        .map(str::to_string)
}
