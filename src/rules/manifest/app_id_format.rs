use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

pub struct AppIdFormat;

static META: RuleMeta = RuleMeta {
    id: "manifest/app-id-format",
    summary: "`app_id` is not lowercase kebab-case, or starts with `datadog`",
    explanation: "\
`app_id` is the integration's immutable public identifier, used in URLs. It must be lowercase
letters and digits in words joined by single hyphens (`[a-z0-9]+(-[a-z0-9]+)*`), and may not start
with `datadog`, which is reserved (ddev `create` refuses such names).

Bad:   \"app_id\": \"Acme_Cache\"      \"app_id\": \"datadog-acme\"
Good:  \"app_id\": \"acme-cache\"",
    ..RuleMeta::DEFAULT
};

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A kebab-case spelling of a value, for the help.
fn kebab(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

impl Rule for AppIdFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let Some(node) = root.get("app_id") else {
            return;
        };
        let Some(v) = node.as_str() else { return };
        if !is_kebab(v) {
            let suggestion = kebab(v);
            let help = if is_kebab(&suggestion) {
                format!("use lowercase words joined by `-`, e.g. `{suggestion}` (app_id cannot change after release)")
            } else {
                "use lowercase words joined by `-`, e.g. `acme-cache`".to_string()
            };
            out.push(
                Finding::at(
                    source,
                    node.span,
                    format!("`app_id` `{v}` is not lowercase kebab-case"),
                )
                .label("expected [a-z0-9]+(-[a-z0-9]+)*")
                .help(help),
            );
        } else if v.starts_with("datadog") {
            out.push(
                Finding::at(
                    source,
                    node.span,
                    format!("`app_id` `{v}` starts with the reserved word `datadog`"),
                )
                .label("reserved prefix")
                .help("name the integration after the product it monitors, without `datadog`"),
            );
        }
    }
}
