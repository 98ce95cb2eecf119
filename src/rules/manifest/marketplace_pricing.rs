use super::first_char;
use super::marketplace_util::{is_private_offer, manifest_object, missing_key, wrong_type};
use crate::diagnostic::Finding;
use crate::parse::json::Node;
use crate::rules::{Context, Rule, RuleMeta, MARKETPLACE};

pub struct MarketplacePricing;

static META: RuleMeta = RuleMeta {
    id: "manifest/marketplace-pricing",
    kinds: MARKETPLACE,
    summary: "marketplace `pricing` is missing, empty, or has an incomplete item",
    explanation: "\
A Marketplace listing is sold through its `pricing` items: every listing needs at least one. Each
item needs a `product_id`, a `short_description`, a boolean `includes_assets` and a numeric
`unit_price` of at least 0 (`null` only for an item with `\"private_offer_only\": true`), and a
`billing_type` (again unless the item is private-offer-only). A `tag_count` item is billed per
distinct value of a tag on a metric, so it also needs `metric`, `tag` and `unit_label`.

Bad:   \"pricing\": [{\"billing_type\": \"tag_count\", \"unit_price\": 5, \"product_id\": \"acme\",
        \"short_description\": \"Per host\", \"includes_assets\": true}]
Good:  \"pricing\": [{\"billing_type\": \"tag_count\", \"unit_price\": 5, \"unit_label\": \"host\",
        \"metric\": \"datadog.marketplace.acme.host\", \"tag\": \"host\", \"product_id\": \"acme\",
        \"short_description\": \"Per host\", \"includes_assets\": true}]",
    ..RuleMeta::DEFAULT
};

impl Rule for MarketplacePricing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = manifest_object(ctx) else {
            return;
        };
        let Some(pricing) = root.get("pricing") else {
            out.push(
                missing_key(
                    source,
                    root,
                    "",
                    "the manifest has no `pricing` (required for a marketplace listing)",
                )
                .help("add a `pricing` array with at least one item (billing_type, unit_price, product_id, short_description, includes_assets)"),
            );
            return;
        };
        let Some(items) = pricing.as_array() else {
            out.push(
                wrong_type(source, pricing, "pricing", "an array of items")
                    .help("make `pricing` an array of pricing items"),
            );
            return;
        };
        if items.is_empty() {
            out.push(
                Finding::at(source, pricing.span, "`pricing` is empty")
                    .help("add at least one pricing item: a listing with no price cannot be sold"),
            );
            return;
        }
        for (i, item) in items.iter().enumerate() {
            check_item(source, i, item, out);
        }
    }
}

fn check_item(source: &crate::source::SharedSource, i: usize, item: &Node, out: &mut Vec<Finding>) {
    let at = format!("pricing[{i}]");
    if item.as_object().is_none() {
        out.push(
            wrong_type(source, item, &at, "an object").help("write each pricing item as an object"),
        );
        return;
    }
    let private = is_private_offer(item);
    // A missing key is reported at the item's opening brace.
    let missing_span = first_char(item.span);
    let missing = |key: &str, what: &str, out: &mut Vec<Finding>| {
        out.push(
            Finding::at(source, missing_span, format!("`{at}` has no `{key}`"))
                .help(format!("add `{key}` ({what})")),
        );
    };
    let wrong_type = |key: &str, node: &Node, expected: &str, out: &mut Vec<Finding>| {
        out.push(
            wrong_type(source, node, &format!("{at}.{key}"), expected)
                .help(format!("make `{key}` {expected}")),
        );
    };
    for (key, what) in [
        ("product_id", "a kebab-case id such as `acme-agent`"),
        (
            "short_description",
            "a short text shown on the pricing page",
        ),
    ] {
        match item.get(key) {
            None => missing(key, what, out),
            Some(n) if n.as_str().is_none() => wrong_type(key, n, "a string", out),
            Some(_) => {}
        }
    }
    match item.get("includes_assets") {
        None => missing("includes_assets", "`true` or `false`", out),
        Some(n) if n.as_bool().is_none() => wrong_type("includes_assets", n, "a boolean", out),
        Some(_) => {}
    }
    if let Some(n) = item.get("private_offer_only") {
        if n.as_bool().is_none() {
            wrong_type("private_offer_only", n, "a boolean", out);
        }
    }
    match item.get("unit_price") {
        None => missing("unit_price", "a number of at least 0", out),
        Some(n) if n.is_null() => {
            if !private {
                out.push(
                    Finding::at(
                        source,
                        n.span,
                        format!("`{at}.unit_price` is null but the item is not `private_offer_only`"),
                    )
                    .help("set a numeric `unit_price`, or mark the item `\"private_offer_only\": true`"),
                );
            }
        }
        Some(n) => match n.as_f64() {
            None => wrong_type("unit_price", n, "a number", out),
            Some(p) if p < 0.0 => out.push(
                Finding::at(
                    source,
                    n.span,
                    format!(
                        "`{at}.unit_price` is {}, a negative price",
                        source.slice(n.span)
                    ),
                )
                .help("set a `unit_price` of at least 0"),
            ),
            Some(_) => {}
        },
    }
    let billing = item.get("billing_type");
    match billing {
        None if !private => missing(
            "billing_type",
            "`flat_fee`, `tag_count` or `one_time`; only private-offer-only items may omit it",
            out,
        ),
        Some(n) if n.as_str().is_none() => wrong_type("billing_type", n, "a string", out),
        _ => {}
    }
    if billing.and_then(Node::as_str) == Some("tag_count") {
        for (key, what) in [
            (
                "metric",
                "the billing metric, e.g. `datadog.marketplace.<partner>.<product>`",
            ),
            (
                "tag",
                "the tag whose distinct values are billed, e.g. `host`",
            ),
            ("unit_label", "the unit shown to buyers, e.g. `host`"),
        ] {
            match item.get(key) {
                None => missing(key, what, out),
                Some(n) if n.as_str().is_none() => wrong_type(key, n, "a string", out),
                Some(_) => {}
            }
        }
    }
}
