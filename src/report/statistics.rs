//! `--statistics`: how many diagnostics each rule produced.

use crate::diagnostic::Severity;
use crate::rules;
use crate::Report;
use serde_json::json;
use std::collections::BTreeMap;
use std::fmt::Write;

/// One row: a rule, its count, the severity it was reported at, whether it is fixable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub rule: &'static str,
    pub count: usize,
    pub severity: Severity,
    pub fixable: usize,
}

/// Rows sorted by count (largest first), then rule id.
pub fn rows(report: &Report) -> Vec<Row> {
    let mut by_rule: BTreeMap<&'static str, Row> = BTreeMap::new();
    for d in &report.diagnostics {
        let row = by_rule.entry(d.rule).or_insert(Row {
            rule: d.rule,
            count: 0,
            severity: d.severity,
            fixable: 0,
        });
        row.count += 1;
        row.severity = row.severity.max(d.severity);
        if d.fix.is_some() {
            row.fixable += 1;
        }
    }
    let mut rows: Vec<Row> = by_rule.into_values().collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    rows
}

/// The table for the human format.
pub fn render_table(report: &Report) -> String {
    let rows = rows(report);
    let mut s = String::new();
    if rows.is_empty() {
        return s;
    }
    let width = rows.iter().map(|r| r.rule.len()).max().unwrap_or(4).max(4);
    let _ = writeln!(
        s,
        "{:>6}  {:<width$}  {:<8}  {:>7}  summary",
        "count", "rule", "severity", "fixable"
    );
    for r in &rows {
        let summary = rules::find(r.rule).map(|x| x.meta().summary).unwrap_or("");
        let _ = writeln!(
            s,
            "{:>6}  {:<width$}  {:<8}  {:>7}  {}",
            r.count,
            r.rule,
            r.severity.as_str(),
            if r.fixable > 0 {
                r.fixable.to_string()
            } else {
                "-".into()
            },
            summary
        );
    }
    s
}

/// The statistics as JSON (for `--statistics --format json`).
pub fn render_json(report: &Report) -> String {
    let rows: Vec<_> = rows(report)
        .into_iter()
        .map(|r| {
            json!({"rule": r.rule, "count": r.count, "severity": r.severity.as_str(), "fixable": r.fixable})
        })
        .collect();
    let doc = json!({
        "version": 1,
        "statistics": rows,
        "summary": {"errors": report.errors(), "warnings": report.warnings()},
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}
