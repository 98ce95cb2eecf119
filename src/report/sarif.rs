//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).
//!
//! `runs[0].tool.driver.rules` lists every rule ddlint knows (id, name, short and full
//! description, help text, default level); each result carries `ruleId`, `ruleIndex`, `level`,
//! `message.text` and one physical location with a repository-relative URI and a region.
//! Columns count Unicode code points, as ddlint's do, and the run says so (`columnKind`).

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{self, RuleMeta};
use crate::Report;
use serde_json::{json, Map, Value};

/// The `$schema` GitHub's documentation uses for SARIF 2.1.0.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// `metadata/invalid-unit` → `MetadataInvalidUnit`.
fn rule_name(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    let mut upper = true;
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            if upper {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            upper = false;
        } else {
            upper = true;
        }
    }
    out
}

fn rule_json(m: &RuleMeta) -> Value {
    let family = m.id.split('/').next().unwrap_or(m.id);
    let kinds: Vec<&str> = m.kinds.iter().map(|k| k.as_str()).collect();
    let full = if m.explanation.is_empty() {
        m.summary
    } else {
        m.explanation
    };
    json!({
        "id": m.id,
        "name": rule_name(m.id),
        "shortDescription": {"text": m.summary},
        "fullDescription": {"text": full},
        "help": {"text": format!("{full}\n\nRun `ddlint rule {}` for this text.", m.id)},
        "defaultConfiguration": {"level": level(m.severity), "enabled": m.default_enabled},
        "properties": {
            "tags": [family],
            "repositoryKinds": kinds,
            "fixable": m.fixable,
        },
    })
}

fn region(d: &Diagnostic) -> Value {
    match (d.location.start(), d.location.end()) {
        (Some(s), Some(e)) => {
            let mut r = Map::new();
            r.insert("startLine".into(), json!(s.line));
            r.insert("startColumn".into(), json!(s.column));
            r.insert("endLine".into(), json!(e.line.max(s.line)));
            // SARIF's endColumn is the column after the region; an empty span still covers one.
            let end_col = if e.line == s.line {
                e.column.max(s.column + 1)
            } else {
                e.column
            };
            r.insert("endColumn".into(), json!(end_col));
            Value::Object(r)
        }
        // A finding about a whole file or a missing file: its first line.
        _ => json!({"startLine": 1}),
    }
}

fn physical(path: &str, region: Value) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri(path), "uriBaseId": "%SRCROOT%"},
            "region": region,
        }
    })
}

/// A relative URI reference: percent-encode what a path may hold that a URI may not.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'/'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b'@'
            | b'+' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn result_json(d: &Diagnostic, index: Option<usize>) -> Value {
    let mut text = d.message.clone();
    if let Some(h) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(h);
    }
    let mut o = Map::new();
    o.insert("ruleId".into(), json!(d.rule));
    if let Some(i) = index {
        o.insert("ruleIndex".into(), json!(i));
    }
    o.insert("level".into(), json!(level(d.severity)));
    o.insert("message".into(), json!({ "text": text }));
    o.insert(
        "locations".into(),
        json!([physical(&d.location.path, region(d))]),
    );
    if !d.related.is_empty() {
        let related: Vec<Value> = d
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let reg = match r.location.start() {
                    Some(p) => json!({"startLine": p.line, "startColumn": p.column}),
                    None => json!({"startLine": 1}),
                };
                let mut v = physical(&r.location.path, reg);
                if let Value::Object(m) = &mut v {
                    m.insert("id".into(), json!(i + 1));
                    m.insert("message".into(), json!({ "text": r.message }));
                }
                v
            })
            .collect();
        o.insert("relatedLocations".into(), Value::Array(related));
    }
    if let Some(i) = &d.integration {
        o.insert("properties".into(), json!({ "integration": i }));
    }
    Value::Object(o)
}

/// The SARIF log of a report.
pub fn render(report: &Report) -> String {
    let mut metas: Vec<&'static RuleMeta> = rules::registry().iter().map(|r| r.meta()).collect();
    metas.sort_by_key(|m| m.id);
    let index = |id: &str| metas.iter().position(|m| m.id == id);
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| result_json(d, index(d.rule)))
        .collect();
    let doc = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "ddlint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_HOMEPAGE"),
                "rules": metas.iter().map(|m| rule_json(m)).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "the repository root"}}},
            "results": results,
            "properties": {"repositoryKind": report.kind.as_str(), "integrations": report.integrations},
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_and_uris() {
        assert_eq!(
            super::rule_name("metadata/invalid-unit"),
            "MetadataInvalidUnit"
        );
        assert_eq!(super::uri("a b/c%.json"), "a%20b/c%25.json");
    }
}
