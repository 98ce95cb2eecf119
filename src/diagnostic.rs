//! The one diagnostic type every rule produces and every renderer consumes.

use crate::source::{Position, SharedSource, Span};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            _ => None,
        }
    }
}

/// A replacement of a byte range of one file; a fix is a set of non-overlapping edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

#[derive(Debug, Clone)]
pub struct Fix {
    /// What applying the fix does, e.g. "replace `{}` with `[]`".
    pub description: String,
    pub edits: Vec<Edit>,
}

/// A place in a file: the file (when it exists and was read) and a span inside it.
#[derive(Debug, Clone)]
pub struct Location {
    pub path: String,
    pub source: Option<SharedSource>,
    pub span: Option<Span>,
}

impl Location {
    pub fn in_file(source: &SharedSource, span: Span) -> Self {
        Location {
            path: source.path.clone(),
            source: Some(source.clone()),
            span: Some(span),
        }
    }
    /// A finding about a whole file or directory, or about a path that does not exist.
    pub fn path_only(path: impl Into<String>) -> Self {
        Location {
            path: path.into(),
            source: None,
            span: None,
        }
    }

    pub fn start(&self) -> Option<Position> {
        Some(self.source.as_ref()?.position(self.span?.start))
    }

    pub fn end(&self) -> Option<Position> {
        let span = self.span?;
        Some(self.source.as_ref()?.position(span.end))
    }
}

/// A secondary location ("first defined here", "the CHANGELOG says").
#[derive(Debug, Clone)]
pub struct Related {
    pub location: Location,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub integration: Option<String>,
    pub location: Location,
    pub message: String,
    pub help: Option<String>,
    /// Short text drawn under the primary span.
    pub label: Option<String>,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn sort_key(&self) -> (String, usize, usize, &'static str, String) {
        let pos = self.location.start();
        (
            self.location.path.clone(),
            pos.map(|p| p.line).unwrap_or(0),
            pos.map(|p| p.column).unwrap_or(0),
            self.rule,
            self.message.clone(),
        )
    }
}

/// What a rule reports; the runner stamps the rule id, severity and integration.
#[derive(Debug, Clone)]
pub struct Finding {
    pub location: Location,
    pub message: String,
    pub help: Option<String>,
    pub label: Option<String>,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
    /// Overrides the rule's default severity (for rules whose severity depends on context).
    pub severity: Option<Severity>,
    /// For repository-wide rules: the integration the finding belongs to, if any.
    pub integration: Option<String>,
}

impl Finding {
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        Finding {
            location,
            message: message.into(),
            help: None,
            label: None,
            related: Vec::new(),
            fix: None,
            severity: None,
            integration: None,
        }
    }
    pub fn at(source: &SharedSource, span: Span, message: impl Into<String>) -> Self {
        Finding::new(Location::in_file(source, span), message)
    }
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }
    pub fn related(mut self, location: Location, message: impl Into<String>) -> Self {
        self.related.push(Related {
            location,
            message: message.into(),
        });
        self
    }
    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }
}
