//! Source text with a line index: byte offset <-> 1-based line/column.

use std::sync::Arc;

/// A half-open byte range `[start, end)` into a [`SourceFile`]'s text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }
    pub fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based line and a 1-based column counted in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One file of the repository, read once and shared (via `Arc`) by every rule and renderer.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the repository root, with `/` separators.
    pub path: String,
    pub text: String,
    /// Offset where the content starts (3 when the file begins with a UTF-8 BOM).
    pub content_start: usize,
    /// Built on first use: most files (large dashboards above all) never need a position.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

pub type SharedSource = Arc<SourceFile>;

impl SourceFile {
    pub fn new(path: impl Into<String>, text: String) -> Self {
        let content_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        SourceFile {
            path: path.into(),
            text,
            content_start,
            line_starts: std::sync::OnceLock::new(),
        }
    }

    /// Offsets where lines start (the first one after any BOM).
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![self.content_start];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        })
    }

    /// The text after any byte-order mark.
    pub fn content(&self) -> &str {
        &self.text[self.content_start..]
    }

    pub fn has_bom(&self) -> bool {
        self.content_start > 0
    }

    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    /// Clamp an offset into the text and onto a character boundary (never panics).
    pub fn clamp(&self, offset: usize) -> usize {
        let mut o = offset.min(self.text.len());
        while o > 0 && !self.text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// 1-based line and column (in characters) of a byte offset. A `\r` before `\n` belongs to
    /// the line it ends, so CRLF files report the same columns as LF files.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset).max(self.content_start);
        let line_idx = match self.line_starts().binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts()[line_idx];
        let column = self.text[start..offset].chars().count() + 1;
        Position {
            line: line_idx + 1,
            column,
        }
    }

    /// Byte offset of a 1-based line and column, the inverse of [`position`](Self::position):
    /// the column just past a CRLF line's `\r` is its `\n`. Clamps to the line's end.
    pub fn offset_of(&self, pos: Position) -> usize {
        let idx = pos.line.saturating_sub(1);
        let Some(&start) = self.line_starts().get(idx) else {
            return self.text.len();
        };
        // The line with its `\r` (if any), without its `\n`.
        let full_end = self
            .line_starts()
            .get(idx + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let line = &self.text[start..full_end];
        let col = pos.column.saturating_sub(1);
        match line.char_indices().nth(col) {
            Some((i, _)) => start + i,
            None if col == line.chars().count() => full_end,
            None => self.line_end(idx),
        }
    }

    /// Byte range of line `idx` (0-based) without its terminator (`\n` or `\r\n`).
    pub fn line_span(&self, idx: usize) -> Span {
        let start = self
            .line_starts()
            .get(idx)
            .copied()
            .unwrap_or(self.text.len());
        Span::new(start, self.line_end(idx))
    }

    fn line_end(&self, idx: usize) -> usize {
        let Some(&start) = self.line_starts().get(idx) else {
            return self.text.len();
        };
        match self.line_starts().get(idx + 1) {
            Some(&next) => {
                let mut end = next - 1;
                if end > start && self.text.as_bytes()[end - 1] == b'\r' {
                    end -= 1;
                }
                end
            }
            None => self.text.len(),
        }
    }

    /// The text of line `idx` (0-based) without its terminator.
    pub fn line_text(&self, idx: usize) -> &str {
        let s = self.line_span(idx);
        &self.text[s.start..s.end]
    }

    pub fn slice(&self, span: Span) -> &str {
        let s = self.clamp(span.start);
        let e = self.clamp(span.end).max(s);
        &self.text[s..e]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_lf_crlf_and_unicode() {
        let f = SourceFile::new("a", "ab\r\nçd\nx".to_string());
        assert_eq!(f.position(0), Position { line: 1, column: 1 });
        assert_eq!(f.position(2), Position { line: 1, column: 3 });
        assert_eq!(f.position(4), Position { line: 2, column: 1 });
        // 'ç' is two bytes; 'd' is the second character.
        assert_eq!(f.position(6), Position { line: 2, column: 2 });
        assert_eq!(f.position(8), Position { line: 3, column: 1 });
        assert_eq!(f.line_text(0), "ab");
        assert_eq!(f.offset_of(Position { line: 2, column: 2 }), 6);
    }

    #[test]
    fn bom_is_not_a_column() {
        let f = SourceFile::new("a", "\u{feff}{}".to_string());
        assert!(f.has_bom());
        assert_eq!(f.position(3), Position { line: 1, column: 1 });
        assert_eq!(f.content(), "{}");
    }

    #[test]
    fn out_of_range_offsets_are_clamped() {
        let f = SourceFile::new("a", "é".to_string());
        assert_eq!(f.position(1), Position { line: 1, column: 1 });
        assert_eq!(f.position(100), Position { line: 1, column: 2 });
    }
}
