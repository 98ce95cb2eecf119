use crate::diagnostic::Finding;
use crate::parse::json::Node;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MediaCount;

const MAX_MEDIA: usize = 8;

static META: RuleMeta = RuleMeta {
    id: "manifest/media-count",
    summary: "more than 8 media, or more than 1 video",
    explanation: "\
The tile's media carousel holds at most 8 items, of which at most one may be a video (ddev's media
gallery rules, and Datadog's documentation). Extra items are rejected when the listing is
published.

Bad:   \"media\": [ nine images ]   or two items with \"media_type\": \"video\"
Good:  \"media\": [ up to eight items, at most one video ]",
    ..RuleMeta::DEFAULT
};

impl Rule for MediaCount {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let Some(items) = root.pointer("/tile/media").and_then(Node::as_array) else {
            return;
        };
        if let Some(ninth) = items.get(MAX_MEDIA) {
            out.push(
                Finding::at(
                    source,
                    ninth.span,
                    format!(
                        "`tile.media` has {} items, more than the maximum of {MAX_MEDIA}",
                        items.len()
                    ),
                )
                .label(format!("item {} and later are too many", MAX_MEDIA + 1))
                .help(format!("keep at most {MAX_MEDIA} media items")),
            );
        }
        let videos: Vec<&Node> = items
            .iter()
            .filter(|n| n.get("media_type").and_then(Node::as_str) == Some("video"))
            .collect();
        if let [first, second, ..] = videos.as_slice() {
            out.push(
                Finding::at(
                    source,
                    second.get("media_type").map_or(second.span, |n| n.span),
                    format!(
                        "`tile.media` has {} videos, more than the maximum of 1",
                        videos.len()
                    ),
                )
                .label("second video")
                .help("keep one video and remove the others")
                .related(
                    crate::diagnostic::Location::in_file(
                        source,
                        first.get("media_type").map_or(first.span, |n| n.span),
                    ),
                    "first video",
                ),
            );
        }
    }
}
