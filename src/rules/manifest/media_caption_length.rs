use super::media_strings;
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MediaCaptionLength;

const MAX: usize = 300;

static META: RuleMeta = RuleMeta {
    id: "manifest/media-caption-length",
    summary: "a media `caption` is longer than 300 characters",
    explanation: "\
Each media item's caption is shown under the image in the tile's carousel, and ddev limits it to
300 characters (counted as Unicode characters). Longer text belongs in README.md.

Bad:   \"caption\": \"<a paragraph of 400 characters describing every widget>\"
Good:  \"caption\": \"The Acme Cache overview dashboard: hit rate, evictions and latency.\"",
    ..RuleMeta::DEFAULT
};

impl Rule for MediaCaptionLength {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        for (i, node, text) in media_strings(root, "caption") {
            let len = text.chars().count();
            if len > MAX {
                out.push(
                    Finding::at(
                        source,
                        node.span,
                        format!("`tile.media[{i}].caption` is {len} characters long, over the limit of {MAX}"),
                    )
                    .label(format!("{len} characters"))
                    .help(format!("shorten the caption to at most {MAX} characters")),
                );
            }
        }
    }
}
