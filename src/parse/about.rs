//! `datadog_checks/<pkg>/__about__.py`, read as text and never executed: the first
//! `__version__ = '<v>'` assignment (either quote style, optional spaces, after any licence
//! header), with the span of the version string.

use crate::source::{SourceFile, Span};

/// The `__version__` assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AboutVersion {
    /// The string between the quotes, as written.
    pub value: String,
    /// Span of the value (inside the quotes).
    pub span: Span,
    /// Span of the whole assignment line.
    pub line: Span,
}

#[derive(Debug, Default)]
pub struct About {
    /// `None` when the file assigns no string to `__version__`.
    pub version: Option<AboutVersion>,
}

/// Find the first `__version__ = "..."` at the start of a line (top-level code).
pub fn parse(source: &SourceFile) -> About {
    for idx in 0..source.line_count() {
        let span = source.line_span(idx);
        let line = source.slice(span);
        let Some(rest) = line.strip_prefix("__version__") else {
            continue;
        };
        let after_name = span.start + "__version__".len();
        let mut rest_off = after_name;
        let mut r = rest;
        // An optional annotation (`__version__: str = '1.0.0'`).
        let t = r.trim_start_matches([' ', '\t']);
        rest_off += r.len() - t.len();
        r = t;
        if let Some(a) = r.strip_prefix(':') {
            let Some(eq) = a.find('=') else { continue };
            rest_off += 1 + eq;
            r = &a[eq..];
        }
        let Some(after_eq) = r.strip_prefix('=') else {
            continue;
        };
        if after_eq.starts_with('=') {
            continue;
        }
        rest_off += 1;
        let t = after_eq.trim_start_matches([' ', '\t']);
        rest_off += after_eq.len() - t.len();
        let mut chars = t.chars();
        let quote = match chars.next() {
            Some(q @ ('\'' | '"')) => q,
            _ => continue,
        };
        let body = &t[1..];
        let Some(end) = body.find(quote) else {
            continue;
        };
        let value = &body[..end];
        let start = rest_off + 1;
        return About {
            version: Some(AboutVersion {
                value: value.to_string(),
                span: Span::new(start, start + value.len()),
                line: span,
            }),
        };
    }
    About { version: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Option<(String, String)> {
        let f = SourceFile::new("a.py", text.to_string());
        let a = parse(&f);
        a.version
            .map(|v| (v.value.clone(), f.slice(v.span).to_string()))
    }

    #[test]
    fn quote_styles_spaces_and_header() {
        assert_eq!(
            v("__version__ = '1.2.3'\n"),
            Some(("1.2.3".into(), "1.2.3".into()))
        );
        assert_eq!(
            v("# (C) x\n# y\n__version__=\"2.0.0\""),
            Some(("2.0.0".into(), "2.0.0".into()))
        );
        assert_eq!(
            v("__version__: str = '0.1.0'\n"),
            Some(("0.1.0".into(), "0.1.0".into()))
        );
        assert_eq!(
            v("\u{feff}__version__ = '1.0.0'\n"),
            Some(("1.0.0".into(), "1.0.0".into()))
        );
    }

    #[test]
    fn not_a_version() {
        assert_eq!(v("# __version__ = '1.0.0'\n"), None);
        assert_eq!(v("__version__ == '1.0.0'\n"), None);
        assert_eq!(v("__version__ = get()\n"), None);
        assert_eq!(v("__version__ = '1.0.0\n"), None);
        assert_eq!(v(""), None);
        assert_eq!(v("__version__"), None);
    }
}
