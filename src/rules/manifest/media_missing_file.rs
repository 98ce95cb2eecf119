use super::media_strings;
use crate::diagnostic::Finding;
use crate::model::{normalize_rel, Entry};
use crate::rules::{Context, Rule, RuleMeta};

pub struct MediaMissingFile;

static META: RuleMeta = RuleMeta {
    id: "manifest/media-missing-file",
    summary: "a media `image_url` file does not exist in the integration",
    explanation: "\
Every `tile.media[].image_url` is a path relative to the integration directory, and the image must
be committed there (ddev checks it exists). A missing or misspelled file leaves a broken image in
the tile's carousel. Paths are case-sensitive on the publishing side.

Bad:   \"image_url\": \"images/Overview.png\"    (the file is images/overview.png)
Good:  \"image_url\": \"images/overview.png\"",
    ..RuleMeta::DEFAULT
};

impl Rule for MediaMissingFile {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        if ctx.manifest_only() {
            // Reported once by layout/manifest-only.
            return;
        }
        let tree = &ctx.integration.tree;
        for (_, node, url) in media_strings(root, "image_url") {
            let Some(rel) = normalize_rel(url) else {
                out.push(
                    Finding::at(
                        source,
                        node.span,
                        format!("media image `{url}` is not a path inside the integration"),
                    )
                    .label("not a relative path")
                    .help("commit the image under `images/` and use a relative path such as `images/overview.png`"),
                );
                continue;
            };
            match tree.get(&rel) {
                Some(Entry::File { .. } | Entry::Escaping | Entry::BrokenLink | Entry::Other) => {}
                Some(Entry::Dir) => out.push(
                    Finding::at(
                        source,
                        node.span,
                        format!("media image `{url}` is a directory, not an image file"),
                    )
                    .label("a directory")
                    .help("point `image_url` at the image file"),
                ),
                None => {
                    let lower = rel.to_lowercase();
                    let near = tree_paths_ci(ctx, &lower);
                    let help = match near {
                        Some(p) => format!("did you mean `{p}`? paths are case-sensitive"),
                        None => format!(
                            "commit the image as `{}`, or fix `image_url`",
                            ctx.integration.repo_path(&rel)
                        ),
                    };
                    out.push(
                        Finding::at(
                            source,
                            node.span,
                            format!("media image `{url}` does not exist"),
                        )
                        .label("no such file")
                        .help(help),
                    );
                }
            }
        }
    }
}

/// A file of the integration whose path equals `lower` ignoring case.
fn tree_paths_ci(ctx: &Context, lower: &str) -> Option<String> {
    let dir = lower.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    let candidates = if dir.is_empty() {
        Vec::new()
    } else {
        ctx.integration.tree.under(dir)
    };
    // Also try the directory spelled differently: scan the images folder and the root.
    candidates
        .into_iter()
        .chain(ctx.integration.tree.under("images"))
        .find(|p| p.to_lowercase() == lower)
        .map(str::to_string)
}
