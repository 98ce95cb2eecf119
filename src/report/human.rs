//! The human format: miette snippets with an underline at the offending value, grouped by
//! integration, then a one-line summary.

use crate::diagnostic::{Diagnostic, Severity};
use crate::Report;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};
use std::fmt::Write;

#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    pub color: bool,
    pub width: usize,
    /// Only the summary line.
    pub quiet: bool,
    /// A count per rule instead of the diagnostics.
    pub statistics: bool,
}

/// A diagnostic as miette sees it: the message, rule code, help, labels and the file's text.
struct Rendered {
    inner: MietteDiagnostic,
    source: Option<NamedSource<String>>,
}

impl std::fmt::Debug for Rendered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}
impl std::fmt::Display for Rendered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}
impl std::error::Error for Rendered {}
impl miette::Diagnostic for Rendered {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.inner.code()
    }
    fn severity(&self) -> Option<miette::Severity> {
        self.inner.severity()
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.inner.help()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        self.inner.labels()
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
}

fn to_miette(d: &Diagnostic) -> Rendered {
    let mut help = d.help.clone();
    let mut labels = Vec::new();
    let mut source = None;
    if let (Some(src), Some(span)) = (&d.location.source, d.location.span) {
        let start = src.clamp(span.start);
        let end = src.clamp(span.end).max(start);
        labels.push(LabeledSpan::new_primary_with_span(
            d.label.clone(),
            start..end,
        ));
        for r in &d.related {
            match (&r.location.source, r.location.span) {
                (Some(rs), Some(rspan)) if rs.path == src.path => {
                    let s = rs.clamp(rspan.start);
                    labels.push(LabeledSpan::new_with_span(
                        Some(r.message.clone()),
                        s..rs.clamp(rspan.end).max(s),
                    ));
                }
                _ => {}
            }
        }
        source = Some(NamedSource::new(src.path.clone(), src.text.clone()).with_language("text"));
    }
    // Related places in other files (or without a span) become notes under the help.
    let mut notes = String::new();
    for r in &d.related {
        let same_file = matches!((&d.location.source, &r.location.source), (Some(a), Some(b)) if a.path == b.path)
            && r.location.span.is_some();
        if !same_file {
            let at = match r.location.start() {
                Some(p) => format!("{}:{}:{}", r.location.path, p.line, p.column),
                None => r.location.path.clone(),
            };
            let _ = write!(notes, "\n{at}: {}", r.message);
        }
    }
    if !notes.is_empty() {
        help = Some(
            format!("{}{}", help.unwrap_or_default(), notes)
                .trim_start()
                .to_string(),
        );
    }
    let where_ = match d.location.start() {
        Some(p) => format!("{}:{}:{}", d.location.path, p.line, p.column),
        None => d.location.path.clone(),
    };
    let message = if source.is_some() {
        d.message.clone()
    } else {
        format!("{}\n  at {where_}", d.message)
    };
    let mut inner = MietteDiagnostic::new(message)
        .with_code(d.rule)
        .with_severity(match d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
        .with_labels(labels);
    if let Some(h) = help {
        inner = inner.with_help(h);
    }
    Rendered { inner, source }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

pub fn summary_line(report: &Report) -> String {
    let kind = format!("{} repository ({})", report.kind, report.kind_source);
    let what = format!("{} in {}", plural(report.integrations, "integration"), kind);
    if report.diagnostics.is_empty() {
        format!(
            "All checks passed: {what}, {} read in {} ms.",
            plural(report.files, "file"),
            report.elapsed_ms
        )
    } else {
        format!(
            "Found {} and {}: {what}, {} read in {} ms.",
            plural(report.errors(), "error"),
            plural(report.warnings(), "warning"),
            plural(report.files, "file"),
            report.elapsed_ms
        )
    }
}

/// The summary line, with `(N fixable with --fix)` when some are, coloured on a terminal.
fn final_line(report: &Report, color: bool) -> String {
    let mut line = summary_line(report);
    let fixable = report
        .diagnostics
        .iter()
        .filter(|d| d.fix.is_some())
        .count();
    if fixable > 0 {
        line.push_str(&format!(
            " {} fixable with `ddlint validate --fix`.",
            if fixable == 1 {
                "1 is".to_string()
            } else {
                format!("{fixable} are")
            }
        ));
    }
    if !color {
        return line;
    }
    let code = if report.errors() > 0 {
        "1;31"
    } else if report.warnings() > 0 {
        "1;33"
    } else {
        "1;32"
    };
    format!("\x1b[{code}m{line}\x1b[0m")
}

pub fn render(report: &Report, opts: HumanOptions) -> String {
    let mut out = String::new();
    if opts.statistics && !opts.quiet {
        out.push_str(&super::statistics::render_table(report));
        if !report.diagnostics.is_empty() {
            out.push('\n');
        }
    } else if !opts.quiet {
        let theme = if opts.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(opts.width)
            .with_links(false)
            .with_context_lines(1);
        // Group by integration (repository-wide findings first), keeping the sorted order inside.
        let mut groups: Vec<(Option<&str>, Vec<&Diagnostic>)> = Vec::new();
        let mut order: Vec<&Diagnostic> = report.diagnostics.iter().collect();
        order.sort_by_key(|d| d.integration.is_some());
        order.sort_by(|a, b| a.integration.cmp(&b.integration));
        for d in order {
            match groups.last_mut() {
                Some((name, list)) if *name == d.integration.as_deref() => list.push(d),
                _ => groups.push((d.integration.as_deref(), vec![d])),
            }
        }
        for (name, list) in groups {
            let errors = list
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let warnings = list.len() - errors;
            let counts = match (errors, warnings) {
                (0, w) => plural(w, "warning"),
                (e, 0) => plural(e, "error"),
                (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
            };
            let title = format!("{} ({counts})", name.unwrap_or("repository"));
            if opts.color {
                let _ = writeln!(out, "\x1b[1m── {title} ──\x1b[0m");
            } else {
                let _ = writeln!(out, "── {title} ──");
            }
            for d in list {
                let rendered = to_miette(d);
                let mut s = String::new();
                if handler.render_report(&mut s, &rendered).is_err() {
                    let _ = writeln!(s, "{}: {} [{}]", d.location.path, d.message, d.rule);
                }
                out.push_str(&s);
                out.push('\n');
            }
        }
    }
    out.push_str(&final_line(report, opts.color));
    out.push('\n');
    out
}
