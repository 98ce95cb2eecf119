//! A careful RFC 4180 CSV reader (comma-separated, `"` quoting with `""` escapes) that keeps
//! the byte span of every cell and record in the source text, so each diagnostic can point at
//! the cell itself. It accepts CRLF, LF and lone CR line endings, a UTF-8 byte-order mark and a
//! missing final newline, and it never fails: an unterminated quoted field is recorded as
//! [`CsvDoc::error`] and the records before it are kept. Like Python's `csv.DictReader` (what
//! ddev uses), blank lines are skipped and a quote inside an unquoted field is literal.

use crate::source::{SourceFile, Span};

/// One field of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The field's value, quotes removed and `""` unescaped.
    pub value: String,
    /// Bytes of the field in the source, quotes included.
    pub span: Span,
    /// Whether the field was quoted.
    pub quoted: bool,
}

impl Cell {
    /// The source span of a byte range of [`Cell::value`], when the value maps one-to-one onto
    /// the source (no `""` escape before the range); otherwise the whole cell.
    pub fn sub_span(&self, range: std::ops::Range<usize>) -> Span {
        let inner = if self.quoted {
            self.span.start + 1
        } else {
            self.span.start
        };
        let escaped_before =
            self.quoted && self.value[..range.start.min(self.value.len())].contains('"');
        if escaped_before || range.end > self.value.len() {
            return self.span;
        }
        Span::new(inner + range.start, inner + range.end)
    }
}

/// One line of the file (a quoted field may span several lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub cells: Vec<Cell>,
    /// From the first byte of the record to the end of its last field (terminator excluded).
    pub span: Span,
    /// The record's line terminator (`\r\n`, `\n`, `\r`), empty at the end of the file.
    pub terminator: &'static str,
}

impl Record {
    pub fn get(&self, index: usize) -> Option<&Cell> {
        self.cells.get(index)
    }
}

/// A problem that stops the reading (the records before it are kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CsvDoc {
    /// The first non-blank record; `None` for a file without any.
    pub header: Option<Record>,
    /// Every other non-blank record, in file order.
    pub rows: Vec<Record>,
    pub error: Option<CsvError>,
}

impl CsvDoc {
    /// Index of a header column.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header
            .as_ref()?
            .cells
            .iter()
            .position(|c| c.value == name)
    }
}

/// Read the CSV text of a source file (after any byte-order mark).
pub fn parse(source: &SourceFile) -> CsvDoc {
    parse_text(&source.text, source.content_start)
}

/// Read `text[start..]` as CSV; spans are offsets into `text`.
pub fn parse_text(text: &str, start: usize) -> CsvDoc {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut doc = CsvDoc::default();
    let mut records: Vec<Record> = Vec::new();
    let mut i = start.min(len);
    let mut width = 4;
    'records: while i < len {
        let record_start = i;
        let mut cells: Vec<Cell> = Vec::with_capacity(width);
        loop {
            // One field starting at `i`.
            let field_start = i;
            let mut value;
            let quoted = i < len && bytes[i] == b'"';
            if quoted {
                value = String::new();
                i += 1;
                loop {
                    let Some(rel) = text[i..].find('"') else {
                        doc.error = Some(CsvError {
                            span: Span::new(field_start, field_start + 1),
                            message: "this quoted field is never closed".into(),
                        });
                        break 'records;
                    };
                    value.push_str(&text[i..i + rel]);
                    i += rel + 1;
                    if i < len && bytes[i] == b'"' {
                        value.push('"');
                        i += 1;
                    } else {
                        break;
                    }
                }
                // Text after the closing quote is kept literally, as Python's csv does.
                let rest = i;
                while i < len && !matches!(bytes[i], b',' | b'\r' | b'\n') {
                    i += 1;
                }
                value.push_str(&text[rest..i]);
            } else {
                i = bytes[i..]
                    .iter()
                    .position(|b| matches!(b, b',' | b'\r' | b'\n' | b'"'))
                    .map_or(len, |p| i + p);
                // A quote inside an unquoted field is literal.
                while i < len && !matches!(bytes[i], b',' | b'\r' | b'\n') {
                    i += 1;
                }
                value = text[field_start..i].to_string();
            }
            cells.push(Cell {
                value,
                span: Span::new(field_start, i),
                quoted,
            });
            if i < len && bytes[i] == b',' {
                i += 1;
                continue;
            }
            break;
        }
        let record_end = i;
        let terminator = if text[i..].starts_with("\r\n") {
            "\r\n"
        } else if text[i..].starts_with('\n') {
            "\n"
        } else if text[i..].starts_with('\r') {
            "\r"
        } else {
            ""
        };
        i += terminator.len();
        width = width.max(cells.len());
        let blank = cells.len() == 1 && cells[0].span.is_empty() && !cells[0].quoted;
        if !blank {
            records.push(Record {
                cells,
                span: Span::new(record_start, record_end),
                terminator,
            });
        }
    }
    let mut it = records.into_iter();
    doc.header = it.next();
    doc.rows = it.collect();
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(r: &Record) -> Vec<&str> {
        r.cells.iter().map(|c| c.value.as_str()).collect()
    }

    #[test]
    fn plain_crlf_bom_and_no_final_newline() {
        let text = "\u{feff}a,b\r\n1,2\r\n\r\n3,\"x,\"\"y\"\"\"";
        let doc = parse_text(text, 3);
        let h = doc.header.as_ref().unwrap();
        assert_eq!(values(h), ["a", "b"]);
        assert_eq!(h.cells[0].span, Span::new(3, 4));
        assert_eq!(h.terminator, "\r\n");
        assert_eq!(doc.rows.len(), 2);
        assert_eq!(values(&doc.rows[0]), ["1", "2"]);
        assert_eq!(values(&doc.rows[1]), ["3", "x,\"y\""]);
        let c = &doc.rows[1].cells[1];
        assert_eq!(&text[c.span.start..c.span.end], "\"x,\"\"y\"\"\"");
        assert_eq!(doc.rows[1].terminator, "");
        assert!(doc.error.is_none());
    }

    #[test]
    fn multiline_quoted_field_and_empty_fields() {
        let doc = parse_text("a,b,c\n\"l1\nl2\",,\n", 0);
        assert_eq!(values(&doc.rows[0]), ["l1\nl2", "", ""]);
        assert_eq!(doc.rows[0].cells[2].span, Span::new(15, 15));
    }

    #[test]
    fn unterminated_quote_is_an_error_not_a_panic() {
        let doc = parse_text("a,b\n1,\"oops\n2,3\n", 0);
        assert_eq!(doc.rows.len(), 0);
        let e = doc.error.unwrap();
        assert_eq!(e.span, Span::new(6, 7));
    }

    #[test]
    fn empty_and_blank_files() {
        assert!(parse_text("", 0).header.is_none());
        assert!(parse_text("\n\r\n", 0).header.is_none());
        let doc = parse_text("x\rb", 0);
        assert_eq!(doc.rows.len(), 1);
    }

    #[test]
    fn sub_span_maps_into_the_source() {
        let doc = parse_text("\"ab|cd\"", 0);
        let c = &doc.header.unwrap().cells[0];
        assert_eq!(c.sub_span(3..5), Span::new(4, 6));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in ["\"", "\"\"\"", ",", "\",\"x", "é,\"é\"é", "\r\r\n,"] {
            let _ = parse_text(t, 0);
        }
    }

    proptest::proptest! {
        /// Any text: no panic, and every span lies inside the text on character boundaries.
        #[test]
        fn any_text_reads_without_panicking(text in "[a-c,\"\r\n\u{feff}é]{0,40}") {
            let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
            let doc = parse_text(&text, start);
            for r in doc.header.iter().chain(doc.rows.iter()) {
                for c in &r.cells {
                    proptest::prop_assert!(text.get(c.span.start..c.span.end).is_some());
                }
                proptest::prop_assert!(text.get(r.span.start..r.span.end).is_some());
            }
        }

        /// Any table written as RFC 4180 (quoting when needed, any line ending) reads back to
        /// the same values, and every cell's span is the field's text in the source.
        #[test]
        fn round_trips(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-z\",\r\n é|]{0,6}", 1..5), 1..6),
            nl in proptest::sample::select(vec!["\n", "\r\n"]),
            final_nl in proptest::bool::ANY,
        ) {
            let field = |v: &str| {
                if v.contains([',', '"', '\r', '\n']) {
                    format!("\"{}\"", v.replace('"', "\"\""))
                } else {
                    v.to_string()
                }
            };
            // A record made of one empty field is a blank line, which readers skip.
            let rows: Vec<Vec<String>> = rows
                .into_iter()
                .filter(|r| !(r.len() == 1 && r[0].is_empty()))
                .collect();
            let text = rows
                .iter()
                .map(|r| r.iter().map(|v| field(v)).collect::<Vec<_>>().join(","))
                .collect::<Vec<_>>()
                .join(nl)
                + if final_nl { nl } else { "" };
            let doc = parse_text(&text, 0);
            proptest::prop_assert!(doc.error.is_none());
            let got: Vec<&Record> = doc.header.iter().chain(doc.rows.iter()).collect();
            proptest::prop_assert_eq!(got.len(), rows.len());
            for (r, want) in got.iter().zip(&rows) {
                let values: Vec<&str> = r.cells.iter().map(|c| c.value.as_str()).collect();
                proptest::prop_assert_eq!(&values, want);
                for (c, v) in r.cells.iter().zip(want) {
                    proptest::prop_assert_eq!(&text[c.span.start..c.span.end], field(v));
                }
            }
        }
    }
}
