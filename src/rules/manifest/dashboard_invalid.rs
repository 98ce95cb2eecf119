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
/// Group widgets nest; deeper levels are not searched for `app_id`.
const MAX_WIDGET_DEPTH: usize = 16;

/// The parts of a dashboard this rule reads, for a fast typed pass with serde (no AST, no
/// spans). Anything unusual (a duplicate key, a null, a widget that is not an object…) makes
/// the pass fail, and the rule then reads the full AST; the pass only ever proves a dashboard
/// clean, so both paths report the same findings.
mod quick {
    use serde::de::IgnoredAny;
    use serde::{Deserialize, Deserializer};

    /// A present key, whatever its value (`null` included, unlike a plain `Option`).
    fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
        serde_json::Value::deserialize(d).map(Some)
    }

    #[derive(Deserialize)]
    pub struct Dashboard {
        pub description: Option<IgnoredAny>,
        pub template_variables: Option<IgnoredAny>,
        pub widgets: Option<Vec<Widget>>,
        pub layout_type: Option<IgnoredAny>,
        pub title: Option<IgnoredAny>,
        pub created_at: Option<IgnoredAny>,
    }

    #[derive(Deserialize)]
    pub struct Widget {
        pub definition: Option<Definition>,
        pub layout: Option<IgnoredAny>,
    }

    #[derive(Deserialize)]
    pub struct Definition {
        #[serde(default, deserialize_with = "present")]
        pub app_id: Option<serde_json::Value>,
        pub widgets: Option<Vec<Widget>>,
    }

    fn app_ids_ok(widgets: &[Widget], uuid: &str, depth: usize) -> bool {
        if depth > super::MAX_WIDGET_DEPTH {
            return true;
        }
        widgets.iter().all(|w| match &w.definition {
            None => true,
            Some(def) => {
                def.app_id
                    .as_ref()
                    .is_none_or(|id| id.as_str() == Some(uuid))
                    && def
                        .widgets
                        .as_deref()
                        .is_none_or(|inner| app_ids_ok(inner, uuid, depth + 1))
            }
        })
    }

    /// True only when the dashboard certainly has nothing to report.
    pub fn is_clean(text: &str, uuid: Option<&str>) -> bool {
        // serde would also read a JSON array into the struct, field by field.
        if !text.trim_start().starts_with('{') {
            return false;
        }
        let Ok(d) = serde_json::from_str::<Dashboard>(text) else {
            return false;
        };
        let Some(widgets) = &d.widgets else {
            return false;
        };
        let required = d.description.is_some() && d.template_variables.is_some();
        let new_format = d.layout_type.is_some()
            || d.title.is_some()
            || d.created_at.is_some()
            || widgets
                .iter()
                .any(|w| w.definition.is_some() || w.layout.is_some());
        required && new_format && uuid.is_none_or(|u| app_ids_ok(widgets, u, 0))
    }
}

/// Widgets whose `definition.app_id` differs from `uuid`, recursing into group widgets.
fn wrong_app_ids<'a>(widgets: &'a [Node], uuid: &str, out: &mut Vec<&'a Node>, depth: usize) {
    if depth > MAX_WIDGET_DEPTH {
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
            if quick::is_clean(file.source.content(), uuid) {
                continue;
            }
            let referenced = Location::in_file(manifest, m.value.span);
            let name = &m.key;
            let dash = match file.doc() {
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

#[cfg(test)]
mod tests {
    use super::quick::is_clean;

    const UUID: &str = "8d4e1f60-7a8a-4c1b-9e57-1c1f2f4d9a10";

    #[test]
    fn the_fast_pass_proves_only_clean_dashboards_clean() {
        let good = format!(
            r#"{{"title":"A","description":"","layout_type":"ordered","template_variables":[],
               "widgets":[{{"definition":{{"type":"group","widgets":[{{"definition":{{"app_id":"{UUID}"}}}}]}}}}]}}"#
        );
        assert!(is_clean(&good, Some(UUID)));
        assert!(is_clean(&good, None));
        // Each of these has something to report, or is unusual enough to need the full AST.
        for bad in [
            "[1, 2, 3, 4, 5, 6]".to_string(),
            good.replace(UUID, "other"),
            good.replace(&format!("\"{UUID}\""), "null"),
            good.replace("\"description\":\"\",", ""),
            good.replace("\"title\":\"A\",", "\"title\":\"A\",\"title\":\"B\","),
            good.replace("\"title\":\"A\",", "")
                .replace("\"layout_type\":\"ordered\",", "")
                .replace("\"definition\"", "\"def\""),
            good.replace("\"widgets\":[{", "\"widgets\":[1,{"),
            good.trim_end_matches('}').to_string(),
        ] {
            assert!(!is_clean(&bad, Some(UUID)), "{bad}");
        }
    }
}
