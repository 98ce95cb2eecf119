//! Line-level helpers shared by the Markdown-based parsers (README.md, CHANGELOG.md).

use crate::source::{SourceFile, Span};

/// A line's span without its leading and trailing whitespace.
pub(crate) fn trim_span(source: &SourceFile, span: Span) -> Span {
    let text = source.slice(span);
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    Span::new(span.start + lead, span.end - trail)
}

/// `(level, content offset within line)` of an ATX heading line (`## Text`): at most three
/// spaces of indent, one to six `#`, then a space, a tab or the end of the line.
pub(crate) fn atx(line: &str) -> Option<(usize, usize)> {
    let t = line.trim_start_matches(' ');
    let indent = line.len() - t.len();
    if indent > 3 {
        return None;
    }
    let level = t.bytes().take_while(|b| *b == b'#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &t[level..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let content = rest.trim_start();
    Some((level, indent + level + (rest.len() - content.len())))
}
