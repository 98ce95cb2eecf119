use super::first_char;
use crate::diagnostic::{Finding, Location};
use crate::model::normalize_rel;
use crate::parse::json::Node;
use crate::rules::{Context, Rule, RuleMeta};

pub struct DashboardInvalid;

static META: RuleMeta = RuleMeta {
    id: "manifest/dashboard-invalid",
    summary: "a referenced dashboard is not valid JSON or lacks the required fields",
    explanation: "\
Each file in `assets.dashboards` is imported as a Datadog dashboard (ddev `validate dashboards`).
It must be valid JSON in the `/dashboard` API format (with `layout_type` or `title`), have the
top-level keys `description`, `template_variables` and `widgets`, and every widget whose
`definition.app_id` is set (group widgets included) must carry the manifest's `app_uuid`.

Bad:   {\"board_title\": \"Acme\", \"widgets\": […]}          (the old /screen format)
Good:  {\"title\": \"Acme\", \"description\": \"…\", \"layout_type\": \"ordered\",
        \"template_variables\": [], \"widgets\": […]}",
    ..RuleMeta::DEFAULT
};

const REQUIRED: &[&str] = &["description", "template_variables", "widgets"];

/// Widgets whose `definition.app_id` differs from `uuid`, recursing into group widgets.
fn wrong_app_ids<'a>(widgets: &'a [Node], uuid: &str, out: &mut Vec<&'a Node>, depth: usize) {
    if depth > 16 {
        return;
    }
    for w in widgets {
        let Some(def) = w.get("definition") else {
            continue;
        };
        if let Some(id) = def.get("app_id") {
            if id.as_str() != Some(uuid) {
                out.push(id);
            }
        }
        if let Some(inner) = def.get("widgets").and_then(Node::as_array) {
            wrong_app_ids(inner, uuid, out, depth + 1);
        }
    }
}

impl Rule for DashboardInvalid {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((manifest, root)) = ctx.manifest() else {
            return;
        };
        let Some(members) = root.pointer("/assets/dashboards").and_then(Node::as_object) else {
            return;
        };
        let uuid = root.get("app_uuid").and_then(Node::as_str);
        for m in members {
            let Some(rel) = m.value.as_str().and_then(normalize_rel) else {
                continue;
            };
            // Missing files are `manifest/missing-asset`, unreadable ones `file/*`.
            let Some(file) = ctx.integration.assets.get(&rel) else {
                continue;
            };
            let referenced = Location::in_file(manifest, m.value.span);
            let name = &m.key;
            let dash = match &file.doc {
                Err(e) => {
                    out.push(
                        Finding::at(
                            &file.source,
                            e.span,
                            format!("dashboard `{name}` is not valid JSON: {}", e.message),
                        )
                        .label(e.message.clone())
                        .help("fix the JSON syntax (export the dashboard again from Datadog)")
                        .related(referenced, "referenced here"),
                    );
                    continue;
                }
                Ok(doc) => &doc.root,
            };
            if dash.as_object().is_none() {
                out.push(
                    Finding::at(
                        &file.source,
                        dash.span,
                        format!(
                            "dashboard `{name}` is a JSON {}, expected an object",
                            dash.type_name()
                        ),
                    )
                    .help("export the dashboard JSON from Datadog (Export → Export dashboard JSON)")
                    .related(referenced, "referenced here"),
                );
                continue;
            }
            let open = first_char(dash.span);
            let missing: Vec<&str> = REQUIRED
                .iter()
                .copied()
                .filter(|k| dash.get(k).is_none())
                .collect();
            if !missing.is_empty() {
                let list = missing
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push(
                    Finding::at(
                        &file.source,
                        open,
                        format!("dashboard `{name}` lacks the required key(s) {list}"),
                    )
                    .label("missing keys")
                    .help("add them at the top level (`\"description\": \"\"`, `\"template_variables\": []`, `\"widgets\": []` at least)")
                    .related(referenced.clone(), "referenced here"),
                );
            }
            let widgets = dash.get("widgets").and_then(Node::as_array).unwrap_or(&[]);
            let new_format = ["layout_type", "title", "created_at"]
                .iter()
                .any(|k| dash.get(k).is_some())
                || widgets
                    .iter()
                    .any(|w| w.get("definition").is_some() || w.get("layout").is_some());
            if !new_format {
                out.push(
                    Finding::at(
                        &file.source,
                        open,
                        format!("dashboard `{name}` is not in the `/dashboard` API format (no `layout_type` or `title`)"),
                    )
                    .label("old format")
                    .help("export the dashboard again from Datadog: the JSON needs `title` and `layout_type`")
                    .related(referenced.clone(), "referenced here"),
                );
            }
            if let Some(uuid) = uuid {
                let mut wrong = Vec::new();
                wrong_app_ids(widgets, uuid, &mut wrong, 0);
                for id in wrong {
                    let shown = id
                        .as_str()
                        .map(|s| format!("`{s}`"))
                        .unwrap_or_else(|| format!("of type {}", id.type_name()));
                    out.push(
                        Finding::at(
                            &file.source,
                            id.span,
                            format!("a widget of dashboard `{name}` has `app_id` {shown}, not the manifest's `app_uuid`"),
                        )
                        .label("wrong app_id")
                        .help(format!("set `\"app_id\": \"{uuid}\"`"))
                        .related(referenced.clone(), "referenced here"),
                    );
                }
            }
        }
    }
}
