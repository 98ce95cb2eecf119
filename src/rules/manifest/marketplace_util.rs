//! Helpers shared by the marketplace-only manifest rules (pricing items, missing-key spans).

use super::first_char;
use crate::diagnostic::Finding;
use crate::parse::json::Node;
use crate::rules::Context;
use crate::source::{SharedSource, Span};

/// The manifest when its root is an object (anything else is reported by the schema and JSON
/// rules), with its source.
pub fn manifest_object<'a>(ctx: &'a Context) -> Option<(&'a SharedSource, &'a Node)> {
    ctx.manifest()
        .filter(|(_, root)| root.as_object().is_some())
}

/// A finding about a key missing from the object at `pointer`, pointed as `missing_key_span`.
pub fn missing_key(
    source: &SharedSource,
    root: &Node,
    pointer: &str,
    message: impl Into<String>,
) -> Finding {
    Finding::at(source, missing_key_span(root, pointer), message)
}

/// A finding about `node`, the value of `path`, not being of the `expected` JSON type.
pub fn wrong_type(source: &SharedSource, node: &Node, path: &str, expected: &str) -> Finding {
    Finding::at(
        source,
        node.span,
        format!("`{path}` is a {}, expected {expected}", node.type_name()),
    )
}

/// Where to point for a key missing from the object at `pointer`: the object's own key in its
/// parent, or the opening brace of the top-level object.
pub fn missing_key_span(root: &Node, pointer: &str) -> Span {
    if !pointer.is_empty() {
        if let Some(span) = root.key_span(pointer) {
            return span;
        }
    }
    let node = root.pointer(pointer).unwrap_or(root);
    first_char(node.span)
}

/// A pricing item sold only through private offers (`"private_offer_only": true`).
pub fn is_private_offer(item: &Node) -> bool {
    item.get("private_offer_only").and_then(Node::as_bool) == Some(true)
}

/// The pricing items, when `pricing` is an array.
pub fn pricing_items(root: &Node) -> &[Node] {
    root.get("pricing").and_then(Node::as_array).unwrap_or(&[])
}

/// Is every pricing item private-offer-only (and is there at least one)?
pub fn all_private_offers(root: &Node) -> bool {
    let items = pricing_items(root);
    !items.is_empty() && items.iter().all(is_private_offer)
}

/// The `Offering::` values of `tile.classifier_tags`, with their nodes.
pub fn offerings(root: &Node) -> Vec<(&str, &Node)> {
    root.pointer("/tile/classifier_tags")
        .and_then(Node::as_array)
        .unwrap_or(&[])
        .iter()
        .filter_map(|n| {
            let s = n.as_str()?;
            let (key, value) = s.split_once("::")?;
            (key.trim() == "Offering").then_some((value.trim(), n))
        })
        .collect()
}
