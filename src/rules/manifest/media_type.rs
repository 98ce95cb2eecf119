use crate::diagnostic::Finding;
use crate::parse::json::Node;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MediaType;

static META: RuleMeta = RuleMeta {
    id: "manifest/media-type",
    summary: "a media item has a `media_type` other than image/video or lacks its required fields",
    explanation: "\
Each `tile.media` item is an object whose `media_type` is `image` or `video`. An image needs a
string `caption` and a string `image_url`; a video needs them too (the image is its thumbnail) plus
the integer `vimeo_id` that Datadog issues when it uploads the video (ddev's media schemas).

Bad:   {\"media_type\": \"video\", \"caption\": \"Demo\", \"image_url\": \"images/demo.png\"}
Good:  {\"media_type\": \"video\", \"caption\": \"Demo\", \"image_url\": \"images/demo.png\", \"vimeo_id\": 123456789}",
    ..RuleMeta::DEFAULT
};

impl Rule for MediaType {
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
        for (i, item) in items.iter().enumerate() {
            if item.as_object().is_none() {
                out.push(
                    Finding::at(
                        source,
                        item.span,
                        format!("`tile.media[{i}]` is {}, expected an object", a(item)),
                    )
                    .help("describe each media item as {\"media_type\": \"image\", \"caption\": \"…\", \"image_url\": \"images/….png\"}"),
                );
                continue;
            }
            let open = super::first_char(item.span);
            let kind = match item.get("media_type") {
                None => {
                    out.push(
                        Finding::at(
                            source,
                            open,
                            format!("`tile.media[{i}]` has no `media_type`"),
                        )
                        .label("no media_type")
                        .help("add `\"media_type\": \"image\"` (or `\"video\"`)"),
                    );
                    continue;
                }
                Some(n) => match n.as_str() {
                    Some(k @ ("image" | "video")) => k,
                    _ => {
                        let shown = n
                            .as_str()
                            .map(|s| format!("`{s}`"))
                            .unwrap_or_else(|| a(n).to_string());
                        out.push(
                            Finding::at(
                                source,
                                n.span,
                                format!("`tile.media[{i}].media_type` is {shown}, expected `image` or `video`"),
                            )
                            .label("not image or video")
                            .help("use `image` or `video`"),
                        );
                        continue;
                    }
                },
            };
            for field in ["caption", "image_url"] {
                match item.get(field) {
                    None => out.push(
                        Finding::at(
                            source,
                            open,
                            format!("`tile.media[{i}]` ({kind}) has no `{field}`"),
                        )
                        .label(format!("no {field}"))
                        .help(format!("add a string `{field}` to the item")),
                    ),
                    Some(n) if n.as_str().is_none() => out.push(
                        Finding::at(
                            source,
                            n.span,
                            format!("`tile.media[{i}].{field}` is {}, expected a string", a(n)),
                        )
                        .help(format!("make `{field}` a string")),
                    ),
                    Some(_) => {}
                }
            }
            if kind == "video" {
                match item.get("vimeo_id") {
                    None => out.push(
                        Finding::at(source, open, format!("`tile.media[{i}]` is a video without a `vimeo_id`"))
                            .label("no vimeo_id")
                            .help("add the integer `vimeo_id` Datadog gave you when it uploaded the video"),
                    ),
                    Some(n) if !(n.is_integer() && n.as_i64().is_some()) => out.push(
                        Finding::at(
                            source,
                            n.span,
                            format!("`tile.media[{i}].vimeo_id` is {}, expected an integer", a(n)),
                        )
                        .help("write the id as a JSON integer, without quotes"),
                    ),
                    Some(_) => {}
                }
            }
        }
    }
}

/// The value's JSON type with an article ("a string", "an array").
fn a(n: &Node) -> &'static str {
    match n.type_name() {
        "null" => "null",
        "boolean" => "a boolean",
        "number" => "a number",
        "string" => "a string",
        "array" => "an array",
        _ => "an object",
    }
}
