use super::media_strings;
use crate::diagnostic::Finding;
use crate::model::normalize_rel;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MediaFileSize;

const MAX_BYTES: u64 = 1_000_000;

static META: RuleMeta = RuleMeta {
    id: "manifest/media-file-size",
    summary: "a media image is larger than 1,000,000 bytes",
    explanation: "\
Tile images may be at most 1,000,000 bytes (ddev's limit; the Marketplace guide says about 500 KB
is typical). Larger files are rejected when the listing is published and slow the page down.
Export the screenshot at 1440 px wide, or compress it (pngquant, oxipng, JPEG quality 85).

Bad:   images/overview.png   (2,400,000 bytes)
Good:  images/overview.png   (480,000 bytes)",
    ..RuleMeta::DEFAULT
};

impl Rule for MediaFileSize {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        for (_, node, url) in media_strings(root, "image_url") {
            let Some(size) = normalize_rel(url).and_then(|rel| ctx.integration.tree.size(&rel))
            else {
                continue;
            };
            if size > MAX_BYTES {
                out.push(
                    Finding::at(
                        source,
                        node.span,
                        format!(
                            "media image `{url}` is {size} bytes, over the limit of {MAX_BYTES}"
                        ),
                    )
                    .label(format!("{size} bytes"))
                    .help("compress or resize the image to at most 1,000,000 bytes"),
                );
            }
        }
    }
}
