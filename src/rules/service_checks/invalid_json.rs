use crate::diagnostic::{Edit, Finding, Fix, Severity};
use crate::parse::json::Value;
use crate::rules::service_checks::file;
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidJson;

static META: RuleMeta = RuleMeta {
    id: "service-checks/invalid-json",
    fixable: true,
    summary: "service_checks.json is not valid JSON, or not an array of objects",
    explanation: "\
service_checks.json must be a JSON array of service-check objects; an integration without
service checks has an empty array `[]`. Anything else (invalid JSON, an object, an array holding
strings) is rejected. An empty object `{}` is a common slip for `[]`: it is a warning, with a safe
fix that replaces it with `[]`.

Bad:   {}
Good:  []",
    ..RuleMeta::DEFAULT
};

impl Rule for InvalidJson {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(f) = file(ctx) else { return };
        let source = &f.source;
        let root = match &f.doc {
            Err(e) => {
                out.push(
                    Finding::at(
                        source,
                        e.span,
                        format!("service_checks.json is not valid JSON: {}", e.message),
                    )
                    .label(e.message.clone())
                    .help("fix the syntax; the file must be strict JSON (an array of objects, or `[]`)"),
                );
                return;
            }
            Ok(doc) => &doc.root,
        };
        match &root.value {
            Value::Array(items) => {
                for item in items {
                    if item.as_object().is_none() {
                        out.push(
                            Finding::at(
                                source,
                                item.span,
                                format!(
                                    "a service check must be an object, found {}",
                                    item.type_name()
                                ),
                            )
                            .help("make each element an object with the seven service-check keys"),
                        );
                    }
                }
            }
            Value::Object(members) if members.is_empty() => {
                out.push(
                    Finding::at(source, root.span, "service_checks.json holds `{}` instead of an array")
                        .severity(Severity::Warning)
                        .label("expected `[]`")
                        .help("an integration without service checks has an empty array: replace `{}` with `[]`")
                        .fix(Fix {
                            description: "replace `{}` with `[]`".into(),
                            edits: vec![Edit {
                                span: root.span,
                                replacement: "[]".into(),
                            }],
                        }),
                );
            }
            _ => {
                out.push(
                    Finding::at(
                        source,
                        root.span,
                        format!(
                            "service_checks.json must be an array of service checks, found {}",
                            root.type_name()
                        ),
                    )
                    .help("wrap the service checks in an array `[...]`, or use `[]` if there are none"),
                );
            }
        }
    }
}
