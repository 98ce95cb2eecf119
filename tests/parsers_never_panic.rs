//! The text parsers of the version, changelog, readme and codeowners families take any input
//! without panicking, and every span they return lies on character boundaries inside the text.

use ddlint::parse::{about, changelog, codeowners, markdown};
use ddlint::source::{SourceFile, Span};
use proptest::prelude::*;

fn ok_span(f: &SourceFile, s: Span) {
    assert!(s.start <= s.end && s.end <= f.text.len(), "{s:?}");
    assert!(f.text.is_char_boundary(s.start) && f.text.is_char_boundary(s.end));
}

/// Inputs built from the characters these formats care about.
fn markdownish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "#",
        "## ",
        "### ",
        "1.0.0",
        " / ",
        "/",
        "2024-02-29",
        "[",
        "]",
        "(",
        ")",
        "!",
        "*",
        "_",
        "***Added***:",
        "_**Fixed**_",
        "* item",
        "- ",
        "\n",
        "\r\n",
        "```",
        "~~~",
        "<img src=\"",
        "'",
        "\"",
        ">",
        "é",
        "’",
        "🚀",
        " ",
        "\t",
        "v",
        "__version__",
        "=",
        "@team",
        "**/",
        "[1]: ",
        "http://x/a.png",
        "=====",
        "---",
        "\u{feff}",
    ]);
    prop::collection::vec(atoms, 0..60).prop_map(|v| v.concat())
}

fn check_all(text: String) {
    let f = SourceFile::new("x", text);
    let a = about::parse(&f);
    if let Some(v) = &a.version {
        ok_span(&f, v.span);
        ok_span(&f, v.line);
    }
    let c = changelog::parse(&f);
    if let Some(t) = &c.title {
        ok_span(&f, t.span);
    }
    if let Some(s) = c.first_line {
        ok_span(&f, s);
    }
    for r in &c.releases {
        ok_span(&f, r.heading);
        ok_span(&f, r.version_span);
        if let Some(d) = &r.date {
            ok_span(&f, d.span);
        }
        for i in &r.items {
            ok_span(&f, i.span);
        }
        for s in &r.sections {
            ok_span(&f, s.span);
            for i in &s.items {
                ok_span(&f, i.span);
            }
        }
    }
    for p in &c.problems {
        ok_span(&f, p.span);
    }
    let m = markdown::parse(&f);
    for h in &m.headings {
        ok_span(&f, h.span);
        ok_span(&f, h.text_span);
    }
    for i in &m.images {
        ok_span(&f, i.span);
        ok_span(&f, i.whole);
    }
    for l in &m.link_defs {
        ok_span(&f, l.url_span);
    }
    for b in &m.code_blocks {
        ok_span(&f, *b);
    }
    let co = codeowners::parse(&f);
    for e in &co.entries {
        ok_span(&f, e.pattern_span);
        ok_span(&f, e.span);
        let _ = e.matches("a/assets/logs/");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    #[test]
    fn structured_inputs(text in markdownish()) {
        check_all(text);
    }
    #[test]
    fn arbitrary_inputs(text in ".{0,300}") {
        check_all(text);
    }
}
