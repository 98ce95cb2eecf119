//! Shared by every fuzz target: build a `SourceFile` the way the loader does (valid UTF-8 only:
//! invalid UTF-8 never reaches a parser, it is reported as `file/invalid-utf8`) and check that a
//! span a parser reports is usable by the renderers.

#![allow(dead_code)]

use ddlint::source::{SourceFile, Span};

pub fn source(data: &[u8]) -> Option<SourceFile> {
    let text = std::str::from_utf8(data).ok()?;
    Some(SourceFile::new("fuzz/input", text.to_string()))
}

/// A span must lie inside the file, on character boundaries, and its start's line/column must
/// map back to the same offset.
pub fn check_span(source: &SourceFile, span: Span) {
    let text = &source.text;
    assert!(span.start <= span.end, "inverted span {span:?}");
    assert!(
        span.end <= text.len(),
        "span {span:?} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start),
        "span start {span:?} inside a character"
    );
    assert!(
        text.is_char_boundary(span.end),
        "span end {span:?} inside a character"
    );
    let at = span.start.max(source.content_start);
    let pos = source.position(at);
    // A `\r` before `\n` counts as the end of its line: offsets on it have no column of their
    // own and map to the line's end, which is the same byte.
    assert_eq!(
        source.offset_of(pos),
        at,
        "position {pos:?} of offset {at} does not map back"
    );
    let _ = source.slice(span);
}
