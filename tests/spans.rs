//! Property tests for the span machinery (issue 7): for any JSON or CSV text, every span the
//! parser reports lies inside the file, on character boundaries, and its line/column maps back
//! to the same offset. The text generators mix valid documents, damaged ones and arbitrary
//! Unicode, with LF, CRLF and a leading BOM.

use ddlint::parse::{csv, json};
use ddlint::source::{Position, SourceFile, Span};
use proptest::prelude::*;

/// The property every reported span must have.
fn check_span(f: &SourceFile, s: Span) -> Result<(), TestCaseError> {
    prop_assert!(s.start <= s.end, "inverted span {:?}", s);
    prop_assert!(
        s.end <= f.text.len(),
        "span {:?} past the end {}",
        s,
        f.text.len()
    );
    prop_assert!(
        f.text.is_char_boundary(s.start),
        "start of {:?} inside a character",
        s
    );
    prop_assert!(
        f.text.is_char_boundary(s.end),
        "end of {:?} inside a character",
        s
    );
    for offset in [s.start, s.end] {
        // Offsets inside a BOM have no column of their own: they map to the first character.
        let at = offset.max(f.content_start);
        let pos = f.position(at);
        prop_assert!(pos.line >= 1 && pos.column >= 1);
        prop_assert_eq!(
            f.offset_of(pos),
            at,
            "offset {} -> {:?} does not map back",
            at,
            pos
        );
    }
    Ok(())
}

/// Every span a parser result holds, found in its `Debug` text, so the check follows the
/// parser's types as they grow without this test naming each field.
fn debug_spans(doc: &impl std::fmt::Debug) -> Vec<Span> {
    let text = format!("{doc:?}");
    let mut spans = Vec::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("Span { start: ") {
        rest = &rest[i + "Span { start: ".len()..];
        let num = |s: &str| -> Option<(usize, usize)> {
            let end = s.find(|c: char| !c.is_ascii_digit())?;
            Some((s[..end].parse().ok()?, end))
        };
        let Some((start, n)) = num(rest) else {
            continue;
        };
        let Some(tail) = rest[n..].strip_prefix(", end: ") else {
            continue;
        };
        let Some((end, _)) = num(tail) else { continue };
        spans.push(Span { start, end });
    }
    spans
}

fn walk(f: &SourceFile, node: &json::Node) -> Result<(), TestCaseError> {
    check_span(f, node.span)?;
    match &node.value {
        json::Value::Array(items) => {
            for item in items {
                prop_assert!(node.span.start <= item.span.start && item.span.end <= node.span.end);
                walk(f, item)?;
            }
        }
        json::Value::Object(members) => {
            for m in members {
                check_span(f, m.key_span)?;
                prop_assert!(m.key_span.end <= m.value.span.start);
                prop_assert!(node.span.start <= m.key_span.start);
                prop_assert!(m.value.span.end <= node.span.end);
                walk(f, &m.value)?;
            }
        }
        _ => {
            // A scalar's span is exactly its source text: parsing it alone gives the same value.
            let alone = json::parse(f.slice(node.span), 0);
            prop_assert!(alone.is_ok(), "{:?} is not a value", f.slice(node.span));
            if let Ok(doc) = alone {
                prop_assert_eq!(doc.root.to_serde(), node.to_serde());
            }
        }
    }
    Ok(())
}

fn check_json(text: String) -> Result<(), TestCaseError> {
    let f = SourceFile::new("x.json", text);
    match json::parse(&f.text, f.content_start) {
        Ok(doc) => {
            walk(&f, &doc.root)?;
            for d in &doc.duplicates {
                check_span(&f, d.first)?;
                check_span(&f, d.duplicate)?;
                prop_assert!(d.first.start < d.duplicate.start);
                prop_assert!(doc.root.pointer(&d.object_pointer).is_some());
            }
        }
        Err(e) => check_span(&f, e.span)?,
    }
    Ok(())
}

/// A JSON value, serialised compactly or pretty, with LF or CRLF, maybe after a BOM.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| n.into()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| f.into()),
        "\\PC{0,12}".prop_map(serde_json::Value::String),
        "[a-zé😀\"\\\\/\\n\\t\u{1}]{0,8}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::vec(("[a-cé~/]{0,3}", inner), 0..6)
                .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn json_text() -> impl Strategy<Value = String> {
    (json_value(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(v, pretty, crlf, bom)| {
            let mut s = if pretty {
                serde_json::to_string_pretty(&v).unwrap_or_default()
            } else {
                serde_json::to_string(&v).unwrap_or_default()
            };
            if crlf {
                s = s.replace('\n', "\r\n");
            }
            if bom {
                s.insert(0, '\u{feff}');
            }
            s
        },
    )
}

/// Damage a text: cut it, or put a character somewhere (on a character boundary).
fn damaged(text: String, at: usize, cut: bool, c: char) -> String {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if cut {
        text[..at].to_string()
    } else {
        let mut t = text;
        t.insert(at, c);
        t
    }
}

/// Text built from what CSV cares about.
fn csv_text() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        ",",
        "\"",
        "\"\"",
        "\n",
        "\r\n",
        "\r",
        " ",
        "a",
        "é",
        "😀",
        "metric_name,metric_type,interval,unit_name,per_unit_name,description,orientation,integration,short_name,curated_metric\n",
        "acme.requests.count,count,,request,,The number of requests.,0,acme,requests,\n",
        "\"quoted, with comma\"",
        "\u{feff}",
        "\t",
        "0",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn json_spans_are_valid(text in json_text()) {
        check_json(text)?;
    }

    #[test]
    fn damaged_json_spans_are_valid(
        text in json_text(),
        at in any::<usize>(),
        cut in any::<bool>(),
        c in prop::sample::select(vec!['"', '\\', '{', '}', '[', ']', ',', ':', '\r', '\n', 'é', '😀', '\u{0}', '1', '-', 'e']),
    ) {
        check_json(damaged(text, at, cut, c))?;
    }

    #[test]
    fn any_text_as_json(text in "\\PC*|(\u{feff})?[\\[\\]{}\":,0-9a-z\\\\ \r\n-]{0,64}") {
        check_json(text)?;
    }

    #[test]
    fn csv_spans_are_valid(text in csv_text()) {
        let f = SourceFile::new("metadata.csv", text);
        let doc = csv::parse(&f);
        for span in debug_spans(&doc) {
            check_span(&f, span)?;
        }
    }

    #[test]
    fn any_text_as_csv(text in "\\PC{0,80}") {
        let f = SourceFile::new("metadata.csv", text);
        let doc = csv::parse(&f);
        for span in debug_spans(&doc) {
            check_span(&f, span)?;
        }
    }

    /// The line index itself: every character boundary after the BOM round-trips, with LF,
    /// CRLF, lone CR and multi-byte characters.
    #[test]
    fn every_offset_round_trips(text in "(\u{feff})?[a\u{e9}\u{1F600}\r\n\t ]{0,40}") {
        let f = SourceFile::new("x", text);
        for at in f.content_start..=f.text.len() {
            if f.text.is_char_boundary(at) {
                check_span(&f, Span::empty(at))?;
            }
        }
        let last = f.position(f.text.len());
        prop_assert_eq!(last.line, f.line_count());
        prop_assert_eq!(f.position(usize::MAX), last);
        prop_assert_eq!(f.offset_of(Position { line: usize::MAX, column: 1 }), f.text.len());
    }
}

#[test]
fn debug_span_scraper_finds_spans() {
    let f = SourceFile::new("x.json", "{\"a\": [1]}".to_string());
    let doc = json::parse(&f.text, 0).unwrap();
    let spans = debug_spans(&doc);
    assert!(spans.contains(&Span { start: 0, end: 10 }));
    assert!(spans.contains(&Span { start: 7, end: 8 }));
}
