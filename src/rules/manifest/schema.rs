use super::first_char;
use crate::diagnostic::Finding;
use crate::parse::json::{escape_pointer_token, Node};
use crate::repo::RepoKind;
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::{SharedSource, Span};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use std::sync::LazyLock;

pub struct Schema;

static META: RuleMeta = RuleMeta {
    id: "manifest/schema",
    summary: "manifest.json violates the JSON Schema for manifest 2.0.0",
    explanation: "\
ddlint embeds a JSON Schema for manifest_version 2.0.0 (`schemas/manifest-v2.schema.json`, written
from the documented fields and the real manifests; Marketplace repositories are also checked
against `schemas/manifest-v2-marketplace.schema.json`). It checks the shape: required keys, value
types, and keys that do not belong (a typo, or a v1 leftover such as `terms`). Value formats with
a rule of their own (`app_uuid`, `app_id`, lengths, media, tags, emails) are reported by that rule.
Each violation is one diagnostic, at the offending value (for a missing key: at the object).

Bad:   \"display_on_public_website\": \"true\",  \"tile\": {\"titel\": \"Acme\"}
Good:  \"display_on_public_website\": true,    \"tile\": {\"title\": \"Acme\"}",
    ..RuleMeta::DEFAULT
};

/// The embedded schemas: the base one for every kind, and overlays per repository kind.
const BASE: &str = include_str!("../../../schemas/manifest-v2.schema.json");
const OVERLAYS: &[(RepoKind, &str, &str)] = &[(
    RepoKind::Marketplace,
    "manifest-v2-marketplace.schema.json",
    include_str!("../../../schemas/manifest-v2-marketplace.schema.json"),
)];

struct Compiled {
    name: &'static str,
    kind: Option<RepoKind>,
    validator: jsonschema::Validator,
}

fn compile(name: &'static str, kind: Option<RepoKind>, text: &str) -> Option<Compiled> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let validator = jsonschema::options()
        .should_validate_formats(false)
        .build(&value)
        .ok()?;
    Some(Compiled {
        name,
        kind,
        validator,
    })
}

static SCHEMAS: LazyLock<Vec<Compiled>> = LazyLock::new(|| {
    let mut v: Vec<Compiled> = compile("manifest-v2.schema.json", None, BASE)
        .into_iter()
        .collect();
    for (kind, name, text) in OVERLAYS {
        v.extend(compile(name, Some(*kind), text));
    }
    v
});

#[cfg(test)]
/// Whether every embedded schema compiled (checked by a test).
pub fn all_compiled() -> bool {
    SCHEMAS.len() == 1 + OVERLAYS.len()
}

fn describe(pointer: &str) -> String {
    if pointer.is_empty() {
        "the manifest".to_string()
    } else {
        format!("`{pointer}`")
    }
}

fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(n) if n.is_i64() || n.is_u64() => "an integer",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

fn with_article(t: &str) -> String {
    if t.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {t}")
    } else {
        format!("a {t}")
    }
}

/// A value as shown in a message: strings in backticks, others as JSON.
fn shown(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => format!("`{s}`"),
        other => format!("`{other}`"),
    }
}

/// The span of the value at `pointer`, else of its nearest existing parent.
fn value_span(root: &Node, pointer: &str) -> Span {
    let mut p = pointer;
    loop {
        if let Some(n) = root.pointer(p) {
            return n.span;
        }
        match p.rsplit_once('/') {
            Some((parent, _)) => p = parent,
            None => return first_char(root.span),
        }
    }
}

/// The span of the key naming the object at `pointer`, else the object's opening brace.
fn object_span(root: &Node, pointer: &str) -> Span {
    root.key_span(pointer)
        .unwrap_or_else(|| first_char(value_span(root, pointer)))
}

fn report(
    source: &SharedSource,
    root: &Node,
    schema: &str,
    err: &jsonschema::ValidationError,
    out: &mut Vec<Finding>,
) {
    let pointer = err.instance_path().as_str().to_string();
    let what = describe(&pointer);
    let help_schema = format!("see `schemas/{schema}` in ddlint, or `ddlint rule manifest/schema`");
    match err.kind() {
        ValidationErrorKind::Required { property } => {
            let key = property.as_str().unwrap_or_default();
            out.push(
                Finding::at(
                    source,
                    object_span(root, &pointer),
                    format!("{what} lacks the required key `{key}`"),
                )
                .label(format!("no `{key}` here"))
                .help(format!("add `{key}` to {what}")),
            );
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            for key in unexpected {
                let child = format!("{pointer}/{}", escape_pointer_token(key));
                let span = root
                    .key_span(&child)
                    .unwrap_or_else(|| value_span(root, &pointer));
                let help = if pointer.is_empty() && key == "terms" {
                    "`terms` is the manifest v1 key; use `legal_terms` (`{\"eula\": \"assets/eula.pdf\"}`)"
                        .to_string()
                } else {
                    format!("remove `{key}` or fix its spelling ({help_schema})")
                };
                out.push(
                    Finding::at(source, span, format!("unexpected key `{key}` in {what}"))
                        .label("not a manifest 2.0.0 key here")
                        .help(help),
                );
            }
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(t) => t.to_string(),
                TypeKind::Multiple(set) => set
                    .iter()
                    .map(|t| t.to_string())
                    .collect::<Vec<_>>()
                    .join(" or "),
            };
            out.push(
                Finding::at(
                    source,
                    value_span(root, &pointer),
                    format!(
                        "{what} is {}, expected {expected}",
                        json_type(err.instance())
                    ),
                )
                .label(format!("expected {expected}"))
                .help(format!("make {what} {}", with_article(&expected))),
            );
        }
        ValidationErrorKind::Enum { options } => {
            let list = options
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|v| {
                            format!(
                                "`{}`",
                                v.as_str().map_or_else(|| v.to_string(), str::to_string)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_else(|| options.to_string());
            out.push(
                Finding::at(
                    source,
                    value_span(root, &pointer),
                    format!(
                        "{what} is {}, expected one of {list}",
                        shown(err.instance())
                    ),
                )
                .label("not an allowed value")
                .help(format!("use one of {list}")),
            );
        }
        ValidationErrorKind::Pattern { pattern } => {
            out.push(
                Finding::at(
                    source,
                    value_span(root, &pointer),
                    format!(
                        "{what} is {}, which does not match `{pattern}`",
                        shown(err.instance())
                    ),
                )
                .label(format!("expected to match {pattern}"))
                .help(help_schema),
            );
        }
        _ => {
            let detail = err.to_string();
            out.push(
                Finding::at(
                    source,
                    value_span(root, &pointer),
                    format!("{what} is invalid: {detail}"),
                )
                .label(err.kind().keyword().to_string())
                .help(help_schema),
            );
        }
    }
}

impl Rule for Schema {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let instance = root.to_serde();
        for schema in SCHEMAS.iter() {
            if schema.kind.is_some_and(|k| k != ctx.kind()) {
                continue;
            }
            for err in schema.validator.iter_errors(&instance) {
                report(source, root, schema.name, &err, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_embedded_schema_compiles() {
        assert!(super::all_compiled());
    }
}
