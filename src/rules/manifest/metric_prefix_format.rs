use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

pub struct MetricPrefixFormat;

static META: RuleMeta = RuleMeta {
    id: "manifest/metric-prefix-format",
    summary: "`metrics.prefix` is empty or has characters a metric name cannot have",
    explanation: "\
Every metric of the integration starts with `assets.integration.metrics.prefix`. Datadog
normalises metric names: only ASCII letters, digits, `_` and `.`, starting with a letter, with no
`_` next to a `.` (ddev-reference §2.2). A prefix that breaks those rules cannot begin any valid
metric name. A prefix without a trailing `.` is allowed (`crdb_`), but an empty one is not.

Bad:   \"prefix\": \"acme-cache.\"     \"prefix\": \"\"     \"prefix\": \"acme_.\"
Good:  \"prefix\": \"acme_cache.\"",
    ..RuleMeta::DEFAULT
};

/// The backend normalisation of ddev-reference §2.2, applied to a prefix (keeps a trailing `.`).
fn normalize(prefix: &str) -> String {
    let mut s = String::new();
    for c in prefix.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
            s.push(c);
        } else if !s.ends_with('_') {
            s.push('_');
        }
    }
    let lead = s.chars().take_while(|c| !c.is_ascii_alphabetic()).count();
    let rest = &s[lead..];
    let mut out = String::new();
    for c in rest.chars() {
        match c {
            '_' if out.ends_with('.') => {}
            '.' => {
                while out.ends_with('_') {
                    out.pop();
                }
                out.push('.');
            }
            c => out.push(c),
        }
    }
    out
}

/// Why a prefix cannot start a metric name, if it cannot.
fn problem(prefix: &str) -> Option<String> {
    if prefix.trim().is_empty() {
        return Some("is empty".into());
    }
    if let Some(c) = prefix
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '.'))
    {
        let c = if c == ' ' {
            "a space".to_string()
        } else {
            format!("`{}`", c.escape_debug())
        };
        return Some(format!("contains {c}"));
    }
    if !prefix.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Some("does not start with a letter".into());
    }
    if prefix.contains("_.") || prefix.contains("._") {
        return Some("has `_` next to `.`".into());
    }
    None
}

impl Rule for MetricPrefixFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some((source, root)) = ctx.manifest() else {
            return;
        };
        let Some(node) = root.pointer("/assets/integration/metrics/prefix") else {
            return;
        };
        let Some(prefix) = node.as_str() else { return };
        let Some(why) = problem(prefix) else { return };
        let suggestion = normalize(prefix);
        let help = if !suggestion.is_empty() && problem(&suggestion).is_none() {
            format!("use `{suggestion}`, and the same prefix in metadata.csv")
        } else {
            format!(
                "use the integration's name, e.g. `{}.`",
                ctx.name().replace('-', "_")
            )
        };
        out.push(
            Finding::at(source, node.span, format!("metric prefix `{prefix}` {why}"))
                .label("not a valid start of a metric name")
                .help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes() {
        for ok in ["acme.", "crdb_", "rdsc", "gravitee.apim", "a1.b2."] {
            assert_eq!(problem(ok), None, "{ok}");
        }
        for bad in [
            "",
            " ",
            "acme-cache.",
            "1e.",
            "_acme.",
            "acme_.",
            "acme._x",
            "acme cache.",
        ] {
            assert!(problem(bad).is_some(), "{bad}");
        }
        assert_eq!(normalize("acme-cache."), "acme_cache.");
        assert_eq!(normalize("acme_."), "acme.");
    }
}
