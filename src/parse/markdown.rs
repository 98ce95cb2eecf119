//! A Markdown reader for README.md, good enough for what the readme rules need: headings (ATX
//! and setext, not inside code fences) with whether their section is empty, link reference
//! definitions, and image references (`![..](..)`, `![..][ref]` and `<img src>`), all with spans.

use super::lines::{atx, trim_span};
use crate::source::{SourceFile, Span};
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct Heading {
    pub level: usize,
    /// The heading text, trimmed, without the `#` markers or a closing sequence.
    pub text: String,
    /// The heading line (both lines for a setext heading), trimmed.
    pub span: Span,
    pub text_span: Span,
    /// Nothing but blank lines and link definitions before the next heading of the same or a
    /// higher level (or the end of the file); a deeper sub-heading counts as content.
    pub empty: bool,
}

#[derive(Debug, Clone)]
pub struct Image {
    /// The image source as written (the reference definition's URL for `![..][ref]`).
    pub src: String,
    /// Span of the source text.
    pub span: Span,
    /// Span of the whole image syntax (`![alt](src)`, `![alt][ref]` or the `<img>` tag).
    pub whole: Span,
}

#[derive(Debug, Clone)]
pub struct LinkDef {
    pub label: String,
    pub url: String,
    pub url_span: Span,
}

#[derive(Debug, Default)]
pub struct Markdown {
    pub headings: Vec<Heading>,
    pub images: Vec<Image>,
    pub link_defs: Vec<LinkDef>,
    /// Byte ranges of fenced code blocks (fence lines included).
    pub code_blocks: Vec<Span>,
}

impl Markdown {
    /// The first heading of `level` whose text is exactly `text`.
    pub fn heading(&self, level: usize, text: &str) -> Option<&Heading> {
        self.headings
            .iter()
            .find(|h| h.level == level && h.text == text)
    }

    /// Byte range of a heading's section: from the heading to the next heading of the same or a
    /// higher level.
    pub fn section_range(&self, heading: &Heading, text_len: usize) -> Span {
        let end = self
            .headings
            .iter()
            .find(|h| h.span.start > heading.span.start && h.level <= heading.level)
            .map(|h| h.span.start)
            .unwrap_or(text_len);
        Span::new(heading.span.start, end)
    }
}

fn fence_of(line: &str) -> Option<(u8, usize)> {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return None;
    }
    let c = *t.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = t.bytes().take_while(|b| *b == c).count();
    (n >= 3).then_some((c, n))
}

/// A link reference definition `[label]: url`: `(label, url, url offset in line)`.
fn link_def(line: &str) -> Option<(String, String, usize)> {
    let t = line.trim_start_matches(' ');
    let indent = line.len() - t.len();
    if indent > 3 || !t.starts_with('[') || t.starts_with("[^") {
        return None;
    }
    let close = t.find("]:")?;
    let label = &t[1..close];
    if label.trim().is_empty() || label.contains('[') || label.contains(']') {
        return None;
    }
    let after = &t[close + 2..];
    let url_t = after.trim_start();
    if url_t.is_empty() {
        return None;
    }
    let mut off = indent + close + 2 + (after.len() - url_t.len());
    let url = if let Some(inner) = url_t.strip_prefix('<') {
        off += 1;
        &inner[..inner.find('>')?]
    } else {
        &url_t[..url_t.find([' ', '\t']).unwrap_or(url_t.len())]
    };
    Some((normalize_label(label), url.to_string(), off))
}

fn normalize_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub fn parse(source: &SourceFile) -> Markdown {
    let mut doc = Markdown::default();
    let n = source.line_count();
    // Per line: true when inside a fenced block.
    let mut in_code = vec![false; n];
    let mut open: Option<(u8, usize, usize)> = None;
    for (idx, flag) in in_code.iter_mut().enumerate() {
        let line = source.line_text(idx);
        match open {
            Some((c, len, start)) => {
                *flag = true;
                let t = line.trim();
                if t.len() >= len && t.bytes().all(|b| b == c) {
                    doc.code_blocks.push(Span::new(
                        source.line_span(start).start,
                        source.line_span(idx).end,
                    ));
                    open = None;
                }
            }
            None => {
                if let Some((c, len)) = fence_of(line) {
                    *flag = true;
                    open = Some((c, len, idx));
                }
            }
        }
    }
    if let Some((_, _, start)) = open {
        doc.code_blocks
            .push(Span::new(source.line_span(start).start, source.text.len()));
    }

    // Blocks: headings, link definitions, other content (for emptiness).
    #[derive(PartialEq)]
    enum Block {
        Heading(usize),
        Content,
    }
    let mut blocks: Vec<Block> = Vec::new();
    let mut idx = 0;
    while idx < n {
        let span = source.line_span(idx);
        let line = source.slice(span);
        if in_code[idx] {
            blocks.push(Block::Content);
            idx += 1;
            continue;
        }
        if line.trim().is_empty() {
            idx += 1;
            continue;
        }
        if let Some((level, off)) = atx(line) {
            let raw = line[off..].trim_end();
            let stripped = raw.trim_end_matches('#');
            let text = if stripped.len() < raw.len()
                && (stripped.is_empty() || stripped.ends_with([' ', '\t']))
            {
                stripped.trim_end()
            } else {
                raw
            };
            let start = span.start + off;
            doc.headings.push(Heading {
                level,
                text: text.to_string(),
                span: trim_span(source, span),
                text_span: Span::new(start, start + text.len()),
                empty: false,
            });
            blocks.push(Block::Heading(doc.headings.len() - 1));
            idx += 1;
            continue;
        }
        if let Some((label, url, off)) = link_def(line) {
            let start = span.start + off;
            doc.link_defs.push(LinkDef {
                label,
                url_span: Span::new(start, start + url.len()),
                url,
            });
            idx += 1;
            continue;
        }
        // Setext heading: a text line underlined with `===` (H1) or `---` (H2).
        if idx + 1 < n && !in_code[idx + 1] && line.trim_start().len() + 3 >= line.len() {
            let next = source.line_text(idx + 1).trim();
            let level = if !next.is_empty() && next.bytes().all(|b| b == b'=') {
                1
            } else if !next.is_empty() && next.bytes().all(|b| b == b'-') {
                2
            } else {
                0
            };
            let t = line.trim();
            let is_item = t.starts_with(['*', '-', '+', '>', '|', '<']);
            if level > 0 && !is_item {
                let tspan = trim_span(source, span);
                doc.headings.push(Heading {
                    level,
                    text: t.to_string(),
                    span: Span::new(tspan.start, source.line_span(idx + 1).end),
                    text_span: tspan,
                    empty: false,
                });
                blocks.push(Block::Heading(doc.headings.len() - 1));
                idx += 2;
                continue;
            }
        }
        blocks.push(Block::Content);
        idx += 1;
    }
    for (b, block) in blocks.iter().enumerate() {
        if let Block::Heading(h) = block {
            let level = doc.headings[*h].level;
            let empty = match blocks.get(b + 1) {
                None => true,
                Some(Block::Content) => false,
                Some(Block::Heading(next)) => doc.headings[*next].level <= level,
            };
            doc.headings[*h].empty = empty;
        }
    }

    // Images.
    let defs: HashMap<&str, &LinkDef> = doc
        .link_defs
        .iter()
        .rev()
        .map(|d| (d.label.as_str(), d))
        .collect();
    let mut images = Vec::new();
    for (idx, code) in in_code.iter().enumerate() {
        if *code {
            continue;
        }
        let span = source.line_span(idx);
        let line = source.slice(span);
        scan_md_images(line, span.start, &defs, &mut images);
    }
    scan_html_images(source, &doc.code_blocks, &mut images);
    images.sort_by_key(|i: &Image| (i.whole.start, i.span.start));
    doc.images = images;
    doc
}

/// Byte ranges of inline code spans in a line.
fn code_spans(line: &str) -> Vec<(usize, usize)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'`' {
            let n = b[i..].iter().take_while(|c| **c == b'`').count();
            let open_end = i + n;
            let mut j = open_end;
            let mut closed = None;
            while j < b.len() {
                if b[j] == b'`' {
                    let m = b[j..].iter().take_while(|c| **c == b'`').count();
                    if m == n {
                        closed = Some(j + m);
                        break;
                    }
                    j += m;
                } else {
                    j += 1;
                }
            }
            match closed {
                Some(end) => {
                    out.push((i, end));
                    i = end;
                }
                None => i = open_end,
            }
        } else {
            i += 1;
        }
    }
    out
}

fn scan_md_images(line: &str, base: usize, defs: &HashMap<&str, &LinkDef>, out: &mut Vec<Image>) {
    let codes = code_spans(line);
    let in_code = |i: usize| codes.iter().any(|(s, e)| i >= *s && i < *e);
    let b = line.as_bytes();
    let mut from = 0;
    while let Some(rel) = line[from..].find("![") {
        let start = from + rel;
        from = start + 2;
        if in_code(start) {
            continue;
        }
        // Alt text: up to the matching `]` (one level of nesting).
        let mut depth = 0usize;
        let mut close = None;
        let mut i = start + 2;
        while i < b.len() {
            match b[i] {
                b'\\' => i += 1,
                b'[' => depth += 1,
                b']' if depth == 0 => {
                    close = Some(i);
                    break;
                }
                b']' => depth -= 1,
                _ => {}
            }
            i += 1;
        }
        let Some(close) = close else { continue };
        let after = close + 1;
        if b.get(after) == Some(&b'(') {
            let inner_start = after + 1;
            let rest = &line[inner_start..];
            let lead = rest.len() - rest.trim_start().len();
            let src_start = inner_start + lead;
            let rest = &line[src_start..];
            let (src, src_off, end_search) = if let Some(r) = rest.strip_prefix('<') {
                match r.find('>') {
                    Some(e) => (&r[..e], src_start + 1, src_start + 1 + e),
                    None => continue,
                }
            } else {
                // Up to whitespace or the closing parenthesis (balanced).
                let mut depth = 0usize;
                let mut end = rest.len();
                for (k, c) in rest.char_indices() {
                    match c {
                        '(' => depth += 1,
                        ')' if depth == 0 => {
                            end = k;
                            break;
                        }
                        ')' => depth -= 1,
                        c if c.is_whitespace() => {
                            end = k;
                            break;
                        }
                        _ => {}
                    }
                }
                (&rest[..end], src_start, src_start + end)
            };
            let whole_end = line[end_search..]
                .find(')')
                .map(|k| end_search + k + 1)
                .unwrap_or(line.len());
            out.push(Image {
                src: src.to_string(),
                span: Span::new(base + src_off, base + src_off + src.len()),
                whole: Span::new(base + start, base + whole_end),
            });
            from = whole_end.max(from);
        } else {
            // Reference forms: `![alt][ref]`, `![alt][]`, `![alt]`.
            let (label, whole_end) = if b.get(after) == Some(&b'[') {
                match line[after + 1..].find(']') {
                    Some(k) => {
                        let l = &line[after + 1..after + 1 + k];
                        let l = if l.is_empty() {
                            &line[start + 2..close]
                        } else {
                            l
                        };
                        (l, after + 2 + k)
                    }
                    None => continue,
                }
            } else {
                (&line[start + 2..close], after)
            };
            if let Some(def) = defs.get(normalize_label(label).as_str()) {
                out.push(Image {
                    src: def.url.clone(),
                    span: def.url_span,
                    whole: Span::new(base + start, base + whole_end),
                });
            }
            from = whole_end.max(from);
        }
    }
}

fn scan_html_images(source: &SourceFile, code: &[Span], out: &mut Vec<Image>) {
    let text = &source.text;
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(rel) = lower[from..].find("<img") {
        let start = from + rel;
        from = start + 4;
        if code.iter().any(|c| start >= c.start && start < c.end) {
            continue;
        }
        if !lower[start + 4..]
            .chars()
            .next()
            .is_some_and(|c| c.is_whitespace() || c == '/' || c == '>')
        {
            continue;
        }
        let end = lower[start..]
            .find('>')
            .map(|k| start + k + 1)
            .unwrap_or(text.len());
        let tag = &lower[start..end];
        // Find a `src` attribute (not `data-src`, `srcset`).
        let mut search = 0;
        while let Some(k) = tag[search..].find("src") {
            let at = search + k;
            search = at + 3;
            let before = tag[..at].chars().last();
            if !before.is_some_and(char::is_whitespace) {
                continue;
            }
            let rest = &tag[at + 3..];
            let rt = rest.trim_start();
            let Some(after_eq) = rt.strip_prefix('=') else {
                continue;
            };
            let val = after_eq.trim_start();
            let val_off = at + 3 + (rest.len() - rt.len()) + 1 + (after_eq.len() - val.len());
            let (vstart, vlen) = match val.chars().next() {
                Some(q @ ('"' | '\'')) => match val[1..].find(q) {
                    Some(e) => (val_off + 1, e),
                    None => break,
                },
                Some(_) => (
                    val_off,
                    val.find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(val.len()),
                ),
                None => break,
            };
            let s = start + vstart;
            let src = &text[s..s + vlen];
            out.push(Image {
                src: src.to_string(),
                span: Span::new(s, s + vlen),
                whole: Span::new(start, end),
            });
            break;
        }
        from = end.max(from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> (SourceFile, Markdown) {
        let f = SourceFile::new("README.md", text.to_string());
        let m = parse(&f);
        (f, m)
    }

    #[test]
    fn headings_and_emptiness() {
        let (_, m) = p("# T\n\n## Overview\n\nText.\n\n## Setup\n\n### Install\n\nx\n\n## Support\n\n[1]: http://x\n\n## Last ##\n");
        let names: Vec<_> = m
            .headings
            .iter()
            .map(|h| (h.level, h.text.as_str(), h.empty))
            .collect();
        assert_eq!(
            names,
            vec![
                (1, "T", false),
                (2, "Overview", false),
                (2, "Setup", false),
                (3, "Install", false),
                (2, "Support", true),
                (2, "Last", true)
            ]
        );
    }

    #[test]
    fn fences_hide_headings_and_images() {
        let (_, m) = p("```\n## Overview\n![a](b.png)\n```\n## Setup\nx\n");
        assert_eq!(m.headings.len(), 1);
        assert!(m.images.is_empty());
    }

    #[test]
    fn setext() {
        let (_, m) = p("Overview\n--------\n\ntext\n");
        assert_eq!(m.headings[0].text, "Overview");
        assert_eq!(m.headings[0].level, 2);
    }

    #[test]
    fn images_of_every_form() {
        let (f, m) = p("See ![a](images/x.png \"t\") and [![b][1]](http://l) `![no](c.png)`\n<IMG alt=\"q\" SRC='https://e/y.png'>\n\n[1]: https://raw.githubusercontent.com/DataDog/integrations-extras/master/foo/images/z.png\n");
        let srcs: Vec<_> = m.images.iter().map(|i| f.slice(i.span)).collect();
        assert_eq!(
            srcs,
            vec![
                "images/x.png",
                "https://raw.githubusercontent.com/DataDog/integrations-extras/master/foo/images/z.png",
                "https://e/y.png"
            ]
        );
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for s in [
            "",
            "![",
            "![a](",
            "![a][",
            "<img",
            "<img src=",
            "<img src='x",
            "[a]:",
            "[a]: <x",
            "#",
            "x\n-",
            "```",
            "![a](<b",
        ] {
            let _ = p(s);
        }
    }
}
