use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

pub struct TileTitleLength;

const MAX: usize = 50;

static META: RuleMeta = RuleMeta {
    id: "manifest/tile-title-length",
    summary: "`tile.title` is longer than 50 characters",
    explanation: "\
The tile title is shown on the integrations page and in the tile header, where the Datadog
documentation allows at most 50 characters (`String[50]`). Characters are counted as Unicode
characters, not bytes.

Bad:   \"title\": \"Acme Observability Platform Cloud Connector for Kubernetes\"
Good:  \"title\": \"Acme Observability\"",
    ..RuleMeta::DEFAULT
};

impl Rule for TileTitleLength {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let Some(node) = root.pointer("/tile/title") else {
            return;
        };
        let Some(title) = node.as_str() else { return };
        let len = title.chars().count();
        if len > MAX {
            out.push(
                Finding::at(
                    source,
                    node.span,
                    format!("`tile.title` is {len} characters long, over the limit of {MAX}"),
                )
                .label(format!("{len} characters"))
                .help(format!("shorten the title to at most {MAX} characters")),
            );
        }
    }
}
