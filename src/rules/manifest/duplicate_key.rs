use crate::diagnostic::{Finding, Location};
use crate::rules::{Context, Rule, RuleMeta};

pub struct DuplicateKey;

static META: RuleMeta = RuleMeta {
    id: "manifest/duplicate-key",
    summary: "an object in manifest.json has the same key twice",
    explanation: "\
JSON parsers disagree on duplicate keys: Python and serde_json keep the last value silently, others
keep the first or fail. A duplicated key in manifest.json is almost always a merge or copy-paste
mistake, and which value Datadog publishes is an accident. Both occurrences are shown.

Bad:   \"author\": {\"support_email\": \"a@example.com\", \"support_email\": \"b@example.com\"}
Good:  \"author\": {\"support_email\": \"b@example.com\"}",
    ..RuleMeta::DEFAULT
};

impl Rule for DuplicateKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(m) = &ctx.integration.manifest else {
            return;
        };
        let Ok(doc) = &m.doc else { return };
        for d in &doc.duplicates {
            let object = if d.object_pointer.is_empty() {
                "the top-level object".to_string()
            } else {
                format!("`{}`", d.object_pointer)
            };
            out.push(
                Finding::at(
                    &m.source,
                    d.duplicate,
                    format!("key `{}` appears twice in {object}", d.key),
                )
                .label("duplicate key")
                .help("remove one of the two; only the last value is kept by most parsers")
                .related(Location::in_file(&m.source, d.first), "first defined here"),
            );
        }
    }
}
