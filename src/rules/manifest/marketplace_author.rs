use super::marketplace_util::{manifest_object, missing_key, wrong_type};
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta, MARKETPLACE};

pub struct MarketplaceAuthor;

static META: RuleMeta = RuleMeta {
    id: "manifest/marketplace-author",
    kinds: MARKETPLACE,
    summary: "marketplace `author` lacks `vendor_id`, `sales_email` or `support_email`, or `vendor_id` is malformed",
    explanation: "\
A Marketplace listing belongs to a vendor: `author.vendor_id` identifies it (shared by all of the
vendor's listings, never changed after release; lowercase words of letters and digits joined by
`-`), `author.sales_email` receives subscription notifications and `author.support_email` the
customers' questions. All three are required.

Bad:   \"author\": {\"name\": \"Acme\", \"vendor_id\": \"Acme_Corp\", \"support_email\": \"support@acme.example\"}
Good:  \"author\": {\"name\": \"Acme\", \"vendor_id\": \"acme-corp\", \"support_email\": \"support@acme.example\",
                   \"sales_email\": \"sales@acme.example\"}",
    ..RuleMeta::DEFAULT
};

fn is_vendor_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// `Acme Corp, Inc.` → `acme-corp-inc`.
fn suggest(s: &str) -> String {
    s.to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

impl Rule for MarketplaceAuthor {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = manifest_object(ctx) else {
            return;
        };
        let Some(author) = root.get("author") else {
            out.push(
                missing_key(
                    source,
                    root,
                    "",
                    "the manifest has no `author` (a marketplace listing needs vendor_id, sales_email and support_email)",
                )
                .help("add an `author` object with `name`, `vendor_id`, `sales_email` and `support_email`"),
            );
            return;
        };
        if author.as_object().is_none() {
            // The schema reports the type.
            return;
        }
        for (key, what) in [
            (
                "vendor_id",
                "the vendor's id, lowercase words joined by `-`",
            ),
            (
                "sales_email",
                "the address that receives subscription notifications",
            ),
            (
                "support_email",
                "the address customers write to for support",
            ),
        ] {
            match author.get(key) {
                None => out.push(
                    missing_key(source, root, "/author", format!("`author` has no `{key}`"))
                        .help(format!("add `author.{key}`: {what}")),
                ),
                Some(n) if n.as_str().is_none() => out.push(
                    wrong_type(source, n, &format!("author.{key}"), "a string")
                        .help(format!("set `author.{key}` to {what}")),
                ),
                Some(n) if n.as_str().is_some_and(|s| s.trim().is_empty()) => out.push(
                    Finding::at(source, n.span, format!("`author.{key}` is empty"))
                        .help(format!("set `author.{key}` to {what}")),
                ),
                Some(_) => {}
            }
        }
        if let Some(node) = author.get("vendor_id") {
            if let Some(v) = node.as_str() {
                if !v.trim().is_empty() && !is_vendor_id(v) {
                    let s = suggest(v);
                    let help = if s.is_empty() {
                        "use lowercase letters and digits, words joined by `-`".to_string()
                    } else {
                        format!("use lowercase letters and digits, words joined by `-`, e.g. `{s}` (vendor_id is immutable once published: ask Datadog before changing it)")
                    };
                    out.push(
                        Finding::at(
                            source,
                            node.span,
                            format!(
                                "`author.vendor_id` `{v}` is not lowercase words joined by `-`"
                            ),
                        )
                        .help(help),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendor_ids() {
        for ok in [
            "rapdev",
            "crest-data-systems",
            "trek10",
            "blink-subscription",
        ] {
            assert!(is_vendor_id(ok), "{ok}");
        }
        for bad in [
            "Rapdev",
            "crest_data",
            "-acme",
            "acme-",
            "acme--corp",
            "",
            "acme corp",
        ] {
            assert!(!is_vendor_id(bad), "{bad}");
        }
        assert_eq!(suggest("Acme_Corp, Inc."), "acme-corp-inc");
    }
}
