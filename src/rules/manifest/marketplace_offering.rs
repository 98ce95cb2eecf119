use super::marketplace_util::{manifest_object, missing_key_span, offerings};
use crate::diagnostic::{Finding, Severity};
use crate::parse::json::Node;
use crate::rules::{Context, Rule, RuleMeta, MARKETPLACE};

pub struct MarketplaceOffering;

static META: RuleMeta = RuleMeta {
    id: "manifest/marketplace-offering",
    kinds: MARKETPLACE,
    summary: "a marketplace listing has no `Offering::` tag, or a professional service lacks `author.contact_link`",
    explanation: "\
The `Offering::` classifier tag says what a Marketplace listing sells (`Integration`, `Software
License`, `Professional Service`, `UI Extension`) and decides where it is shown; a listing needs
at least one (several are allowed: published listings combine `Integration` and `Software
License`). A professional service is booked through `author.contact_link` (a scheduling or
contact URL), so a listing tagged `Offering::Professional Service` without one gets a warning.

Bad:   \"classifier_tags\": [\"Category::Marketplace\", \"Supported OS::Linux\"]
Good:  \"classifier_tags\": [\"Category::Marketplace\", \"Offering::Integration\", \"Supported OS::Linux\"]",
    ..RuleMeta::DEFAULT
};

impl Rule for MarketplaceOffering {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = manifest_object(ctx) else {
            return;
        };
        let found = offerings(root);
        if found.is_empty() {
            let span = match root.pointer("/tile/classifier_tags") {
                Some(tags) => tags.span,
                None if root.get("tile").is_some() => missing_key_span(root, "/tile"),
                None => missing_key_span(root, ""),
            };
            out.push(
                Finding::at(source, span, "`tile.classifier_tags` has no `Offering::` tag")
                    .help("add the offering the listing sells, e.g. `Offering::Integration`, `Offering::Software License` or `Offering::Professional Service`"),
            );
            return;
        }
        let has_contact = root
            .pointer("/author/contact_link")
            .and_then(Node::as_str)
            .is_some_and(|s| !s.trim().is_empty());
        if has_contact {
            return;
        }
        if let Some((_, node)) = found.iter().find(|(v, _)| *v == "Professional Service") {
            out.push(
                Finding::at(
                    source,
                    node.span,
                    "an `Offering::Professional Service` listing has no `author.contact_link`",
                )
                .severity(Severity::Warning)
                .help("add `author.contact_link`: the URL where buyers schedule the service"),
            );
        }
    }
}
