//! Classifier tags: the known keys and the known vocabulary (manifest.md §3: the union of every
//! column of the table, i.e. observed in extras, both docs lists, the ddev migration map and
//! public listings). Kept as data: Datadog adds values server-side, so extend these tables.

use crate::parse::json::Node;
use crate::source::Span;

/// Keys a tag may use (`Key::Value`).
pub const KNOWN_KEYS: &[&str] = &[
    "Category",
    "Supported OS",
    "Offering",
    "Submitted Data Type",
    "Queried Data Type",
    "Product",
];

/// Every known value, per key.
pub const KNOWN_VALUES: &[(&str, &[&str])] = &[
    (
        "Category",
        &[
            "AI/ML",
            "AWS",
            "Alerting",
            "Autodiscovery",
            "Automation",
            "Azure",
            "Caching",
            "Cloud",
            "Collaboration",
            "Compliance",
            "Configuration & Deployment",
            "Containers",
            "Content Delivery Network",
            "Cost Management",
            "Data Store",
            "Data Stores",
            "Developer Tools",
            "Event Management",
            "Exceptions",
            "Google Cloud",
            "IOT",
            "ISP",
            "Incidents",
            "IoT",
            "Issue Tracking",
            "Kubernetes",
            "Languages",
            "Log Collection",
            "Mainframe",
            "Mainframes",
            "Marketplace",
            "Message Queues",
            "Messaging",
            "Metrics",
            "Mobile",
            "Monitoring",
            "Network",
            "Notification",
            "Notifications",
            "OS & System",
            "OS System",
            "Oracle",
            "Orchestration",
            "Processing",
            "Profiling",
            "Provisioning",
            "SAP",
            "SIEM",
            "SNMP",
            "Security",
            "Source Control",
            "Testing",
            "Tracing",
            "Web",
        ],
    ),
    (
        "Supported OS",
        &[
            "Android", "Any", "HP-UX", "IBM i/OS", "IBM z/OS", "Linux", "Mac OS", "Solaris",
            "Windows", "iOS", "macOS",
        ],
    ),
    (
        "Offering",
        &[
            "Integration",
            "Professional Service",
            "Software License",
            "UI Extension",
        ],
    ),
    (
        "Submitted Data Type",
        &["Events", "Incidents", "Logs", "Metrics", "Traces"],
    ),
    (
        "Queried Data Type",
        &["Events", "Incidents", "Logs", "Metrics", "Traces"],
    ),
    ("Product", &["Data Streams Monitoring"]),
];

/// The known values of a key.
pub fn values_of(key: &str) -> &'static [&'static str] {
    KNOWN_VALUES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| *v)
        .unwrap_or(&[])
}

/// A tag split into key and value, when it has the `Key::Value` shape.
pub fn split(tag: &str) -> Option<(&str, &str)> {
    let (k, v) = tag.split_once("::")?;
    if k.trim().is_empty() || v.trim().is_empty() {
        return None;
    }
    Some((k, v))
}

/// The string items of `tile.classifier_tags`, with their nodes.
pub fn tags(root: &Node) -> Vec<(&Node, &str)> {
    root.pointer("/tile/classifier_tags")
        .and_then(Node::as_array)
        .map(|a| a.iter().filter_map(|n| Some((n, n.as_str()?))).collect())
        .unwrap_or_default()
}

/// Where to point for a tag missing from `tile.classifier_tags` (its key, else its value), when
/// it is an array (without one, `manifest/schema` reports it).
pub fn missing_tag_span(root: &Node) -> Option<Span> {
    let node = root.pointer("/tile/classifier_tags")?;
    node.as_array()?;
    Some(root.key_span("/tile/classifier_tags").unwrap_or(node.span))
}

/// Whether the manifest has a tag with this key.
pub fn has_key(root: &Node, key: &str) -> bool {
    tags(root)
        .into_iter()
        .filter_map(|(_, tag)| split(tag))
        .any(|(k, _)| k == key)
}
