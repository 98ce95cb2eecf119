use crate::diagnostic::Finding;
use crate::model::{normalize_rel, Entry};
use crate::parse::json::{escape_pointer_token, Node};
use crate::rules::{Context, Rule, RuleMeta};

pub struct MissingAsset;

static META: RuleMeta = RuleMeta {
    id: "manifest/missing-asset",
    summary: "a path the manifest references does not exist",
    explanation: "\
The manifest names files that Datadog publishes with the integration: `tile.changelog`, the
metrics metadata (`metrics.metadata_path`), the service checks (`service_checks.metadata_path`),
the configuration spec (`configuration.spec`), every dashboard, monitor and saved view, and the
OAuth client (`assets.oauth`). Each path is relative to the integration directory and must exist;
a missing file fails the publication, or silently drops the asset.

Bad:   \"dashboards\": {\"Acme Overview\": \"assets/dashboards/overview.json\"}   (file not committed)
Good:  the same entry, with assets/dashboards/overview.json committed",
    ..RuleMeta::DEFAULT
};

/// Single paths the manifest references, with what they are.
const SINGLE: &[(&str, &str)] = &[
    ("/tile/changelog", "the changelog"),
    (
        "/assets/integration/metrics/metadata_path",
        "the metrics metadata",
    ),
    (
        "/assets/integration/service_checks/metadata_path",
        "the service checks file",
    ),
    (
        "/assets/integration/configuration/spec",
        "the configuration spec",
    ),
    ("/assets/oauth", "the OAuth client file"),
];

const MAPS: &[(&str, &str)] = &[
    ("dashboards", "dashboard"),
    ("monitors", "monitor"),
    ("saved_views", "saved view"),
];

fn check_path(ctx: &Context, node: &Node, what: &str, out: &mut Vec<Finding>) {
    let Some((source, _)) = ctx.manifest() else {
        return;
    };
    let Some(path) = node.as_str() else { return };
    // A directory of nothing but manifest.json is reported once by layout/manifest-only.
    if ctx.manifest_only() {
        return;
    }
    let Some(rel) = normalize_rel(path) else {
        out.push(
            Finding::at(
                source,
                node.span,
                format!("{what} `{path}` is not a relative path inside the integration"),
            )
            .label("not a relative path")
            .help("commit the file in the integration and give its path relative to the integration directory"),
        );
        return;
    };
    match ctx.integration.tree.get(&rel) {
        // Unreadable entries are reported by `file/unreadable` when the file is read.
        Some(Entry::File { .. } | Entry::Escaping | Entry::BrokenLink | Entry::Other) => {}
        Some(Entry::Dir) => out.push(
            Finding::at(
                source,
                node.span,
                format!("{what} `{path}` is a directory, not a file"),
            )
            .label("a directory")
            .help("point the manifest at the file"),
        ),
        None => out.push(
            Finding::at(source, node.span, format!("{what} `{path}` does not exist"))
                .label("no such file")
                .help(format!(
                    "commit `{}`, or fix the path in manifest.json",
                    ctx.integration.repo_path(&rel)
                )),
        ),
    }
}

impl Rule for MissingAsset {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((_, root)) = ctx.manifest() else {
            return;
        };
        for (pointer, what) in SINGLE {
            if let Some(node) = root.pointer(pointer) {
                check_path(ctx, node, what, out);
            }
        }
        for (group, what) in MAPS {
            let Some(members) = root
                .get("assets")
                .and_then(|a| a.get(group))
                .and_then(Node::as_object)
            else {
                continue;
            };
            for m in members {
                let label = format!("{what} `{}`", escape_pointer_token(&m.key));
                check_path(ctx, &m.value, &label, out);
            }
        }
    }
}
