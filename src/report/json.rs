//! `--format json`: the contract of output.md.

use crate::diagnostic::Diagnostic;
use crate::Report;
use serde_json::{json, Map, Value};

fn diagnostic_json(d: &Diagnostic) -> Value {
    let mut o = Map::new();
    o.insert("rule".into(), json!(d.rule));
    o.insert("severity".into(), json!(d.severity.as_str()));
    if let Some(i) = &d.integration {
        o.insert("integration".into(), json!(i));
    }
    o.insert("path".into(), json!(d.location.path));
    if let (Some(start), Some(end)) = (d.location.start(), d.location.end()) {
        o.insert("line".into(), json!(start.line));
        o.insert("column".into(), json!(start.column));
        o.insert("end_line".into(), json!(end.line));
        o.insert("end_column".into(), json!(end.column));
    }
    o.insert("message".into(), json!(d.message));
    if let Some(h) = &d.help {
        o.insert("help".into(), json!(h));
    }
    o.insert("fixable".into(), json!(d.fix.is_some()));
    if !d.related.is_empty() {
        let related: Vec<Value> = d
            .related
            .iter()
            .map(|r| {
                let mut o = Map::new();
                o.insert("path".into(), json!(r.location.path));
                if let Some(p) = r.location.start() {
                    o.insert("line".into(), json!(p.line));
                    o.insert("column".into(), json!(p.column));
                }
                o.insert("message".into(), json!(r.message));
                Value::Object(o)
            })
            .collect();
        o.insert("related".into(), Value::Array(related));
    }
    Value::Object(o)
}

/// The whole report as the JSON document of output.md. `elapsed_ms` is the only field that
/// varies between runs; pass `stable = true` to zero it (for byte-identical comparisons).
pub fn render(report: &Report, stable: bool) -> String {
    let doc = json!({
        "version": 1,
        "tool": {"name": "ddlint", "version": env!("CARGO_PKG_VERSION")},
        "repository": {"root": report.root, "kind": report.kind.as_str(), "integrations": report.integrations},
        "diagnostics": report.diagnostics.iter().map(diagnostic_json).collect::<Vec<_>>(),
        "summary": {
            "errors": report.errors(),
            "warnings": report.warnings(),
            "files": report.files,
            "elapsed_ms": if stable { 0 } else { report.elapsed_ms },
        },
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}
