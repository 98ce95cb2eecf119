use crate::diagnostic::{Finding, Location};
use crate::model::normalize_rel;
use crate::parse::json::Node;
use crate::rules::{Context, Rule, RuleMeta};

pub struct ManifestOnly;

static META: RuleMeta = RuleMeta {
    id: "layout/manifest-only",
    summary:
        "the integration directory holds only manifest.json; every file it references is missing",
    explanation: "\
An integration directory that contains nothing but manifest.json cannot be published: the README,
CHANGELOG, images, EULA and assets the manifest references are all absent. This happens when a
listing exported from the Developer Platform is committed without its files, or when a tree of
manifests alone is validated.

Reporting each missing file separately would bury every other finding, so this one diagnostic
replaces the existence findings of `manifest/missing-asset`, `manifest/media-missing-file`,
`manifest/marketplace-eula`, `changelog/missing` and `readme/missing` for that directory. Once
any other file is committed, those rules report what is still missing, file by file.

Bad:   acme_widget/manifest.json          (and nothing else)
Good:  acme_widget/manifest.json, README.md, CHANGELOG.md, images/…, assets/…",
    ..RuleMeta::DEFAULT
};

/// The relative paths the manifest references, in document order.
fn referenced(root: &Node) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: Option<&str>| {
        if let Some(p) = s.and_then(normalize_rel) {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    };
    for ptr in [
        "/tile/changelog",
        "/assets/integration/metrics/metadata_path",
        "/assets/integration/service_checks/metadata_path",
        "/assets/integration/configuration/spec",
        "/assets/oauth",
        "/legal_terms/eula",
    ] {
        push(root.pointer(ptr).and_then(Node::as_str));
    }
    for ptr in ["/tile/overview", "/tile/configuration"] {
        let text = root.pointer(ptr).and_then(Node::as_str);
        push(text.and_then(|t| t.split_once('#')).map(|(file, _)| file));
    }
    if let Some(media) = root.pointer("/tile/media").and_then(Node::as_array) {
        for item in media {
            push(item.get("image_url").and_then(Node::as_str));
        }
    }
    for group in ["dashboards", "monitors", "saved_views"] {
        if let Some(members) = root
            .pointer(&format!("/assets/{group}"))
            .and_then(Node::as_object)
        {
            for m in members {
                push(m.value.as_str());
            }
        }
    }
    out
}

impl Rule for ManifestOnly {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        if !ctx.manifest_only() {
            return;
        }
        let Some((_, root)) = ctx.manifest() else {
            return;
        };
        let missing = referenced(root);
        if missing.is_empty() {
            return;
        }
        let shown: Vec<String> = missing.iter().take(4).map(|p| format!("`{p}`")).collect();
        let more = if missing.len() > 4 {
            format!(" and {} more", missing.len() - 4)
        } else {
            String::new()
        };
        out.push(
            Finding::new(
                Location::path_only(ctx.name().to_string()),
                format!(
                    "`{}` holds only manifest.json: the {} files it references are missing ({}{more})",
                    ctx.name(),
                    missing.len(),
                    shown.join(", ")
                ),
            )
            .help("commit the README, CHANGELOG, images and assets the manifest references"),
        );
    }
}
