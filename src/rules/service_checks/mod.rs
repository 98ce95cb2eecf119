//! service_checks.json rules (one rule per file), after ddev-reference §2.3, and the helpers
//! they share.

use super::{Context, Rule};
use crate::diagnostic::{Finding, Location};
use crate::model::JsonFile;
use crate::parse::json::Node;
use crate::source::{SharedSource, Span};
use std::collections::HashMap;

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

/// The value of `key` in each service-check object that has it, with the file's source.
pub fn values<'a>(
    ctx: &'a Context,
    key: &'a str,
) -> Option<(&'a SharedSource, impl Iterator<Item = &'a Node> + 'a)> {
    let (source, objs) = checks(ctx)?;
    Some((source, objs.into_iter().filter_map(move |obj| obj.get(key))))
}

/// What a repeated value of a key is reported with: the message (given the value), the help
/// and the label of the first use.
pub struct Repeat {
    pub message: fn(&str) -> String,
    pub help: &'static str,
    pub first: &'static str,
}

/// Reports each non-empty string value of `key` that an earlier service check already has.
pub fn report_repeats(ctx: &Context, key: &str, repeat: &Repeat, out: &mut Vec<Finding>) {
    let Some((source, nodes)) = values(ctx, key) else {
        return;
    };
    let mut seen = HashMap::new();
    for node in nodes {
        let Some(v) = node.as_str().filter(|v| !v.is_empty()) else {
            continue;
        };
        if let Some(first) = seen.get(v) {
            out.push(
                Finding::at(source, node.span, (repeat.message)(v))
                    .help(repeat.help)
                    .related(Location::in_file(source, *first), repeat.first),
            );
        } else {
            seen.insert(v, node.span);
        }
    }
}

/// The items of `node`, the value of `key`, when it is an array; otherwise reports it (with
/// `help`) and gives `None`.
pub fn list_items<'a>(
    source: &SharedSource,
    node: &'a Node,
    key: &str,
    help: &str,
    out: &mut Vec<Finding>,
) -> Option<&'a [Node]> {
    let items = node.as_array();
    if items.is_none() {
        out.push(
            Finding::at(
                source,
                node.span,
                format!("`{key}` must be a list, found {}", node.type_name()),
            )
            .help(help),
        );
    }
    items
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
