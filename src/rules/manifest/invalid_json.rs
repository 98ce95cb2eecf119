use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

pub struct InvalidJson;

static META: RuleMeta = RuleMeta {
    id: "manifest/invalid-json",
    summary: "manifest.json is not valid JSON",
    explanation: "\
manifest.json must be strict JSON (RFC 8259): no comments, no trailing commas, double-quoted keys
and strings. Datadog's publishing pipeline and every ddev command that loads the manifest fail on
anything else, and ddlint cannot run the other manifest rules. The diagnostic points at the first
character that breaks the grammar.

Bad:   {\"app_id\": \"foo\",}
Good:  {\"app_id\": \"foo\"}",
    ..RuleMeta::DEFAULT
};

impl Rule for InvalidJson {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(m) = &ctx.integration.manifest else {
            return;
        };
        if let Err(e) = &m.doc {
            out.push(
                Finding::at(&m.source, e.span, format!("manifest.json is not valid JSON: {}", e.message))
                    .label(e.message.clone())
                    .help("fix the syntax; manifest.json must be strict JSON (no comments or trailing commas)"),
            );
        }
    }
}
