use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta, EXTRAS_CORE};
use crate::source::Span;

pub struct NonAscii;

static META: RuleMeta = RuleMeta {
    id: "readme/non-ascii",
    kinds: EXTRAS_CORE,
    summary: "README.md has a character above code point 256 (not marketplace)",
    explanation: "\
`ddev validate readmes` rejects, outside the Marketplace, any README.md character whose code
point is above 256: Latin-1 letters pass, but curly quotes, dashes, emoji and non-Latin scripts
break the documentation build. Each offending line is reported once, at its first such
character.

Bad:   The Agent’s check — see below 🚀
Good:  The Agent's check - see below",
    ..RuleMeta::DEFAULT
};

fn ascii_for(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' => "'",
        '\u{201c}' | '\u{201d}' => "\"",
        '\u{2013}' | '\u{2014}' => "-",
        '\u{2026}' => "...",
        '\u{00a0}' | '\u{202f}' | '\u{2009}' => " ",
        '\u{2192}' => "->",
        _ => return None,
    })
}

impl Rule for NonAscii {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(readme) = &ctx.integration.readme else {
            return;
        };
        let source = &readme.source;
        for idx in 0..source.line_count() {
            let span = source.line_span(idx);
            let line = source.slice(span);
            let mut bad = line.char_indices().filter(|(_, c)| (*c as u32) > 256);
            let Some((off, c)) = bad.next() else { continue };
            let more = bad.count();
            let at = span.start + off;
            let mut msg = format!(
                "non-ASCII character `{c}` (U+{:04X}) in README.md",
                c as u32
            );
            if more > 0 {
                msg.push_str(&format!(", and {more} more on this line"));
            }
            out.push(
                Finding::at(source, Span::new(at, at + c.len_utf8()), msg).help(
                    match ascii_for(c) {
                        Some(r) => format!("replace it with `{r}`"),
                        None => "replace it with ASCII text (characters up to U+0100 are accepted)"
                            .to_string(),
                    },
                ),
            );
        }
    }
}
