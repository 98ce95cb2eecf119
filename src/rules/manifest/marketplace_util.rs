//! Helpers shared by the marketplace-only manifest rules (pricing items, missing-key spans).

use crate::parse::json::Node;
use crate::source::Span;

/// Where to point for a key missing from the object at `pointer`: the object's own key in its
/// parent, or the opening brace of the top-level object.
pub fn missing_key_span(root: &Node, pointer: &str) -> Span {
    if !pointer.is_empty() {
        if let Some(span) = root.key_span(pointer) {
            return span;
        }
    }
    let node = root.pointer(pointer).unwrap_or(root);
    Span::new(node.span.start, node.span.start + 1)
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
