//! `--format github`: one workflow command per diagnostic, which GitHub Actions turns into an
//! annotation on the pull request:
//! `::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`.
//! Escaping follows `@actions/core` (`escapeData` / `escapeProperty`).

use crate::diagnostic::{Diagnostic, Severity};
use crate::Report;
use std::fmt::Write;

/// Escape the message of a workflow command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value of a workflow command.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command (without the trailing newline).
pub fn command(d: &Diagnostic) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut props = format!("file={}", escape_property(&d.location.path));
    if let (Some(s), Some(e)) = (d.location.start(), d.location.end()) {
        let _ = write!(
            props,
            ",line={},col={},endLine={},endColumn={}",
            s.line,
            s.column,
            e.line.max(s.line),
            if e.line == s.line {
                e.column.max(s.column + 1)
            } else {
                e.column
            }
        );
    }
    let _ = write!(props, ",title={}", escape_property(d.rule));
    let mut message = d.message.clone();
    if let Some(h) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(h);
    }
    for r in &d.related {
        let at = match r.location.start() {
            Some(p) => format!("{}:{}:{}", r.location.path, p.line, p.column),
            None => r.location.path.clone(),
        };
        let _ = write!(message, "\n{at}: {}", r.message);
    }
    format!("::{kind} {props}::{}", escape_data(&message))
}

/// Every diagnostic as a workflow command, then a plain summary line for the log.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        out.push_str(&command(d));
        out.push('\n');
    }
    out.push_str(&super::human::summary_line(report));
    out.push('\n');
    out
}

/// Rows of the findings table at most; the rest are counted.
const SUMMARY_ROWS: usize = 200;

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// A Markdown job summary (for `$GITHUB_STEP_SUMMARY`): the counts, then a table of findings.
pub fn summary_markdown(report: &Report) -> String {
    let mut s = String::from("## ddlint\n\n");
    let _ = writeln!(
        s,
        "{}: **{}** error{}, **{}** warning{} in {} integration{} ({} repository).\n",
        if report.errors() > 0 {
            "❌ Failed"
        } else {
            "✅ Passed"
        },
        report.errors(),
        if report.errors() == 1 { "" } else { "s" },
        report.warnings(),
        if report.warnings() == 1 { "" } else { "s" },
        report.integrations,
        if report.integrations == 1 { "" } else { "s" },
        report.kind
    );
    if report.diagnostics.is_empty() {
        return s;
    }
    s.push_str("| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n");
    for d in report.diagnostics.iter().take(SUMMARY_ROWS) {
        let at = match d.location.start() {
            Some(p) => format!("{}:{}:{}", d.location.path, p.line, p.column),
            None => d.location.path.clone(),
        };
        let _ = writeln!(
            s,
            "| {} | `{}` | `{}` | {} |",
            d.severity.as_str(),
            d.rule,
            md_cell(&at),
            md_cell(&d.message)
        );
    }
    if report.diagnostics.len() > SUMMARY_ROWS {
        let _ = writeln!(
            s,
            "\n…and {} more; run `ddlint validate` locally for all of them.",
            report.diagnostics.len() - SUMMARY_ROWS
        );
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_matches_actions_core() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        // `::` inside a message is fine: only the first `::` after the properties separates.
        assert_eq!(escape_data("a::b"), "a::b");
    }
}
