use super::nearest_span;
use crate::diagnostic::{Finding, Location};
use crate::parse::json::Node;
use crate::rules::{Context, Rule, RuleMeta};

pub struct ImmutableChanged;

static META: RuleMeta = RuleMeta {
    id: super::IMMUTABLE_CHANGED,
    summary: "with `--changed-since REF`: an immutable manifest value changed or was removed since REF",
    explanation: "\
Some manifest values identify an integration in Datadog's backend and must never change once
published: `app_id`, `app_uuid`, `assets.integration.id`, `assets.integration.source_type_id` and
`assets.integration.source_type_name`, and the short names (keys) of `assets.dashboards`,
`assets.monitors` and `assets.saved_views`, which customers' installed assets are tied to. With
`--changed-since REF`, every changed manifest is compared with its version at REF (as the old
`ddev validate manifest` compared with origin/master); integrations new since REF, and manifests
upgraded from version 1, are skipped.

Bad:   REF: \"dashboards\": {\"Acme Overview\": ...}   now: \"dashboards\": {\"Acme - Overview\": ...}
Good:  keep \"Acme Overview\" and change only the dashboard file it points to",
    ..RuleMeta::DEFAULT
};

const VALUES: &[(&str, &str)] = &[
    ("/app_id", "app_id"),
    ("/app_uuid", "app_uuid"),
    ("/assets/integration/id", "assets.integration.id"),
    (
        "/assets/integration/source_type_id",
        "assets.integration.source_type_id",
    ),
    (
        "/assets/integration/source_type_name",
        "assets.integration.source_type_name",
    ),
];

const GROUPS: &[(&str, &str)] = &[
    ("dashboards", "dashboard"),
    ("monitors", "monitor"),
    ("saved_views", "saved view"),
];

fn show(source: &crate::source::SourceFile, node: &Node) -> String {
    let text = source.slice(node.span);
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}...")
    } else {
        text.to_string()
    }
}

impl Rule for ImmutableChanged {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(base) = ctx.integration.base_manifest.as_ref() else {
            return;
        };
        let Some(old) = base.root() else { return };
        let Some((source, new)) = ctx.manifest() else {
            return;
        };
        if old.as_object().is_none() || new.as_object().is_none() {
            return;
        }
        // ddev skips the upgrade from manifest v1, which renamed everything.
        if old
            .get("manifest_version")
            .and_then(Node::as_str)
            .is_some_and(|v| v.starts_with("1."))
        {
            return;
        }
        let reference = ctx.repo.changed_since.as_deref().unwrap_or("REF");
        for (pointer, name) in VALUES {
            let Some(was) = old.pointer(pointer) else {
                continue;
            };
            let then = Location::in_file(&base.source, was.span);
            match new.pointer(pointer) {
                Some(now) if now.to_serde() == was.to_serde() => {}
                Some(now) => out.push(
                    Finding::at(
                        source,
                        now.span,
                        format!(
                            "`{name}` changed from {} to {} since {reference}",
                            show(&base.source, was),
                            show(source, now)
                        ),
                    )
                    .label("immutable")
                    .help(format!(
                        "restore `{name}` to {}: it cannot change once published",
                        show(&base.source, was)
                    ))
                    .related(then, format!("the value at {reference}")),
                ),
                None => out.push(
                    Finding::at(
                        source,
                        nearest_span(new, pointer),
                        format!(
                            "`{name}` was removed since {reference} (it was {})",
                            show(&base.source, was)
                        ),
                    )
                    .help(format!("restore `{name}`: {}", show(&base.source, was)))
                    .related(then, format!("the value at {reference}")),
                ),
            }
        }
        for (group, what) in GROUPS {
            let pointer = format!("/assets/{group}");
            let Some(old_members) = old.pointer(&pointer).and_then(Node::as_object) else {
                continue;
            };
            let new_group = new.pointer(&pointer);
            for m in old_members {
                if new_group.and_then(|g| g.get(&m.key)).is_some() {
                    continue;
                }
                let span = nearest_span(new, &pointer);
                out.push(
                    Finding::at(
                        source,
                        span,
                        format!("{what} short name `{}` was removed or renamed since {reference}", m.key),
                    )
                    .help(format!(
                        "keep the key `{}` in `assets.{group}`: installed {what}s are tied to it (change the file it points to instead)",
                        m.key
                    ))
                    .related(Location::in_file(&base.source, m.key_span), format!("declared here at {reference}")),
                );
            }
        }
    }
}
