use super::media_strings;
use crate::diagnostic::Finding;
use crate::model::normalize_rel;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MediaImageFormat;

static META: RuleMeta = RuleMeta {
    id: "manifest/media-image-format",
    summary: "a media `image_url` is not a .png/.jpg/.jpeg file, or its content is not that format",
    explanation: "\
Tile images must be PNG or JPEG files (ddev accepts only those extensions, in any case). ddlint
also reads the file's first bytes: a JPEG saved with a .png name, a WebP or an HTML error page
committed as an image is rejected or shown broken when the listing is published.

Bad:   \"image_url\": \"images/overview.gif\"      (or a JPEG file named overview.png)
Good:  \"image_url\": \"images/overview.png\"      (a real PNG file)",
    ..RuleMeta::DEFAULT
};

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Png,
    Jpeg,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Png => "PNG",
            Format::Jpeg => "JPEG",
        }
    }
}

fn by_extension(path: &str) -> Option<Format> {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".png") {
        Some(Format::Png)
    } else if lower.ends_with(".jpg") || lower.ends_with(".jpeg") {
        Some(Format::Jpeg)
    } else {
        None
    }
}

fn by_content(head: &[u8]) -> Option<Format> {
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Format::Jpeg)
    } else {
        None
    }
}

/// A short guess at what a non-image file is, for the message.
fn guess(head: &[u8]) -> &'static str {
    if head.starts_with(b"GIF8") {
        "a GIF image"
    } else if head.len() >= 12 && &head[0..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        "a WebP image"
    } else if head.starts_with(b"%PDF") {
        "a PDF document"
    } else if head.starts_with(b"<svg") || head.starts_with(b"<?xml") {
        "an SVG/XML document"
    } else if head.starts_with(b"<!") || head.starts_with(b"<html") || head.starts_with(b"<HTML") {
        "an HTML page"
    } else if head.starts_with(b"version https://git-lfs") {
        "a Git LFS pointer"
    } else if head.is_empty() {
        "empty"
    } else {
        "not a PNG or JPEG image"
    }
}

impl Rule for MediaImageFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        for (_, node, url) in media_strings(root, "image_url") {
            let Some(ext) = by_extension(url) else {
                out.push(
                    Finding::at(
                        source,
                        node.span,
                        format!("media image `{url}` is not a .png, .jpg or .jpeg file"),
                    )
                    .label("not .png/.jpg/.jpeg")
                    .help("convert the image to PNG or JPEG and update `image_url`"),
                );
                continue;
            };
            let Some(head) = normalize_rel(url).and_then(|rel| ctx.integration.heads.get(&rel))
            else {
                // A missing file is `manifest/media-missing-file`.
                continue;
            };
            match by_content(head) {
                Some(actual) if actual == ext => {}
                Some(actual) => out.push(
                    Finding::at(
                        source,
                        node.span,
                        format!(
                            "media image `{url}` is named as {} but the file is a {} image",
                            ext.name(),
                            actual.name()
                        ),
                    )
                    .label(format!("the file is {}", actual.name()))
                    .help("rename the file with the extension of its real format, or convert it"),
                ),
                None => out.push(
                    Finding::at(
                        source,
                        node.span,
                        format!(
                            "media image `{url}` is named as {} but the file is {}",
                            ext.name(),
                            guess(head)
                        ),
                    )
                    .label(format!("not a {} file", ext.name()))
                    .help(format!("commit a real {} image", ext.name())),
                ),
            }
        }
    }
}
