use crate::diagnostic::Finding;
use crate::repo::RepoKind;
use crate::rules::{Context, Rule, RuleMeta};

pub struct TileDescriptionLength;

static META: RuleMeta = RuleMeta {
    id: "manifest/tile-description-length",
    summary: "`tile.description` is longer than 80 characters (70 in marketplace)",
    explanation: "\
The tile description is the one-line summary under the title on the integrations page; it is cut
beyond 80 characters (ddev's limit, and the documented one). Marketplace listings have a tighter
limit of 70 characters. Characters are counted as Unicode characters, not bytes.

Bad:   \"description\": \"Monitor every request, cache hit, eviction, replication lag and error of Acme Cache clusters\"
Good:  \"description\": \"Monitor Acme Cache hit rates, evictions and replication lag.\"",
    ..RuleMeta::DEFAULT
};

impl Rule for TileDescriptionLength {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let Some(node) = root.pointer("/tile/description") else {
            return;
        };
        let Some(text) = node.as_str() else { return };
        let max = if ctx.kind() == RepoKind::Marketplace {
            70
        } else {
            80
        };
        let len = text.chars().count();
        if len > max {
            let kind = if max == 70 {
                " for a marketplace listing"
            } else {
                ""
            };
            out.push(
                Finding::at(
                    source,
                    node.span,
                    format!("`tile.description` is {len} characters long, over the limit of {max}{kind}"),
                )
                .label(format!("{len} characters"))
                .help(format!("shorten the description to at most {max} characters")),
            );
        }
    }
}
